// Evaluation (I/O: builds a temporary index, prints a table): hit@3 and MRR of the labelled questions in
// test/fixtures/eval.json, for lexical, dense and hybrid retrieval. `npm run eval [-- --json]`.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/log.js';
import { Runtime } from '../src/app/runtime.js';
import { withContext } from '../src/domain/types.js';
import type { Mode } from '../src/query/retriever.js';

interface Case {
  question: string;
  expect: string;
}

/** Rank (1-based) of the first citation quoting the expected text, or 0. */
function rankOf(quotes: string[], expected: string): number {
  return quotes.findIndex((q) => q.includes(expected)) + 1;
}

const json = process.argv.includes('--json');
const cases = JSON.parse(readFileSync(resolve(import.meta.dirname, '../test/fixtures/eval.json'), 'utf8')) as Case[];
const config = loadConfig();
const log = createLogger(json ? 'error' : 'warn');
const runtime = await Runtime.create({ ...config, retrievalMode: 'hybrid', indexDir: join(mkdtempSync(join(tmpdir(), 'eval-')), 'index') }, log);
const { summary } = await runtime.rebuild();
const built = { model: summary?.model ?? null };
const advisor = runtime.advisor();

const rows: { mode: Mode; hit3: number | null; mrr: number | null; misses: string[] }[] = [];
for (const mode of ['lexical', 'dense', 'hybrid'] as Mode[]) {
  if (mode !== 'lexical' && !advisor.retriever.denseAvailable) {
    rows.push({ mode, hit3: null, mrr: null, misses: [] });
    continue;
  }
  let hits = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const answer = await advisor.ask(c.question, undefined, mode);
    const rank = rankOf(answer.citations.map(withContext), c.expect);
    if (rank > 0 && rank <= 3) hits++;
    if (rank > 0) rr += 1 / rank;
    else misses.push(c.question);
  }
  rows.push({ mode, hit3: hits / cases.length, mrr: rr / cases.length, misses });
}

if (json) process.stdout.write(`${JSON.stringify({ questions: cases.length, model: built.model, rows }, null, 2)}\n`);
else {
  const f = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));
  const lines = [
    `Evaluation: ${cases.length} questions, model ${built.model ?? 'none'}${built.model?.includes('random') ? ' (random weights: dense scores are meaningless)' : ''}`,
    '',
    '| mode    | hit@3 | MRR   |',
    '|---------|-------|-------|',
    ...rows.map((r) => `| ${r.mode.padEnd(7)} | ${f(r.hit3)} | ${f(r.mrr)} |`),
  ];
  if (rows.some((r) => r.hit3 === null)) lines.push('', 'dense/hybrid: n/a because the embedding model is unavailable (set EMBED_MODEL).');
  const [lexical] = rows;
  if (lexical?.misses.length) lines.push('', `Missed in lexical mode: ${lexical.misses.map((m) => `"${m}"`).join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
