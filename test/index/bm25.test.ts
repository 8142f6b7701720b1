import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { Bm25Index, type LexicalQuery, indexedFields } from '../../src/index/bm25.js';
import { buildIndex } from '../../src/index/pipeline.js';
import type { IndexData } from '../../src/index/store.js';
import { queryTerms, stem, terms } from '../../src/index/terms.js';
import { CORPUS, ROOT, seedIndex, tempDir } from '../helpers.js';

let index: IndexData;
const questions = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'eval.json'), 'utf8')) as { question: string }[]).map((q) => q.question);
const asQuery = (question: string): LexicalQuery => {
  const t = queryTerms(question);
  return [...t.own.map((term) => ({ term, weight: 1 })), ...t.expanded.map((term) => ({ term, weight: 0.4 }))];
};

beforeAll(async () => {
  index = await seedIndex();
});

/** MiniSearch configured as the project used it before, as the reference ranking. */
function miniSearch(): MiniSearch<{ id: number; heading: string; body: string }> {
  const docs = new Map(index.docs.map((d) => [d.id, d]));
  const options = {
    fields: ['heading', 'body'],
    tokenize: (text: string) => terms(text),
    processTerm: (term: string) => term,
    searchOptions: { boost: { heading: 1.5 }, combineWith: 'OR' as const },
  };
  const ms = new MiniSearch<{ id: number; heading: string; body: string }>(options);
  ms.addAll(index.chunks.map((c, id) => ({ id, ...indexedFields(c, docs.get(c.docId)) })));
  return ms;
}

describe('the lexical index', () => {
  it('ranks every eval question exactly as MiniSearch did, with the same scores', () => {
    const ms = miniSearch();
    for (const question of questions) {
      const query = asQuery(question);
      const weights = new Map(query.map((q) => [q.term, q.weight]));
      const expected = ms.search(query.map((q) => q.term).join(' '), { tokenize: (t) => t.split(' '), boostTerm: (t) => weights.get(t) ?? 1 }).slice(0, 10);
      const got = index.bm25.search(query, 10);
      expect(
        got.map((h) => h.id),
        question,
      ).toEqual(expected.map((r) => r.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 4));
    }
  });

  it('returns the same top k with pruning as when every posting is scored', () => {
    const vocab = [...new Set(index.chunks.flatMap((c) => terms(c.text)))];
    let seed = 7;
    const pick = () => {
      seed = (seed * 48271) % 2147483647;
      return vocab[seed % vocab.length]!;
    };
    for (let i = 0; i < 200; i++) {
      const query = Array.from({ length: 2 + (i % 6) }, (_, j) => ({ term: pick(), weight: j % 3 ? 1 : 0.4 }));
      const all = index.bm25.search(query, index.chunks.length);
      expect(index.bm25.search(query, 3)).toEqual(all.slice(0, 3));
    }
  });

  it('finds a misspelled word through its nearest spelling, only when the term allows it', () => {
    // Index terms are Porter stems ("salary" -> "salari"); a typo one edit away from the stem is found.
    const exact = index.bm25.search([{ term: stem('salary'), weight: 1 }], 5);
    expect(exact.length).toBeGreaterThan(0);
    expect(index.bm25.search([{ term: 'salaro', weight: 1 }], 5)).toEqual([]);
    const typo = index.bm25.search([{ term: 'salaro', weight: 1, fuzzy: true }], 5);
    expect(typo.map((h) => h.id)).toEqual(exact.map((h) => h.id));
    // Short words are left alone: one edit mostly reaches another real word.
    expect(index.bm25.search([{ term: 'sql', weight: 1 }], 5).length).toBeGreaterThan(0);
    expect(index.bm25.search([{ term: 'sqk', weight: 1, fuzzy: true }], 5)).toEqual([]);
  });

  it('reads back from its one binary file with identical answers', () => {
    const again = Bm25Index.fromBytes(index.bm25.toBytes());
    expect(again.size).toBe(index.bm25.size);
    expect(again.docFreq(stem('salary'))).toBe(index.bm25.docFreq(stem('salary')));
    for (const question of questions) expect(again.search(asQuery(question), 8)).toEqual(index.bm25.search(asQuery(question), 8));
  });

  it('rejects a truncated, foreign or tampered file with the reason', () => {
    const bytes = index.bm25.toBytes();
    expect(() => Bm25Index.fromBytes(bytes.slice(0, bytes.length - 100))).toThrow(/truncated/);
    expect(() => Bm25Index.fromBytes(new TextEncoder().encode('{"not":"an index"}'))).toThrow(/not a lexical-bm25 file/);
    const tampered = bytes.slice();
    tampered.fill(0xff, tampered.length - 64);
    expect(() => Bm25Index.fromBytes(tampered)).toThrow(/points past its chunks|invalid score/);
  });

  it('answers an empty query or an unknown word with no hits', () => {
    expect(index.bm25.search([], 5)).toEqual([]);
    expect(index.bm25.search([{ term: 'zzzzqqq', weight: 1, fuzzy: true }], 5)).toEqual([]);
  });
});
