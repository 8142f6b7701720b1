import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { brief, factsOf, payFacts } from '../fixtures/pay-facts.js';

/** A Canadian trucking page whose introduction names US lanes and provinces in passing. */
const TRUCKING_PAGE = [
  '# Long-Haul Truck Driver',
  '',
  'Long-haul truck drivers move freight across provinces and into the United States. It is one of the most in-demand jobs in Canada.',
  '',
  '## Licence',
  '',
  'You need a Class 1 licence in most provinces; in Ontario it is called Class AZ. Training takes 113 hours in Alberta and Saskatchewan.',
  '',
  '## Pay',
  '',
  'A solo long-haul driver typically earns $65,000 to $85,000 a year.',
  '',
].join('\n');

describe('the currency of a bare dollar on a page about one country', () => {
  const australian = [
    '# Plumber',
    '',
    'Plumbing is a licensed trade in every Australian state and territory.',
    '',
    '## Licensing',
    '',
    '- NSW: NSW Fair Trading issues contractor licences',
    '- Queensland: the QBCC issues plumbing and drainage licences',
    '- WA: the Plumbers Licensing Board issues licences',
    '',
    '## Pay and conditions',
    '',
    'Fully qualified plumbers earn a median of about $1,850 a week full-time before tax.',
    '',
  ].join('\n');

  it('is the Australian dollar when the page names only Australian places and says it is Australian', () => {
    expect(factsOf(australian).map((f) => f.currency)).toEqual(['AUD']);
  });

  it('stays the US dollar on a US page that lists one Canadian city beside its American ones', () => {
    const page = [
      '# Data Engineer',
      '',
      'Data engineers build pipelines in Seattle, Austin, New York and Toronto.',
      '',
      '## Salary',
      '',
      'Data engineers typically earn $120,000 to $150,000 a year.',
      '',
    ].join('\n');
    expect(factsOf(page).map((f) => f.currency)).toEqual(['USD']);
  });

  it('stays the US dollar when a page names no place at all', () => {
    expect(payFacts('Welder', 'Welders typically earn $45,000 to $60,000 a year.').map((f) => f.currency)).toEqual(['USD']);
  });

  it('is the Canadian dollar on a Canadian page that also names US lanes', () => {
    const page = TRUCKING_PAGE;
    expect(factsOf(page).map(brief)).toEqual([
      { label: 'solo long-haul driver', level: null, min: 65000, max: 85000, value: null, currency: 'CAD', period: 'year', location: null },
    ]);
  });

  it('puts figures that name no place of their own in the country the page is about, not one its introduction names in passing', () => {
    const page = TRUCKING_PAGE;
    expect(factsOf(page).map((f) => [f.market, f.country])).toEqual([['Canada', 'CA']]);
    const named = page.replace('## Pay\n\n', '## Pay\n\nCarriers pay per mile for US and cross-border lanes. All figures below are in Canadian dollars.\n\n');
    expect(factsOf(named).map((f) => [f.market, f.currency])).toEqual([['Canada', 'CAD']]);
  });
});

describe('a plain-text page', () => {
  it('reads its Australian dollars from what the page is about', () => {
    const text = [
      'Plumber',
      'ANZSCO 334111 | Building & Construction',
      '',
      'Plumbing is a licensed trade in every Australian state and territory.',
      '',
      'Pay and conditions',
      'Licensed plumbers in Sydney and Melbourne commonly earn $85,000 to $110,000 a year.',
      '',
    ].join('\n');
    const facts = buildKnowledge(parsePage('plumber.txt', text), {}).salaries;
    expect(facts.map((f) => [f.currency, f.period])).toEqual([['AUD', 'year']]);
  });
});
