import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import { comparedJob } from '../../src/ingest/knowledge/figure-jobs.js';
import { lastLevel, namingWords, nounLabel, ownWords, seniorityOf, shortLabel } from '../../src/ingest/knowledge/figure-labels.js';
import { findMoney } from '../../src/ingest/knowledge/money.js';
import { isPriceClause, notPay } from '../../src/ingest/knowledge/not-pay.js';
import { placesIn } from '../../src/ingest/knowledge/pay-labels.js';
import { periodAfter, periodOf } from '../../src/ingest/knowledge/pay-periods.js';

/** The first figure of a text. */
function firstMoney(text: string) {
  const money = findMoney(text)[0];
  if (!money) throw new Error(`no figure in ${text}`);
  return money;
}

describe('the words that name a figure', () => {
  it('reads a pay noun with its adjectives', () => {
    expect(nounLabel('with an average annual salary of')).toBe('average annual salary');
    expect(nounLabel('Aged Care Worker - Average salary')).toBe('Average salary');
    expect(nounLabel('juniors start on')).toBeNull();
  });

  it('cuts a long phrase to its pay words and keeps a short one whole', () => {
    expect(shortLabel('the median for support specialists was about in 2023')).toBe('median');
    expect(shortLabel('median total compensation')).toBe('median total compensation');
  });

  it('keeps a figure’s own few words and drops filler', () => {
    expect(namingWords('and third-line engineers')).toBe('third-line engineers');
    expect(namingWords('and while up to')).toBeNull();
  });

  it('finds the last level word with the year of training before it', () => {
    expect(lastLevel('a fourth-year apprentice earns')).toEqual({ word: 'fourth-year apprentice', after: ' earns' });
    expect(lastLevel('Entry-level official reporters')).toEqual({ word: 'Entry-level', after: ' official reporters' });
    expect(lastLevel('qualified plumbers')).toBeNull();
  });

  it('gives a band its coarse seniority', () => {
    expect(seniorityOf('Senior (6+ yrs)')).toBe('senior');
    expect(seniorityOf('Head of department')).toBe('senior');
    expect(seniorityOf('Qualified')).toBeNull();
  });

  it('takes the figure, places and period words out of a clause', () => {
    const clause = 'median pay in London £45,000 per year';
    expect(ownWords(clause, firstMoney(clause), placesIn(clause))).toBe('median pay in');
  });
});

describe('the period of a figure', () => {
  it('takes the first period that fits, a year when none does', () => {
    const salary = firstMoney('$90,000');
    expect(periodOf(salary, [null, 'mile', 'hour'])).toBe('hour');
    expect(periodOf(firstMoney('$2.10'), [null, 'mile'])).toBe('mile');
    expect(periodOf(salary, [null])).toBe('year');
  });

  it('reads a week’s pay "for a 38-hour week" only below a year’s salary', () => {
    expect(periodAfter(' for a 38-hour week', firstMoney('A$1,273'))).toBe('week');
    expect(periodAfter(' for a 37.5 hour week', firstMoney('£28,000'))).toBeNull();
    expect(periodAfter(' an hour (around', firstMoney('A$33.50'))).toBe('hour');
  });
});

describe('money that is not pay', () => {
  it('knows a price clause', () => {
    const fee = 'the PTCE, which costs $129';
    expect(isPriceClause(fee, findMoney(fee))).toBe(true);
    const callOut = 'plumbers charge $110 to $150 an hour plus a call-out fee';
    expect(isPriceClause(callOut, findMoney(callOut))).toBe(false);
  });

  /** Whether the first figure of a one-clause sentence is not pay. */
  const notPayIn = (text: string) => {
    const money = firstMoney(text);
    return notPay({ whole: text, clause: text, money, own: text.slice(0, money.start), lead: '' });
  };

  it.each([
    ['seniors earn $10,000 more than peers', true],
    ['London weighting adds £3,000', true],
    ['therapists charge €70 per session', true],
    ['£300 a month deducted from their pay', true],
    ['a premium of $5,000', true],
    ['juniors earn £30,000 a year', false],
  ])('"%s" is not pay: %s', (text, expected) => {
    expect(notPayIn(text)).toBe(expected);
  });
});

describe('another job’s pay on a role’s page', () => {
  const role = { name: 'Veterinary nurse', aliases: ['Vet nurse'] } as Role;

  it('tells another job compared with the role from the role itself', () => {
    expect(comparedJob('Vets earn considerably more: ', role)).toBe(true);
    expect(comparedJob('Nurses earn more with experience: ', role)).toBe(false);
    expect(comparedJob('Pay rises with experience: ', role)).toBe(false);
  });
});
