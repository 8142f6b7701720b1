// Query stage "retrieve" (pure over a loaded index; calls the embedder for the query): lexical, dense or hybrid search,
// fused by reciprocal rank. Dense search degrades to lexical when no model is loaded.
import { LRUCache } from 'lru-cache';
import type { Embedder } from '../embed/embedder.js';
import type { IndexData } from '../index/store.js';
import { type QueryTerms, queryTerms } from '../index/terms.js';

export type Mode = 'hybrid' | 'dense' | 'lexical';

export interface Hit {
  /** Position in `index.chunks`. */
  chunk: number;
  /** Fused score (higher is better). */
  score: number;
  lexical: number | null;
  dense: number | null;
}

export interface Retrieval {
  hits: Hit[];
  /** The mode actually used (dense/hybrid fall back to lexical without a model). */
  mode: Mode;
  terms: QueryTerms;
}

const RRF_K = 60;

/** Searches one loaded index; cheap to create, holds a small cache of query vectors. */
export class Retriever {
  private readonly queryCache: LRUCache<string, Float32Array> | null;

  constructor(
    readonly index: IndexData,
    private readonly embedder: Embedder | null,
    readonly mode: Mode,
    /** Query vectors kept for repeated questions (0 disables the cache, e.g. for benchmarks). */
    cacheSize = 512,
  ) {
    this.queryCache = cacheSize > 0 ? new LRUCache({ max: cacheSize }) : null;
  }

  /** True when dense search is possible: a model is loaded and the index holds its vectors. */
  get denseAvailable(): boolean {
    return !!this.embedder && !!this.index.dense && this.index.manifest.model === this.embedder.modelId;
  }

  async retrieve(question: string, k = 8, mode: Mode = this.mode): Promise<Retrieval> {
    const terms = queryTerms(question);
    const used: Mode = mode !== 'lexical' && !this.denseAvailable ? 'lexical' : mode;
    const pool = Math.max(k * 3, 20);
    const lexical =
      used === 'dense'
        ? []
        : this.index.bm25.search(
            // Only the user's own words may be typos; the expansions are the project's vocabulary, spelled right.
            [...terms.own.map((term) => ({ term, weight: 1, fuzzy: true })), ...terms.expanded.map((term) => ({ term, weight: 0.4 }))],
            pool,
          );
    const dense = used === 'lexical' || !this.index.dense ? [] : this.index.dense.search(await this.embedQuery(question), pool);

    const fused = new Map<number, Hit>();
    const entry = (id: number) => {
      let hit = fused.get(id);
      if (!hit) {
        hit = { chunk: id, score: 0, lexical: null, dense: null };
        fused.set(id, hit);
      }
      return hit;
    };
    lexical.forEach((h, rank) => {
      const hit = entry(h.id);
      hit.lexical = h.score;
      hit.score += 1 / (RRF_K + rank + 1);
    });
    dense.forEach((h, rank) => {
      const hit = entry(h.id);
      hit.dense = h.score;
      hit.score += 1 / (RRF_K + rank + 1);
    });
    const hits = [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k);
    return { hits, mode: used, terms };
  }

  private async embedQuery(question: string): Promise<Float32Array> {
    const key = question.trim().toLowerCase();
    const cached = this.queryCache?.get(key);
    if (cached) return cached;
    if (!this.embedder) throw new Error('dense search needs an embedder');
    const [vector] = await this.embedder.embed([question]);
    if (!vector) throw new Error('the embedder returned no vector');
    this.queryCache?.set(key, vector);
    return vector;
  }
}
