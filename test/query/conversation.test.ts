import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/domain/answer.js';
import type { Advisor } from '../../src/query/advisor.js';
import { priceOf, pricesThat, roleInContext, withPlaceAbbreviation } from '../../src/query/conversation.js';
import { ROOT, chat, folderAdvisor } from '../helpers.js';

/** An advisor over a fixture folder, indexed as an operator would (real files, lexical mode). */
const fixtureAdvisor = (folder: string) => folderAdvisor(join(ROOT, 'test/fixtures', folder));

const quotes = (a: Answer | undefined) => a?.citations.map((c) => c.quote) ?? [];

const role = (name: string) => ({ name, aliases: [], sources: [], documents: [] });

describe('reading a follow-up as the question it stands for', () => {
  it('writes a region abbreviation typed in lower case after "and" as the place, and leaves every other short word alone', () => {
    expect(['and bc', 'what about nsw?', 'in ab'].map(withPlaceAbbreviation)).toEqual(['and BC', 'what about NSW?', 'in AB']);
    expect(['and it', 'and me', 'and so', 'and hr', 'and qa', 'bc i want to know'].map(withPlaceAbbreviation)).toEqual([
      'and it',
      'and me',
      'and so',
      'and hr',
      'and qa',
      'bc i want to know',
    ]);
  });

  it('reads a bare job noun as the one role that shares a qualifier with the conversation’s role, and only then', () => {
    const roles = ['Dental Assistant', 'Dental Hygienist', 'Emergency Care Assistant', 'Backend Engineer', 'Machine Learning Engineer'].map(role);
    expect(roleInContext('how much do assistants make', roles, ['Dental Hygienist'])).toBe('how much do dental assistants make');
    expect(roleInContext('how much do assistants make', roles, ['Dental Hygienist', 'Dental Assistant'])).toBe('how much do dental assistants make');
    expect(roleInContext('how much do assistants make', roles, ['Backend Engineer'])).toBeNull();
    expect(roleInContext('what do engineers make', roles, ['Backend Engineer'])).toBeNull();
    expect(roleInContext('what do engineers make', roles, ['Backend Engineer', 'Machine Learning Engineer'])).toBeNull();
    expect(roleInContext('and english?', [...roles, role('Teacher of English')], ['Director of Studies'])).toBeNull();
  });

  it('reads "how much is that" as the price of what was asked about, and nothing else as a price', () => {
    expect(['how much is that?', 'and how much does it cost', 'ok how much are they'].every(pricesThat)).toBe(true);
    expect(['how much is that a month', 'how much do they make', 'how much is the exam'].some(pricesThat)).toBe(false);
    expect(priceOf(['qualifications'])).toBe('how much do qualifications cost');
    expect(priceOf([])).toBeNull();
  });
});

describe('follow-ups in a chat about a paramedic, a product designer and a dental hygienist page', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await fixtureAdvisor('review10');
  });

  it('reads a bare province abbreviation after "and" as the place ("and bc" is British Columbia), not the place asked before', async () => {
    const [, , bc] = await chat(advisor, ['dental hygienist pay', 'in ontario?', 'and bc']);
    expect(bc?.kind === 'salary' && [...new Set(bc.figures.map((f) => f.location))]).toEqual(['British Columbia']);
  });

  it('answers a follow-up that only names a period of pay ("per year?") with that pay of the same role and place', async () => {
    const [, , year] = await chat(advisor, ['dental hygienist pay', 'in ontario?', 'per year?']);
    expect(year?.kind).toBe('salary');
    expect(quotes(year)).toContain('A full-time hygienist in Ontario working 35 hours a week at the median rate earns about $83,700 a year.');
  });

  it('answers "how do i qualify" and "how do i get in" after questions about a role with the way into that role', async () => {
    const [, qualify] = await chat(advisor, ['dental hygienist pay', 'how do i qualify']);
    expect(quotes(qualify).join('\n')).toContain(
      'You need a diploma or degree from a program accredited by the Commission on Dental Accreditation of Canada (CDAC).',
    );
    const [, , getIn] = await chat(advisor, ['hey whats a paramedic actually do all day', 'how much do they make', 'how do i get in']);
    expect(getIn?.kind === 'ask' && getIn.topic).toEqual({ aspect: 'Education', role: 'Paramedic' });
    expect(quotes(getIn)).toContain("Since September 2021 the minimum qualification for registration is a bachelor's degree.");
  });

  it('reads "an assistant" in a chat about dental hygienists as the Dental Assistant, for a comparison and for pay', async () => {
    const [, difference, pay] = await chat(advisor, [
      'do dental hygienists need a degree',
      'whats the difference from an assistant',
      'how much do assistants make',
    ]);
    expect(difference?.kind === 'compare' && [difference.a, difference.b]).toEqual(['Dental Hygienist', 'Dental Assistant']);
    expect(quotes(difference)).toContain('A dental assistant helps the dentist at the chair, sterilizes instruments and prepares materials.');
    expect(pay?.kind === 'salary' && pay.role).toBe('Dental Assistant');
  });

  it('does not answer a follow-up that asks something new about the place of the last pay question ("whats the weather like in berlin") with pay', async () => {
    const [, berlin, weather] = await chat(advisor, ['ok what about product designers', 'pay in berlin?', 'whats the weather like in berlin']);
    expect(berlin?.kind).toBe('salary');
    expect(weather?.answered).toBe(false);
  });
});

describe('follow-ups in a chat about an HR business partner page', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await fixtureAdvisor('review11');
  });

  it('narrows a pay follow-up to the figure its words name ("what about the nhs"), even when the place asked before has none', async () => {
    const [, , nhs] = await chat(advisor, ['whats the pay like for an hr business partner', 'in london?', 'what about the nhs']);
    expect(nhs?.kind).toBe('salary');
    expect(quotes(nhs)).toEqual([
      'In the NHS, HR business partners are usually employed on Agenda for Change Band 7, which paid £46,148 to £52,809 in 2024/25.',
    ]);
  });

  it('reads "how much is that" after a question about qualifications as the cost of those qualifications', async () => {
    const [, cost] = await chat(advisor, ['what quals do hr business partners need', 'how much is that']);
    expect(quotes(cost)[0]).toBe('A Level 5 diploma usually takes 12 to 18 months part-time and costs between £3,500 and £5,000 through an approved centre.');
  });
});

describe('follow-ups in a chat about a remote technical writer page paid in dollars and euros', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await fixtureAdvisor('review12');
  });

  it('answers a follow-up that only names a currency ("in euros?") with the same pay in that currency', async () => {
    const [, pay, euros] = await chat(advisor, ['what does a technical writer do', 'salary?', 'in euros?']);
    expect(pay?.kind === 'salary' && new Set(pay.figures.map((f) => f.currency))).toEqual(new Set(['USD', 'EUR']));
    expect(euros?.kind === 'salary' && [...new Set(euros.figures.map((f) => f.currency))]).toEqual(['EUR']);
  });

  it('keeps the conversation where it was after a question about the same role it cannot answer', async () => {
    const [, refused, juniors] = await chat(advisor, ['technical writer salary', 'how many vacation days', 'and for juniors?']);
    expect(refused?.answered).toBe(false);
    expect(juniors?.kind === 'salary' && juniors.figures.map((f) => f.level)).toEqual(['Junior (0–2 years)', 'Junior (0–2 years)']);
  });
});
