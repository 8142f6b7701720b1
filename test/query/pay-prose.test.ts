import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SalaryAnswer } from '../../src/domain/answer.js';
import type { Advisor } from '../../src/query/advisor.js';
import { withProse } from '../../src/query/pay-prose.js';
import { analyseQuestion } from '../../src/query/question.js';
import { ROOT, testRuntime } from '../helpers.js';

let advisor: Advisor;
beforeAll(async () => {
  const runtime = await testRuntime(null, join(ROOT, 'test/fixtures/corpus-b'));
  await runtime.open();
  advisor = runtime.advisor();
});

const quotes = (a: { citations: { quote: string }[] }) => a.citations.map((c) => c.quote);

describe('pay questions about the figures themselves', () => {
  it('leads with the pay section sentence that says what no figure line says ("agency vs in-house")', async () => {
    const a = await advisor.ask('ux designer agency vs in-house pay');
    expect(a.kind).toBe('salary');
    expect(a.citations[0]?.quote).toMatch(/^Designers at agencies typically earn somewhat less than in-house peers/);
    expect(a.kind === 'salary' && a.figures.length).toBeGreaterThan(0);
  });

  it('shows the sentence that says whether the figures are gross, with the figures', async () => {
    const a = await advisor.ask('german devops salary gross or net');
    expect(a.kind).toBe('salary');
    expect(
      quotes(a)
        .slice(0, 2)
        .some((q) => q.startsWith('German salaries are quoted as gross annual pay')),
    ).toBe(true);
  });

  it('adds nothing to a question that asks only for figures', async () => {
    const a = await advisor.ask('what do ux designers make');
    expect(a.kind).toBe('salary');
    if (a.kind !== 'salary') return;
    expect(a.citations.length).toBe(new Set(a.figures.map((f) => `${f.docId}:${f.start}`)).size);
  });
});

describe('withProse', () => {
  const figure = { doc: 'D', section: 'D › Salary', quote: 'Median: $1', score: 1, docId: 'd', start: 0, end: 10 };
  const answer = {
    kind: 'salary',
    answered: true,
    question: 'q',
    intent: 'salary',
    roles: ['R'],
    role: 'R',
    figures: [],
    notes: [],
    ranking: false,
    market: null,
    year: null,
    citations: [figure],
  } as unknown as SalaryAnswer;

  it('returns the answer unchanged when there is no sentence to add', () => {
    expect(
      withProse(
        answer,
        [],
        analyseQuestion('R salary at agencies', () => 2),
      ),
    ).toBe(answer);
  });

  it('puts a sentence after the first figure when the figures already hold the words asked', () => {
    const note = { ...figure, quote: 'Medians are gross.', start: 20, end: 38 };
    const grossFigure = { ...figure, label: 'Median gross', quote: 'Median gross: $1' };
    const out = withProse(
      { ...answer, figures: [grossFigure], citations: [grossFigure] } as unknown as SalaryAnswer,
      [note],
      analyseQuestion('R median gross salary', () => 2),
    );
    expect(quotes(out)).toEqual(['Median gross: $1', 'Medians are gross.']);
  });

  it('puts a sentence first when it holds a word of the question the figures lack', () => {
    const note = { ...figure, quote: 'Agencies pay less.', start: 20, end: 38 };
    const out = withProse(
      answer,
      [note],
      analyseQuestion('R salary at agencies', () => 2),
    );
    expect(quotes(out)).toEqual(['Agencies pay less.', 'Median: $1']);
  });
});
