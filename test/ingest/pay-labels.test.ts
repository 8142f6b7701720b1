import { describe, expect, it } from 'vitest';
import type { SalaryFact } from '../../src/domain/knowledge.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';
import { brief, factsOf, payFacts } from '../fixtures/pay-facts.js';

describe('who earns a figure, as its label', () => {
  it('names a median by the people the sentence says earn it', () => {
    expect(brief(payFacts('Plumber', 'Fully qualified plumbers earn a median of about $1,850 a week full-time before tax.')[0])).toMatchObject({
      label: 'Fully qualified plumbers, median',
      value: 1850,
      period: 'week',
    });
    expect(payFacts('Plumber', 'Fully qualified plumbers earn a median of about $1,850 a week.')[0]?.kind).toBe('median');
  });

  it('keeps a rate self-employed workers charge, with its places, although a call-out fee follows it', () => {
    expect(
      brief(
        payFacts(
          'Plumber',
          'Self-employed plumbers in Sydney and Melbourne typically charge $110 to $150 an hour plus a call-out fee.',
          'Plumbing is a licensed trade in every Australian state and territory.',
        )[0],
      ),
    ).toEqual({
      label: 'Self-employed plumbers',
      level: null,
      min: 110,
      max: 150,
      value: null,
      currency: 'AUD',
      period: 'hour',
      location: 'Sydney and Melbourne',
    });
  });

  it('drops an adverb after who earns ("commonly") and cuts a long who at what follows the people', () => {
    expect(payFacts('Plumber', 'Licensed plumbers in metro areas commonly earn $85,000 to $110,000 a year.')[0]?.label).toBe(
      'Licensed plumbers in metro areas',
    );
    expect(payFacts('HR Business Partner', 'Interim HR business partners working through agencies earn day rates of around £350 to £500.').map(brief)).toEqual([
      { label: 'Interim HR business partners', level: null, min: 350, max: 500, value: null, currency: 'GBP', period: 'day', location: null },
    ]);
  });

  it('names contractors by who charges a day rate', () => {
    const facts = payFacts(
      'FinOps Analyst',
      'In the UK, London roles typically pay 10% to 20% more than elsewhere in the country, and FinOps contractors can charge £450 to £650 a day.',
    );
    expect(facts.map(brief)).toEqual([
      { label: 'FinOps contractors', level: null, min: 450, max: 650, value: null, currency: 'GBP', period: 'day', location: 'UK' },
    ]);
  });

  it('keeps every place of a list a sentence names, commas and all', () => {
    const facts = payFacts('Court Reporter', 'Busy freelancers in New York, California and Texas can earn $100,000 to $150,000 a year.');
    expect(facts.map((f) => [f.label, f.location])).toEqual([['Busy freelancers', 'New York, California and Texas']]);
  });
});

describe('figures named by what a clause refers back to', () => {
  it('names a "which" clause by the band before it', () => {
    const facts = payFacts(
      'Physiotherapist',
      'Newly qualified physiotherapists start at Band 5, which runs from £29,970 to £36,483 a year in England in 2024/25.',
    );
    expect(facts.map((f) => [f.label, f.min, f.location, f.year])).toEqual([['Band 5', 29970, 'England', 2024]]);
  });

  it('names the band of an employer the sentence opens with', () => {
    const facts = payFacts(
      'HR Business Partner',
      'In the NHS, HR business partners are usually employed on Agenda for Change Band 7, which paid £46,148 to £52,809 in 2024/25.',
    );
    expect(facts.map((f) => [f.label, f.min])).toEqual([['NHS, Agenda for Change Band 7', 46148]]);
  });

  it('names a band by itself, not by the verb that pays it', () => {
    const facts = payFacts(
      'Physiotherapist',
      'Band 6 (specialist physiotherapist) pays £37,338 to £44,962, and Band 7 (highly specialist or team lead) pays £46,148 to £52,809.',
    );
    expect(facts.map((f) => f.label)).toEqual(['Band 6', 'Band 7']);
  });

  it('files no student grant as pay', () => {
    const facts = payFacts(
      'Physiotherapist',
      'Students in England can apply for the NHS Learning Support Fund, which pays at least £5,000 a year that does not have to be paid back.',
    );
    expect(facts).toEqual([]);
  });

  it('files no price of a session as pay, "for a 45-minute session" as much as "per session"', () => {
    expect(
      payFacts('Physiotherapist', 'Self-employed physiotherapists often charge £50 to £80 for a 45-minute session, though clinics may take 30% of the fee.'),
    ).toEqual([]);
  });

  it('names pay in a setting the sentence opens with, each level by its own people, whatever its heading says', () => {
    const facts = factsOf(
      '# Physiotherapist\n\nPhysiotherapists help people move.\n\n## Pay: NHS bands and private practice\n\n- In private practice, employed junior physiotherapists typically earn £26,000 to £32,000, rising to £40,000 to £55,000 for experienced clinicians\n',
    );
    expect(facts.map((f) => [f.label, f.seniority, f.min])).toEqual([
      ['private practice', 'junior', 26000],
      ['private practice', 'senior', 40000],
    ]);
  });
});

describe('a section heading that asks a question', () => {
  it('is no label, and the places it lists together are the place of figures that name none', () => {
    const facts = factsOf(
      [
        '# Video Game QA Tester',
        '',
        'QA testers find bugs in Canada, and their salary depends on the studio.',
        '',
        '## How much do QA testers make in Montreal and Vancouver?',
        '',
        '- QA lead: $60,000 to $78,000 a year',
        '- QA analyst on a development team: $48,000 to $62,000 a year',
        '',
      ].join('\n'),
    );
    expect(facts.map((f) => [f.label, f.location, f.currency])).toEqual([
      ['Salary', 'Montreal and Vancouver', 'CAD'],
      ['QA analyst on a development team', 'Montreal and Vancouver', 'CAD'],
    ]);
  });
});

describe('two figures of the same people in two places', () => {
  it('name the second figure as the first, at the same level, in its own place', () => {
    const facts = payFacts('FinOps Analyst', 'Senior analysts earn £60,000 to £80,000 in the UK and $125,000 to $155,000 in the US.');
    expect(facts.map((f) => [f.min, f.seniority, f.location])).toEqual([
      [60000, 'senior', 'UK'],
      [125000, 'senior', 'US'],
    ]);
  });

  it('keep people a clause names anew apart ("and senior roles …")', () => {
    const facts = payFacts('Data Scientist', 'In the UK, junior roles pay £35k-£45k and senior roles £70k-£90k.');
    expect(facts.map((f) => f.seniority)).toEqual(['junior', 'senior']);
  });
});

describe('the year of a training', () => {
  it('is part of the level it goes with ("first-year apprentice", "fourth-year apprentice")', () => {
    const facts = payFacts(
      'Plumber',
      'As a guide, a first-year apprentice earns around $18 to $20 an hour and a fourth-year apprentice around $30 to $33 an hour.',
    );
    expect(facts.map((f) => [f.level, f.min])).toEqual([
      ['first-year apprentice', 18],
      ['fourth-year apprentice', 30],
    ]);
  });
});

describe("a place written with 's", () => {
  it('is the place of the figure it owns ("Quebec\'s minimum wage of $16.10")', () => {
    const facts = payFacts('Game Tester', "Testers earn $17 to $19 an hour, compared with Quebec's minimum wage of $16.10.");
    expect(facts.map((f) => [f.label, f.location])).toEqual([
      ['Testers', null],
      ['minimum wage', 'Quebec'],
    ]);
  });
});

describe('a pay word after a figure', () => {
  it('says less than who the sentence says earns it ("… earn $80,000 to $110,000 in salary plus fees")', () => {
    const facts = payFacts(
      'Court Reporter',
      'Entry-level official reporters typically start on $50,000 to $60,000 a year, while experienced official reporters in large court systems earn $80,000 to $110,000 in salary plus fees.',
    );
    expect(facts.map((f) => [f.label, f.seniority])).toEqual([
      ['Pay', 'junior'],
      ['Pay', 'senior'],
    ]);
  });
});
