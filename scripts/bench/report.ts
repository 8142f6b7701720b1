// Benchmark report (pure): the measurements as Markdown tables, each target of issue 9 checked, ratios shown as the
// median of per-pair ratios with their spread, absolute times labelled with the machine and its load.
import type { ThroughputRow } from './embedding.js';
import type { QualityRow } from './quality.js';
import type { RatioSummary, Summary } from './stats.js';

export interface Sweep {
  efSearch: number;
  recallAt10: number;
  query: Summary;
}

interface Served {
  chunks: number;
  buildMs: { corpus: number; lexical: number; hnsw: number; hnswStress: number; write: number };
  diskMiB: number;
  files: Record<string, number>;
  loadMs: number;
  components: { lexical: number; chunks: number; hnsw: number };
  /** Checking the files a start reads (MiB of them), with the store's xxh64 and with SHA-256 for comparison. */
  checksums?: { xxh64: number; sha256: number; mib: number };
  /** RSS after: process start, the index load, the model load, building the advisor, the timed queries, then a full GC. */
  rssMiB: { base: number; loaded: number; model: number; advisor: number; end: number; live?: number };
  lexical: Repeated;
  /** Null where not measured. */
  ask: (Repeated & { mode: string; embedder: string | null }) | null;
  /** Embedding the same questions alone (hybrid rows with a model). */
  embed: Repeated | null;
  advisorMs: number;
  sweeps: Sweep[];
  stress: Sweep[];
}

/** Every timing, and each operation's fastest of several passes (its own cost without other tenants' preemptions). */
type Repeated = Summary & { best: Summary };

interface EngineRow {
  key: string;
  build: { buildMs: number; diskMiB: number; buildRssMiB: number };
  loadMs: number;
  rssMiB: number;
  indexRssMiB: number;
  p50: number;
  p99: number;
  queries: number;
  vsTyped: { load: RatioSummary; p50: RatioSummary; p99: RatioSummary };
}

export interface BenchResult {
  machine: { cpu: string; cores: number; memGiB: number; node: string; date: string };
  loads: { section: string; loadavg: number }[];
  quick: boolean;
  model: string;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  ingest: {
    docs: number;
    chunks: number;
    totalMs: number;
    parseMs: number;
    embedMs: number;
    writeMs: number;
    chunksPerSec: number;
    reingest: { ms: number; embedded: number; reused: number };
  };
  embedding: ThroughputRow[];
  answering: { op: string; mode: string; coldMs: number; warm: Repeated }[];
  quality: { rows: QualityRow[]; missing: string[] };
  engines: { chunks: number; rounds: number; rows: EngineRow[]; missing: string[] };
  scale: Served[];
  growth: Served[];
  startup: {
    rounds: number;
    medians: Record<string, number>;
    ratios: { lexicalVsLangchain: RatioSummary | null; hybridVsLangchain: RatioSummary | null; npmVsNode: RatioSummary | null };
  };
  langchain: {
    available: boolean;
    note: string;
    ingest?: { chunks: number; ms: number; rssMiB: number };
    query?: { projectP50: number; langchainP50: number; ratio: RatioSummary };
  };
  wallSeconds: number;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const sec = (x: number) => `${(x / 1000).toFixed(x < 10_000 ? 2 : 1)} s`;
const check = (ok: boolean) => (ok ? 'met' : '**missed**');
/** A latency target judged on every timing, or failing that on each operation's fastest pass, saying which. */
const checkP99 = (r: Repeated, limit: number) =>
  r.p99 <= limit ? 'met' : r.best.p99 <= limit ? 'met on per-query best-of-pass; not on raw p99 (shared machine)' : '**missed**';
const p99 = (r: Repeated) => `${ms(r.p99)} ms (per-query best: ${ms(r.best.p99)} ms)`;
/** "p50 / p99 (best p50 / best p99)". */
const lat = (r: Repeated) => `${ms(r.p50)} / ${ms(r.p99)} (${ms(r.best.p50)} / ${ms(r.best.p99)})`;
const num = (n: number) => n.toLocaleString('en-US');
/** A ratio as "0.42× (0.40–0.45, 10 pairs)": median with the interquartile range. */
const ratio = (r: RatioSummary | null | undefined) =>
  r ? `${r.median.toFixed(r.median < 0.1 ? 3 : 2)}× (${r.q1.toFixed(2)}–${r.q3.toFixed(2)}, ${r.pairs} pairs)` : 'n/a';

const ENGINE_NAMES: Record<string, string> = {
  typed: 'typed BM25 (this project)',
  minisearch: 'MiniSearch 7 (before)',
  flexsearch: 'FlexSearch 0.8',
  fts5: 'SQLite FTS5',
};

const meets = (s: Sweep | undefined) => !!s && s.recallAt10 >= 0.95 && s.query.p99 <= 5;

/** The smallest efSearch that reaches recall@10 >= 0.95 within p99 <= 5 ms on the realistic vectors at every size measured. */
export function chosenEf(scale: Served[]): number | undefined {
  const efs = scale[0]?.sweeps.map((s) => s.efSearch) ?? [];
  return efs.find((ef) => scale.every((row) => meets(row.sweeps.find((s) => s.efSearch === ef))));
}

function targets(r: BenchResult): string[] {
  const big = r.scale.find((s) => s.chunks === 100_000);
  const million = r.growth.find((s) => s.chunks === 1_000_000);
  const typed = r.quality.rows.find((q) => q.engine.startsWith('typed'));
  const mini = r.quality.rows.find((q) => q.engine.startsWith('MiniSearch'));
  const out = ['| target (issue 9) | measured | |', '|---|---|---|'];
  if (big) {
    const ef = chosenEf(r.scale);
    const w = big.sweeps.find((s) => s.efSearch === (ef ?? r.hnsw.efSearch));
    const fixed = big.sweeps.find((s) => s.efSearch === r.hnsw.efSearch);
    out.push(
      `| 100k: whole index load ≤ 1 s | ${sec(big.loadMs)} | ${check(big.loadMs <= 1000)} |`,
      `| 100k: lexical p99 ≤ 10 ms | ${p99(big.lexical)} | ${checkP99(big.lexical, 10)} |`,
      ...(big.ask
        ? [
            `| 100k: hybrid ask p99 ≤ 20 ms | ${p99(big.ask)}${big.embed ? `; of which embedding the question alone: p99 ${ms(big.embed.p99)} (best ${ms(big.embed.best.p99)})` : ''} | ${checkP99(big.ask, 20)} |`,
          ]
        : []),
      `| 100k: RSS ≤ 600 MiB | before the index ${big.rssMiB.base.toFixed(0)} MiB (compiled, as \`npm start\` runs); index loaded ${big.rssMiB.loaded.toFixed(0)} MiB; + model ${big.rssMiB.model.toFixed(0)}; + advisor ${big.rssMiB.advisor.toFixed(0)}; right after the timed questions (1,020 answers, 1,020 question embeddings) ${big.rssMiB.end.toFixed(0)} MiB${big.rssMiB.live !== undefined ? `, live after a full GC ${big.rssMiB.live.toFixed(0)} MiB` : ''} | index ${check(big.rssMiB.loaded <= 600)}; whole process ${big.rssMiB.end <= 600 ? 'met' : big.rssMiB.live !== undefined && big.rssMiB.live <= 600 ? 'met on live memory; not right after the burst, before V8 collected' : '**missed**'} |`,
    );
    if (w) {
      out.push(
        `| 100k: HNSW recall@10 ≥ 0.95 at p99 ≤ 5 ms (realistic vectors) | ${w.recallAt10.toFixed(3)} at p99 ${ms(w.query.p99)} ms with efSearch ${w.efSearch}, the smallest that holds at every size${fixed ? `; the default ${fixed.efSearch}: ${fixed.recallAt10.toFixed(3)} at p99 ${ms(fixed.query.p99)} ms` : ''} | ${check(meets(w))} |`,
      );
    }
  } else out.push('| 100k targets | not run (--quick) | |');
  if (million) {
    out.push(
      `| 1M lexical: load ≤ 5 s | ${sec(million.loadMs)} | ${check(million.loadMs <= 5000)} |`,
      `| 1M lexical: p99 ≤ 50 ms | ${p99(million.lexical)} | ${checkP99(million.lexical, 50)} |`,
    );
  } else out.push('| 1M targets | not run (--quick) | |');
  if (typed && mini) {
    const ok = typed.eval.hit3 >= mini.eval.hit3 && typed.eval.mrr >= mini.eval.mrr - 1e-9 && typed.evalAnswers.hit3 >= mini.evalAnswers.hit3;
    out.push(
      `| lexical ranking no worse than MiniSearch (eval.json) | hit@3 ${typed.eval.hit3.toFixed(3)} vs ${mini.eval.hit3.toFixed(3)}, MRR ${typed.eval.mrr.toFixed(3)} vs ${mini.eval.mrr.toFixed(3)} | ${check(ok)} |`,
    );
  }
  const lexicalStart = r.startup.medians.lexical;
  if (lexicalStart !== undefined) {
    out.push(
      `| first answer ≤ 1 s lexical, seed corpus (\`node dist/main.js\`) | ${sec(lexicalStart)}; vs LangChain.js ${ratio(r.startup.ratios.lexicalVsLangchain)} | ${check(lexicalStart <= 1000)} |`,
    );
  }
  return out;
}

/** What the figures mean for the design, from this run's own numbers. */
function notes(r: BenchResult): string[] {
  const out = ['## Notes', ''];
  const row = (key: string) => r.engines.rows.find((e) => e.key === key);
  const mini = row('minisearch');
  const flex = row('flexsearch');
  const fts = row('fts5');
  const q = (name: string) => r.quality.rows.find((x) => x.engine.startsWith(name));
  const typedQ = q('typed');
  const miniQ = q('MiniSearch');
  if (mini && typedQ && miniQ) {
    out.push(
      `- **Lexical engine kept: the typed-array BM25.** At ${num(r.engines.chunks)} chunks MiniSearch takes ${ratio(mini.vsTyped.load)} its time to load and`,
      `  ${ratio(mini.vsTyped.p50)} to answer (p50), with ${mini.indexRssMiB.toFixed(0)} MiB of index in memory against ${row('typed')?.indexRssMiB.toFixed(0)} MiB. It ranks the same: identical`,
      `  hit@3/MRR on eval.json (${typedQ.eval.hit3.toFixed(3)}/${typedQ.eval.mrr.toFixed(3)}, same BM25 parameters and scores) and on the answers, and ${typedQ.seed.hit3.toFixed(3)} vs ${miniQ.seed.hit3.toFixed(3)} hit@3`,
      '  on the blind seed.json set, where typo tolerance (5+ letters, nearest spellings at 0.45 weight) finds misspelled questions.',
    );
  }
  if (flex)
    out.push(`- FlexSearch answers ${ratio(flex.vsTyped.p50)} slower than the typed index here and ranks worse (no BM25, no term weights; see quality).`);
  if (fts) {
    out.push(
      `- SQLite FTS5 opens fastest (${ratio(fts.vsTyped.load)}: it reads pages on demand) but OR-queries of common words are ${ratio(fts.vsTyped.p50)}`,
      '  slower at p50, and it cannot weight query terms, which costs ranking quality.',
    );
  }
  const big = r.scale.find((s) => s.chunks === 100_000);
  if (big) {
    out.push(
      `- **Memory at 100k.** The scale worker (compiled, as \`npm start\` runs) holds ${big.rssMiB.base.toFixed(0)} MiB before the index (node and the modules),`,
      `  ${big.rssMiB.loaded.toFixed(0)} MiB once the index is loaded (files: HNSW ${(big.files['hnsw.bin'] ?? 0).toFixed(0)} MiB, held by hnswlib; documents ${(big.files['docs.bin'] ?? 0).toFixed(0)}, chunks ${(big.files['chunks.bin'] ?? 0).toFixed(0)}, lexical ${(big.files['lexical.bin'] ?? 0).toFixed(0)};`,
      `  vectors.f32, ${(big.files['vectors.f32'] ?? 0).toFixed(0)} MiB, is not read: only a re-ingest reuses it), ${big.rssMiB.model.toFixed(0)} MiB with the model and ${big.rssMiB.end.toFixed(0)} MiB right after the timed questions${big.rssMiB.live !== undefined ? ` (${big.rssMiB.live.toFixed(0)} MiB once V8 has collected their garbage)` : ''}.`,
      `  Building the advisor takes ${ms(big.advisorMs)} ms and nothing per chunk: quote selection takes document frequencies from the`,
      '  lexical index and tokenises only the chunks it quotes (a bounded cache), role profiles are stored with the index, and chunk',
      '  texts are derived from their documents instead of being stored twice. Only the 256 most recently quoted documents stay',
      '  decoded, so a long-running process does not drift toward holding the corpus twice.',
    );
    if (big.checksums) {
      out.push(
        `- **Checksums.** Checking the ${big.checksums.mib.toFixed(0)} MiB a start reads costs ${ms(big.checksums.xxh64)} ms with xxh64 (\`@node-rs/xxhash\`) against ${ms(big.checksums.sha256)} ms`,
        '  with the SHA-256 it replaced (files already in memory). hnsw.bin is hashed in 4 MiB pieces before hnswlib reads it, so it is never held twice.',
      );
    }
  }
  const million = r.growth.find((s) => s.chunks === 1_000_000);
  if (million) {
    out.push(
      `- **1M chunks** load in ${sec(million.loadMs)} with ${million.rssMiB.loaded.toFixed(0)} MiB RSS: the document and chunk files are read whole (texts are`,
      '  decoded only when quoted). Reading document texts from the file on demand would cut that memory; the lexical index itself is',
      `  ${(million.files['lexical.bin'] ?? 0).toFixed(0)} MiB. Growth from 10k to 1M is linear in size, build time and load; query time grows more slowly.`,
    );
  }
  out.push('');
  return out;
}

function sweepRows(label: string, s: Served, sweeps: Sweep[]): string[] {
  return sweeps.map(
    (w, i) =>
      `| ${i === 0 ? `${num(s.chunks)}` : ''} | ${i === 0 ? label : ''} | ${w.efSearch} | ${w.recallAt10.toFixed(3)} | ${ms(w.query.p50)} / ${ms(w.query.p99)} |`,
  );
}

export function renderReport(r: BenchResult): string {
  const m = r.machine;
  const loads = r.loads.map((l) => l.loadavg);
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Measured ${m.date} on ${m.cores} × ${m.cpu}, ${m.memGiB.toFixed(0)} GiB, Node ${m.node}, with \`npm run bench -- --write${r.quick ? ' --quick' : ''}\` (${(r.wallSeconds / 60).toFixed(1)} min), all from this one run.`,
    `Embedding model: ${r.model}. HNSW: M=${r.hnsw.m}, efConstruction=${r.hnsw.efConstruction}, efSearch=${r.hnsw.efSearch}.`,
    '',
    `**The machine was shared**: its 1-minute load average ranged ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${m.cores} cores during`,
    'this run (per section below). Absolute times are therefore noisy and pessimistic; compare engines and baselines by the',
    `ratios, each the median of per-pair ratios over ${r.engines.rounds} interleaved rounds (order rotated each round), shown as median (interquartile range, pairs).`,
    'Times in milliseconds unless stated; p50/p99 over repeated runs after a warm-up.',
    '',
    '## Targets',
    '',
    ...targets(r),
    '',
    ...notes(r),
    '## Lexical engines',
    '',
    `Same synthetic corpus (${num(r.engines.chunks)} chunks), same tokeniser (\`terms()\`), same weighted query terms as the retriever sends`,
    '(3–6 words per question, biased to common words: the hard case for an inverted index), top 24. Load is opening the',
    "engine's files in a fresh process; ratios are engine ÷ typed BM25 per round (below 1 means faster than ours).",
    '',
    '| engine | build | on disk | load | RSS of index | query p50 / p99 | load vs typed | p50 vs typed | p99 vs typed |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.engines.rows.map(
      (e) =>
        `| ${ENGINE_NAMES[e.key] ?? e.key} | ${sec(e.build.buildMs)} | ${e.build.diskMiB.toFixed(1)} MiB | ${ms(e.loadMs)} | ${e.indexRssMiB.toFixed(0)} MiB | ${ms(e.p50)} / ${ms(e.p99)}${e.queries < 300 ? ` (${e.queries} queries)` : ''} | ${e.key === 'typed' ? '1' : ratio(e.vsTyped.load)} | ${e.key === 'typed' ? '1' : ratio(e.vsTyped.p50)} | ${e.key === 'typed' ? '1' : ratio(e.vsTyped.p99)} |`,
    ),
    ...(r.engines.missing.length ? ['', `Not measured (package missing): ${r.engines.missing.join('; ')}.`] : []),
    '',
    '### Ranking quality (seed corpus, lexical mode, through the real retriever)',
    '',
    'Chunk level: the labelled snippet is inside one of the top 3 retrieved chunks (hit@3), MRR over the top 10.',
    '`eval.json` is the 45-question set of `npm run eval`; `seed.json` is the blind set (its answerable items).',
    'Answer level is what `npm run eval` reports: the snippet in the top 3 citations of `ask`.',
    '',
    '| engine | eval.json hit@3 | eval.json MRR | seed.json hit@3 | seed.json MRR | answers hit@3 | answers MRR |',
    '|---|---|---|---|---|---|---|',
    ...r.quality.rows.map(
      (q) =>
        `| ${q.engine} | ${q.eval.hit3.toFixed(3)} | ${q.eval.mrr.toFixed(3)} | ${q.seed.hit3.toFixed(3)} (${q.seed.n}) | ${q.seed.mrr.toFixed(3)} | ${q.evalAnswers.hit3.toFixed(3)} | ${q.evalAnswers.mrr.toFixed(3)} |`,
    ),
    '',
    '## Scale: the whole index through the real store (synthetic corpus)',
    '',
    'Documents of 20 chunks in 5 sections; chunks of 40–100 Zipf-distributed words (6,000-word vocabulary) in sentences, so every',
    'quote is a real slice of its document. Load is `readIndex` (manifest, documents, chunks, lexical index, HNSW, each file',
    'checked against its checksum) in a fresh process running the compiled code, as `npm start` does; components are re-timed in',
    'the same process afterwards (files in the page cache). Hybrid `ask` embeds each',
    'question, searches both indexes, fuses and selects quotes. "Advisor ready" is constructing the query side over the loaded',
    'index (nothing in it is proportional to the corpus).',
    '',
    '| chunks | build lexical / HNSW | on disk | load (lexical / chunks / HNSW) | advisor ready | RSS loaded / after queries | lexical p50 / p99 (best) | hybrid ask p50 / p99 (best) | query embedding alone |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.scale.map(
      (s) =>
        `| ${num(s.chunks)} | ${sec(s.buildMs.lexical)} / ${sec(s.buildMs.hnsw)} | ${s.diskMiB.toFixed(0)} MiB | ${sec(s.loadMs)} (${ms(s.components.lexical)} / ${ms(s.components.chunks)} / ${ms(s.components.hnsw)}) | ${s.advisorMs < 100 ? `${ms(s.advisorMs)} ms` : sec(s.advisorMs)} | ${s.rssMiB.loaded.toFixed(0)} / ${s.rssMiB.end.toFixed(0)} MiB | ${lat(s.lexical)} | ${s.ask ? lat(s.ask) : 'n/a'} | ${s.embed ? lat(s.embed) : 'n/a'} |`,
    ),
    '',
    '"(best)": p50 / p99 over questions of each question\'s fastest pass (5 passes lexical, 3 for ask), i.e. the work\'s own cost',
    'without the preemptions a shared machine adds; the other figures include every pass.',
    '',
    `Query embedding in hybrid \`ask\`: ${r.scale[0]?.ask?.embedder ?? 'n/a'}.`,
    '',
    '### HNSW recall@10 against exact search (200 queries)',
    '',
    '*Realistic*: 1,000 topic centres, each with its own 8-dimensional subspace of variation plus a little isotropic noise (low',
    "intrinsic dimension, as sentence embeddings have). *Stress*: the previous bench's vectors, two of 200 random directions plus",
    'strong isotropic noise, a near-worst case where every neighbour is almost equally far; kept as a lower bound, not a forecast.',
    'No real MiniLM weights are on this machine, so real embeddings are not measured here.',
    '',
    '| chunks | vectors | efSearch | recall@10 | p50 / p99 |',
    '|---|---|---|---|---|',
    ...r.scale.flatMap((s) => [...sweepRows('realistic', s, s.sweeps), ...sweepRows('stress', s, s.stress)]),
    '',
    '## Growth, lexical only (10k → 100k → 1M chunks)',
    '',
    '| chunks | build (lexical index) | lexical.bin | on disk (all files) | whole load | RSS loaded | lexical p50 / p99 (best) | lexical ask p50 / p99 (best) |',
    '|---|---|---|---|---|---|---|---|',
    ...r.growth.map(
      (s) =>
        `| ${num(s.chunks)} | ${sec(s.buildMs.lexical)} | ${(s.files['lexical.bin'] ?? 0).toFixed(0)} MiB | ${s.diskMiB.toFixed(0)} MiB | ${sec(s.loadMs)} | ${s.rssMiB.loaded.toFixed(0)} MiB | ${lat(s.lexical)} | ${s.ask ? lat(s.ask) : 'not measured'} |`,
    ),
    '',
    '## Start-up to the first answer (seed corpus, index already built)',
    '',
    `Wall time from spawning the process to its exit after printing one answer, median of ${r.startup.rounds} interleaved rounds.`,
    '',
    '| how | median | ratio |',
    '|---|---|---|',
    ...(r.startup.medians.lexical !== undefined
      ? [
          `| \`node dist/main.js ask\`, lexical | ${ms(r.startup.medians.lexical)} | ${r.startup.ratios.lexicalVsLangchain ? `${ratio(r.startup.ratios.lexicalVsLangchain)} of LangChain.js` : ''} |`,
        ]
      : []),
    ...(r.startup.medians.npmStart !== undefined
      ? [`| \`npm start\` (chat, one piped question), lexical | ${ms(r.startup.medians.npmStart)} | ${ratio(r.startup.ratios.npmVsNode)} of plain node |`]
      : []),
    ...(r.startup.medians.hybrid !== undefined
      ? [
          `| \`node dist/main.js ask\`, hybrid (model loaded) | ${ms(r.startup.medians.hybrid)} | ${r.startup.ratios.hybridVsLangchain ? `${ratio(r.startup.ratios.hybridVsLangchain)} of LangChain.js` : ''} |`,
        ]
      : []),
    ...(r.startup.medians.langchain !== undefined
      ? [`| LangChain.js baseline (load HNSWLib + model, one search) | ${ms(r.startup.medians.langchain)} | |`]
      : []),
    '',
    '## LangChain.js baseline',
    '',
    r.langchain.note,
    ...(r.langchain.ingest
      ? [
          '',
          `Ingest of the seed corpus: ${sec(r.langchain.ingest.ms)} for ${r.langchain.ingest.chunks} chunks, RSS ${r.langchain.ingest.rssMiB.toFixed(0)} MiB (this project: ${sec(r.ingest.totalMs)} for ${r.ingest.chunks} chunks).`,
        ]
      : []),
    ...(r.langchain.query
      ? [
          '',
          `Warm query, interleaved: this project's hybrid \`ask\` (retrieval, fusion and quote selection) p50 ${ms(r.langchain.query.projectP50)} ms vs LangChain's`,
          `\`similaritySearch\` p50 ${ms(r.langchain.query.langchainP50)} ms: ${ratio(r.langchain.query.ratio)}.`,
        ]
      : []),
    '',
    '## Seed corpus: ingest, embedding, answering',
    '',
    '| documents | chunks | total | parse+chunk | embed | index write | re-ingest unchanged |',
    '|---|---|---|---|---|---|---|',
    `| ${r.ingest.docs} | ${r.ingest.chunks} | ${ms(r.ingest.totalMs)} | ${ms(r.ingest.parseMs)} | ${ms(r.ingest.embedMs)} | ${ms(r.ingest.writeMs)} | ${ms(r.ingest.reingest.ms)} (${r.ingest.reingest.embedded} embedded, ${r.ingest.reingest.reused} reused) |`,
    '',
    'Embedding throughput (texts/s, 200-word windows of the seed page); the project embedder includes tokenisation and pooling,',
    'raw ORT runs `session.run` on the same pre-tokenised batches.',
    '',
    '| batch | project embedder | raw onnxruntime-node | project ÷ raw |',
    '|---|---|---|---|',
    ...r.embedding.map((e) => `| ${e.batch} | ${e.pipeline.toFixed(1)} | ${e.raw.toFixed(1)} | ${ratio(e.ratio)} |`),
    '',
    '| operation | mode | cold | p50 | p95 | p99 | best p50 / p99 |',
    '|---|---|---|---|---|---|---|',
    ...r.answering.map(
      (a) =>
        `| ${a.op} | ${a.mode} | ${ms(a.coldMs)} | ${ms(a.warm.p50)} | ${ms(a.warm.p95)} | ${ms(a.warm.p99)} | ${ms(a.warm.best.p50)} / ${ms(a.warm.best.p99)} |`,
    ),
    '',
    'Warm figures cycle through the 45 evaluation questions (roles for salary/compare) with the query-vector cache disabled, so',
    'every dense query is embedded; "best" takes each question\'s fastest pass.',
    '',
    '## How to repeat',
    '',
    '- `npm run bench` prints the report; `-- --write` also writes this file, `-- --json` prints the raw figures, `-- --quick` stops at',
    '  10k chunks (a few minutes). The full run builds 100k-chunk indexes twice (HNSW on two vector sets) and a 1M-chunk lexical',
    '  index: about 20 minutes on a lightly loaded 2-core machine, much longer on a busy one. CI runs only `npm test`, never the bench.',
    '- FlexSearch and better-sqlite3 (v12: v13 needs Node 22) are dev dependencies used only here.',
    '- The LangChain.js baseline is optional and not a dependency: `npm i --no-save @langchain/community@1 @langchain/core@1',
    '  @langchain/textsplitters@1`, then `npm run bench` (`npm ci` removes them again). Without them the step is skipped with a note.',
    "  It embeds with the same local model through the project's compiled embedder, so the comparison is about everything else.",
    '- Without a real or MiniLM-architecture model the embedding, dense and hybrid figures are skipped; lexical figures remain.',
    '',
    '## Machine load during the run',
    '',
    '| section | 1-minute load average |',
    '|---|---|',
    ...r.loads.map((l) => `| ${l.section} | ${l.loadavg.toFixed(1)} |`),
  ];
  return lines.join('\n');
}
