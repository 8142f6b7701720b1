import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/domain/types.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { ROOT, seedDocs } from '../helpers.js';

const docs = seedDocs();
const main = docs[0]!;
const text = (d: typeof main, i: number) => d.text.slice(d.blocks[i]!.start, d.blocks[i]!.end);
const find = (needle: string, d = main) => d.blocks.findIndex((b) => d.text.slice(b.start, b.end) === needle);

describe('parsing the raw career page', () => {
  it('splits the "More Careers" block into one document per role', () => {
    expect(docs.map((d) => d.title)).toEqual([
      'Backend Engineer Machine Learning Systems',
      'Analytics Manager',
      'Customer Analytics Manager',
      'Technical Business Analyst',
      'Integration Developer',
    ]);
    expect(docs.slice(1).map((d) => d.roles)).toEqual([
      ['Analytics Manager'],
      ['Customer Analytics Manager'],
      ['Technical Business Analyst'],
      ['Integration Developer'],
    ]);
  });

  it('splits "More Careers" entries whose title runs straight into their description', () => {
    const page =
      'Actuary\n\nOverview\n\nActuaries measure risk.\n\nMore Careers\n\nUnderwriter\nUnderwriters decide whether to insure a risk. Salary: £28,000 - £65,000.\n\nStatistician\nStatisticians design surveys.\n';
    const split = parsePage('actuary.txt', page);
    expect(split.map((d) => [d.title, d.roles])).toEqual([
      ['Actuary', []],
      ['Underwriter', ['Underwriter']],
      ['Statistician', ['Statistician']],
    ]);
    expect(split[0]?.text).not.toContain('Underwriter');
  });

  it('splits a related-careers block of one-line entries into one document per role', () => {
    const page =
      'Business analyst\n\nSalary\n\nAnalysts earn £30,000.\n\nRelated careers\n\nData analyst - Average salary £30,000 to £55,000\nProject manager - Average salary £35,000 to £70,000\n';
    const split = parsePage('business-analyst.txt', page);
    expect(split.map((d) => [d.title, d.roles, d.text.trim()])).toEqual([
      ['Business analyst', [], 'Business analyst\n\nSalary\n\nAnalysts earn £30,000.\n\nRelated careers'],
      ['Data analyst', ['Data analyst'], 'Data analyst - Average salary £30,000 to £55,000'],
      ['Project manager', ['Project manager'], 'Project manager - Average salary £35,000 to £70,000'],
    ]);
  });

  it('splits stacked two-line related-careers entries (title, then its salary) and drops the page-feedback footer', () => {
    const page =
      'Platform engineer\n\nSalary\n\nEngineers earn £38,000.\n\nRelated careers\nSite reliability engineer\nAverage salary £45,000 to £100,000\nCloud architect\nAverage salary £60,000 to £120,000\n\nIs this page useful? Yes | No\n';
    const split = parsePage('platform-engineer.txt', page);
    expect(split.map((d) => [d.title, d.roles])).toEqual([
      ['Platform engineer', []],
      ['Site reliability engineer', ['Site reliability engineer']],
      ['Cloud architect', ['Cloud architect']],
    ]);
    expect(split[1]?.text.trim()).toBe('Site reliability engineer\nAverage salary £45,000 to £100,000');
  });

  it('reads headings that run straight into their content on a page that never sets headings apart', () => {
    const page = [
      'CareerPath UK',
      'Home | Explore careers | Business analyst',
      '',
      'Business analyst',
      'Alternative titles: systems analyst, requirements analyst',
      '',
      'What does a business analyst do?',
      'Business analysts find out what people need from a system.',
      '',
      'Skills and knowledge',
      "You'll need:",
      '- active listening',
      '- basic SQL',
      '',
      'A short line',
      'and its end.',
    ].join('\n');
    const [doc] = parsePage('ba.txt', page);
    expect(doc?.title).toBe('Business analyst');
    expect(doc?.sections.map((s) => s.path.join(' › '))).toEqual(['', 'What does a business analyst do?', 'Skills and knowledge']);
  });

  it('reads a value under a label as its text, not as a heading ("Typical hours (a week)" then "37 to 45 variable")', () => {
    const page = 'Veterinary nurse\n\nTypical hours (a week)\n\n37 to 45 variable, including evenings\n\nOverview\n\nNurses care for animals.\n';
    const [doc] = parsePage('vn.txt', page);
    expect(doc?.sections.map((s) => s.path.join(' › '))).toEqual(['', 'Typical hours (a week)', 'Overview']);
  });

  it('keeps a short line above a paragraph as text on a page whose headings stand apart', () => {
    const page = 'Network engineer\n\nOverview\n\nEngineers build networks.\n\nSkills\n\nTechnical knowledge\n- routing\n- DNS\n';
    const [doc] = parsePage('ne.txt', page);
    expect(doc?.sections.map((s) => s.path.join(' › '))).toEqual(['', 'Overview', 'Skills']);
  });

  it('reads the lines opening a page before its first blank line as the site header, never as its title', () => {
    const page = [
      'JobLadder',
      'Home › Career Guides › Technology',
      'Menu',
      'Cookie settings',
      'Accept all cookies',
      '',
      'Database Administrator',
      '',
      'Overview',
      '',
      'A DBA keeps databases fast.',
      '',
    ].join('\n');
    const [doc] = parsePage('dba.txt', page);
    expect(doc?.title).toBe('Database Administrator');
    expect(doc?.text).not.toContain('Accept all cookies');
    expect(parsePage('t.txt', 'Data Analyst\n\nOverview\n\nAnalysts answer questions.\n')[0]?.title).toBe('Data Analyst');
  });

  it('reads a long cookie banner, a breadcrumb and a spaced menu as chrome, so the capitalised title after them titles the page', () => {
    const page = [
      'We use cookies to improve your experience and to show relevant adverts. By continuing to browse you agree to our use of cookies. Accept all | Manage preferences',
      'Home | Careers | Cyber Security | Penetration Tester',
      'Search jobs   Salary checker   Course finder   Sign in',
      '',
      'Skip to content',
      '',
      'PENETRATION TESTER',
      '',
      'Also known as: ethical hacker, pentester, security consultant (offensive)',
      '',
      'Penetration testers break into systems before criminals do.',
      '',
    ].join('\n');
    const [doc] = parsePage('penetration-tester.txt', page);
    expect(doc?.title).toBe('PENETRATION TESTER');
    expect(doc?.sections.map((s) => s.path.join(' › '))).toEqual(['']);
    expect(doc?.text).not.toContain('cookies');
  });

  it('reads a cookie banner whose buttons stand on a line of their own as chrome, so the title under the breadcrumb titles the page', () => {
    const page = [
      'Skip to main content',
      'Menu',
      '',
      'We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.',
      'Accept all   Manage preferences',
      '',
      'Home > Explore Careers > Building & Construction > Plumber',
      '',
      'Plumber',
      'ANZSCO 334111 | Building & Construction | Last updated: March 2025',
      '',
      'Plumbers install, maintain and repair the pipes that carry water, gas and waste.',
      '',
    ].join('\n');
    const [doc] = parsePage('plumber.txt', page);
    expect(doc?.title).toBe('Plumber');
    expect(doc?.text).not.toContain('Manage preferences');
  });

  it('ends the page at its footer: related articles, sharing, copyright and separator lines are not sections', () => {
    const page = [
      'GIS Analyst',
      '',
      'Working Life',
      '',
      'Most GIS analysts work office hours.',
      '',
      '------------------------------------------------',
      '',
      'Related Articles',
      'Network Engineer Career Guide | Is CompTIA A+ Worth It? | System Administrator Salaries',
      '',
      '(c) 2025 CareerPathfinder Ltd. All rights reserved.',
      '',
    ].join('\n');
    const [doc] = parsePage('gis.txt', page);
    expect(doc?.sections.map((s) => s.path.join(' › '))).toEqual(['', 'Working Life']);
    expect(doc?.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(['Working Life', 'Most GIS analysts work office hours.']);
  });

  it('drops site chrome such as the logo and image lines', () => {
    const all = docs.flatMap((d) => d.blocks.map((b) => d.text.slice(b.start, b.end)));
    expect(all.some((t) => /logoAiPathly|^first image$|^second image$/.test(t))).toBe(false);
  });

  it('keeps nested salary bullets attached to their parent role', () => {
    const child = find('Average base salary: $157,969');
    expect(child).toBeGreaterThan(0);
    expect(text(main, main.blocks[child]!.parent!)).toBe('Machine Learning Engineers:');
    expect(text(main, main.blocks[find('Top-paying markets: Vancouver ($175,000), New York ($165,000), Minneapolis ($153,000)')]!.parent!)).toBe(
      'Backend Engineers:',
    );
  });

  it('recognises headings and nests list-led headings under the previous section', () => {
    const salary = main.blocks[find('Average base salary: $157,969')]!;
    expect(sourceLabel(main, salary.section)).toBe('Backend Engineer Machine Learning Systems › Salary Ranges (US Market, 2024) › Comparative Salary Data');
    const numbered = main.blocks[find('Design, build, and refine ML systems for data analysis and prediction')]!;
    expect(main.sections[numbered.section]!.path).toEqual(['Core Responsibilities', 'ML Model Development and Implementation']);
  });

  it('splits a closing paragraph that the scrape glued onto the last bullet', () => {
    expect(find('Distributed computing')).toBeGreaterThan(0);
    const tail = main.blocks.find((b) => main.text.slice(b.start, b.end).startsWith('By understanding these aspects'));
    expect(tail?.kind).toBe('paragraph');
  });

  it('parses inline "###" sub-headings and dash lists of the role pages', () => {
    const dev = docs[4]!;
    expect(dev.sections.map((s) => s.path.join(' › '))).toEqual([
      '',
      'Key Responsibilities',
      'Required Skills and Knowledge',
      'Educational and Experience Requirements',
      'Career Context',
      'Salary and Growth Prospects',
    ]);
    const bullets = dev.blocks.filter((b) => b.kind === 'bullet').map((b) => dev.text.slice(b.start, b.end));
    expect(bullets).toContain('Keen attention to detail');
    expect(bullets).toContain('At least 2 years of experience in programming or a related field');
  });

  it('gives every block an exact, trimmed slice of the source text', () => {
    for (const d of docs) {
      for (const b of d.blocks) {
        const t = d.text.slice(b.start, b.end);
        expect(t.length).toBeGreaterThan(0);
        expect(t).toBe(t.trim());
        expect(t.startsWith('•')).toBe(false);
      }
    }
  });
});

describe('heading levels from the page’s own pattern', () => {
  const paths = (text: string) => {
    const [doc] = parsePage('page.txt', text);
    return { title: doc!.title, paths: doc!.sections.slice(1).map((s) => s.path.join(' › ')) };
  };
  const page = (...parts: string[]) => parts.join('\n\n');

  it('keeps Education, Skills, Soft Skills and Where They Work as siblings when no introduction announces sub-sections', () => {
    const text = page(
      'Data Analyst',
      'Education',
      'Most postings ask for a bachelor’s degree in statistics or economics.',
      'Skills',
      '  • SQL\n  • Excel',
      'Soft Skills',
      '  • Curiosity',
      'Where They Work',
      'Finance, retail and government employ most analysts.',
    );
    expect(paths(text).paths).toEqual(['Education', 'Skills', 'Soft Skills', 'Where They Work']);
  });

  it('nests list-led headings under a heading whose introduction announces them, until the next prose-led heading', () => {
    const text = page(
      'ML Engineer',
      'Requirements',
      'Here are the key requirements:',
      'Educational Background',
      '  • Bachelor’s degree',
      'Technical Skills',
      '  • Python',
      'Career Development',
      'The journey is long and varied.',
    );
    expect(paths(text).paths).toEqual(['Requirements', 'Requirements › Educational Background', 'Requirements › Technical Skills', 'Career Development']);
  });

  it('reads a run of numbered headings as sections of their own when nothing announces them', () => {
    const text = page(
      'Site Reliability Engineer',
      '1. Overview',
      'An SRE keeps production systems available.',
      '2. What the Job Involves',
      '  • Defining service level objectives',
      '3. Skills',
      '  1. Linux internals\n  2. Go or Python',
      '4. Salary',
      'Figures are based on 2024 offers.',
    );
    expect(paths(text).paths).toEqual(['Overview', 'What the Job Involves', 'Skills', 'Salary']);
  });

  it('nests numbered headings under an announcing heading', () => {
    const text = page(
      'Some Page',
      'Core Responsibilities',
      'Here are the core duties:',
      '1. Model Development',
      '  • Build models',
      '2. Deployment',
      '  • Ship models',
    );
    expect(paths(text).paths).toEqual(['Core Responsibilities', 'Core Responsibilities › Model Development', 'Core Responsibilities › Deployment']);
  });

  it('reads short city headings as sub-sections of the section before them, whatever follows them', () => {
    const text = page(
      'UX Designer',
      'Salary',
      'Pay depends heavily on location.',
      'San Francisco',
      'Median salary: $145,000',
      'Austin',
      '  • Median salary: $112,000',
      'Career Growth',
      'Many designers become leads.',
    );
    expect(paths(text).paths).toEqual(['Salary', 'Salary › San Francisco', 'Salary › Austin', 'Career Growth']);
  });

  it('drops site navigation and a byline before the title', () => {
    const text = page(
      'PathCompass\nSkip to content\nExplore Careers\nSign in',
      'Data Analyst',
      'Updated March 2024 · 7 min read',
      'Overview',
      'Analysts turn numbers into answers.',
    );
    const [doc] = parsePage('page.txt', text);
    expect(doc!.title).toBe('Data Analyst');
    expect(doc!.sections.map((s) => s.path.join(' › '))).toEqual(['', 'Overview']);
    expect(doc!.blocks.map((b) => doc!.text.slice(b.start, b.end))).toEqual(['Overview', 'Analysts turn numbers into answers.']);
  });

  it('parses the second corpus’s scraped pages into their own sections', () => {
    const analyst = parsePage('data-analyst.txt', readFileSync(join(ROOT, 'test/fixtures/corpus-b/data-analyst.txt'), 'utf8'))[0]!;
    expect(analyst.title).toBe('Data Analyst');
    expect(analyst.sections.slice(1).map((s) => s.path.join(' › '))).toEqual([
      'What Does a Data Analyst Do',
      'Responsibilities',
      'Education',
      'Skills',
      'Soft Skills',
      'Where They Work',
      'Salary',
      'Job Outlook',
    ]);
    const ux = parsePage('ux-designer.txt', readFileSync(join(ROOT, 'test/fixtures/corpus-b/ux-designer.txt'), 'utf8'))[0]!;
    expect(ux.sections.filter((s) => s.path[0] === 'Salary').map((s) => s.path.join(' › '))).toEqual([
      'Salary',
      'Salary › San Francisco',
      'Salary › Austin',
      'Salary › Chicago',
    ]);
  });
});

describe('a "You might also like" box of jobs and their pay', () => {
  const docs = parsePage('vet-nurse-uk.txt', readFileSync(join(ROOT, 'test/fixtures/pages/vet-nurse-uk.txt'), 'utf8'));

  it('is read like a related-careers block: each job a document of its own, none of it in the section before', () => {
    expect(docs.map((d) => [d.title, d.roles])).toEqual([
      ['Veterinary nurse in the UK', []],
      ['Dog groomer', ['Dog groomer']],
      ['Zookeeper', ['Zookeeper']],
    ]);
    const page = docs[0];
    const last = page?.blocks.filter((b) => page.sections[b.section]?.path.at(-1) === 'Veterinary nurse vs vet').map((b) => page.text.slice(b.start, b.end));
    expect(last?.join('\n')).not.toContain('Dog groomer');
  });

  it('stays the end of the page when it lists articles, not jobs', () => {
    const page = 'Plumber\n\nPay\n\nPlumbers earn £30,000.\n\nYou may also like\nHow to write a CV\nTen interview tips\n';
    expect(parsePage('plumber.txt', page).map((d) => d.title)).toEqual(['Plumber']);
    const [doc] = parsePage('plumber.txt', page);
    expect(doc?.blocks.map((b) => doc.text.slice(b.start, b.end)).join('\n')).not.toContain('How to write a CV');
  });
});

describe('a label and its value on separate lines, as copied job profiles set them', () => {
  const paragraphs = (page: string) => {
    const [doc] = parsePage('qs.txt', page);
    return doc ? doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => doc.text.slice(b.start, b.end)) : [];
  };

  it('keeps the value with its label: a number under "Typical hours (a week)", a lower-case line under "You could work"', () => {
    const page =
      'Quantity surveyor\n\nQuantity surveyors manage costs on building projects.\n\nAt a glance\n\nTypical hours (a week)\n37 to 40 variable\nYou could work\nbetween 9am and 5pm, with occasional evenings\n';
    expect(paragraphs(page)).toEqual([
      'Quantity surveyors manage costs on building projects.',
      'Typical hours (a week)\n37 to 40 variable',
      'You could work\nbetween 9am and 5pm, with occasional evenings',
    ]);
  });

  it('joins no line to a sentence or a long line above it, and never a third line to a label and its value', () => {
    const page =
      'Quantity surveyor\n\nQuantity surveyors manage costs.\n\nAt a glance\n\nMost surveyors work in offices.\nsome work on site\nQuantity surveyors in large firms often manage several projects\nat once\nHours\n37 a week\nmostly in the office\n';
    expect(paragraphs(page)).toEqual([
      'Quantity surveyors manage costs.',
      'Most surveyors work in offices.',
      'some work on site',
      'Quantity surveyors in large firms often manage several projects',
      'at once',
      'Hours\n37 a week',
      'mostly in the office',
    ]);
  });
});
