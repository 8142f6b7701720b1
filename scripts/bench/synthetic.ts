// Benchmark data "synthetic corpus" (pure): deterministic career-like documents, chunks and vectors of any size, shaped
// like the product's own (documents with sections and sentences, chunks of quotable spans, 384-dimensional unit vectors).
import type { Chunk, SourceDoc, Span } from '../../src/domain/types.js';
import { at, rng } from './stats.js';

const WORDS = `backend engineer machine learning data pipeline model deployment api database cloud kubernetes python java sql
salary compensation senior junior skills communication analytics manager integration developer business analyst
infrastructure monitoring scalability security testing statistics algebra tensorflow pytorch spark hadoop docker
responsibilities requirements education degree bachelor master experience leadership stakeholders reporting dashboards
etl streaming latency reliability architecture microservices graphql go rust typescript frontend product strategy`.split(/\s+/);

/** Chunks per synthetic document, and sections per document. */
const CHUNKS_PER_DOC = 20;
const SECTIONS_PER_DOC = 5;

/** A Zipf-distributed vocabulary: career words first, then 6,000 pronounceable synthetic words. */
export function vocabulary(seed: number): string[] {
  const r = rng(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vi', 'so', 'pe', 'da', 'gor', 'lin', 'ber', 'tis', 'mon', 'quel'];
  const words = new Set(WORDS);
  while (words.size < WORDS.length + 6000) {
    words.add(Array.from({ length: 2 + Math.floor(r.next() * 3) }, () => syllables[Math.floor(r.next() * syllables.length)]).join(''));
  }
  return [...words];
}

/** Word sampler with Zipf weights (exponent 1.05) over `vocabulary(seed)`. */
function zipf(seed: number): () => string {
  const r = rng(seed);
  const vocab = vocabulary(seed);
  const cumulative = new Float64Array(vocab.length);
  let running = 0;
  vocab.forEach((_, i) => {
    running += 1 / (i + 10) ** 1.05;
    cumulative[i] = running;
  });
  return () => {
    const x = r.next() * running;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(cumulative, mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return at(vocab, lo);
  };
}

/**
 * `n` chunks of 40–100 Zipf-distributed words in sentences of 6–16 words, grouped 20 to a document of 5 sections.
 * Every chunk's spans are exact slices of its document's text, as the product's chunker makes them.
 */
export function syntheticCorpus(n: number, seed = 11): { docs: SourceDoc[]; chunks: Chunk[] } {
  const draw = zipf(seed);
  const r = rng(seed + 1);
  const docs: SourceDoc[] = [];
  const chunks: Chunk[] = [];
  for (let d = 0; d * CHUNKS_PER_DOC < n; d++) {
    const title = `Synthetic role ${d}`;
    const sections = Array.from({ length: SECTIONS_PER_DOC }, (_, s) => ({ path: [`Section ${s} ${draw()}`] }));
    const doc: SourceDoc = { id: `doc-${d}`, title, file: `synthetic-${d}.md`, text: '', roles: [], sections, blocks: [] };
    let text = `${title}\n`;
    doc.blocks.push({ kind: 'heading', start: 0, end: title.length, depth: 0, section: 0 });
    const count = Math.min(CHUNKS_PER_DOC, n - d * CHUNKS_PER_DOC);
    for (let c = 0; c < count; c++) {
      const section = Math.floor((c * SECTIONS_PER_DOC) / CHUNKS_PER_DOC);
      if (c === 0 || Math.floor(((c - 1) * SECTIONS_PER_DOC) / CHUNKS_PER_DOC) !== section) {
        const heading = at(sections, section).path[0] ?? '';
        doc.blocks.push({ kind: 'heading', start: text.length, end: text.length + heading.length, depth: 1, section });
        text += `${heading}\n`;
      }
      const spans: Span[] = [];
      let words = 40 + Math.floor(r.next() * 60);
      while (words > 0) {
        const len = Math.min(words, 6 + Math.floor(r.next() * 10));
        words -= len;
        const sentence = `${Array.from({ length: len }, draw).join(' ')}.`;
        spans.push({ start: text.length, end: text.length + sentence.length });
        doc.blocks.push({ kind: 'paragraph', start: text.length, end: text.length + sentence.length, depth: 0, section });
        text += `${sentence}\n`;
      }
      const header = [title, ...(at(sections, section).path ?? [])].join(' › ');
      chunks.push({
        id: `c${chunks.length}`,
        docId: doc.id,
        section,
        start: at(spans, 0).start,
        end: at(spans, spans.length - 1).end,
        spans,
        text: `${header}\n${spans.map((s) => text.slice(s.start, s.end)).join('\n')}`,
      });
    }
    doc.text = text;
    docs.push(doc);
  }
  return { docs, chunks };
}

/** Questions over the synthetic vocabulary: 3–6 words, biased towards common ones (as real questions are). */
export function syntheticQuestions(count: number, seed = 5): string[] {
  const r = rng(seed);
  const vocab = vocabulary(11);
  return Array.from({ length: count }, () => Array.from({ length: 3 + Math.floor(r.next() * 4) }, () => at(vocab, Math.floor(r.next() ** 2 * 400))).join(' '));
}

function normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const norm = Math.sqrt(s) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
  return v;
}

export type VectorKind = 'clustered' | 'stress';

/**
 * Unit vectors of one of two shapes. `clustered` (realistic): 1,000 topic centres, each with its own 8-dimensional
 * subspace of variation plus a little isotropic noise, i.e. low intrinsic dimension as sentence embeddings have.
 * `stress` (the previous bench's data, a near-worst case): each mixes two of 200 random directions plus strong
 * isotropic noise, so every point's neighbours are almost equally far.
 */
export function syntheticVectors(kind: VectorKind, n: number, dim: number, seed: number): Float32Array[] {
  const r = rng(seed);
  const topicRng = rng(kind === 'clustered' ? 1234 : 7);
  if (kind === 'stress') {
    const topics = Array.from({ length: 200 }, () => Float32Array.from({ length: dim }, topicRng.gauss));
    return Array.from({ length: n }, () => {
      const a = at(topics, Math.floor(r.next() * 200));
      const b = at(topics, Math.floor(r.next() * 200));
      return normalise(Float32Array.from({ length: dim }, (_, d) => 0.8 * at(a, d) + 0.4 * at(b, d) + 0.6 * r.gauss()));
    });
  }
  const centres = 1000;
  const local = 8;
  const topics = Array.from({ length: centres }, () => ({
    centre: normalise(Float32Array.from({ length: dim }, topicRng.gauss)),
    basis: Array.from({ length: local }, () => normalise(Float32Array.from({ length: dim }, topicRng.gauss))),
  }));
  return Array.from({ length: n }, () => {
    const t = at(topics, Math.floor(r.next() * centres));
    const v = Float32Array.from(t.centre);
    for (const b of t.basis) {
      const c = 0.35 * r.gauss();
      for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) + c * (b[d] ?? 0);
    }
    for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) + 0.02 * r.gauss();
    return normalise(v);
  });
}
