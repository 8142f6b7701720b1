import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { ExactIndex } from '../../src/index/hnsw.js';
import { buildIndex } from '../../src/index/pipeline.js';
import type { IndexData } from '../../src/index/store.js';
import { queryTerms, terms } from '../../src/index/terms.js';
import { Retriever } from '../../src/query/retriever.js';
import { HashEmbedder, corpusCopy, tempDir } from '../helpers.js';

let index: IndexData;
const embedder = new HashEmbedder();
const sectionOf = (i: number) => index.chunks[i]!.text.split('\n')[0];

beforeAll(async () => {
  const s = await buildIndex({
    corpusDir: corpusCopy(),
    indexDir: join(tempDir(), 'index'),
    embedder,
    hnsw: { m: 16, efConstruction: 100, efSearch: 50 },
    log: silentLogger,
  });
  index = s.index;
});

describe('retrieval', () => {
  it('finds the salary section lexically for a question in users’ words', async () => {
    const r = await new Retriever(index, null, 'lexical').retrieve('how much do ML engineers earn', 3);
    expect(r.mode).toBe('lexical');
    expect(r.hits.map((h) => sectionOf(h.chunk)).join('\n')).toMatch(/Comparative Salary Data/);
  });

  it('expands career vocabulary in queries', () => {
    expect(queryTerms('what do MLEs earn').own).toEqual(expect.arrayContaining(terms('machine learning engineer')));
    expect(queryTerms('what do they earn').expanded).toEqual(expect.arrayContaining(terms('salary')));
    expect(queryTerms('do I need a PhD?').expanded).toEqual(expect.arrayContaining(terms('degree advanced')));
    expect(queryTerms('people skills').own).toEqual(terms('soft skills'));
    expect(terms('Back-end engineers')).toEqual(terms('backend engineer'));
  });

  it('falls back to lexical search when no model is loaded', async () => {
    const r = await new Retriever(index, null, 'hybrid').retrieve('backend skills', 3);
    expect(r.mode).toBe('lexical');
    expect(r.hits.every((h) => h.dense === null)).toBe(true);
  });

  it('uses the HNSW index in dense mode and fuses both lists in hybrid mode', async () => {
    const dense = await new Retriever(index, embedder, 'dense').retrieve('Average base salary', 5);
    expect(dense.mode).toBe('dense');
    expect(dense.hits.every((h) => h.dense !== null && h.lexical === null)).toBe(true);
    const [q] = await embedder.embed(['Average base salary']);
    const exact = new ExactIndex(index.vectors!, embedder.dim).search(q!, 5).map((h) => h.id);
    expect(dense.hits.map((h) => h.chunk)).toEqual(exact);
    const hybrid = await new Retriever(index, embedder, 'hybrid').retrieve('Average base salary', 5);
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.hits.some((h) => h.dense !== null && h.lexical !== null)).toBe(true);
  });
});
