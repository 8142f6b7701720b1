import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/domain/knowledge.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { salaryLookup } from '../../src/query/salary.js';
import { seedDocs } from '../helpers.js';

let k: Knowledge;
beforeAll(() => {
  k = buildKnowledge(seedDocs(), { 'Technical Business Analyst': ['BA'] });
});

const pick = (quote: string, value?: number) => k.salaries.filter((f) => f.quote === quote && (value === undefined || f.value === value || f.min === value));

describe('salary facts extracted from the seed page', () => {
  it('extracts every figure of the salary section with role, level, kind and market', () => {
    const rows = k.salaries.map((f) => [f.role, f.level, f.kind, f.min, f.max, f.value, f.openEnded, f.location]);
    expect(rows).toEqual([
      ['Backend Machine Learning Engineer', null, 'base', 150000, 250000, null, false, 'US'],
      ['Backend Machine Learning Engineer', null, 'total_compensation', 170000, 300000, null, false, 'US'],
      ['Backend Machine Learning Engineer', 'junior', 'range', 120000, 150000, null, false, 'US'],
      ['Backend Machine Learning Engineer', 'mid', 'range', 150000, 200000, null, false, 'US'],
      ['Backend Machine Learning Engineer', 'senior', 'range', 200000, 250000, null, true, 'US'],
      ['Machine Learning Engineer', null, 'base', null, null, 157969, false, 'US'],
      ['Machine Learning Engineer', null, 'total_compensation', null, null, 202331, false, 'US'],
      ['Machine Learning Engineer', null, 'base', null, null, 187824, false, 'Remote'],
      ['Machine Learning Engineer', null, 'total_compensation', null, null, 210499, false, 'Remote'],
      ['Backend Engineer', null, 'average', null, null, 106250, false, 'US startups'],
      ['Backend Engineer', null, 'range', 45000, 207000, null, false, 'US'],
      ['Backend Engineer', null, 'market', null, null, 175000, false, 'Vancouver'],
      ['Backend Engineer', null, 'market', null, null, 165000, false, 'New York'],
      ['Backend Engineer', null, 'market', null, null, 153000, false, 'Minneapolis'],
      ['Integration Developer', null, 'average', null, null, 103092, false, null],
    ]);
    expect(k.salaries.slice(0, 14).every((f) => f.year === 2024 && f.currency === 'USD')).toBe(true);
    expect(pick('Base Salary: $150,000 - $250,000 per year')[0]!.period).toBe('year');
  });

  it('takes the Integration Developer figure from its sentence', () => {
    const [f] = k.salaries.filter((x) => x.role === 'Integration Developer');
    expect(f).toMatchObject({ value: 103092, kind: 'average', period: 'year', section: 'Integration Developer › Salary and Growth Prospects' });
  });

  it('keeps percentages apart as market facts', () => {
    expect(k.salaries.some((f) => f.value === 65 || f.value === 21)).toBe(false);
    expect(k.market.map((m) => m.percent)).toEqual(expect.arrayContaining([14, 65, 32, 40, 21]));
    expect(k.market.find((m) => m.percent === 21)!.roles).toEqual(['Integration Developer']);
  });
});

describe('salary lookups', () => {
  it('shows the average base and total compensation for "ML engineer" with quotes', () => {
    const a = salaryLookup(k, { role: 'ML engineer' });
    expect(a.kind).toBe('salary');
    expect(a.roles).toEqual(['Machine Learning Engineer']);
    expect(a.kind === 'salary' && a.figures.map((f) => [f.kind, f.value, f.location])).toEqual([
      ['base', 157969, 'US'],
      ['total_compensation', 202331, 'US'],
      ['base', 187824, 'Remote'],
      ['total_compensation', 210499, 'Remote'],
    ]);
    expect(a.citations[0]).toMatchObject({ quote: 'Average base salary: $157,969', context: 'Machine Learning Engineers:' });
  });

  it('shows only the senior band for the hybrid role with level senior', () => {
    const a = salaryLookup(k, { role: 'hybrid role', level: 'senior' });
    expect(a.kind === 'salary' && a.figures.map((f) => [f.level, f.min, f.max, f.openEnded])).toEqual([['senior', 200000, 250000, true]]);
  });

  it('filters by location, and says so when the place is not in the documents', () => {
    const a = salaryLookup(k, { role: 'backend engineer', location: 'new york' });
    expect(a.kind === 'salary' && a.figures.map((f) => f.value)).toEqual([165000]);
    const far = salaryLookup(k, { role: 'backend engineer', location: 'Lagos' });
    expect(far.kind === 'salary' && far.notes).toEqual([{ kind: 'no-location', location: 'Lagos' }]);
  });

  it('says plainly that Analytics Manager has no salary data and shows no figures', () => {
    const a = salaryLookup(k, { role: 'Analytics Manager' });
    expect(a).toMatchObject({ kind: 'none', answered: false, citations: [], reason: { code: 'no-salary-data' } });
  });

  it('suggests roles for an unknown one', () => {
    const a = salaryLookup(k, { role: 'astronaut' });
    expect(a).toMatchObject({ kind: 'none', reason: { code: 'unknown-role', input: 'astronaut' } });
    expect(a.kind === 'none' && a.suggestions.length).toBeGreaterThan(0);
  });
});
