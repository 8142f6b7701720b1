// Benchmark lexical engine "FlexSearch" (I/O: writes/reads flexsearch.json): two FlexSearch 0.8 indexes (heading, body)
// over the same pre-tokenised terms, OR-queries ("suggest"), fused by rank with the heading weighted 1.5.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import FlexSearch from 'flexsearch';
import { indexedFields } from '../../../src/index/bm25.js';
import { terms } from '../../../src/index/terms.js';
import type { LexicalEngine } from './types.js';

const make = () => new FlexSearch.Index({ tokenize: 'strict', resolution: 9, encode: (text: string) => text.split(' ').filter(Boolean) });
const FIELDS = ['heading', 'body'] as const;
const BOOST = { heading: 1.5, body: 1 };
/** Rank fusion constant, as the retriever's RRF. */
const RRF_K = 60;

export const flexSearchEngine: LexicalEngine = {
  name: 'FlexSearch 0.8',
  note: "FlexSearch's own term-position relevance per field, fused by rank (heading ×1.5); no BM25, no per-term weights; JSON export",
  async build(chunks, docs, dir) {
    const out: Record<string, Record<string, string>> = {};
    for (const field of FIELDS) {
      const ix = make();
      chunks.forEach((c, id) => {
        ix.add(id, terms(indexedFields(c, docs.get(c.docId))[field]).join(' '));
      });
      const parts: Record<string, string> = {};
      await ix.export((key, data) => {
        parts[key] = data;
      });
      out[field] = parts;
    }
    await writeFile(join(dir, 'flexsearch.json'), JSON.stringify(out));
  },
  async open(dir) {
    const saved = JSON.parse(await readFile(join(dir, 'flexsearch.json'), 'utf8')) as Record<string, Record<string, string>>;
    const indexes = FIELDS.map((field) => {
      const ix = make();
      for (const [key, data] of Object.entries(saved[field] ?? {})) ix.import(key, data);
      return { field, ix };
    });
    return {
      search(query, k) {
        const q = [...new Set(query.map((t) => t.term))].join(' ');
        if (!q) return [];
        const scores = new Map<number, number>();
        for (const { field, ix } of indexes) {
          (ix.search(q, { limit: Math.max(k * 4, 100), suggest: true }) as number[]).forEach((id, rank) => {
            scores.set(id, (scores.get(id) ?? 0) + BOOST[field] / (RRF_K + rank + 1));
          });
        }
        return [...scores]
          .map(([id, score]) => ({ id, score }))
          .sort((a, b) => b.score - a.score || a.id - b.id)
          .slice(0, k);
      },
    };
  },
};
