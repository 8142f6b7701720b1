import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import type { Answer } from '../../src/domain/answer.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import type { Advisor } from '../../src/query/advisor.js';
import { salaryLookup } from '../../src/query/salary.js';
import { ROOT, tempDir } from '../helpers.js';

let opened: Promise<Advisor> | undefined;
/** An advisor over the review-12 pages, indexed once as an operator would (real files, lexical mode). */
function review12(): Promise<Advisor> {
  opened ??= (async () => {
    const config = loadConfig({ CORPUS_DIR: join(ROOT, 'test/fixtures/review12'), DATA_DIR: tempDir('data-'), RETRIEVAL_MODE: 'lexical' });
    const runtime = await Runtime.create(config, createLogger('silent'));
    await runtime.open();
    return runtime.advisor();
  })();
  return opened;
}

/** Quotes as read: a line break inside a sentence is a space. */
const quotes = (a: Answer) => a.citations.map((c) => c.quote.replace(/\s+/g, ' '));

describe('a place question answered by what the pay section says of that place', () => {
  const page = (extra = '') =>
    '---\ntitle: Quantity Surveyor\nroles: [Quantity Surveyor]\n---\n## Salary\n\nSenior quantity surveyors earn £50,000 to £65,000.\n\n' +
    `Salaries in London are typically 10 to 20% higher than the rest of the UK.${extra}\n`;
  const knowledge = buildKnowledge(parseMarkdown('qs.md', page()), {});

  it('leads with the sentence about the place, then the figures of its country, saying none is for the place itself', () => {
    const london = salaryLookup(knowledge, { role: 'Quantity Surveyor', location: 'London' });
    expect(london.kind).toBe('salary');
    expect(quotes(london)).toEqual([
      'Salaries in London are typically 10 to 20% higher than the rest of the UK.',
      'Senior quantity surveyors earn £50,000 to £65,000.',
    ]);
    expect(london.kind === 'salary' && london.notes).toEqual([{ kind: 'no-location', location: 'London' }]);
  });

  it('does not answer the country the sentence compares the place with, nor another place, with it', () => {
    expect(quotes(salaryLookup(knowledge, { role: 'Quantity Surveyor', location: 'UK' }))).toEqual(['Senior quantity surveyors earn £50,000 to £65,000.']);
    expect(salaryLookup(knowledge, { role: 'Quantity Surveyor', location: 'Manchester' }).kind).toBe('none');
  });

  it('takes no percentage about jobs in the place as what it pays', () => {
    const growth = buildKnowledge(
      parseMarkdown(
        'qs.md',
        '---\ntitle: Quantity Surveyor\nroles: [Quantity Surveyor]\n---\n## Salary\n\nSenior quantity surveyors earn £50,000 to £65,000.\n\nJobs in London grew 20% last year.\n',
      ),
      {},
    );
    expect(salaryLookup(growth, { role: 'Quantity Surveyor', location: 'London' }).kind).toBe('none');
  });
});

describe('pay questions about a place on the review-12 pages (a US dietitian page, a UK QS page, a USD/EUR table)', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await review12();
  });

  it('leads a London salary lookup with how much more London pays', async () => {
    const london = advisor.salary({ role: 'quantity surveyor', location: 'London' });
    expect(quotes(london)[0]).toBe('Salaries in London are typically 10 to 20% higher than the rest of the UK.');
    expect(quotes(await advisor.ask('how much do QS make in london'))[0]).toBe('Salaries in London are typically 10 to 20% higher than the rest of the UK.');
  });

  it('answers pay in Europe from the table column headed "EU-based remote", and the US from the US column', async () => {
    const europe = await advisor.ask('technical writer pay in europe in euros');
    expect(europe.kind === 'salary' && [...new Set(europe.figures.map((f) => f.label))]).toEqual(['EU-based remote (EUR per year)']);
    const india = advisor.salary({ role: 'technical writer', location: 'India' });
    expect(india.kind === 'none' && india.reason.code === 'no-salary-for' && india.reason.available.locations).toEqual(['United States', 'EU', 'Germany']);
  });

  it('answers a state asked of a role named by the person noun of its name ("dietitians")', async () => {
    const texas = await advisor.ask('dietitian salary texas');
    expect(texas.kind === 'salary' && texas.figures.map((f) => [f.location, f.value])).toEqual([['Texas', 68000]]);
    const california = await advisor.ask('how much do dietitians make in california');
    expect(quotes(california)[0]).toBe('In California the mean annual wage is about $92,000, and in the San Francisco Bay Area about $104,000.');
  });

  it('says the documents have no figures for a country the role has none for, rather than showing another country as the answer', async () => {
    const uk = await advisor.ask('how much do dietitians make in the UK');
    expect(uk.kind === 'none' && uk.reason).toMatchObject({ code: 'no-salary-for', role: 'Registered Dietitian Nutritionist', location: 'UK' });
  });

  it("reads each entry of a related-careers box laid out with runs of spaces as a job of its own, not the page role's pay", async () => {
    const qs = advisor.salary({ role: 'quantity surveyor' });
    expect(qs.kind === 'salary' && qs.figures.filter((f) => /building surveyor|site manager|estimator|civil engineer|project manager/i.test(f.label))).toEqual(
      [],
    );
    const building = await advisor.ask('how much does a building surveyor make');
    expect(building.kind === 'salary' && [building.role, quotes(building)]).toEqual([
      'Building Surveyor',
      ['Building surveyor Average salary £25,000 to £60,000'],
    ]);
    const civil = await advisor.ask('how much does a civil engineer make in the US');
    expect(civil.kind === 'none' && civil.reason).toMatchObject({
      code: 'no-salary-for',
      role: 'Civil Engineer',
      available: { locations: ['United Kingdom'] },
    });
  });
});

describe('a label and its value on separate lines of the review-12 .txt page', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await review12();
  });

  it('quotes the working hours with their value, not the label alone', async () => {
    expect(quotes(await advisor.ask('QS working hours'))[0]).toBe('Typical hours (a week) 37 to 40 variable');
  });
});
