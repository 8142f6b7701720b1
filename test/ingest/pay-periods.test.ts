import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/ingest/knowledge/roles.js';
import { extractFacts } from '../../src/ingest/knowledge/salary-facts.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { findPlaces } from '../../src/ingest/places.js';
import { ROOT } from '../helpers.js';

const docs = parseMarkdown('au-electrician-pay.md', readFileSync(join(ROOT, 'test/fixtures/pay/au-electrician-pay.md'), 'utf8'));
const { salaries } = extractFacts(docs, buildCatalog(docs));
const fact = (amount: number) => salaries.find((f) => f.value === amount || f.min === amount);

describe('the period and name of pay an Australian page gives', () => {
  it('reads a table cell’s period from its column header ("Hourly rate", "Weekly rate (38 hours)")', () => {
    expect([fact(18)?.period, fact(684)?.period, fact(21)?.period, fact(798)?.period]).toEqual(['hour', 'week', 'hour', 'week']);
    expect(fact(18)?.label).toBe('1st year');
  });

  it('reads "around A$1,292 for a 38-hour week" as a week’s pay named like the hourly figure it restates', () => {
    expect(fact(34)).toMatchObject({ period: 'hour', label: 'licensed electrician on the award, minimum' });
    expect(fact(1292)).toMatchObject({ period: 'week', label: 'licensed electrician on the award, minimum' });
  });

  it('names figures by who earns them, not by the words that open the sentence', () => {
    expect(fact(76000)).toMatchObject({ period: 'year', label: 'qualified electricians' });
    expect(fact(128000)?.label).toBe('Electricians on remote mining sites');
  });

  it('keeps every place listed with "and" before a figure ("in WA and Queensland")', () => {
    expect(fact(128000)).toMatchObject({ location: 'WA and Queensland', country: 'AU' });
  });

  it('reads a shared abbreviation as the region of the country the places beside it are in', () => {
    expect(findPlaces('in WA and Queensland').map((p) => p.place.name)).toEqual(['Western Australia', 'Queensland']);
    expect(findPlaces('Seattle, WA').map((p) => p.place.name)).toEqual(['Seattle', 'Washington']);
    expect(findPlaces('Pay in WA')).toEqual([]);
  });

  it('keeps a year’s salary quoted with its working week a year’s salary', () => {
    const uk = parseMarkdown('uk.md', '# Lab technician\n\n## Pay\n\nLab technicians earn £28,000 for a 37.5-hour week.\n');
    expect(extractFacts(uk, buildCatalog(uk)).salaries.map((f) => f.period)).toEqual(['year']);
  });
});
