import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import type { Answer, Turn } from '../../src/domain/answer.js';
import type { Advisor } from '../../src/query/advisor.js';
import { nextTurn } from '../../src/query/conversation.js';
import { tempDir } from '../helpers.js';

/** Two career pages in different countries and fields, indexed as an operator would (real files, lexical mode). */
const PAGES: Record<string, string> = {
  'dental-hygienist.md': [
    '# Dental Hygienist',
    '',
    'Dental hygienists are regulated oral health professionals who clean teeth, screen for gum disease and teach patients how to keep their mouths healthy.',
    '',
    '## What dental hygienists do',
    '',
    '- remove plaque and tartar above and below the gum line',
    '- take and process dental X-rays',
    '',
    '## Skills and tools',
    '',
    '- steady hands and good fine motor control for long periods',
    '- Tools of the job include hand scalers, curettes and ultrasonic scalers',
    '',
    '## Education and licensing',
    '',
    'Programs mix classroom science with supervised clinics. You need a diploma or degree from a program accredited by the Commission on Dental Accreditation of Canada. College diplomas take two to three years; in Ontario most are three-year advanced diplomas.',
    '',
    'Some hygienists later take a degree completion program to teach.',
    '',
    'Hygienists trained outside Canada have their training assessed by the National Dental Hygiene Certification Board first.',
    '',
    '## Working conditions',
    '',
    'The work is physically demanding on the neck, back and wrists. Clinics often open evenings and Saturdays.',
    '',
    '## Salary',
    '',
    'In Ontario the median hygienist earns $50.00 an hour.',
    '',
  ].join('\n'),
  'hr-business-partner.md': [
    '# HR Business Partner',
    '',
    'HR business partners (HRBPs) work alongside the leadership team of one part of an organisation and make sure its people plans support its business plans.',
    '',
    '## Day-to-day tasks',
    '',
    '- advising line managers on employee relations cases',
    '- leading restructures and redundancy consultations',
    '',
    '## Qualifications and training',
    '',
    'Most employers ask for membership of the CIPD. The CIPD Level 5 Associate Diploma in People Management is the usual minimum for an HRBP role.',
    '',
    'A Level 5 diploma usually takes 12 to 18 months part-time and costs between £3,500 and £5,000 through an approved centre. Many employers fund it for staff already working in HR.',
    '',
    'You do not need a degree. Common routes in are:',
    '',
    '- starting as an HR assistant and studying the CIPD Level 3 Foundation Certificate',
    "- a postgraduate HR master's degree with CIPD accreditation",
    '',
    '## Career path and progression',
    '',
    'With experience you could become a senior HRBP, then head of HR or people director.',
    '',
    '## Salary',
    '',
    '- HR business partner: £45,000 to £60,000',
    '- Head of HR or HR director: £85,000 to £130,000',
    '',
  ].join('\n'),
  'truck-driver.md': [
    '# Long-Haul Truck Driver',
    '',
    'Long-haul truck drivers move freight across provinces and into the United States in tractor-trailers.',
    '',
    '## Licence and training',
    '',
    'You need a Class 1 licence in most provinces; in Ontario the same licence is called Class AZ. Before the road test you must complete Mandatory Entry-Level Training at an approved school. Training usually costs $8,000 to $10,000 and takes four to eight weeks full-time.',
    '',
    'You can hold an AZ licence at 18, but US rules require drivers crossing the border to be at least 21.',
    '',
    '## Pay',
    '',
    'A solo long-haul driver typically earns $65,000 to $85,000 a year.',
    '',
  ].join('\n'),
  'cloud-finops-analyst.md': [
    '# Cloud FinOps Analyst',
    '',
    'A cloud FinOps analyst helps an organisation understand and control what it spends on public cloud platforms.',
    '',
    '## What the role looks like',
    '',
    'FinOps analysts spend most of the day in billing data and in meetings with engineering teams.',
    '',
    '## What the job involves',
    '',
    'FinOps is the practice of making engineering teams accountable for the cost of what they run, and the analyst is the person who makes that work day to day. Typical work includes:',
    '',
    '- Building cost dashboards broken down by team, product and environment',
    '- Forecasting cloud spend for the annual budget and explaining variances',
    '',
    '## Salary',
    '',
    '| Level | US (USD per year) |',
    '|---|---|',
    '| Junior FinOps analyst | $75,000 - $95,000 |',
    '| Senior FinOps analyst | $125,000 - $155,000 |',
    '',
  ].join('\n'),
};

let advisor: Advisor;
beforeAll(async () => {
  const dir = tempDir('quoting-');
  for (const [file, text] of Object.entries(PAGES)) writeFileSync(join(dir, file), text);
  const runtime = await Runtime.create(loadConfig({ CORPUS_DIR: dir, DATA_DIR: tempDir('data-'), RETRIEVAL_MODE: 'lexical' }), createLogger('silent'));
  await runtime.open();
  advisor = runtime.advisor();
});

const quotes = (a: Answer) => a.citations.map((c) => c.quote);

describe('which passages are quoted, and in what order', () => {
  it('answers a hygienist trained abroad about working in Canada with the passage on foreign training, not a refusal for the country', async () => {
    const a = await advisor.ask('im a dental hygienist trained in india, can i work in canada');
    expect(quotes(a)[0]).toContain('Hygienists trained outside Canada');
  });

  it("quotes only the page that answers a question about one trade, not the price of another page's course", async () => {
    const a = await advisor.ask('class 1 school cost');
    expect(quotes(a)[0]).toContain('Training usually costs $8,000');
    expect(a.citations.map((c) => c.doc)).not.toContain('HR Business Partner');
    const head = await advisor.ask('head of hr salary');
    expect(quotes(head)[0]).toContain('Head of HR or HR director');
    expect(head.citations.map((c) => c.doc)).not.toContain('Long-Haul Truck Driver');
  });

  it.each(['how long is dental hygiene school', 'how long does dental hygiene training take'])(
    'reads a field ("dental hygiene") as naming its role\'s page, and answers "%s" with that page\'s course length',
    async (question) => {
      const a = await advisor.ask(question);
      expect(quotes(a)[0]).toContain('College diplomas take two to three years');
      expect(a.citations.map((c) => c.doc)).not.toContain('Long-Haul Truck Driver');
    },
  );

  it('leads "what does a hrbp do" with the sentence that defines HRBPs by their initials in brackets', async () => {
    const a = await advisor.ask('hey what does a hrbp do');
    expect(quotes(a)[0]).toContain('HR business partners (HRBPs) work alongside');
  });

  it.each(['cipd level 5 how much', 'how much does the cipd level 5 cost'])(
    'answers "%s" with the price of the diploma a sentence before named',
    async (question) => {
      const a = await advisor.ask(question);
      expect(quotes(a)[0]).toContain('costs between £3,500 and £5,000');
    },
  );

  it('answers how old one must be with the sentence that states an age', async () => {
    const a = await advisor.ask('how old do you gotta be to drive truck into the states');
    expect(quotes(a)[0]).toContain('at least 21');
  });

  it('leads "do i need a degree to be an hr business partner" with what the page says about needing one', async () => {
    const a = await advisor.ask('do i need a degree to be an hr business partner');
    expect(quotes(a)[0]).toBe('You do not need a degree.');
  });

  it("leads a role's education items with the one that answers whether a degree is needed", async () => {
    const a = await advisor.ask('do dental hygienists need a degree');
    expect(quotes(a)[0]).toBe('You need a diploma or degree from a program accredited by the Commission on Dental Accreditation of Canada.');
  });

  it.each(['finops analyst responsibilities', 'finops analyst daily tasks'])(
    'answers "%s" with the list of duties of the role whose name ends so, before prose about the job and never the pay table',
    async (question) => {
      const a = await advisor.ask(question);
      expect(quotes(a).slice(0, 2)).toEqual([
        'Building cost dashboards broken down by team, product and environment',
        'Forecasting cloud spend for the annual budget and explaining variances',
      ]);
    },
  );

  it('answers "what do they do day to day" after a pay question with the role\'s duties', async () => {
    let turn: Turn | undefined;
    for (const q of ['how much do dental hygienists make']) turn = nextTurn(turn, await advisor.ask(q, turn));
    const a = await advisor.ask('what do they do day to day', turn);
    expect(quotes(a)).toContain('remove plaque and tartar above and below the gum line');
  });

  it.each(['wat kit do hygienists use, like equipment n stuff?', 'dental hygiene tools equipment used'])(
    'answers "%s" from the skills that name what the job is done with',
    async (question) => {
      const a = await advisor.ask(question);
      expect(quotes(a)[0]).toBe('Tools of the job include hand scalers, curettes and ultrasonic scalers');
    },
  );
});
