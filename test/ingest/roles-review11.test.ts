import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';

const truckHtml = `<!DOCTYPE html><html><head><title>Long-Haul Truck Driver | Job Profiles | RoadWork Canada</title></head>
<body><main><article>
<h1>Long-Haul Truck Driver</h1>
<p>Long-haul truck drivers move freight across provinces and into the United States in tractor-trailers.</p>
<h2>Licence and training</h2>
<p>Many carriers will only insure drivers with two years' experience, so new drivers usually start with a carrier that runs a finishing program.</p>
<h2>Pay</h2>
<p>A solo long-haul driver typically earns $65,000 to $85,000 a year.</p>
<h2>Career progression</h2>
<p>Experienced drivers can become driver trainers or move into dispatch.</p>
</article></main></body></html>`;

describe('a page titled by a job whose noun is not on the role-noun list', () => {
  const catalog = buildCatalog(parseHtmlFile('long-haul-truck-driver.html', truckHtml));

  it('is the role of a page titled "Long-Haul Truck Driver" that speaks of new and experienced drivers', () => {
    expect(catalog.map((r) => r.name)).toEqual(['Long-Haul Truck Driver']);
  });

  it('is found by its exact title, whatever its capitals, and by "truck driver"', () => {
    expect(resolveRole(catalog, 'Long-Haul Truck Driver').role?.name).toBe('Long-Haul Truck Driver');
    expect(resolveRole(catalog, 'long haul truck driver').role?.name).toBe('Long-Haul Truck Driver');
    expect(resolveRole(catalog, 'truck driver').role?.name).toBe('Long-Haul Truck Driver');
  });

  it.each([
    ['Pressure Cooker', 'A pressure cooker saves time. Most cookers use steam, and many cookers have a valve.'],
    ['Tankless Water Heater', 'New heaters cost more than old ones, and new heaters save energy.'],
    ['Salary Guide for Drivers', 'New drivers earn less. Experienced drivers earn more.'],
  ])('is never a title that names a thing or a topic ("%s")', (title, body) => {
    expect(buildCatalog(parsePage('p.txt', `${title}\n\nOverview\n\n${body}\n`)).map((r) => r.name)).toEqual([]);
  });

  it('is a role for other person nouns too ("Dental Hygienist", "Court Reporter") when the page speaks of its people', () => {
    const page = (title: string, people: string) =>
      parsePage('p.txt', `${title}\n\nOverview\n\nNew ${people} train on the job. Experienced ${people} earn more.\n`);
    expect(buildCatalog(page('Dental Hygienist', 'hygienists')).map((r) => r.name)).toEqual(['Dental Hygienist']);
    expect(buildCatalog(page('Court Reporter', 'reporters')).map((r) => r.name)).toEqual(['Court Reporter']);
  });
});

describe('a licence is not a role', () => {
  const me = parseMarkdown(
    'mechanical-engineer.md',
    [
      '---\ntitle: Mechanical Engineer\n---\n# Mechanical Engineer\n\nMechanical engineers design machines.\n',
      '## Education and licensing\n\nThe standard route in is a four-year degree.\n',
      '### Becoming a licensed Professional Engineer (PE)\n\nA PE licence is not required for most jobs in manufacturing. Pass the PE Mechanical exam.\n',
      '## Salary\n\nHolding a PE licence adds about $8,000 to $12,000 a year.\n',
    ].join('\n'),
  );

  it('never makes a role of the licence a heading names ("Becoming a licensed Professional Engineer (PE)")', () => {
    expect(buildCatalog(me).map((r) => [r.name, r.aliases])).toEqual([['Mechanical Engineer', []]]);
  });

  it('still makes a role of a heading that names a job ("Becoming a Data Engineer")', () => {
    const docs = parseMarkdown('d.md', '# Careers in data\n\n## Becoming a Data Engineer\n\nData engineers build pipelines.\n');
    expect(buildCatalog(docs).map((r) => r.name)).toEqual(['Data Engineer']);
  });

  it('never makes a role of a name whose initials the page writes before "licence" or "exam"', () => {
    const docs = parseMarkdown(
      'a.md',
      '# Accountant\n\nAccountants keep books. Most accountants work in firms.\n\n## Certified Public Accountant (CPA)\n\nThe CPA exam has four parts.\n',
    );
    expect(buildCatalog(docs).map((r) => r.name)).toEqual(['Accountant']);
  });
});

describe('initials and other names of a role', () => {
  const hr = parsePage(
    'hr-business-partner.txt',
    'HR business partner\n\nWhat does an HR business partner do?\n\nHR business partners (HRBPs) work alongside the leadership team. Most HRBPs have spent years as an HR adviser. HR business partners are aligned to one part of the business.\n',
  );
  const hrRoles = buildCatalog(hr);

  it('reads initials that keep an acronym whole ("HR business partners (HRBPs)" is an HRBP), never "HBP"', () => {
    expect(hrRoles.map((r) => [r.name, r.aliases])).toEqual([['HR Business Partner', ['HRBP']]]);
    expect(resolveRole(hrRoles, 'HRBP').role?.name).toBe('HR Business Partner');
    expect(resolveRole(hrRoles, 'hrbp').role?.name).toBe('HR Business Partner');
  });

  it('gives another job\'s other name to nobody ("a QA engineer (sometimes called a software development engineer in test)")', () => {
    const qa = parseMarkdown(
      'qa.md',
      '# Video Game QA Tester in Canada\n\n## What does a QA tester do?\n\nQA testers play unfinished builds. A QA tester also differs from a QA engineer (sometimes called a software development engineer in test), who writes automated tests. Many testers, also called game testers, start young.\n',
    );
    const aliases = buildCatalog(qa).find((r) => r.name === 'Video Game QA Tester')?.aliases ?? [];
    expect(aliases).not.toContain('software development engineer in test');
    expect(aliases).toContain('game tester');
  });

  it.each([
    ['Global Accounts Coordinator', 'GAC'],
    ['Total Compensation Analyst', 'TCA'],
  ])('keeps generated initials (%s: %s) when nothing else owns them', (name, abbr) => {
    const docs = parseMarkdown('x.md', `# ${name}\n\nThey work hard.\n`);
    expect(buildCatalog(docs).map((r) => [r.name, r.aliases])).toEqual([[name, [abbr]]]);
  });

  it.each([
    ['Cloud FinOps Analyst', 'CFA', 'a famous credential'],
    ['New York Teacher', 'NYT', 'defined by a page for something else'],
    ['Building Consultant', 'BC', 'a place (British Columbia)'],
    ['Technical Consultant', 'TC', 'a word for pay (total compensation)'],
  ])('gives %s no initials %s: %s', (name, abbr) => {
    const docs = parseMarkdown('x.md', `# ${name}\n\nThey work hard. The New York Times (NYT) wrote about them.\n`);
    const [role] = buildCatalog(docs);
    expect(role?.name).toBe(name);
    expect(role?.aliases).not.toContain(abbr);
  });
});
