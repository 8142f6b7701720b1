// Benchmark lexical engine "typed" (I/O: writes/reads lexical.bin): the project's own typed-array BM25 (src/index/bm25.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Bm25Index } from '../../../src/index/bm25.js';
import type { LexicalEngine } from './types.js';

export const typedEngine: LexicalEngine = {
  name: 'typed BM25 (this project)',
  note: 'BM25 (k1 1.2, b 0.7, d 0.5), heading ×1.5, per-term weights, typo tolerance; one binary file of typed arrays',
  async build(chunks, docs, dir) {
    await writeFile(join(dir, 'lexical.bin'), Bm25Index.build(chunks, docs).toBytes());
  },
  async open(dir) {
    return Bm25Index.fromBytes(await readFile(join(dir, 'lexical.bin')));
  },
};
