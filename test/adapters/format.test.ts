import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SUMMARY_CHARS,
  amountText,
  describeFact,
  groupLines,
  money,
  noAnswerText,
  noAnswerTitle,
  quoteLine,
  readable,
  salarySummary,
  salaryTitle,
} from '../../src/adapters/format.js';
import type { NoAnswer, SalaryAnswer } from '../../src/domain/answer.js';
import type { Knowledge, SalaryFact } from '../../src/domain/knowledge.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';
import { ROOT } from '../helpers.js';

let k: Knowledge;
beforeAll(async () => {
  const loaded = await loadCorpus(join(ROOT, 'test/fixtures/corpus-b'));
  k = buildKnowledge(loaded.docs, loaded.aliases);
});
const fact = (quote: string): SalaryFact => k.salaries.find((f) => f.quote === quote)!;

describe('presenting salary figures', () => {
  it('formats each amount in its own currency, never as dollars', () => {
    expect(money(157969)).toBe('$157,969');
    expect(money(67000, 'EUR')).toBe('€67,000');
    expect(money(62000, 'GBP')).toBe('£62,000');
    expect(money(110000, 'CHF')).toMatch(/^CHF\s?110,000$/);
  });

  it('groups rupees in lakh and crore as Indian pages write them, not in thousands', () => {
    expect(money(1_200_000, 'INR')).toBe('₹12,00,000');
    expect(money(55_00_000, 'INR')).toBe('₹55,00,000');
    expect(money(1_50_00_000, 'INR')).toBe('₹1,50,00,000');
    expect(money(1_200_000, 'USD')).toBe('$1,200,000');
  });

  it('keeps open ends, periods and the document’s own label and band', () => {
    expect(amountText(fact('Lead or principal: £75k+'))).toBe('£75,000+');
    expect(amountText(fact('Average gross monthly salary: €5,580'))).toBe('€5,580 per month');
    expect(amountText(fact('Hourly rate for general product documentation: $40 - $65 per hour'))).toBe('$40–$65 per hour');
    expect(describeFact(fact('Senior (6+ yrs): $145,000 - $185,000'), { market: null, year: 2024 })).toBe(
      'Salary ranges by experience — Senior (6+ yrs): $145,000–$185,000',
    );
    expect(describeFact(fact('Munich: median €72,500'))).toBe('median (Munich, 2024): €72,500');
  });

  it('titles an answer only with the place and year every figure shares', () => {
    const devops = salaryLookup(k, { role: 'DevOps Engineer' }) as SalaryAnswer;
    expect(salaryTitle(devops)).toBe('DevOps Engineer salary (2024)');
    const munich = salaryLookup(k, { role: 'DevOps Engineer', location: 'Munich' }) as SalaryAnswer;
    expect(salaryTitle(munich)).toBe('DevOps Engineer salary (Munich, 2024)');
    expect(salarySummary(munich)).toBe('DevOps Engineer: median: €72,500.');
    const summary = salarySummary(devops);
    expect(summary).toContain('Salary bands by experience (Germany): Junior (0-2 years) €48,000–€58,000');
    expect(summary).not.toContain('$');
  });

  it('answers a country with the figures for it and its cities, in its own currency', () => {
    const germany = salaryLookup(k, { role: 'DevOps Engineer', location: 'Germany' }) as SalaryAnswer;
    expect(germany.figures.map((f) => f.location)).toEqual([...Array(6).fill('Germany'), 'Munich', 'Frankfurt', 'Berlin', 'Leipzig']);
    expect(germany.figures.every((f) => f.currency === 'EUR')).toBe(true);
  });

  it('refuses a city inside a country the page covers when the page gives that city no figure', () => {
    const hamburg = salaryLookup(k, { role: 'DevOps Engineer', location: 'Hamburg' });
    expect(hamburg.kind).toBe('none');
    if (hamburg.kind !== 'none') return;
    expect(noAnswerTitle(hamburg)).toBe('DevOps Engineer: no salary figures for Hamburg');
    expect(noAnswerText(hamburg)).toContain('They give DevOps Engineer figures for Germany, Munich, Frankfurt, Berlin, Leipzig.');
  });

  it('says so when the figures a role has name no place, instead of listing no places', () => {
    const page =
      'Dental hygienist\n\nAbout\n\nMost dental hygienists work in practices. Dental hygienists usually see patients alone.\n\nSalary\n\nAverage salary £28,000 to £45,000 a year.\n';
    const knowledge = buildKnowledge(parsePage('dental-hygienist.txt', page), {});
    const london = salaryLookup(knowledge, { role: 'Dental hygienist', location: 'London' });
    expect(london.kind === 'none' && noAnswerText(london)).toContain('They give Dental Hygienist figures without naming a place.');
  });

  it('names roles that do have figures in a currency the asked role lacks', () => {
    const euros = salaryLookup(k, { role: 'Data Analyst', currency: 'EUR' });
    expect(euros).toMatchObject({ kind: 'none', suggestions: ['DevOps Engineer'] });
    expect(euros.kind === 'none' && noAnswerText(euros)).toContain("won't convert");
  });

  it('says when a level has no band, showing the bands the page gives', () => {
    const mid = salaryLookup(k, { role: 'Data Analyst', level: 'mid' }) as SalaryAnswer;
    expect(salarySummary(mid)).toContain('The documents give no mid-level band for Data Analyst');
  });
});

describe('never showing a figure under words the page did not give it', () => {
  it.each(['corpus', 'test/fixtures/corpus-b'])('%s: every figure of every role is shown with its own label or band, place, year and currency', async (dir) => {
    const loaded = await loadCorpus(join(ROOT, dir));
    const knowledge = buildKnowledge(loaded.docs, loaded.aliases);
    for (const role of knowledge.roles) {
      const answer = salaryLookup(knowledge, { role: role.name });
      if (answer.kind !== 'salary') continue;
      const title = salaryTitle(answer);
      const text = salarySummary(answer);
      // A long summary leaves its last figures to the quotes, and says how many.
      const hidden = Number(/and (\d+) more figures? in the sources/.exec(text)?.[1] ?? 0);
      for (const f of answer.figures.slice(0, answer.figures.length - hidden)) {
        expect(text).toContain(f.level ?? f.label);
        expect(text).toContain(amountText(f));
        if (f.location) expect(f.location === answer.market ? title : text).toContain(f.location);
        if (f.year) expect(f.year === answer.year ? title : text).toContain(String(f.year));
      }
      expect(text.length).toBeLessThan(SUMMARY_CHARS + 200);
      if (answer.market) expect(answer.figures.every((f) => f.location === answer.market)).toBe(true);
      const symbols = new Set(answer.figures.map((f) => money(0, f.currency).replace(/[\d\s.,]/g, '')));
      for (const symbol of ['$', '€', '£']) if (!symbols.has(symbol)) expect(text).not.toContain(symbol);
    }
  });
});

describe('saying what the documents do not cover', () => {
  const outside = (intent: NoAnswer['intent']): NoAnswer => ({
    kind: 'none',
    answered: false,
    question: 'q',
    intent,
    roles: ['Machine Learning Engineer'],
    citations: [],
    reason: { code: 'outside-documents', subjects: ['h1b'], role: 'Machine Learning Engineer', instead: [] },
    suggestions: [],
  });

  it('speaks of figures only when pay was asked', () => {
    expect(noAnswerText(outside('general'))).toBe("The career documents don't cover “h1b” for Machine Learning Engineer, so I won't guess.");
    expect(noAnswerText(outside('salary'))).toContain('no pay figures for Machine Learning Engineer for “h1b”');
  });
});

describe('refusals over a corpus without an example role', () => {
  it('leaves the example out rather than writing "a a role", and uses "an" before a vowel', () => {
    const none = (example: string | null): NoAnswer => ({
      kind: 'none',
      answered: false,
      question: 'q',
      intent: 'general',
      roles: [],
      citations: [],
      reason: { code: 'not-covered', example },
      suggestions: [],
    });
    expect(noAnswerText(none(null))).not.toMatch(/\ba a\b|For example/);
    expect(noAnswerText(none('Android Developer'))).toContain('“What skills does an Android Developer need?”');
  });
});

describe('quotes as read', () => {
  it.each([
    ['**Embedded engineer** – owns firmware', 'Embedded engineer – owns firmware'],
    ['Run `kubectl apply` daily', 'Run kubectl apply daily'],
    ['See the [SRE book](https://sre.google/books/) first', 'See the SRE book first'],
    ['Use *one* codebase, __always__', 'Use one codebase, always'],
    ['Keep snake_case_names and 2*3*4 as written', 'Keep snake_case_names and 2*3*4 as written'],
  ])('shows "%s" as "%s"', (quote, shown) => {
    expect(readable(quote)).toBe(shown);
  });

  it('shows a table row with each cell after its column, and its next rows by their cells alone', () => {
    const cite = (quote: string) => ({ doc: 'd', section: 'Salary', quote, context: 'Level | Annual salary', score: 1, docId: 'd', start: 0, end: 1 });
    expect(quoteLine(cite('Groundworker | £21,000 - £24,000'))).toBe('Level: Groundworker · Annual salary: £21,000 - £24,000');
    expect(groupLines([cite('Groundworker | £21,000'), cite('Team leader | £32,000')])).toEqual([
      'Level: Groundworker · Annual salary: £21,000',
      '  Team leader · £32,000',
    ]);
  });
});

describe('labels that already say where and when', () => {
  it('does not repeat a place or year the label gives', () => {
    const f = {
      label: 'Salary by level (Dublin, 2024)',
      level: null,
      location: 'Dublin',
      year: 2024,
      value: 42000,
      min: null,
      max: null,
      currency: 'EUR',
      period: 'year',
      openEnded: false,
    } as unknown as SalaryFact;
    expect(describeFact(f)).toBe('Salary by level (Dublin, 2024): €42,000');
    expect(describeFact({ ...f, label: 'Seattle', location: 'Seattle' } as SalaryFact)).toBe('Seattle (2024): €42,000');
  });
});

describe('salary notes', () => {
  it('says which periods the documents give when the one asked is missing', () => {
    const a = salaryLookup(k, { role: 'Data Engineer', period: 'month' });
    expect(a.kind === 'salary' && salarySummary(a).split('\n').at(-1)).toBe('The documents give no monthly figures for Data Engineer; these are yearly.');
  });
});
