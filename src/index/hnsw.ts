// Dense index (HNSW via hnswlib-node; reads/writes its file when asked): nearest chunks by cosine similarity.
import { createRequire } from 'node:module';
import type hnswlibTypes from 'hnswlib-node';

/** The native addon, loaded on first use so that lexical-only processes never load it. */
let addon: typeof hnswlibTypes | null = null;
function hnswlib(): typeof hnswlibTypes {
  addon ??= createRequire(import.meta.url)('hnswlib-node') as typeof hnswlibTypes;
  return addon;
}

export interface VectorHit {
  id: number;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

/** A k-nearest-neighbour index over unit vectors labelled 0..n-1. */
export interface VectorIndex {
  readonly dim: number;
  readonly size: number;
  search(query: Float32Array, k: number): VectorHit[];
}

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Approximate nearest neighbours with hnswlib (cosine space). */
export class HnswIndex implements VectorIndex {
  private constructor(
    private readonly index: hnswlibTypes.HierarchicalNSW,
    readonly dim: number,
  ) {}

  static build(vectors: Float32Array[], dim: number, params: HnswParams, seed = 100): HnswIndex {
    const index = new (hnswlib().HierarchicalNSW)('cosine', dim);
    index.initIndex(Math.max(1, vectors.length), params.m, params.efConstruction, seed);
    vectors.forEach((v, i) => index.addPoint(Array.from(v), i));
    index.setEf(params.efSearch);
    return new HnswIndex(index, dim);
  }

  static async load(path: string, dim: number, efSearch: number): Promise<HnswIndex> {
    const index = new (hnswlib().HierarchicalNSW)('cosine', dim);
    await index.readIndex(path);
    index.setEf(efSearch);
    return new HnswIndex(index, dim);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  setEf(ef: number): void {
    this.index.setEf(ef);
  }

  async save(path: string): Promise<void> {
    await this.index.writeIndex(path);
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n);
    return neighbors.map((id, i) => ({ id, score: 1 - (distances[i] ?? 1) }));
  }
}

/** Exact cosine search by scanning every vector: the reference for recall, fine for small corpora. */
export class ExactIndex implements VectorIndex {
  constructor(
    private readonly vectors: Float32Array[],
    readonly dim: number,
  ) {}

  get size(): number {
    return this.vectors.length;
  }

  search(query: Float32Array, k: number): VectorHit[] {
    const qn = Math.sqrt(query.reduce((s, x) => s + x * x, 0)) || 1;
    const scored = this.vectors.map((v, id) => {
      let dot = 0;
      let vn = 0;
      for (let d = 0; d < this.dim; d++) {
        dot += (v[d] ?? 0) * (query[d] ?? 0);
        vn += (v[d] ?? 0) ** 2;
      }
      return { id, score: dot / (qn * (Math.sqrt(vn) || 1)) };
    });
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  }
}
