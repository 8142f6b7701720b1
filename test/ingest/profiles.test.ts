import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';

const page = [
  '---',
  'title: Penetration Tester',
  '---',
  '',
  'Also known as: ethical hacker, pentester',
  '',
  'Penetration testers break into systems before criminals do.',
  '',
  '## A Day On The Service Desk',
  '',
  '- Scoping calls with clients',
  '',
  '## Toolbox',
  '',
  '- Burp Suite for web testing',
  '',
  '## Skills and qualifications',
  '',
  "A bachelor's degree in computer science is common but not required.",
  '',
  '- Scripting in Python',
  '',
  '## Getting in',
  '',
  'Most testers start in IT support or a security operations centre.',
  '',
  '### Certifications',
  '',
  '- OSCP, a 24-hour practical exam',
  '',
  '## Guide',
  '',
  "Here's how the rest of this guide is organised.",
  '',
  '### Responsibilities',
  '',
  '- Writing the report',
  '',
].join('\n');

const profile = () => buildKnowledge(parseMarkdown('penetration-tester.md', page), {}).profiles.find((p) => p.role === 'Penetration Tester');

describe('role profiles from headings nobody tuned for', () => {
  it('defines the role by its first sentence about it, never by the list of its other names', () => {
    expect(profile()?.what?.quote).toBe('Penetration testers break into systems before criminals do.');
  });

  it('reads a day on the job as responsibilities, a toolbox as skills, and getting in as education, prose beside a list included', () => {
    const p = profile();
    // The section named for the aspect ("Responsibilities") leads the one that shows it ("A Day On…").
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Writing the report', 'Scoping calls with clients']);
    expect(p?.aspects['Key skills'].map((i) => i.quote)).toEqual(['Burp Suite for web testing', 'Scripting in Python']);
    expect(p?.aspects.Education.map((i) => i.quote)).toEqual([
      "A bachelor's degree in computer science is common but not required.",
      'Most testers start in IT support or a security operations centre.',
      'OSCP, a 24-hour practical exam',
    ]);
  });

  it('never counts pay bullets under a heading that names the role as what the role does', () => {
    const faq = parseMarkdown(
      'grc-analyst.md',
      '# GRC Analyst\n\nA GRC analyst helps an organization manage risk.\n\n### What does a GRC analyst do each week?\n\n- Running access reviews\n\n### How much do GRC analysts get paid?\n\n- Senior GRC analyst: $65 to $85 an hour\n',
    );
    const p = buildKnowledge(faq, {}).profiles.find((x) => x.role === 'GRC Analyst');
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Running access reviews']);
  });

  it('reads a sub-section by the nearest heading above it that names an aspect, and "What it takes" as skills', () => {
    const page = parseMarkdown(
      'electrician.md',
      '---\ntitle: Electrician\n---\n# Electrician in Canada\n\nElectricians install wiring.\n\n## Training and certification\n\n### Apprenticeship\n\nThe usual route is a four-year apprenticeship.\n\n## What it takes\n\n- Good colour vision\n',
    );
    const p = buildKnowledge(page, {}).profiles.find((x) => x.role === 'Electrician');
    expect(p?.aspects.Education.map((i) => i.quote)).toEqual(['The usual route is a four-year apprenticeship.']);
    expect(p?.aspects['Key skills'].map((i) => i.quote)).toEqual(['Good colour vision']);
  });

  it.each(['What Techs Do', 'What does a tech actually do?'])('reads a heading asking "%s" as responsibilities', (heading) => {
    const docs = parseMarkdown(
      'hvac.md',
      `---\ntitle: HVAC Technician\n---\n\nHVAC technicians keep buildings warm.\n\n## ${heading}\n\n- Running service calls\n`,
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'HVAC Technician');
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Running service calls']);
  });

  it('never defines a role by the opening of a section about its pay, even when that heading names the role', () => {
    const docs = parseMarkdown(
      'technical-writer.md',
      '# Technical Writer\n\n## What does a technical writer do?\n\n- Writes API documentation\n\n## Salary: how much do technical writers earn?\n\nPay depends heavily on where the employer is.\n\n| Level | USD |\n|---|---|\n| Junior | $60,000 |\n',
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'Technical Writer');
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Writes API documentation']);
    expect(p?.what ?? null).toBeNull();
  });

  it('keeps what a career-progression section says as where the role leads, in its order, and out of its duties', () => {
    const docs = parseMarkdown(
      'qa-tester.md',
      '# QA Tester\n\nQA testers find bugs.\n\n## How do people move up from QA?\n\nThe usual ladder is tester, then senior tester, then QA lead.\n\n- Some move into game design\n\n## What does a tester do?\n\n- Run test cases\n',
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'QA Tester');
    expect(p?.progression.map((i) => i.quote)).toEqual(['The usual ladder is tester, then senior tester, then QA lead.', 'Some move into game design']);
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Run test cases']);
  });

  it('never takes a line that gives pay as what a role is', () => {
    const docs = parsePage(
      'dental-hygienist.txt',
      'Dental hygienist\n\nAbout\n\nHygienists clean teeth.\n\nRelated careers\n\nDental technician - Average salary £22,000 to £40,000\n',
    );
    const k = buildKnowledge(docs, {});
    expect(k.roles.map((r) => r.name)).toContain('Dental Technician');
    expect(k.profiles.find((x) => x.role === 'Dental Technician')?.what ?? null).toBeNull();
  });
});

describe('duties and routes in that a page lays out under headings of its own', () => {
  it.each([
    ['On a shift you might:', 'Working life'],
    ['On a typical day a technician might:', 'About the job'],
  ])('reads a list introduced by "%s" under "%s" as the role\'s responsibilities, and a career-step list as none', (intro, heading) => {
    const docs = parseMarkdown(
      'ambulance-technician.md',
      `---\ntitle: Ambulance Technician\n---\n\nAn ambulance technician drives the ambulance and supports the crew.\n\n## ${heading}\n\nA typical shift is 10 hours.\n\n${intro}\n\n- load the van in route order\n- take payment on delivery\n\n## Career progression\n\nAfter a few years you could:\n\n- become a depot supervisor\n`,
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'Ambulance Technician');
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['load the van in route order', 'take payment on delivery']);
  });

  it('reads a heading asking what a normal shift looks like as responsibilities', () => {
    const docs = parseMarkdown(
      'qa.md',
      '---\ntitle: QA Tester\n---\n\nQA testers find bugs.\n\n## What does a normal shift look like?\n\n- Run test cases from a test plan\n',
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'QA Tester');
    expect(p?.aspects.Responsibilities.map((i) => i.quote)).toEqual(['Run test cases from a test plan']);
  });

  it('defines a role whose plural ends in "ics" by the page\'s opening sentence about it', () => {
    const docs = parsePage(
      'paramedic.txt',
      'Paramedic\n\nParamedics are often the first senior clinician a patient sees in an emergency.\n\nEntry requirements\n\nTo work as a paramedic in the UK you must be registered with the HCPC.\n',
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'Paramedic');
    expect(p?.what?.quote).toBe('Paramedics are often the first senior clinician a patient sees in an emergency.');
  });

  it('reads the routes in a page lays out ("University route", "Apprenticeship route") as education', () => {
    const docs = parsePage(
      'paramedic.txt',
      'Paramedic\n\nParamedics are often the first senior clinician a patient sees in an emergency.\n\nEntry requirements\n\nTo work as a paramedic in the UK you must be registered with the HCPC.\n\nUniversity route\n\nThe most common route is a BSc in Paramedic Science, usually three years.\n\nApprenticeship route\n\nSome trusts employ you as a student paramedic on a degree apprenticeship.\n',
    );
    const p = buildKnowledge(docs, {}).profiles.find((x) => x.role === 'Paramedic');
    expect(p?.aspects.Education.map((i) => i.quote)).toEqual([
      'The most common route is a BSc in Paramedic Science, usually three years.',
      'Some trusts employ you as a student paramedic on a degree apprenticeship.',
    ]);
  });
});
