// Lexical index (pure; serialisable): BM25 over chunks with MiniSearch, sharing the project's tokeniser.
import MiniSearch from 'minisearch';
import type { Chunk, SourceDoc } from '../domain/types.js';
import { terms } from './terms.js';

interface Indexed {
  id: number;
  heading: string;
  body: string;
}

const OPTIONS = {
  fields: ['heading', 'body'],
  idField: 'id',
  tokenize: (text: string) => terms(text),
  processTerm: (term: string) => term,
  searchOptions: { boost: { heading: 1.5 }, combineWith: 'OR' as const, fuzzy: false, prefix: false },
};

export interface LexicalHit {
  /** Position of the chunk in the index's chunk list. */
  id: number;
  score: number;
}

/** BM25 index over chunk headings (document title + section path) and bodies. */
export class Bm25Index {
  private constructor(private readonly search_: MiniSearch<Indexed>) {}

  /** Builds the index; chunk `i` gets id `i`. */
  static build(chunks: Chunk[], docs: Map<string, SourceDoc>): Bm25Index {
    const ms = new MiniSearch<Indexed>(OPTIONS);
    ms.addAll(
      chunks.map((c, id) => {
        const newline = c.text.indexOf('\n');
        const doc = docs.get(c.docId);
        return { id, heading: [doc?.title ?? '', ...(doc?.sections[c.section]?.path ?? [])].join(' '), body: c.text.slice(newline + 1) };
      }),
    );
    return new Bm25Index(ms);
  }

  static fromJSON(json: string): Bm25Index {
    return new Bm25Index(MiniSearch.loadJSON<Indexed>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }

  get size(): number {
    return this.search_.documentCount;
  }

  /** Best chunks for already-processed query terms (each may carry a weight). */
  search(query: { term: string; weight: number }[], k: number): LexicalHit[] {
    if (!query.length) return [];
    const weights = new Map(query.map((q) => [q.term, q.weight]));
    const results = this.search_.search(query.map((q) => q.term).join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boostTerm: (term) => weights.get(term) ?? 1,
    });
    return results.slice(0, k).map((r) => ({ id: r.id as number, score: r.score }));
  }
}
