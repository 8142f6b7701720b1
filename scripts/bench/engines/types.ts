// Benchmark lexical engines "contract" (pure): what each engine compared in `npm run bench` provides, over the same
// chunks, the same tokeniser (`terms()` from src/index/terms.ts) and the same weighted query terms.
import type { Chunk, SourceDoc } from '../../../src/domain/types.js';
import type { LexicalHit, LexicalQuery } from '../../../src/index/bm25.js';

/** A loaded lexical index. */
export interface LexicalSearcher {
  search(query: LexicalQuery, k: number): LexicalHit[];
  close?(): void;
}

/** One engine: builds its files into a folder, then opens them as a server would. */
export interface LexicalEngine {
  name: string;
  /** How it ranks and what it ignores, for the report. */
  note: string;
  /** Writes the index files for these chunks into `dir`. */
  build(chunks: Chunk[], docs: Map<string, SourceDoc>, dir: string): Promise<void>;
  /** Opens the files in `dir` (the timed "load"). */
  open(dir: string): Promise<LexicalSearcher>;
}
