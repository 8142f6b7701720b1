// Benchmark worker "lexical engines" (I/O: writes an engine's files; run in its own process so load time and RSS are
// its own): builds one engine over the synthetic corpus, or opens it and times queries shaped as the retriever sends them.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LexicalQuery } from '../../src/index/bm25.js';
import { queryTerms } from '../../src/index/terms.js';
import { type EngineKey, loadEngine } from './engines/index.js';
import { at, mib, summarise } from './stats.js';
import { syntheticCorpus, syntheticQuestions } from './synthetic.js';

/** Time one engine may spend querying in one round (SQLite FTS5 takes about a second per query at 100k chunks). */
const QUERY_BUDGET_MS = 15_000;

/** Query terms as the retriever weighs them (own words 1 and typo-tolerant, expansions 0.4). */
export function retrieverQuery(question: string): LexicalQuery {
  const t = queryTerms(question);
  return [...t.own.map((term) => ({ term, weight: 1, fuzzy: true })), ...t.expanded.map((term) => ({ term, weight: 0.4 }))];
}

async function engineOf(key: EngineKey) {
  const engine = await loadEngine(key);
  if ('missing' in engine) throw new Error(engine.missing);
  return engine;
}

async function build(key: EngineKey, n: number, dir: string) {
  const engine = await engineOf(key);
  const { docs, chunks } = syntheticCorpus(n);
  await mkdir(dir, { recursive: true });
  const rss0 = process.memoryUsage().rss;
  const t = performance.now();
  await engine.build(chunks, new Map(docs.map((d) => [d.id, d])), dir);
  const buildMs = performance.now() - t;
  let bytes = 0;
  for (const f of await readdir(dir)) bytes += (await stat(join(dir, f))).size;
  return { buildMs, diskMiB: mib(bytes), buildRssMiB: mib(process.memoryUsage().rss - rss0) };
}

async function open(key: EngineKey, dir: string) {
  const engine = await engineOf(key);
  const queries = syntheticQuestions(340).map(retrieverQuery);
  const rss0 = process.memoryUsage().rss;
  const t = performance.now();
  const searcher = await engine.open(dir);
  const loadMs = performance.now() - t;
  const rssMiB = mib(process.memoryUsage().rss);
  const indexRssMiB = mib(process.memoryUsage().rss - rss0);
  // 40 warm-up queries, then up to 300 timed; a slow engine stops after QUERY_BUDGET_MS with at least 20 timed.
  const times: number[] = [];
  const begun = performance.now();
  for (const [i, q] of queries.entries()) {
    const s = performance.now();
    searcher.search(q, 24);
    if (i >= 40 || (performance.now() - begun > QUERY_BUDGET_MS && i >= 5)) times.push(performance.now() - s);
    if (performance.now() - begun > QUERY_BUDGET_MS && times.length >= 20) break;
  }
  searcher.close?.();
  return { loadMs, rssMiB, indexRssMiB, query: summarise(times) };
}

if (process.argv[2] === '--build' || process.argv[2] === '--open') {
  const key = at(process.argv, 3) as EngineKey;
  const dir = at(process.argv, 5);
  const out = process.argv[2] === '--build' ? await build(key, Number(process.argv[4]), dir) : await open(key, dir);
  await writeFile(join(dir, `${process.argv[2].slice(2)}-${process.pid}.json`), JSON.stringify(out));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
