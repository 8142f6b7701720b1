import { describe, expect, it } from 'vitest';
import { type AskAnswer, type SalaryAnswer, distinctQuotes } from '../../src/domain/answer.js';
import type { SalaryFact } from '../../src/domain/knowledge.js';
import type { Citation } from '../../src/domain/types.js';

const cite = (docId: string, quote: string, context?: string): Citation => ({
  doc: docId,
  section: 'Pay',
  quote,
  ...(context ? { context } : {}),
  score: 1,
  docId,
  start: 0,
  end: quote.length,
});

describe('an answer shows each quote once', () => {
  it('keeps the first of two identical quotes from two documents, and quotes that differ in their parent bullet', () => {
    const answer: AskAnswer = {
      kind: 'ask',
      answered: true,
      question: 'q',
      intent: 'general',
      roles: [],
      citations: [
        cite('pilot', 'Modular training costs £60,000.'),
        cite('pilot-copy', 'Modular  training costs £60,000.'),
        cite('pilot', '£60,000', 'Junior:'),
        cite('pilot', '£60,000', 'Senior:'),
      ],
    };
    expect(distinctQuotes(answer).citations.map((c) => [c.docId, c.context ?? null])).toEqual([
      ['pilot', null],
      ['pilot', 'Junior:'],
      ['pilot', 'Senior:'],
    ]);
  });

  it('keeps every figure one quote gives, and drops a figure repeated from another document', () => {
    const quote = 'Captain: Short-haul £100,000 - £150,000; Long-haul £140,000 - £200,000';
    const fact = (docId: string, min: number, max: number) =>
      ({ ...cite(docId, quote), file: `${docId}.html`, role: 'Pilot', label: 'Captain', min, max, value: null, currency: 'GBP' }) as unknown as SalaryFact;
    const answer = {
      kind: 'salary',
      answered: true,
      question: 'q',
      intent: 'salary',
      roles: ['Pilot'],
      citations: [cite('pilot', quote), cite('pilot-copy', quote)],
      role: 'Pilot',
      figures: [fact('pilot', 100000, 150000), fact('pilot', 140000, 200000), fact('pilot-copy', 100000, 150000)],
      notes: [],
      ranking: false,
      market: null,
      year: null,
    } satisfies SalaryAnswer;
    const shown = distinctQuotes(answer);
    expect(shown.figures.map((f) => [f.docId, f.min])).toEqual([
      ['pilot', 100000],
      ['pilot', 140000],
    ]);
    expect(shown.citations).toHaveLength(1);
  });
});
