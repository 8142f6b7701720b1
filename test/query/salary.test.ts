import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/domain/knowledge.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';
import { ROOT, seedDocs } from '../helpers.js';

let k: Knowledge;
beforeAll(() => {
  k = buildKnowledge(seedDocs(), { 'Technical Business Analyst': ['BA'] });
});

const pick = (quote: string, value?: number) => k.salaries.filter((f) => f.quote === quote && (value === undefined || f.value === value || f.min === value));

describe('salary facts extracted from the seed page', () => {
  it("extracts every figure of the salary section with the page's own label, band, place and year", () => {
    const rows = k.salaries.map((f) => [f.role, f.kind, f.label, f.level, f.seniority, f.min, f.max, f.value, f.openEnded, f.location]);
    expect(rows).toEqual([
      ['Backend Machine Learning Engineer', 'base', 'Base Salary', null, null, 150000, 250000, null, false, 'US'],
      ['Backend Machine Learning Engineer', 'total', 'Total Compensation', null, null, 170000, 300000, null, false, 'US'],
      [
        'Backend Machine Learning Engineer',
        'range',
        'Experience-Based Salary Breakdown',
        'Junior Roles (0-3 years)',
        'junior',
        120000,
        150000,
        null,
        false,
        'US',
      ],
      [
        'Backend Machine Learning Engineer',
        'range',
        'Experience-Based Salary Breakdown',
        'Mid-Level Roles (3-7 years)',
        'mid',
        150000,
        200000,
        null,
        false,
        'US',
      ],
      [
        'Backend Machine Learning Engineer',
        'range',
        'Experience-Based Salary Breakdown',
        'Senior Roles (7+ years)',
        'senior',
        200000,
        250000,
        null,
        true,
        'US',
      ],
      ['Machine Learning Engineer', 'average', 'Average base salary', null, null, null, null, 157969, false, 'US'],
      ['Machine Learning Engineer', 'average', 'Average total compensation', null, null, null, null, 202331, false, 'US'],
      ['Machine Learning Engineer', 'base', 'base', null, null, null, null, 187824, false, 'Remote'],
      ['Machine Learning Engineer', 'total', 'total compensation', null, null, null, null, 210499, false, 'Remote'],
      ['Backend Engineer', 'average', 'Average salary', null, null, null, null, 106250, false, 'US startups'],
      ['Backend Engineer', 'range', 'Salary range', null, null, 45000, 207000, null, false, 'US'],
      ['Backend Engineer', 'range', 'Top-paying markets', null, null, null, null, 175000, false, 'Vancouver'],
      ['Backend Engineer', 'range', 'Top-paying markets', null, null, null, null, 165000, false, 'New York'],
      ['Backend Engineer', 'range', 'Top-paying markets', null, null, null, null, 153000, false, 'Minneapolis'],
      ['Integration Developer', 'average', 'average annual salary', null, null, null, null, 103092, false, null],
    ]);
    expect(k.salaries.slice(0, 14).every((f) => f.year === 2024 && f.currency === 'USD' && f.period === 'year')).toBe(true);
    // The Integration Developer's figure names no place, but the page is plainly about the US.
    expect(k.salaries.map((f) => f.country)).toEqual(['US', 'US', 'US', 'US', 'US', 'US', 'US', null, null, 'US', 'US', 'CA', 'US', 'US', 'US']);
    expect(k.salaries[14]?.year).toBeNull();
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
    expect(a.kind === 'salary' && a.figures.map((f) => [f.label, f.value, f.location])).toEqual([
      ['Average base salary', 157969, 'US'],
      ['Average total compensation', 202331, 'US'],
      ['base', 187824, 'Remote'],
      ['total compensation', 210499, 'Remote'],
    ]);
    expect(a.citations[0]).toMatchObject({ quote: 'Average base salary: $157,969', context: 'Machine Learning Engineers:' });
  });

  it('shows only the senior band for the hybrid role with level senior, under the band the page gives', () => {
    const a = salaryLookup(k, { role: 'hybrid role', level: 'senior' });
    expect(a.kind === 'salary' && a.figures.map((f) => [f.level, f.min, f.max, f.openEnded])).toEqual([['Senior Roles (7+ years)', 200000, 250000, true]]);
  });

  it('filters by location, a city inside a country included, and refuses a place the documents give no figures for', () => {
    const a = salaryLookup(k, { role: 'backend engineer', location: 'new york' });
    expect(a.kind === 'salary' && a.figures.map((f) => f.value)).toEqual([165000]);
    const us = salaryLookup(k, { role: 'backend engineer', location: 'United States' });
    expect(us.kind === 'salary' && us.figures.map((f) => f.location)).toEqual(['US startups', 'US', 'New York', 'Minneapolis']);
    const far = salaryLookup(k, { role: 'backend engineer', location: 'Lagos' });
    expect(far).toMatchObject({ kind: 'none', answered: false, citations: [], reason: { code: 'no-salary-for', role: 'Backend Engineer', location: 'Lagos' } });
    expect(far.kind === 'none' && far.reason.code === 'no-salary-for' && far.reason.available.locations).toEqual([
      'US startups',
      'US',
      'Vancouver',
      'New York',
      'Minneapolis',
    ]);
  });

  it('answers every place a question names, and says which of them the documents give no figures for', () => {
    const both = salaryLookup(k, { role: 'backend engineer', location: 'New York', alsoPlaces: ['Minneapolis'] });
    expect(both.kind === 'salary' && both.figures.map((f) => f.location)).toEqual(['New York', 'Minneapolis']);
    expect(both.kind === 'salary' && both.notes).toEqual([]);
    const one = salaryLookup(k, { role: 'backend engineer', location: 'Ohio', alsoPlaces: ['New York'] });
    expect(one.kind === 'salary' && one.figures.map((f) => f.location)).toEqual(['New York']);
    expect(one.kind === 'salary' && one.notes).toEqual([{ kind: 'no-location', location: 'Ohio' }]);
  });

  it('leads with the figures for the period asked, and says so when the documents give none for it', () => {
    const hourly = salaryLookup(k, { role: 'backend engineer', period: 'hour' });
    expect(hourly.kind === 'salary' && hourly.notes).toEqual([{ kind: 'no-period', period: 'hour', given: ['year'] }]);
    const yearly = salaryLookup(k, { role: 'backend engineer', period: 'year' });
    expect(yearly.kind === 'salary' && yearly.notes).toEqual([]);
  });

  it('never converts: a currency or a year the documents do not give is refused', () => {
    expect(salaryLookup(k, { role: 'backend engineer', currency: 'EUR' })).toMatchObject({ kind: 'none', reason: { code: 'no-salary-for', currency: 'EUR' } });
    expect(salaryLookup(k, { role: 'backend engineer', year: 2019 })).toMatchObject({ kind: 'none', reason: { code: 'no-salary-for', year: 2019 } });
    const usd = salaryLookup(k, { role: 'backend engineer', currency: 'usd', year: 2024 });
    expect(usd.kind === 'salary' && usd.figures).toHaveLength(5);
  });

  it('ranks the places of one label, best first, for "which city pays the most"', () => {
    const a = salaryLookup(k, { role: 'backend engineer', topLocation: true });
    expect(a.kind === 'salary' && a.ranking && a.figures.slice(0, 3).map((f) => f.location)).toEqual(['Vancouver', 'New York', 'Minneapolis']);
  });

  it('states a market and year in the answer only when every figure shown shares them', () => {
    const hybrid = salaryLookup(k, { role: 'hybrid role' });
    expect(hybrid).toMatchObject({ market: 'US', year: 2024 });
    const backend = salaryLookup(k, { role: 'backend engineer' });
    expect(backend).toMatchObject({ market: null, year: 2024 });
  });

  it('refuses a role the page only mentions', () => {
    expect(salaryLookup(k, { role: 'Data Scientist' })).toMatchObject({ kind: 'none', reason: { code: 'no-content', role: 'Data Scientist' } });
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

describe('salary lookups on the second corpus', () => {
  let b: Knowledge;
  beforeAll(async () => {
    const loaded = await loadCorpus(join(ROOT, 'test/fixtures/corpus-b'));
    b = buildKnowledge(loaded.docs, loaded.aliases);
  });

  it('answers a place the section introduction gives its figures ("from US employers"), without putting it on each figure', () => {
    const us = salaryLookup(b, { role: 'Data Engineer', location: 'US' });
    expect(us.kind === 'salary' && us.figures.map((f) => [f.location, f.market])).toEqual(Array(7).fill([null, 'US']));
    expect(salaryLookup(b, { role: 'Data Engineer', location: 'Germany' })).toMatchObject({ kind: 'none', reason: { code: 'no-salary-for' } });
  });

  it('answers a city from its own sub-section only', () => {
    const seattle = salaryLookup(b, { role: 'PM', location: 'Seattle' });
    expect(seattle.kind === 'salary' && seattle.figures.map((f) => f.label)).toEqual(['Base salary', 'Total compensation', 'annual bonus']);
    const nyc = salaryLookup(b, { role: 'product manager', location: 'NYC', level: 'senior' });
    expect(nyc.kind === 'salary' && nyc.figures.map((f) => [f.level, f.min, f.max])).toEqual([['Senior', 175000, 210000]]);
  });

  it('answers in the currency the page gives, and refuses another one', () => {
    const gbp = salaryLookup(b, { role: 'Test Automation Engineer', currency: 'GBP', location: 'London' });
    expect(gbp.kind === 'salary' && gbp.figures.map((f) => [f.label, f.value, f.currency])).toEqual([['Median salary', 62000, 'GBP']]);
    expect(salaryLookup(b, { role: 'Test Automation Engineer', currency: 'USD' })).toMatchObject({
      kind: 'none',
      reason: { code: 'no-salary-for', currency: 'USD', available: { currencies: ['GBP'] } },
    });
  });
});

describe('salary lookups for figures that give no place', () => {
  const page =
    'Platform engineer\n\nAbout\n\nPlatform engineers build tools.\n\nRelated careers\nSite reliability engineer\nAverage salary £45,000 to £100,000\nData scientist\nAverage salary $90,000 to $150,000\n';
  const knowledge = buildKnowledge(parsePage('platform-engineer.txt', page), {});

  it('answers a question about the one country that pays in the currency of the figure', () => {
    const uk = salaryLookup(knowledge, { role: 'Site reliability engineer', location: 'UK' });
    expect(uk.kind === 'salary' && uk.figures.map((f) => f.quote)).toEqual(['Average salary £45,000 to £100,000']);
  });

  it('refuses a city, or a country when the currency is paid in many', () => {
    expect(salaryLookup(knowledge, { role: 'Site reliability engineer', location: 'London' }).kind).toBe('none');
    expect(salaryLookup(knowledge, { role: 'Data scientist', location: 'United States' }).kind).toBe('none');
  });
});

describe('salary lookups by numbered grade', () => {
  const page =
    'Clinical Research Associate (CRA)\n\nAbout\n\nCRAs visit trial sites. A CRA checks the data.\n\nSalary\nUK CRA I: £32,000 to £40,000 a year\nUK CRA II: £40,000 to £50,000 a year\nUS CRA I: $70,000 to $85,000 a year\nUS CRA II: $85,000 to $105,000 a year\n';
  const knowledge = buildKnowledge(parsePage('clinical-research-associate.txt', page), {});

  it('shows only the figures of the grade asked ("CRA 1s in the US")', () => {
    const us = salaryLookup(knowledge, { role: 'Clinical Research Associate', location: 'US', grades: ['cra1'] });
    expect(us.kind === 'salary' && us.figures.map((f) => f.quote)).toEqual(['US CRA I: $70,000 to $85,000 a year']);
    const both = salaryLookup(knowledge, { role: 'Clinical Research Associate', location: 'UK', grades: ['cra1', 'cra2'] });
    expect(both.kind === 'salary' && both.figures.map((f) => f.min)).toEqual([32000, 40000]);
  });

  it('shows every figure when none is labelled with the grade asked', () => {
    const any = salaryLookup(knowledge, { role: 'Clinical Research Associate', location: 'UK', grades: ['cra3'] });
    expect(any.kind === 'salary' && any.figures).toHaveLength(2);
  });
});
