import { describe, expect, it } from 'vitest';
import { terms } from '../../src/index/terms.js';
import { QuoteSelector } from '../../src/query/quote.js';
import { testAdvisor } from '../helpers.js';

describe('quote selection', () => {
  it('weighs terms by the lexical index counts, which equal counting the terms of every chunk text', async () => {
    const { index } = await testAdvisor();
    const df = new Map<string, number>();
    for (const c of index.chunks) for (const t of new Set(terms(c.text))) df.set(t, (df.get(t) ?? 0) + 1);
    const quotes = new QuoteSelector(index);
    const n = index.chunks.length;
    expect(df.size).toBe(index.bm25.terms);
    for (const [t, f] of df) expect(quotes.idf(t)).toBeCloseTo(Math.log(1 + (n - f + 0.5) / (f + 0.5)), 12);
    expect(quotes.idf('zzzunseen')).toBeNull();
  });
});
