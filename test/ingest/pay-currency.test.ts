import { describe, expect, it } from 'vitest';
import type { SalaryFact } from '../../src/domain/knowledge.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';

/** The facts of a Markdown page: its title, an introduction, and its sections as written. */
function factsOf(markdown: string): SalaryFact[] {
  return buildKnowledge(parseMarkdown('page.md', markdown), {}).salaries;
}

/** The facts of a page's pay section, in a page titled `title`. */
function payFacts(title: string, prose: string, intro = `${title}s do the job.`): SalaryFact[] {
  return factsOf(`# ${title}\n\n${intro}\n\n## Pay\n\n${prose}\n`);
}

const brief = (f: SalaryFact | undefined) =>
  f && { label: f.label, level: f.level, min: f.min, max: f.max, value: f.value, currency: f.currency, period: f.period, location: f.location };

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
    const page = [
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
    expect(factsOf(page).map(brief)).toEqual([
      { label: 'solo long-haul driver', level: null, min: 65000, max: 85000, value: null, currency: 'CAD', period: 'year', location: null },
    ]);
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
