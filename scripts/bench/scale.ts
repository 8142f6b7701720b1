// Benchmark worker "scale" (I/O: writes a temporary index; run in its own process so RSS is its own):
// a synthetic career-like corpus of N chunks with stored random vectors, measured through the real stores.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk, SourceDoc } from '../../src/domain/types.js';
import { Bm25Index } from '../../src/index/bm25.js';
import { ExactIndex, HnswIndex } from '../../src/index/hnsw.js';
import { terms } from '../../src/index/terms.js';
import { at, mib, rng, summarise } from './stats.js';

const WORDS = `backend engineer machine learning data pipeline model deployment api database cloud kubernetes python java sql
salary compensation senior junior skills communication analytics manager integration developer business analyst
infrastructure monitoring scalability security testing statistics algebra tensorflow pytorch spark hadoop docker
responsibilities requirements education degree bachelor master experience leadership stakeholders reporting dashboards
etl streaming latency reliability architecture microservices graphql go rust typescript frontend product strategy`.split(/\s+/);

const TOPICS = 200;

/** A Zipf-distributed vocabulary: career words first, then 6,000 pronounceable synthetic words. */
function vocabulary(seed: number): string[] {
  const r = rng(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vi', 'so', 'pe', 'da', 'gor', 'lin', 'ber', 'tis', 'mon', 'quel'];
  const words = new Set(WORDS);
  while (words.size < WORDS.length + 6000) {
    words.add(Array.from({ length: 2 + Math.floor(r.next() * 3) }, () => syllables[Math.floor(r.next() * syllables.length)]).join(''));
  }
  return [...words];
}

/** Topic-structured random unit vectors: each mixes two of 200 random topic directions plus noise. */
function vectors(n: number, dim: number, seed: number): Float32Array[] {
  const r = rng(seed);
  const topics = Array.from({ length: TOPICS }, () => Float32Array.from({ length: dim }, r.gauss));
  return Array.from({ length: n }, () => {
    const a = at(topics, Math.floor(r.next() * TOPICS));
    const b = at(topics, Math.floor(r.next() * TOPICS));
    const v = Float32Array.from({ length: dim }, (_, d) => 0.8 * at(a, d) + 0.4 * at(b, d) + 0.6 * r.gauss());
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

function corpus(n: number, seed: number): { chunks: Chunk[]; docs: Map<string, SourceDoc> } {
  const r = rng(seed);
  const vocab = vocabulary(seed);
  const weights = vocab.map((_, i) => 1 / (i + 10) ** 1.05);
  const cumulative: number[] = [];
  let running = 0;
  for (const w of weights) {
    running += w;
    cumulative.push(running);
  }
  const total = at(cumulative, cumulative.length - 1);
  const draw = () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return at(vocab, lo);
  };
  const doc: SourceDoc = {
    id: 'synthetic',
    title: 'Synthetic careers',
    file: 'synthetic.md',
    text: '',
    roles: [],
    sections: [{ path: ['Section'] }],
    blocks: [],
  };
  const chunks = Array.from({ length: n }, (_, i): Chunk => {
    const words = Array.from({ length: 40 + Math.floor(r.next() * 60) }, draw);
    return { id: `c${i}`, docId: doc.id, section: 0, start: 0, end: 0, spans: [], text: `Synthetic careers › Section ${i % 97}\n${words.join(' ')}.` };
  });
  return { chunks, docs: new Map([[doc.id, doc]]) };
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

/** Builds both indexes for `n` chunks and saves them under `dir`; returns build times and size on disk. */
export async function buildScale(n: number, dir: string, params: { m: number; efConstruction: number }, dim = 384) {
  const { writeFile } = await import('node:fs/promises');
  const vecs = vectors(n, dim, 7);
  const { chunks, docs } = corpus(n, 11);
  let t = performance.now();
  const hnsw = HnswIndex.build(vecs, dim, { ...params, efSearch: 64 });
  const hnswBuild = performance.now() - t;
  t = performance.now();
  const bm25 = Bm25Index.build(chunks, docs);
  const bm25Build = performance.now() - t;
  await hnsw.save(join(dir, 'hnsw.bin'));
  await writeFile(join(dir, 'bm25.json'), bm25.toJSON());
  const flat = new Float32Array(n * dim);
  vecs.forEach((v, i) => flat.set(v, i * dim));
  await writeFile(join(dir, 'vectors.f32'), new Uint8Array(flat.buffer));
  return { chunks: n, dim, hnsw: params, buildMs: { hnsw: hnswBuild, bm25: bm25Build }, diskMiB: mib(dirSize(dir)) };
}

/** Loads the saved indexes as a server would, then measures queries and HNSW recall@10 against exact search. */
export async function serveScale(n: number, dir: string, efSearch: number[], dim = 384) {
  const { readFile } = await import('node:fs/promises');
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const hnsw = await HnswIndex.load(join(dir, 'hnsw.bin'), dim, at(efSearch, 0));
  const hnswLoad = performance.now() - t;
  t = performance.now();
  const bm25 = Bm25Index.fromJSON(await readFile(join(dir, 'bm25.json'), 'utf8'));
  const bm25Load = performance.now() - t;
  t = performance.now();
  const bytes = await readFile(join(dir, 'vectors.f32'));
  const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const vecs = Array.from({ length: n }, (_, i) => flat.subarray(i * dim, (i + 1) * dim));
  const vectorsLoad = performance.now() - t;
  const rssLoaded = process.memoryUsage().rss;

  const queries = vectors(200, dim, 99);
  const exact = new ExactIndex(vecs, dim);
  const truth = queries.map((q) => new Set(exact.search(q, 10).map((h) => h.id)));
  const sweeps = efSearch.map((ef) => {
    hnsw.setEf(ef);
    for (const q of queries.slice(0, 20)) hnsw.search(q, 10);
    const times: number[] = [];
    let found = 0;
    queries.forEach((q, i) => {
      const s = performance.now();
      const hits = hnsw.search(q, 10);
      times.push(performance.now() - s);
      found += hits.filter((h) => at(truth, i).has(h.id)).length;
    });
    return { efSearch: ef, recallAt10: found / (queries.length * 10), query: summarise(times) };
  });
  const r = rng(5);
  const vocab = vocabulary(11);
  const bm25Times: number[] = [];
  for (let i = 0; i < 320; i++) {
    const q = Array.from({ length: 3 + Math.floor(r.next() * 4) }, () => at(vocab, Math.floor(r.next() ** 2 * 400))).join(' ');
    const s = performance.now();
    bm25.search(
      terms(q).map((term) => ({ term, weight: 1 })),
      20,
    );
    bm25Times.push(performance.now() - s);
  }
  return {
    loadMs: { hnsw: hnswLoad, bm25: bm25Load, vectors: vectorsLoad, total: hnswLoad + bm25Load + vectorsLoad },
    rssMiB: mib(rssLoaded),
    indexRssMiB: mib(rssLoaded - rssBefore),
    sweeps,
    bm25Query: summarise(bm25Times.slice(20)),
  };
}

if (process.argv[2] === '--build' || process.argv[2] === '--serve') {
  const n = Number(process.argv[3]);
  const dir = at(process.argv, 4);
  const params = JSON.parse(process.argv[5] ?? '{}');
  const out = process.argv[2] === '--build' ? await buildScale(n, dir, params) : await serveScale(n, dir, params.efSearch);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
