// Benchmark (I/O: builds temporary indexes, spawns probe processes, may write docs/benchmarks.md):
// ingest, embedding, answering, start-up and scale, as median/p95/p99. `npm run bench [-- --json|--write|--quick]`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Config, loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/log.js';
import { loadTransformersEmbedder } from '../src/embed/transformers.js';
import { buildIndex } from '../src/index/pipeline.js';
import { Advisor } from '../src/query/advisor.js';
import type { Mode } from '../src/query/retriever.js';
import { embeddingThroughput } from './bench/embedding.js';
import { renderReport } from './bench/report.js';
import { at, summarise, timeRuns } from './bench/stats.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const log = createLogger('error');
const started = performance.now();
const progress = (m: string) => !args.includes('--json') && process.stderr.write(`bench: ${m} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

/** The configured model, or the MiniLM-architecture model beside the checkout when that one is unavailable. */
async function chooseModel(base: Config): Promise<{ config: Config; note: string }> {
  try {
    await loadTransformersEmbedder(base.embedding);
    return { config: base, note: base.embedding.model };
  } catch {
    const shared = resolve(ROOT, '..', 'shared', 'models', 'minilm-l6-arch-random');
    if (!existsSync(shared)) return { config: { ...base, retrievalMode: 'lexical' }, note: 'none (lexical only)' };
    const config = loadConfig({ EMBED_MODEL: shared, LOG_LEVEL: 'error' }, ROOT);
    return { config, note: 'minilm-l6-arch-random (all-MiniLM-L6-v2 architecture, random weights, int8)' };
  }
}

const { config, note: model } = await chooseModel(loadConfig());
const embedder = config.retrievalMode === 'lexical' ? null : await loadTransformersEmbedder(config.embedding);
const env = {
  PATH: process.env.PATH ?? '',
  EMBED_MODEL: embedder ? join(config.embedding.localModelPath ?? '', config.embedding.model) : '',
  RETRIEVAL_MODE: embedder ? 'hybrid' : 'lexical',
  CORPUS_DIR: config.corpusDir,
};

progress('ingest');
const builds = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const indexDir = join(mkdtempSync(join(tmpdir(), 'bench-ingest-')), 'index');
  builds.push({ indexDir, s: await buildIndex({ corpusDir: config.corpusDir, indexDir, embedder, hnsw: config.hnsw, log }) });
}
const last = at(builds, builds.length - 1);
const reingest = await buildIndex({ corpusDir: config.corpusDir, indexDir: last.indexDir, embedder, hnsw: config.hnsw, log });
const med = (xs: number[]) => summarise(xs).p50;
const ingest = {
  docs: last.s.docs,
  chunks: last.s.chunks,
  totalMs: med(builds.map((b) => b.s.ms.total)),
  parseMs: med(builds.map((b) => b.s.ms.parse)),
  embedMs: med(builds.map((b) => b.s.ms.embed)),
  writeMs: med(builds.map((b) => b.s.ms.write)),
  chunksPerSec: last.s.chunks / (med(builds.map((b) => b.s.ms.total)) / 1000),
  reingest: { ms: reingest.ms.total, embedded: reingest.embedded, reused: reingest.reused },
};

progress('embedding throughput');
const seed = readFileSync(join(config.corpusDir, 'backend-engineer-machine-learning-systems.txt'), 'utf8').split(/\s+/);
const windows = Array.from({ length: quick ? 32 : 64 }, (_, i) => seed.slice((i * 53) % (seed.length - 200), ((i * 53) % (seed.length - 200)) + 200).join(' '));
const embedding = embedder ? await embeddingThroughput(config, windows, quick ? 1 : 3) : [];

progress('answering');
const questions = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'eval.json'), 'utf8')) as { question: string }[]).map((q) => q.question);
const roles = last.s.index.knowledge.roles.map((r) => r.name);
const warmRuns = quick ? 100 : 300;
const answering: { op: string; mode: string; coldMs: number; warm: ReturnType<typeof summarise> }[] = [];
for (const mode of ['lexical', 'dense', 'hybrid'] as Mode[]) {
  if (mode !== 'lexical' && !embedder) continue;
  const advisor = new Advisor(last.s.index, embedder, mode, undefined, 0);
  let k = 0;
  const t = performance.now();
  await advisor.ask(at(questions, 0));
  const coldMs = performance.now() - t;
  answering.push({
    op: 'ask',
    mode,
    coldMs,
    warm: summarise(await timeRuns(() => advisor.ask(at(questions, k++ % questions.length)), warmRuns, questions.length)),
  });
}
{
  const advisor = new Advisor(last.s.index, null, 'lexical', undefined, 0);
  let k = 0;
  let t = performance.now();
  advisor.salary({ role: at(roles, 0) });
  const salaryCold = performance.now() - t;
  answering.push({
    op: 'salary',
    mode: 'any',
    coldMs: salaryCold,
    warm: summarise(await timeRuns(() => advisor.salary({ role: at(roles, k++ % roles.length) }), warmRuns, roles.length)),
  });
  t = performance.now();
  advisor.compare(at(roles, 0), at(roles, 1));
  const compareCold = performance.now() - t;
  answering.push({
    op: 'compare',
    mode: 'any',
    coldMs: compareCold,
    warm: summarise(await timeRuns(() => advisor.compare(at(roles, k % roles.length), at(roles, (k++ + 1) % roles.length)), warmRuns, roles.length)),
  });
}

progress('start-up');
const startups = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const { stdout } = await run(TSX, [join(ROOT, 'scripts', 'bench', 'startup-probe.ts')], {
    env: { ...env, DATA_DIR: resolve(last.indexDir, '..'), LOG_LEVEL: 'error' },
  });
  startups.push(JSON.parse(stdout) as { readyMs: number; rssMiB: number; mode: string });
}
const startup = { readyMs: med(startups.map((s) => s.readyMs)), rssMiB: med(startups.map((s) => s.rssMiB)), mode: at(startups, 0).mode };

const scale = [];
for (const n of quick ? [1000, 10000] : [1000, 10000, 100000]) {
  progress(`scale ${n} chunks`);
  const dir = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
  const worker = join(ROOT, 'scripts', 'bench', 'scale.ts');
  const opts = { maxBuffer: 1 << 24, timeout: 20 * 60_000 };
  const built = JSON.parse(
    (await run(TSX, [worker, '--build', String(n), dir, JSON.stringify({ m: config.hnsw.m, efConstruction: config.hnsw.efConstruction })], opts)).stdout,
  );
  const served = JSON.parse((await run(TSX, [worker, '--serve', String(n), dir, JSON.stringify({ efSearch: [64, 128, 256, 512, 1024] })], opts)).stdout);
  scale.push({ ...built, ...served });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: totalmem() / 2 ** 30,
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
};
const result = { machine, model, hnsw: config.hnsw, ingest, embedding, answering, startup, scale, wallSeconds: (performance.now() - started) / 1000 };
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const report = renderReport(result);
  process.stdout.write(`${report}\n`);
  if (args.includes('--write')) writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), `${report}\n`);
}
