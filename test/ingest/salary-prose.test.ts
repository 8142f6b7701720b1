import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountText } from '../../src/adapters/format.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { findMoney } from '../../src/ingest/knowledge/money.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';

/** Figures of a one-role page whose salary section is the given prose. */
function figures(prose: string) {
  const doc = parseMarkdown('data-scientist.md', `# Data Scientist\n\nData scientists answer questions with data.\n\n## Salary\n\n${prose}\n`);
  return buildKnowledge(doc, {}).salaries.map((f) => [f.label, f.seniority, f.location, f.min ?? f.value, f.currency]);
}

describe('salary figures in running text', () => {
  it('names each of two figures in one clause by the words just before it, with the level they give', () => {
    expect(figures('In the United Kingdom, junior roles pay £35k-£45k and senior roles £70k-£90k, with London about 20% higher.')).toEqual([
      ['junior roles pay', 'junior', 'United Kingdom', 35000, 'GBP'],
      ['Salary', 'senior', 'United Kingdom', 70000, 'GBP'],
    ]);
  });

  it('takes the place that opens the sentence, not one named in an aside, and reads the first sentence whole', () => {
    expect(figures('In Germany, a graduate earns around €52,000, with Munich and Stuttgart paying the most.')[0]?.[2]).toBe('Germany');
  });

  it('keeps a short label of its own and cuts a long one to its pay words', () => {
    expect(figures('United Kingdom: first-line roles pay £22,000-£27,000, second-line £28,000-£35,000.').map((f) => f[0])).toEqual([
      'first-line roles pay',
      'second-line',
    ]);
    expect(figures('The median for computer user support specialists was about $59,000 in 2023.')[0]?.[0]).toBe('median');
    expect(figures('In California the median was about $52,000.')[0]?.[0]).toBe('median');
    expect(figures('The lowest 10 percent earned less than $31,000.')[0]?.[0]).toBe('lowest 10 percent');
    expect(figures('Most employers add a car allowance of around £4,000 to £6,000.')[0]?.[0]).toBe('car allowance');
  });
});

describe('the place of a figure in running text', () => {
  const places = (heading: string, prose: string) =>
    buildKnowledge(parseMarkdown('game-designer.md', `# Game Designer\n\nGame designers plan games.\n\n## ${heading}\n\n${prose}\n`), {}).salaries.map((f) => [
      f.min ?? f.value,
      f.location,
    ]);

  it('takes the place right after each figure ("$125,000 in the US or €70,000 in Western Europe")', () => {
    expect(places('Salary', 'A lead designer can expect $125,000 to $165,000 in the US or €70,000 to €90,000 in Western Europe.')).toEqual([
      [125000, 'US'],
      [70000, 'Europe'],
    ]);
  });

  it("takes places listed together, and the sentence's own place over one in the heading", () => {
    expect(places('Salary', 'Studios in Poland, Spain and Portugal pay less, with juniors often starting at €20,000 to €28,000.')).toEqual([
      [20000, 'Poland, Spain and Portugal'],
    ]);
    const doc = parseMarkdown(
      'g.md',
      '# Game Designer\n\nGame designers plan games.\n\n## Pay\n\nStudios in Poland, Spain and Portugal pay less, with juniors often starting at €20,000 to €28,000.\n',
    );
    expect(salaryLookup(buildKnowledge(doc, {}), { role: 'Game Designer', location: 'Spain' }).kind).toBe('salary');
    expect(places('Salaries in the US and Europe', 'In the US, junior designers usually start on $55,000 to $70,000.')).toEqual([[55000, 'US']]);
  });

  it('takes the place a line labels its figures with, and none for a figure "elsewhere"', () => {
    expect(places('Pay', '- US firms in London: trainees up to £60,000')).toEqual([[null, 'London']]);
    expect(places('Pay', 'The Law Society recommends a minimum of £26,068 a year in London and £23,703 elsewhere.')).toEqual([
      [26068, 'London'],
      [23703, null],
    ]);
  });

  it('takes the place nearest before a figure, or the places listed there or opening the sentence', () => {
    expect(places('Salary', 'In London, pay is about 20% higher than the UK figures above: a mid-level developer in London earns £50,000 to £70,000.')).toEqual(
      [[50000, 'London']],
    );
    expect(places('Salary', 'Pay outside London is lower; in Manchester and Leeds a mid-level role pays £52,000 to £65,000.')).toEqual([
      [52000, 'Manchester and Leeds'],
    ]);
    expect(places('Salary', 'In San Francisco and New York, senior developers earn $160,000 to $210,000.')).toEqual([[160000, 'San Francisco and New York']]);
  });

  it('never reads what penalties add "a year more than base salary" as a salary', () => {
    expect(places('Salary', 'A nurse on a rotating roster typically earns A$10,000 to A$18,000 a year more than base salary.')).toEqual([]);
  });

  it('reads pay "before bonus" as pay, not as a bonus', () => {
    const doc = parseMarkdown('g.md', '# Game Designer\n\nGame designers plan games.\n\n## Pay\n\nA senior designer can earn $140,000 or more before bonus.\n');
    expect(buildKnowledge(doc, {}).salaries.map((f) => f.kind)).not.toContain('bonus');
  });

  it('reads a table column "Western Europe (EUR per year)" as the place of its figures', () => {
    const table = '| Level | US (USD per year) | Western Europe (EUR per year) |\n|---|---|---|\n| Senior designer | $95,000-$130,000 | €55,000-€72,000 |';
    expect(places('Salaries', table)).toEqual([
      [95000, 'US'],
      [55000, 'Europe'],
    ]);
  });
});

describe('labels of related careers', () => {
  it('labels "Aged Care Worker - Average salary A$55,000" as an average salary, not "Worker - Average salary"', () => {
    const docs = parsePage(
      'rn.txt',
      'Registered nurse\n\nOverview\n\nNurses care.\n\nRelated careers\n\nAged Care Worker - Average salary A$55,000 to A$65,000\n',
    );
    expect(buildKnowledge(docs, {}).salaries.map((f) => [f.role, f.label])).toEqual([['Aged Care Worker', 'Average salary']]);
  });
});

describe('what a refusal says the documents have', () => {
  it('names each place once, whatever the page calls it ("United States", "US")', () => {
    const doc = parseMarkdown(
      'd.md',
      '# Product Designer\n\nProduct designers design products.\n\n## Salary in the United States\n\n- Junior: $80,000\n\n## Seniors\n\nIn the US, senior designers earn $120,000.\n',
    );
    const none = salaryLookup(buildKnowledge(doc, {}), { role: 'Product Designer', location: 'Lagos' });
    expect(none.kind === 'none' && none.reason.code === 'no-salary-for' && none.reason.available.locations).toEqual(['United States']);
  });
});

describe('a careers-service page layout', () => {
  const page =
    'Air Traffic Controller\n\nControllers keep aircraft apart.\n\nAverage salary (a year)\nTrainee: £18,000 to £26,000 | Experienced: £50,000 to £120,000\n\nTypical hours (a week)\n36 to 40 a week\n\nSalary\n\nNewly validated controllers earn around £30,000 to £40,000.\n';

  it('reads each labelled part of a line as its own figure, and working hours never as the pay period', () => {
    const facts = buildKnowledge(parsePage('atc.txt', page), {}).salaries.map((f) => [f.level, f.min, f.period]);
    expect(facts).toEqual([
      ['Trainee', 18000, 'year'],
      ['Experienced', 50000, 'year'],
      [null, 30000, 'year'],
    ]);
  });
});

describe('labelled figures side by side on one line', () => {
  const atc = () => parsePage('air-traffic-controller.txt', readFileSync(join(import.meta.dirname, '../fixtures/pages/air-traffic-controller.txt'), 'utf8'));

  it('reads three labels joined by bars as three figures, each label its level, never as a menu bar', () => {
    const facts = buildKnowledge(atc(), {}).salaries.map((f) => [f.role, f.label, f.level, f.min, f.max]);
    expect(facts).toEqual([
      ['Air Traffic Controller', 'Average salary', 'Trainee', 18000, 26000],
      ['Air Traffic Controller', 'Average salary', 'Valid controller', 36000, 58000],
      ['Air Traffic Controller', 'Average salary', 'Senior controller', 90000, 130000],
    ]);
  });

  it('still drops a menu bar of three short links', () => {
    expect(atc()[0]?.text).not.toContain('Job profiles');
  });
});

describe('rates that are not yearly pay', () => {
  it('reads a contractor day rate as per day', () => {
    const doc = parseMarkdown('l.md', '# Localization Engineer\n\n## Pay\n\nContractors typically bill EUR 400 to EUR 600 per day.\n');
    expect(buildKnowledge(doc, {}).salaries.map((f) => [f.min, f.max, f.period])).toEqual([[400, 600, 'day']]);
  });
});

describe('Indian salary units', () => {
  it('reads lakh and crore', () => {
    expect(findMoney('₹6-9 lakh').map((m) => [m.from, m.to, m.currency])).toEqual([[600000, 900000, 'INR']]);
    expect(findMoney('₹1.2 crore').map((m) => m.from)).toEqual([12000000]);
  });
});

describe('what a section or paragraph says of its figures', () => {
  it('reads a price the worker pays as no pay ("the PTCE exam, which costs $129")', () => {
    expect(figures('Most technicians sit the PTCE exam, which costs $129. Technicians earn a median of $40,300 a year.').map((f) => f[3])).toEqual([40300]);
  });

  it('gives a table the period of its introduction, not of a day rate stated beside it', () => {
    const doc = parseMarkdown(
      'arborist.md',
      '# Arborist\n\nArborists care for trees.\n\n## Salary\n\nThe figures below are typical UK salaries in 2024. Self-employed climbers charge a day rate of £180 to £300.\n\n| Level | Annual salary |\n| --- | --- |\n| Groundworker | £21,000 - £24,000 |\n',
    );
    expect(buildKnowledge(doc, {}).salaries.map((f) => [f.min ?? f.value, f.period])).toEqual([
      [180, 'day'],
      [21000, 'year'],
    ]);
  });

  it("reads a closing 'Figures are for the United Kingdom' as where the paragraph's figures are from", () => {
    const doc = parseMarkdown(
      'atc.md',
      '# Air Traffic Controller\n\nControllers keep aircraft apart.\n\n## Salary\n\nTrainees earn around £18,000. Experienced controllers earn £60,000 to £90,000. Figures are for the United Kingdom in 2024.\n',
    );
    expect(buildKnowledge(doc, {}).salaries.map((f) => [f.min ?? f.value, f.location, f.market, f.year])).toEqual([
      [18000, null, 'United Kingdom', 2024],
      [60000, null, 'United Kingdom', 2024],
    ]);
  });

  it("reads a bare dollar sign as the dollar of the place or currency the figures' introduction names", () => {
    expect(figures('In Australia, analysts earn $85,000 to $105,000.')[0]?.[4]).toBe('AUD');
    expect(figures('We quote hourly rates in Canadian dollars:\n\n- Senior: $65 to $85 an hour')[0]?.[4]).toBe('CAD');
    expect(figures('In Australia, analysts at US firms earn US$90,000.')[0]?.[4]).toBe('USD');
    expect(figures('In Seattle, analysts earn $120,000.')[0]?.[4]).toBe('USD');
  });

  it('never reads an addition to pay named before its figure as a salary', () => {
    expect(figures('In London, hygienists receive a high cost area supplement of 20% of basic salary, between £5,000 and £7,000 a year.')).toEqual([]);
    expect(figures('Hygienists earn £28,000 to £45,000 a year.')).toHaveLength(1);
  });

  it('never reads a price as pay, even beside a pass rate', () => {
    expect(figures('The exam has 170 scored questions, costs $330 and has a first-time pass rate of about 68%.')).toEqual([]);
  });

  it('takes a period from a line announcing its own list only for that list, not for the sections after it', () => {
    const doc = parseMarkdown(
      'vet-tech.md',
      '# Veterinary Technician\n\nVet techs nurse animals.\n\n## Salary\n\nHourly pay is common in clinics:\n\n- Median hourly wage: $21.50 per hour\n\n### Pay by city\n\n- Median salary in Denver: $47,500\n',
    );
    expect(buildKnowledge(doc, {}).salaries.map((f) => [f.value, f.period])).toEqual([
      [21.5, 'hour'],
      [47500, 'year'],
    ]);
  });

  it('reads a table column named by a place with its currency and period in brackets as that place', () => {
    const doc = parseMarkdown(
      'vet-tech.md',
      '# Veterinary Technician\n\nVet techs nurse animals.\n\n## Salary\n\n| Level | United States (USD, per year) | Canada (CAD, per year) |\n|---|---|---|\n| Entry level | $36,000 - $41,000 | C$38,000 - C$44,000 |\n',
    );
    expect(buildKnowledge(doc, {}).salaries.map((f) => [f.location, f.currency, f.min])).toEqual([
      ['United States', 'USD', 36000],
      ['Canada', 'CAD', 38000],
    ]);
  });

  it('reads "up to" a figure as a ceiling, shown as one', () => {
    const doc = parseMarkdown('driver.md', '# Train Driver\n\nTrain drivers drive trains.\n\n## Salary\n\nSenior drivers can earn up to £75,000.\n');
    const [f] = buildKnowledge(doc, {}).salaries;
    expect(f && [f.min, f.max, f.value]).toEqual([null, 75000, null]);
    expect(f && amountText(f)).toBe('up to £75,000');
  });
});

describe('the level a band or sentence names', () => {
  const seniority = (markdown: string) =>
    buildKnowledge(parseMarkdown('ot.md', `# Occupational Therapist\n\n## Pay\n\n${markdown}\n`), {}).salaries.map((f) => [f.level, f.seniority]);

  it('reads a health service staff grade or staff nurse as the entry grade, and only a tech staff rank as senior', () => {
    expect(
      seniority('- Staff grade occupational therapist: €45,208 to €62,254 per year\n- Senior occupational therapist: €61,306 to €71,014 per year'),
    ).toEqual([
      ['Staff grade occupational therapist', 'junior'],
      ['Senior occupational therapist', 'senior'],
    ]);
    expect(seniority('| Grade | Salary |\n|---|---|\n| Staff nurse | £29,970 |\n| Staff / Principal | £95,000 |')).toEqual([
      ['Staff nurse', 'junior'],
      ['Staff / Principal', 'senior'],
    ]);
    expect(seniority('Staff physiotherapists earn £33,000, while staff engineers earn £110,000.').map((f) => f[1])).toEqual(['junior', 'senior']);
  });
});

describe('prices of a piece of work', () => {
  it('never reads a fee per session, visit, lesson, word or project as pay, whatever the clause says of pay', () => {
    for (const prose of [
      'Therapists in private practice usually charge between €70 and €110 per session for an assessment or treatment session.',
      'Driving instructors charge £35 to £45 a lesson.',
      'Freelance translators are paid $0.10 to $0.15 per word.',
      'Pilots receive sector pay of roughly £5 to £15 per flight sector.',
      'Home visit rates of $90 are usual.',
    ])
      expect(figures(prose), prose).toEqual([]);
  });

  it('keeps pay of an hour, a day or a year beside them', () => {
    expect(figures('Locum therapists are paid €30 to €38 per hour; salaried posts pay €45,000 a year.').map((f) => f[3])).toEqual([30, 45000]);
  });

  it("gives a figure no place that only a later clause names ('…depending on the location; Dublin rates are highest')", () => {
    expect(figures('Salaried therapists earn €45,000 to €62,000 a year, depending on the location; Dublin salaries are the highest.')[0]?.[2]).toBeNull();
    expect(figures('In New York in 2024, junior quants earned $125,000.')[0]?.[2]).toBe('New York');
  });

  it('gives a figure the level of the figure it goes on from, and the place of its own clause', () => {
    expect(figures('Senior engineers usually earn £55,000 to £72,000, rising to £62,000 to £80,000 in London.').map((f) => [f[1], f[2], f[3]])).toEqual([
      ['senior', null, 55000],
      ['senior', 'London', 62000],
    ]);
  });
});

describe('money taken from pay', () => {
  it('never reads a figure deducted, withheld, repaid or owed as pay', () => {
    for (const prose of [
      'Newly qualified first officers repaying a bonded type rating may see £300 to £500 per month deducted from their pay for several years.',
      'Trainees who leave early must repay £15,000 of their training costs.',
      'Employers make a deduction of about £120 a month for the pension scheme.',
      'Up to $2,000 is withheld from the first paycheck as a bond.',
    ])
      expect(figures(prose), prose).toEqual([]);
  });

  it('keeps pay stated before tax is withheld and pay of people repaying a loan', () => {
    expect(figures('Graduates repaying student loans earn about £30,000 a year before tax is withheld.').map((f) => f[3])).toEqual([30000]);
  });
});

describe("another job's pay compared with the page role's", () => {
  it('does not file "Vets earn considerably more: … £35,000" under the veterinary nurse, but keeps the nurse figures', () => {
    const page =
      'Veterinary nurse in the UK\n\nAbout\n\nVeterinary nurses care for sick animals. A veterinary nurse assists the vet.\n\nPay\n\nNewly qualified nurses earn £24,000 to £27,000 a year.\n\nVeterinary nurse vs vet\n\nA vet diagnoses illness. Vets earn considerably more: new graduates start around £35,000 to £42,000 a year.\n';
    const k = buildKnowledge(parsePage('veterinary-nurse-uk.txt', page), {});
    expect(k.salaries.filter((f) => f.role === 'Veterinary Nurse').map((f) => f.min)).toEqual([24000]);
  });
});
