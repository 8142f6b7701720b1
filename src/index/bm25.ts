// Lexical index (pure; serialises to one binary file): BM25 over chunk headings and bodies in typed arrays, sharing
// the project's tokeniser. Postings are doc-ordered with one precomputed impact each; a query scores rare terms fully
// and only probes common terms for the chunks that can still reach the top k (MaxScore-style), so common words cost little.
import type { Chunk, SourceDoc } from '../domain/types.js';
import { Sections, checkOffsets, packSections } from './binary-file.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { terms } from './terms.js';

/**
 * BM25 parameters and the heading boost, kept from MiniSearch (the previous engine, whose defaults are k 1.2, b 0.7,
 * d 0.5): with them this index ranks the eval questions exactly as MiniSearch did (`npm run bench`, ranking quality).
 */
const K1 = 1.2;
const B = 0.7;
const D = 0.5;
const HEADING_BOOST = 1.5;
/** Weight of a vocabulary term found by typo tolerance relative to the query term it stands for (MiniSearch's fuzzy weight). */
const FUZZY_WEIGHT = 0.45;
/**
 * The k-th score that decides pruning is estimated over at most this many chunks seen so far: the k-th best of a
 * subset never exceeds the true one, so results stay exact, and the estimate stays cheap when common terms touch most chunks.
 */
const THETA_SAMPLE = 4096;
/** Pruning pays only while at most 1 in this many seen chunks can still reach the top k. */
const CANDIDATE_SHARE = 8;

const KIND = 'lexical-bm25';
const VERSION = 1;

/** Already-processed query terms, each with a weight; `fuzzy` lets a term missing from the vocabulary match its nearest spellings. */
export type LexicalQuery = { term: string; weight: number; fuzzy?: boolean }[];

export interface LexicalHit {
  /** Position of the chunk in the index's chunk list. */
  id: number;
  score: number;
}

/** The text a chunk is indexed under: its heading (document title + section path) and its body. */
export function indexedFields(chunk: Chunk, doc: SourceDoc | undefined): { heading: string; body: string } {
  return {
    heading: [doc?.title ?? '', ...(doc?.sections[chunk.section]?.path ?? [])].join(' '),
    body: chunk.text.slice(chunk.text.indexOf('\n') + 1),
  };
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function bm25(tf: number, df: number, n: number, length: number, average: number): number {
  if (tf === 0) return 0;
  const norm = average > 0 ? length / average : 1;
  return idf(df, n) * (D + (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * norm)));
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A growable typed array, for building postings without an object per posting. */
class Grow<T extends Uint32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

/** The k best of `count` ids by `score`, best first (ties by lower id), via a min-heap in typed arrays. */
function topK(ids: Uint32Array, count: number, score: (id: number) => number, k: number): LexicalHit[] {
  const hs = new Float64Array(k);
  const hi = new Uint32Array(k);
  let size = 0;
  // a is worse than b: lower score, or equal score and higher id.
  const worse = (sa: number, ia: number, sb: number, ib: number) => sa < sb || (sa === sb && ia > ib);
  const put = (at: number, s: number, id: number) => {
    hs[at] = s;
    hi[at] = id;
  };
  for (let i = 0; i < count; i++) {
    const id = ids[i] ?? 0;
    const s = score(id);
    if (size < k) {
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(s, id, hs[p] ?? 0, hi[p] ?? 0)) break;
        put(c, hs[p] ?? 0, hi[p] ?? 0);
        c = p;
      }
      put(c, s, id);
    } else if (worse(hs[0] ?? 0, hi[0] ?? 0, s, id)) {
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && worse(hs[r] ?? 0, hi[r] ?? 0, hs[l] ?? 0, hi[l] ?? 0) ? r : l;
        if (!worse(hs[m] ?? 0, hi[m] ?? 0, s, id)) break;
        put(p, hs[m] ?? 0, hi[m] ?? 0);
        p = m;
      }
      put(p, s, id);
    }
  }
  const out: LexicalHit[] = [];
  for (let i = 0; i < size; i++) out.push({ id: hi[i] ?? 0, score: hs[i] ?? 0 });
  return out.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** The k-th best score among `count` ids (0 when there are fewer). */
function kthScore(ids: Uint32Array, count: number, score: (id: number) => number, k: number): number {
  return count < k ? 0 : (topK(ids, count, score, k).at(-1)?.score ?? 0);
}

interface QueryList {
  start: number;
  end: number;
  weight: number;
  /** Upper bound of this term's contribution to any chunk. */
  bound: number;
  /** Bit of the query term it came from (a typo's replacements share their term's bit). */
  bit: number;
}

/** BM25 index over chunk headings and bodies; chunk `i` is id `i`. */
export class Bm25Index {
  private readonly ids: Map<string, number>;
  private readonly fuzzy: FuzzyVocabulary;
  private scratch: { acc: Float64Array; mask: Uint32Array; touched: Uint32Array } | null = null;

  private constructor(
    private readonly vocab: string[],
    /** Postings of term t are positions termStart[t] .. termStart[t+1] of `docs` and `impacts`. */
    private readonly termStart: Uint32Array,
    private readonly termMax: Float32Array,
    private readonly docs: Uint32Array,
    private readonly impacts: Float32Array,
    private readonly count: number,
  ) {
    this.ids = new Map(vocab.map((t, i) => [t, i]));
    this.fuzzy = new FuzzyVocabulary(vocab, (id) => this.postings(id));
  }

  /** Builds the index; chunk `i` gets id `i`. */
  static build(chunks: Chunk[], docs: Map<string, SourceDoc>): Bm25Index {
    const n = chunks.length;
    const ids = new Map<string, number>();
    const vocab: string[] = [];
    const idOf = (t: string) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = vocab.length;
        ids.set(t, id);
        vocab.push(t);
      }
      return id;
    };
    const pTerm = new Grow(new Uint32Array(1024), (k) => new Uint32Array(k));
    const pHeading = new Grow(new Uint16Array(1024), (k) => new Uint16Array(k));
    const pBody = new Grow(new Uint16Array(1024), (k) => new Uint16Array(k));
    const chunkStart = new Uint32Array(n + 1);
    const lenHeading = new Uint32Array(n);
    const lenBody = new Uint32Array(n);
    const headings = new Map<string, number[]>();
    chunks.forEach((chunk, c) => {
      const doc = docs.get(chunk.docId);
      const fields = indexedFields(chunk, doc);
      const key = `${chunk.docId}\0${chunk.section}`;
      let heading = headings.get(key);
      if (!heading) {
        heading = terms(fields.heading).map(idOf);
        headings.set(key, heading);
      }
      const body = terms(fields.body).map(idOf);
      const tf = new Map<number, [number, number]>();
      for (const t of heading) {
        const e = tf.get(t);
        if (e) e[0]++;
        else tf.set(t, [1, 0]);
      }
      for (const t of body) {
        const e = tf.get(t);
        if (e) e[1]++;
        else tf.set(t, [0, 1]);
      }
      // Field length counts distinct terms, as MiniSearch did, so the two rank alike.
      let uniqueHeading = 0;
      let uniqueBody = 0;
      for (const [t, [h, b]] of tf) {
        if (h) uniqueHeading++;
        if (b) uniqueBody++;
        pTerm.push(t);
        pHeading.push(Math.min(h, 0xffff));
        pBody.push(Math.min(b, 0xffff));
      }
      lenHeading[c] = uniqueHeading;
      lenBody[c] = uniqueBody;
      chunkStart[c + 1] = pTerm.length;
    });

    const v = vocab.length;
    const dfHeading = new Uint32Array(v);
    const dfBody = new Uint32Array(v);
    const df = new Uint32Array(v);
    for (let p = 0; p < pTerm.length; p++) {
      const t = pTerm.data[p] ?? 0;
      df[t] = (df[t] ?? 0) + 1;
      if (pHeading.data[p]) dfHeading[t] = (dfHeading[t] ?? 0) + 1;
      if (pBody.data[p]) dfBody[t] = (dfBody[t] ?? 0) + 1;
    }
    // Sorted vocabulary: the file does not depend on chunk order beyond the ids themselves.
    const order = vocab.map((_, i) => i).sort((a, b) => ((vocab[a] ?? '') < (vocab[b] ?? '') ? -1 : 1));
    const rank = new Uint32Array(v);
    order.forEach((old, i) => {
      rank[old] = i;
    });
    const termStart = new Uint32Array(v + 1);
    order.forEach((old, i) => {
      termStart[i + 1] = (termStart[i] ?? 0) + (df[old] ?? 0);
    });
    const cursor = termStart.slice(0, v);
    const postingDocs = new Uint32Array(pTerm.length);
    const impacts = new Float32Array(pTerm.length);
    const termMax = new Float32Array(v);
    const avgHeading = n ? lenHeading.reduce((s, x) => s + x, 0) / n : 0;
    const avgBody = n ? lenBody.reduce((s, x) => s + x, 0) / n : 0;
    for (let c = 0; c < n; c++) {
      for (let p = chunkStart[c] ?? 0; p < (chunkStart[c + 1] ?? 0); p++) {
        const old = pTerm.data[p] ?? 0;
        const t = rank[old] ?? 0;
        const at = cursor[t] ?? 0;
        cursor[t] = at + 1;
        const impact =
          HEADING_BOOST * bm25(pHeading.data[p] ?? 0, dfHeading[old] ?? 0, n, lenHeading[c] ?? 0, avgHeading) +
          bm25(pBody.data[p] ?? 0, dfBody[old] ?? 0, n, lenBody[c] ?? 0, avgBody);
        postingDocs[at] = c;
        impacts[at] = impact;
        if (impact > (termMax[t] ?? 0)) termMax[t] = impact;
      }
    }
    return new Bm25Index(
      order.map((old) => vocab[old] ?? ''),
      termStart,
      termMax,
      postingDocs,
      impacts,
      n,
    );
  }

  /** Reads an index written by `toBytes`; throws with the reason when the bytes are not a sound index. */
  static fromBytes(bytes: Uint8Array): Bm25Index {
    const s = Sections.read(bytes, KIND, VERSION);
    const count = s.num('chunks');
    const termStart = s.u32('termStart');
    const docs = s.u32('docs');
    const impacts = s.f32('impacts');
    const termMax = s.f32('termMax');
    const text = Buffer.from(s.u8('vocab')).toString('utf8');
    const vocab = text ? text.split('\n') : [];
    checkOffsets(termStart, vocab.length, docs.length, 'posting');
    if (impacts.length !== docs.length || termMax.length !== vocab.length) throw new Error('lexical index sections disagree in length');
    for (let p = 0; p < docs.length; p++) {
      if ((docs[p] ?? 0) >= count) throw new Error('lexical index points past its chunks');
      if (!((impacts[p] ?? -1) >= 0)) throw new Error('lexical index holds an invalid score');
    }
    return new Bm25Index(vocab, termStart, termMax, docs, impacts, count);
  }

  /** The index as one binary file. */
  toBytes(): Uint8Array {
    return packSections(
      KIND,
      VERSION,
      { chunks: this.count, terms: this.vocab.length, postings: this.docs.length },
      {
        vocab: new Uint8Array(Buffer.from(this.vocab.join('\n'), 'utf8')),
        termStart: this.termStart,
        termMax: this.termMax,
        docs: this.docs,
        impacts: this.impacts,
      },
    );
  }

  /** Number of chunks indexed. */
  get size(): number {
    return this.count;
  }

  /** Distinct terms indexed. */
  get terms(): number {
    return this.vocab.length;
  }

  /** Number of chunks containing an (already processed) term, in heading or body. */
  docFreq(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.postings(id);
  }

  /** The indexed terms nearest an (already processed) term missing from the index: its likely correct spellings. */
  nearTerms(term: string): string[] {
    return this.ids.has(term) ? [] : this.fuzzy.lookup(term).flatMap((id) => this.vocab[id] ?? []);
  }

  private postings(id: number): number {
    return (this.termStart[id + 1] ?? 0) - (this.termStart[id] ?? 0);
  }

  /**
   * Best chunks for already-processed query terms (each may carry a weight): the sum of the terms' weighted BM25
   * impacts times the number of query terms matched. A `fuzzy` term missing from the vocabulary is replaced by its
   * nearest spellings (typo tolerance) at a lower weight.
   */
  search(query: LexicalQuery, k: number): LexicalHit[] {
    if (!query.length || k <= 0 || !this.count) return [];
    const lists = this.resolve(query);
    if (!lists.length) return [];
    lists.sort((a, b) => b.bound - a.bound);
    const suffix = new Float64Array(lists.length + 1);
    for (let i = lists.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] ?? 0) + (lists[i]?.bound ?? 0);
    this.scratch ??= { acc: new Float64Array(this.count), mask: new Uint32Array(this.count), touched: new Uint32Array(this.count) };
    const { acc, mask, touched } = this.scratch;
    const final = (d: number) => (acc[d] ?? 0) * popcount(mask[d] ?? 0);
    let touchedCount = 0;
    let seenBound = 0;
    let pruning = true;
    const { docs, impacts } = this;
    try {
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i] as QueryList;
        // Once no unseen chunk can reach the current k-th score, the remaining (common) terms only need scoring for the
        // chunks that still can. No seen chunk scores above seenBound × i, so the k-th score is only estimated when
        // that could prune; pruning is abandoned when too many chunks remain in the running.
        const unseenBound = (suffix[i] ?? 0) * (lists.length - i);
        if (
          pruning &&
          i > 0 &&
          touchedCount >= k &&
          unseenBound < seenBound * i &&
          unseenBound < kthScore(touched, Math.min(touchedCount, THETA_SAMPLE), final, k)
        ) {
          const candidates = this.candidates(touchedCount, kthScore(touched, touchedCount, final, k), suffix[i] ?? 0, lists.length - i);
          if (candidates) {
            this.probe(lists, i, candidates);
            return topK(candidates, candidates.length, final, k);
          }
          pruning = false;
        }
        const { weight, bit, end } = list;
        for (let p = list.start; p < end; p++) {
          const d = docs[p] as number;
          if (mask[d] === 0) touched[touchedCount++] = d;
          acc[d] = (acc[d] as number) + weight * (impacts[p] as number);
          mask[d] = (mask[d] as number) | bit;
        }
        seenBound += list.bound;
      }
      return topK(touched, touchedCount, final, k);
    } finally {
      for (let j = 0; j < touchedCount; j++) {
        const d = touched[j] as number;
        acc[d] = 0;
        mask[d] = 0;
      }
    }
  }

  /**
   * The seen chunks that can still reach `theta` with the remaining lists (their bounds summing to `rest`), sorted by
   * id; null when more than 1/CANDIDATE_SHARE of the seen chunks remain, since then scanning the lists is cheaper.
   */
  private candidates(touchedCount: number, theta: number, rest: number, remaining: number): Uint32Array | null {
    const { acc, mask, touched } = this.scratch ?? { acc: new Float64Array(0), mask: new Uint32Array(0), touched: new Uint32Array(0) };
    const limit = Math.floor(touchedCount / CANDIDATE_SHARE);
    const out = new Uint32Array(limit);
    let n = 0;
    for (let j = 0; j < touchedCount; j++) {
      const d = touched[j] as number;
      if (((acc[d] as number) + rest) * (popcount(mask[d] as number) + remaining) < theta) continue;
      if (n === limit) return null;
      out[n++] = d;
    }
    return out.subarray(0, n).sort();
  }

  /** Adds lists `from..` to the scores of the (sorted) candidate chunks only, by binary search in each list. */
  private probe(lists: QueryList[], from: number, candidates: Uint32Array): void {
    const { acc, mask } = this.scratch ?? { acc: new Float64Array(0), mask: new Uint32Array(0) };
    const { docs, impacts } = this;
    for (let j = from; j < lists.length; j++) {
      const { start, end, weight, bit } = lists[j] as QueryList;
      let lo = start;
      for (const d of candidates) {
        let hi = end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((docs[mid] as number) < d) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= end) break;
        if (docs[lo] === d) {
          acc[d] = (acc[d] as number) + weight * (impacts[lo] as number);
          mask[d] = (mask[d] as number) | bit;
        }
      }
    }
  }

  /** Query terms to posting lists: exact terms, or a missing term's nearest spellings. */
  private resolve(query: LexicalQuery): QueryList[] {
    const byTerm = new Map<number, QueryList>();
    query.forEach((q, i) => {
      const bit = 2 ** Math.min(i, 31);
      const exact = this.ids.get(q.term);
      const found =
        exact !== undefined
          ? [{ id: exact, weight: q.weight }]
          : q.fuzzy
            ? this.fuzzy.lookup(q.term).map((id) => ({ id, weight: q.weight * FUZZY_WEIGHT }))
            : [];
      for (const { id, weight } of found) {
        const known = byTerm.get(id);
        if (known && known.weight >= weight) continue;
        const bound = weight * (this.termMax[id] ?? 0);
        byTerm.set(id, { start: this.termStart[id] ?? 0, end: this.termStart[id + 1] ?? 0, weight, bound, bit });
      }
    });
    return [...byTerm.values()].filter((l) => l.end > l.start && l.weight > 0);
  }
}
