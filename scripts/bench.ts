// Benchmark (I/O: builds temporary indexes, spawns worker processes, may write docs/benchmarks.md): ingest, embedding,
// answering, lexical engines and their ranking quality, start-up and scale, with ratios from interleaved A/B rounds.
// `npm run bench [-- --json|--write|--quick]`; --quick stops at 10k chunks and takes a few minutes.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { ENGINE_KEYS, type EngineKey, loadEngine } from './bench/engines/index.js';
import { lexicalQuality } from './bench/quality.js';
import { type BenchResult, renderReport } from './bench/report.js';
import { at, interleave, machineLoad, pairedRatio, percentile, repeated, type summarise, timeRuns } from './bench/stats.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** Interleaved A/B rounds behind every ratio (the issue asks for at least 10). */
const ROUNDS = 10;
const log = createLogger('error');
const started = performance.now();
const progress = (m: string) =>
  !args.includes('--json') &&
  process.stderr.write(`bench: ${m} (${((performance.now() - started) / 1000).toFixed(0)} s, load ${machineLoad().loadavg[0].toFixed(1)})\n`);
const loads: { section: string; loadavg: number }[] = [];
const section = (name: string) => {
  loads.push({ section: name, loadavg: machineLoad().loadavg[0] });
  progress(name);
};
/** The scale worker compiled, as `npm start` runs the project: tsx's loader would add its own memory to the RSS measured. */
const COMPILED = join(ROOT, 'dist-bench');
const worker = (file: string, argv: string[], options: { env?: NodeJS.ProcessEnv; heapMiB?: number; compiled?: boolean } = {}) =>
  run(
    process.execPath,
    [
      ...(options.heapMiB ? [`--max-old-space-size=${options.heapMiB}`] : []),
      ...(options.compiled
        ? ['--expose-gc', join(COMPILED, 'scripts', 'bench', file.replace(/\.ts$/, '.js'))]
        : ['--import', 'tsx', join(ROOT, 'scripts', 'bench', file)]),
      ...argv,
    ],
    {
      maxBuffer: 1 << 26,
      timeout: 60 * 60_000,
      cwd: ROOT,
      ...(options.env ? { env: options.env } : {}),
    },
  ).then((r) => JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null'));

/** The configured model, or the MiniLM-architecture model beside the checkout when that one is unavailable. */
async function chooseModel(base: Config): Promise<{ config: Config; note: string; dir: string | null }> {
  try {
    await loadTransformersEmbedder(base.embedding);
    return { config: base, note: base.embedding.model, dir: join(base.embedding.localModelPath ?? base.embedding.cacheDir, base.embedding.model) };
  } catch {
    const shared = resolve(ROOT, '..', 'shared', 'models', 'minilm-l6-arch-random');
    if (!existsSync(shared)) return { config: { ...base, retrievalMode: 'lexical' }, note: 'none (lexical only)', dir: null };
    const config = loadConfig({ EMBED_MODEL: shared, LOG_LEVEL: 'error' }, ROOT);
    return { config, note: 'minilm-l6-arch-random (all-MiniLM-L6-v2 architecture, random weights, int8)', dir: shared };
  }
}

const { config, note: model, dir: modelDir } = await chooseModel(loadConfig());
const embedder = config.retrievalMode === 'lexical' ? null : await loadTransformersEmbedder(config.embedding);

section('build dist/ (npm start runs it) and the compiled scale worker');
await run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT });
await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'], { cwd: ROOT });
for (const d of ['ingest/data']) cpSync(join(ROOT, 'src', d), join(COMPILED, 'src', d), { recursive: true });

section('ingest');
const builds = [];
for (let i = 0; i < (quick ? 1 : 3); i++) {
  const indexDir = join(mkdtempSync(join(tmpdir(), 'bench-ingest-')), 'index');
  builds.push({ indexDir, s: await buildIndex({ corpusDir: config.corpusDir, indexDir, embedder, hnsw: config.hnsw, log }) });
}
const last = at(builds, builds.length - 1);
const reingest = await buildIndex({ corpusDir: config.corpusDir, indexDir: last.indexDir, embedder, hnsw: config.hnsw, log });
const med = (xs: number[]) => percentile(xs, 50);
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

section('embedding throughput vs raw onnxruntime');
const seed = readFileSync(join(config.corpusDir, 'backend-engineer-machine-learning-systems.txt'), 'utf8').split(/\s+/);
const windows = Array.from({ length: quick ? 16 : 32 }, (_, i) => seed.slice((i * 53) % (seed.length - 200), ((i * 53) % (seed.length - 200)) + 200).join(' '));
const embedding = embedder ? await embeddingThroughput(config, windows, ROUNDS) : [];

section('answering');
const questions = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'eval.json'), 'utf8')) as { question: string }[]).map((q) => q.question);
const roles = last.s.index.knowledge.roles.map((r) => r.name);
/** Passes over the questions (or roles): all timings give p50/p99, each one's fastest pass gives the "best" figures. */
const passes = quick ? 3 : 7;
const answering: BenchResult['answering'] = [];
for (const mode of ['lexical', 'dense', 'hybrid'] as Mode[]) {
  if (mode !== 'lexical' && !embedder) continue;
  const advisor = new Advisor(last.s.index, embedder, mode, undefined, 0);
  const t = performance.now();
  await advisor.ask(at(questions, 0));
  const coldMs = performance.now() - t;
  answering.push({ op: 'ask', mode, coldMs, warm: await repeated(questions.length, passes, (i) => advisor.ask(at(questions, i))) });
}
{
  const advisor = new Advisor(last.s.index, null, 'lexical', undefined, 0);
  let t = performance.now();
  advisor.salary({ role: at(roles, 0) });
  const salaryCold = performance.now() - t;
  answering.push({
    op: 'salary',
    mode: 'any',
    coldMs: salaryCold,
    warm: await repeated(roles.length, passes * 4, (i) => advisor.salary({ role: at(roles, i) })),
  });
  t = performance.now();
  advisor.compare(at(roles, 0), at(roles, 1));
  const compareCold = performance.now() - t;
  answering.push({
    op: 'compare',
    mode: 'any',
    coldMs: compareCold,
    warm: await repeated(roles.length, passes * 4, (i) => advisor.compare(at(roles, i), at(roles, (i + 1) % roles.length))),
  });
}

section('lexical ranking quality');
const quality = await lexicalQuality(ROOT, config.corpusDir);

/** Every available engine built over the same synthetic corpus, then opened in ROUNDS interleaved rounds of processes. */
async function compareEngines(n: number): Promise<BenchResult['engines']> {
  const keys: EngineKey[] = [];
  const missing: string[] = [];
  for (const key of ENGINE_KEYS) {
    const e = await loadEngine(key);
    if ('missing' in e) missing.push(e.missing);
    else keys.push(key);
  }
  const root = mkdtempSync(join(tmpdir(), `bench-engines-${n}-`));
  const built: Record<string, { buildMs: number; diskMiB: number; buildRssMiB: number }> = {};
  for (const key of keys) {
    progress(`engines at ${n}: build ${key}`);
    built[key] = await worker('lexical.ts', ['--build', key, String(n), join(root, key)], { heapMiB: 8192 });
  }
  progress(`engines at ${n}: ${ROUNDS} interleaved rounds of opening and querying`);
  type Opened = { loadMs: number; rssMiB: number; indexRssMiB: number; query: ReturnType<typeof summarise> };
  const runs = await interleave(
    Object.fromEntries(keys.map((key) => [key, () => worker('lexical.ts', ['--open', key, String(n), join(root, key)], { heapMiB: 8192 }) as Promise<Opened>])),
    ROUNDS,
  );
  rmSync(root, { recursive: true, force: true });
  const typed = runs.typed ?? [];
  const rows = keys.map((key) => {
    const r = runs[key] ?? [];
    const vs = (pick: (o: Opened) => number) => pairedRatio(r.map((o, i) => [pick(o), typed[i] ? pick(typed[i]) : Number.NaN]));
    return {
      key,
      build: built[key] ?? { buildMs: 0, diskMiB: 0, buildRssMiB: 0 },
      loadMs: med(r.map((o) => o.loadMs)),
      rssMiB: med(r.map((o) => o.rssMiB)),
      indexRssMiB: med(r.map((o) => o.indexRssMiB)),
      p50: med(r.map((o) => o.query.p50)),
      p99: med(r.map((o) => o.query.p99)),
      queries: at(r, 0).query.n,
      vsTyped: { load: vs((o) => o.loadMs), p50: vs((o) => o.query.p50), p99: vs((o) => o.query.p99) },
    };
  });
  return { chunks: n, rounds: ROUNDS, rows, missing };
}

section('lexical engines');
const engines = await compareEngines(quick ? 10_000 : 100_000);

section('scale');
const efSearch = [16, 32, 64, 128, 256];
const scale: BenchResult['scale'] = [];
const hnswParams = { m: config.hnsw.m, efConstruction: config.hnsw.efConstruction };
const modelArg = embedder ? JSON.stringify(config.embedding) : null;
for (const n of quick ? [10_000] : [10_000, 100_000]) {
  progress(`scale ${n} chunks (hybrid)`);
  const root = mkdtempSync(join(tmpdir(), `bench-scale-${n}-`));
  const built = await worker('scale.ts', ['--build', String(n), root, JSON.stringify({ ...hnswParams, lexicalOnly: false })], {
    heapMiB: 8192,
    compiled: true,
  });
  const served = await worker('scale.ts', ['--serve', String(n), root, JSON.stringify({ efSearch, model: modelArg, lexicalOnly: false, ask: true })], {
    heapMiB: 8192,
    compiled: true,
  });
  rmSync(root, { recursive: true, force: true });
  scale.push({ ...built, ...served });
}
const growth: BenchResult['growth'] = [];
for (const n of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
  progress(`scale ${n} chunks (lexical only)`);
  const root = mkdtempSync(join(tmpdir(), `bench-growth-${n}-`));
  const built = await worker('scale.ts', ['--build', String(n), root, JSON.stringify({ ...hnswParams, lexicalOnly: true })], {
    heapMiB: 12288,
    compiled: true,
  });
  const served = await worker('scale.ts', ['--serve', String(n), root, JSON.stringify({ efSearch, model: null, lexicalOnly: true, ask: true })], {
    heapMiB: 12288,
    compiled: true,
  });
  rmSync(root, { recursive: true, force: true });
  growth.push({ ...built, ...served });
}

section('start-up and the LangChain.js baseline');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
const startEnv = (mode: 'lexical' | 'hybrid') => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  CORPUS_DIR: config.corpusDir,
  DATA_DIR: dataDir,
  RETRIEVAL_MODE: mode,
  LOG_LEVEL: 'error',
  ...(embedder ? { EMBED_MODEL: join(config.embedding.localModelPath ?? '', config.embedding.model) } : {}),
});
await run(process.execPath, [join(ROOT, 'dist', 'main.js'), 'ingest'], { env: startEnv(embedder ? 'hybrid' : 'lexical'), cwd: ROOT });
const question = 'How much do machine learning engineers make?';
/** Wall time from spawning a process to its exit (it exits right after printing its first answer). */
const timed = (cmd: string, argv: string[], env: NodeJS.ProcessEnv, input?: string) =>
  new Promise<number>((done, fail) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { env, cwd: ROOT, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    if (input !== undefined) child.stdin?.end(input);
    child.on('exit', (code) => (code === 0 ? done(performance.now() - t) : fail(new Error(`${cmd} ${argv.join(' ')} exited ${code}: ${err.slice(0, 400)}`))));
  });
const lcScript = join(ROOT, 'scripts', 'bench', 'langchain-baseline.mjs');
const lcStore = join(mkdtempSync(join(tmpdir(), 'bench-langchain-')), 'store');
let langchain: BenchResult['langchain'] = { available: false, note: '' };
if (modelDir) {
  try {
    const ingested = JSON.parse(
      (await run(process.execPath, [lcScript, '--ingest', config.corpusDir, lcStore, modelDir], { cwd: ROOT, maxBuffer: 1 << 24 })).stdout,
    );
    langchain = { available: true, note: 'RecursiveCharacterTextSplitter (1000/200), HNSWLib, the same model', ingest: ingested };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    langchain = {
      available: false,
      note:
        e.code === 3
          ? 'skipped: LangChain.js is not installed (npm i --no-save @langchain/community@1 @langchain/core@1 @langchain/textsplitters@1, then re-run)'
          : `skipped: the baseline failed (${String(e.stderr ?? error).split('\n')[0]})`,
    };
  }
} else langchain = { available: false, note: 'skipped: no embedding model, so no like-for-like baseline' };
const node = process.execPath;
const mainJs = join(ROOT, 'dist', 'main.js');
const startJobs: Record<string, () => Promise<number>> = {
  lexical: () => timed(node, [mainJs, 'ask', question], startEnv('lexical')),
  npmStart: () => timed('npm', ['start', '-s'], startEnv('lexical'), `${question}\n`),
  ...(embedder ? { hybrid: () => timed(node, [mainJs, 'ask', question], startEnv('hybrid')) } : {}),
  ...(langchain.available && modelDir
    ? { langchain: () => timed(node, [lcScript, '--first-answer', lcStore, modelDir, question], { PATH: process.env.PATH ?? '' }) }
    : {}),
};
for (const job of Object.values(startJobs)) await job();
const starts = await interleave(startJobs, ROUNDS);
const versus = (a: string, b: string) => (starts[a] && starts[b] ? pairedRatio((starts[a] ?? []).map((x, i) => [x, starts[b]?.[i] ?? Number.NaN])) : null);
const startup: BenchResult['startup'] = {
  rounds: ROUNDS,
  medians: Object.fromEntries(Object.entries(starts).map(([k, v]) => [k, med(v)])),
  ratios: {
    lexicalVsLangchain: versus('lexical', 'langchain'),
    hybridVsLangchain: versus('hybrid', 'langchain'),
    npmVsNode: versus('npmStart', 'lexical'),
  },
};
if (langchain.available && modelDir && embedder) {
  progress('hybrid ask vs LangChain similaritySearch, interleaved');
  const file = join(dataDir, 'questions.json');
  writeFileSync(file, JSON.stringify(questions));
  const advisor = new Advisor(last.s.index, embedder, 'hybrid', undefined, 0);
  const pairs = await interleave(
    {
      project: async () => {
        const times: number[] = [];
        for (let r = 0; r < 3; r++) for (const q of questions) times.push(...(await timeRuns(() => advisor.ask(q), 1, 0)));
        return percentile(times, 50);
      },
      langchain: async () => percentile(JSON.parse((await run(node, [lcScript, '--queries', lcStore, modelDir, file], { cwd: ROOT })).stdout).times, 50),
    },
    ROUNDS,
  );
  langchain.query = {
    projectP50: med(pairs.project ?? []),
    langchainP50: med(pairs.langchain ?? []),
    ratio: pairedRatio((pairs.project ?? []).map((x, i) => [x, pairs.langchain?.[i] ?? Number.NaN])),
  };
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memGiB: totalmem() / 2 ** 30,
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
};
const result: BenchResult = {
  machine,
  loads,
  quick,
  model,
  hnsw: config.hnsw,
  ingest,
  embedding,
  answering,
  quality,
  engines,
  scale,
  growth,
  startup,
  langchain,
  wallSeconds: (performance.now() - started) / 1000,
};
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const report = renderReport(result);
  process.stdout.write(`${report}\n`);
  if (args.includes('--write')) writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), `${report}\n`);
}
writeFileSync(join(tmpdir(), 'bench-last.json'), JSON.stringify(result, null, 2));
