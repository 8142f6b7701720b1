import { describe, expect, it } from 'vitest';
import { findMoney } from '../../src/ingest/knowledge/money.js';
import { buildCatalog } from '../../src/ingest/knowledge/roles.js';
import { extractFacts, isLevelBand, kindOf, periodIn, yearIn } from '../../src/ingest/knowledge/salary-facts.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';

const read = (text: string) => findMoney(text).map((m) => [text.slice(m.start, m.end), m.currency, m.from, m.to, m.openEnded]);

describe('reading money figures as written', () => {
  it.each([
    ['Entry level (0-2 years): $85,000 - $105,000', [['$85,000 - $105,000', 'USD', 85000, 105000, false]]],
    ['Senior: $175K–$210K', [['$175K–$210K', 'USD', 175000, 210000, false]]],
    ['Staff / Principal: $190k+', [['$190k+', 'USD', 190000, null, true]]],
    ['Senior Roles (7+ years): $200,000 - $250,000+ per year', [['$200,000 - $250,000+', 'USD', 200000, 250000, true]]],
    ['Junior (0-2 years): €48,000 - €58,000', [['€48,000 - €58,000', 'EUR', 48000, 58000, false]]],
    ['Lead or principal: £75k+', [['£75k+', 'GBP', 75000, null, true]]],
    ['between 48.000 - 58.000 € a year', [['48.000 - 58.000 €', 'EUR', 48000, 58000, false]]],
    ['EUR 60,000 to 70,000', [['EUR 60,000 to 70,000', 'EUR', 60000, 70000, false]]],
    ['$60-75k', [['$60-75k', 'USD', 60000, 75000, false]]],
    ['CHF 110,000 - CHF 130,000', [['CHF 110,000 - CHF 130,000', 'CHF', 110000, 130000, false]]],
    ['C$95,000', [['C$95,000', 'CAD', 95000, null, false]]],
    [
      'Remote positions: $187,824 base, $210,499 total compensation',
      [
        ['$187,824', 'USD', 187824, null, false],
        ['$210,499', 'USD', 210499, null, false],
      ],
    ],
    ['roughly 149,000 IT positions from 2023 to 2033', []],
    ['usually fall between $70 and $120 per hour', [['$70 and $120', 'USD', 70, 120, false]]],
    ['can earn $300,000 or more in total', [['$300,000 or more', 'USD', 300000, null, true]]],
    ['£28,000 Starter  to  £70,000 Experienced', [['£28,000 Starter  to  £70,000 Experienced', 'GBP', 28000, 70000, false]]],
    ['£40,000 starter to £75,000 highly experienced', [['£40,000 starter to £75,000 highly experienced', 'GBP', 40000, 75000, false]]],
    [
      'Senior roles pay $150k and staff roles $190k',
      [
        ['$150k', 'USD', 150000, null, false],
        ['$190k', 'USD', 190000, null, false],
      ],
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('the words of a salary line', () => {
  it.each([
    ['Median base salary', 'median'],
    ['Average base salary', 'average'],
    ['25th percentile', 'percentile'],
    ['Starting salary', 'starting'],
    ['annual bonus', 'bonus'],
    ['Equity (RSUs vested per year)', 'equity'],
    ['Total compensation at large tech companies', 'total'],
    ['Base salary by level', 'base'],
    ['Pay bands by level', 'range'],
  ])('"%s" is a %s', (label, kind) => {
    expect(kindOf(label)).toBe(kind);
  });

  it('tells level bands from labels', () => {
    for (const band of [
      'Junior (0-2 years)',
      'SRE II (3-5 years)',
      'Senior (6+ yrs)',
      'Staff / Principal',
      'Lead or principal',
      'Graduate / junior (0-2 years)',
    ])
      expect(isLevelBand(band)).toBe(true);
    for (const label of ['Base salary by level', 'Median salary', 'Annual bonus at larger employers', 'Top-paying markets'])
      expect(isLevelBand(label)).toBe(false);
  });

  it('reads the period and the one year a text states', () => {
    expect(periodIn('Average gross monthly salary')).toBe('month');
    expect(periodIn('$40 - $65 per hour')).toBe('hour');
    expect(periodIn('Median annual wage')).toBe('year');
    expect(periodIn('Median salary')).toBeNull();
    // Working time is not the period of pay.
    expect(periodIn('Typical hours 37 to 40 hours a week')).toBeNull();
    expect(periodIn('hybrid, two to three days a week on site')).toBeNull();
    expect(periodIn('£600 a week')).toBe('week');
    expect(periodIn('Trainees start around £24k pa.')).toBe('year');
    expect(yearIn('The figures below summarize 2024 job postings')).toBe(2024);
    expect(yearIn('projected to grow 23% from 2023 to 2033')).toBeNull();
  });
});

describe('figures that are not pay', () => {
  it('does not read a difference from pay as a salary', () => {
    const docs = parseMarkdown(
      'soc.md',
      '# SOC Analyst\n\n## Salary\n\n- Tier 1 analyst: $60,000 - $80,000\n\nAnalysts with a clearance typically earn $10,000 to $20,000 more than peers. London weighting adds £3,000 to £6,000.\n',
    );
    const { salaries } = extractFacts(docs, buildCatalog(docs));
    expect(salaries.map((f) => [f.min, f.max])).toEqual([[60000, 80000]]);
  });
});

describe('the place of a figure in prose', () => {
  it('takes the place that opens the sentence when the figure’s own clause names none', () => {
    const docs = parseMarkdown(
      'q.md',
      '# Quantitative Analyst\n\n## Pay\n\nIn New York in 2024, junior quants typically earned a base salary of $125,000 to $175,000.\n',
    );
    const { salaries } = extractFacts(docs, buildCatalog(docs));
    expect(salaries.map((f) => [f.min, f.max, f.location])).toEqual([[125000, 175000, 'New York']]);
  });
});
