// Benchmark lexical engine "MiniSearch" (I/O: writes/reads minisearch.json): the previous engine, configured exactly as
// src/index/bm25.ts used it before the typed-array index replaced it (same fields, boost, tokeniser and term weights).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { indexedFields } from '../../../src/index/bm25.js';
import { terms } from '../../../src/index/terms.js';
import type { LexicalEngine } from './types.js';

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

export const miniSearchEngine: LexicalEngine = {
  name: 'MiniSearch 7 (before)',
  note: 'BM25 (k1 1.2, b 0.7, d 0.5), heading ×1.5, per-term weights, no fuzzy; JSON persistence',
  async build(chunks, docs, dir) {
    const ms = new MiniSearch<Indexed>(OPTIONS);
    ms.addAll(chunks.map((c, id) => ({ id, ...indexedFields(c, docs.get(c.docId)) })));
    await writeFile(join(dir, 'minisearch.json'), JSON.stringify(ms));
  },
  async open(dir) {
    const ms = MiniSearch.loadJSON<Indexed>(await readFile(join(dir, 'minisearch.json'), 'utf8'), OPTIONS);
    return {
      search(query, k) {
        if (!query.length) return [];
        const weights = new Map(query.map((q) => [q.term, q.weight]));
        const results = ms.search(query.map((q) => q.term).join(' '), {
          tokenize: (text) => text.split(' '),
          processTerm: (term) => term,
          boostTerm: (term) => weights.get(term) ?? 1,
        });
        return results.slice(0, k).map((r) => ({ id: r.id as number, score: r.score }));
      },
    };
  },
};
