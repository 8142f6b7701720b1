import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Turn } from '../../src/domain/answer.js';
import { hasOwnContent } from '../../src/domain/knowledge.js';
import type { Advisor } from '../../src/query/advisor.js';
import { nextTurn } from '../../src/query/conversation.js';
import { notCovered } from '../../src/query/no-answer.js';
import { ROOT, chat, pagesAdvisor, tempDir, testAdvisor } from '../helpers.js';

let advisor: Advisor;
beforeAll(async () => {
  advisor = await testAdvisor();
});

const quotes = (a: Answer) => a.citations.map((c) => c.quote);

describe('asking free questions', () => {
  it('answers "How much do machine learning engineers make?" with the salary figures and their quotes', async () => {
    const a = await advisor.ask('How much do machine learning engineers make?');
    expect(a.kind).toBe('salary');
    if (a.kind !== 'salary') return;
    expect(a.role).toBe('Machine Learning Engineer');
    expect(quotes(a)).toEqual(expect.arrayContaining(['Average base salary: $157,969', 'Average total compensation: $202,331']));
    expect(a.citations[0]?.section).toBe('Backend Engineer Machine Learning Systems › Salary Ranges (US Market, 2024) › Comparative Salary Data');
    expect(a.year).toBe(2024);
  });

  it.each(['best sourdough recipe', "what's the weather in Paris tomorrow", 'who won the world cup'])(
    'gives an honest no-answer to off-topic "%s"',
    async (q) => {
      const a = await advisor.ask(q);
      expect(a).toMatchObject({ kind: 'none', answered: false, citations: [] });
    },
  );

  it('refuses a question whose noun no quoted section mentions, however many of its other words match', async () => {
    const a = await advisor.ask("what's the vesting schedule for stock options");
    expect(a).toMatchObject({ kind: 'none', answered: false });
    const b = await advisor.ask('what metrics do ML engineers use to judge a model');
    expect(b.answered && b.citations.slice(0, 3).some((c) => /precision/i.test(c.quote))).toBe(true);
  });

  it('puts the profile items that hold the question’s own words first ("who do ml engineers work with")', async () => {
    const a = await advisor.ask('who do ml engineers work with');
    expect(a.citations.slice(0, 2).map((c) => c.quote)).toContain('Work closely with product managers, engineers, and stakeholders');
  });

  it('answers a question that names a role and nothing about it with what the role is', async () => {
    const a = await advisor.ask('wtf does an analytics manager actually do, in like one line');
    expect(a.answered).toBe(true);
    expect(a.citations[0]?.quote).toContain('transforming raw data into actionable business insights');
  });

  it('refuses "how long" when no passage states a duration', async () => {
    const a = await advisor.ask('How many months does it usually take a backend engineer to transition into ML engineering?');
    expect(a).toMatchObject({ kind: 'none', answered: false });
  });

  it('does not carry the last role into a follow-up about a profession the documents lack', async () => {
    const first = await advisor.ask('how much do ML engineers make');
    const a = await advisor.ask('what does a nurse make', { intent: first.intent, roles: first.roles });
    expect(a).toMatchObject({ kind: 'none', roles: [], reason: { code: 'outside-documents', subjects: ['nurse'] } });
  });

  it('reads "I\'m a Java dev" as who is asking, not as a profession to look up', async () => {
    const a = await advisor.ask('im a java dev, could i become an ML engineer?');
    expect(a.answered).toBe(true);
  });

  it('does not answer "will X be replaced by AI" with the role summary', async () => {
    const a = await advisor.ask('are ml engineers going to be replaced by AI?');
    expect(a.citations.map((c) => c.quote)).not.toContain('Design, build, and refine ML systems for data analysis and prediction');
  });

  it.each(['hey', 'thx!', 'thanks a lot :)', 'ok cool'])('answers small talk "%s" with a short hint, not a refusal', async (q) => {
    const a = await advisor.ask(q);
    expect(a).toMatchObject({ kind: 'none', reason: { code: 'small-talk' } });
  });

  it('does not take a greeting with a question in it for small talk', async () => {
    const a = await advisor.ask('hey, what does an ML engineer do?');
    expect(a.answered).toBe(true);
  });

  it('answers "X responsibilities" with the list itself, and "what does X do" with what X is first', async () => {
    const duties = await advisor.ask('analytics manager responsibilities');
    expect(duties.citations[0]?.quote).toBe('Develop and implement data analysis strategies');
    const what = await advisor.ask('what does an analytics manager do');
    expect(what.citations[0]?.quote).toContain('transforming raw data into actionable business insights');
  });

  it('answers "and in New York?" after a comparison with pay there, not the same comparison again', async () => {
    const first = await advisor.ask('backend vs ml engineer');
    const a = await advisor.ask('and in new york?', { intent: first.intent, roles: first.roles });
    expect(a.kind).toBe('salary');
    expect(a.citations.map((c) => c.quote).join(' ')).toContain('New York ($165,000)');
  });

  it('suggests only roles the documents describe when it cannot answer', () => {
    const k = advisor.index.knowledge;
    const ghost = { name: 'Ghost Role', aliases: [], sources: [], documents: [] };
    const a = notCovered('best sourdough recipe', { ...k, roles: [ghost, ...k.roles] });
    expect(a.suggestions).not.toContain('Ghost Role');
    for (const role of a.suggestions) expect(hasOwnContent(advisor.profile(role), k.salaries)).toBe(true);
  });

  it('quotes exact slices of the source documents', async () => {
    const a = await advisor.ask('What are common challenges when integrating ML into backend systems?');
    expect(a.answered).toBe(true);
    const docs = new Map(advisor.index.docs.map((d) => [d.id, d]));
    for (const c of a.citations) expect(docs.get(c.docId)?.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('answers skills questions with the role’s skill lists', async () => {
    const a = await advisor.ask('What skills do I need to become an ML engineer?');
    expect(a.intent).toBe('skills');
    expect(a.citations[0]?.section).toMatch(/› Key Competencies for ML Engineers$/);
    expect(quotes(a)).toContain('Programming: Proficiency in languages like Python, Java, and C++.');
  });

  it('understands "PhD" and "people skills"', async () => {
    expect(quotes(await advisor.ask('Do I need a PhD?'))).toContain("Advanced degree (Master's or Ph.D.) often preferred");
    const soft = await advisor.ask('What people skills matter for backend engineers?');
    expect(soft.citations.map((c) => c.section).join('\n')).toContain('Essential Soft Skills');
  });

  it('answers the examples users reported: definitions, specific items, who earns more, and places the documents lack', async () => {
    const mlops = await advisor.ask('what is MLOps');
    expect(mlops.citations.slice(0, 2).map((c) => c.quote)).toContain(
      'MLOps: Combining data engineering, DevOps, and machine learning practices for reliable system deployment and maintenance.',
    );
    const metrics = await advisor.ask('what metrics do ML engineers use to judge a model');
    expect(metrics.citations[0]?.quote).toBe('Assess model performance using metrics like accuracy, precision, and recall');
    const more = await advisor.ask('who earns more, a backend engineer or an ML engineer?');
    expect(more.kind === 'salary-compare' && more.sides.map((s) => s.role)).toEqual(['Backend Engineer', 'Machine Learning Engineer']);
    const berlin = await advisor.ask('what do ML engineers make in Berlin, in euros?');
    expect(berlin).toMatchObject({ kind: 'none', answered: false, citations: [], reason: { code: 'no-salary-for', location: 'Berlin', currency: 'EUR' } });
    expect(await advisor.ask('how much do nurses make')).toMatchObject({ answered: false, citations: [] });
    for (const other of ['how much do data protection officers make', 'what do translators earn', 'actuary salary'])
      expect(await advisor.ask(other)).toMatchObject({ answered: false, citations: [], reason: { code: 'outside-documents' } });
    const casual = await advisor.ask('roughly what does feature engineering involve?');
    expect(casual.citations[0]?.quote).toBe('Select and engineer relevant features to enhance model performance');
  });

  it('refuses a pay question about something its salary passages never name, but not for a word told before the ask', async () => {
    const employer = await advisor.ask('I have an offer from OpenAI. What is their typical total comp for ML engineers?');
    expect(employer).toMatchObject({ answered: false, citations: [], reason: { code: 'outside-documents', subjects: ['openai'] } });
    const moving = await advisor.ask("I'm relocating to New York as a backend engineer - what salary is typical there?");
    expect(moving.kind === 'salary' && moving.figures.map((f) => f.location)).toContain('New York');
  });

  it('routes comparisons and salary questions to their engines', async () => {
    const vs = await advisor.ask('backend vs ML engineer?');
    expect(vs.kind === 'compare' && vs.rows.length).toBeGreaterThan(4);
    const city = await advisor.ask('which city pays backend engineers the most?');
    expect(city.kind === 'salary' && city.ranking && city.figures[0]).toMatchObject({ location: 'Vancouver', value: 175000 });
    const total = await advisor.ask('total comp for hybrid roles?');
    expect(total.kind === 'salary' && total.figures.every((f) => /\btotal\b/i.test(f.label))).toBe(true);
  });

  it('resolves follow-ups against the previous turn', async () => {
    const first = await advisor.ask('What does a backend machine learning engineer earn?');
    const next = await advisor.ask('and for senior roles?', { intent: first.intent, roles: first.roles });
    expect(next.kind === 'salary' && next.figures.map((f) => [f.seniority, f.level])).toEqual([['senior', 'Senior Roles (7+ years)']]);
    const other = await advisor.ask('what about integration developers?', { intent: 'salary', roles: ['Backend Engineer'] });
    expect(other.kind === 'salary' && other.role).toBe('Integration Developer');
    const vs = await advisor.ask('compare that with a backend engineer', { intent: 'salary', roles: ['Machine Learning Engineer'] });
    expect(vs.kind === 'compare' && [vs.a, vs.b]).toEqual(['Machine Learning Engineer', 'Backend Engineer']);
    const skills = await advisor.ask('what about skills?', { intent: 'role', roles: ['Machine Learning Engineer'] });
    expect(skills.kind === 'ask' && skills.topic).toEqual({ aspect: 'Key skills', role: 'Machine Learning Engineer' });
  });

  it('compares "them" and goes back to "the other one" after one role and then another', async () => {
    let turn: Turn | undefined;
    for (const q of ['What does a backend engineer earn?', 'and integration developers?']) turn = nextTurn(turn, await advisor.ask(q, turn));
    expect(turn).toEqual({ intent: 'salary', roles: ['Integration Developer'], earlier: ['Backend Engineer'] });
    const both = await advisor.ask('compare them', turn);
    expect(both.kind === 'compare' && [both.a, both.b]).toEqual(['Backend Engineer', 'Integration Developer']);
    const other = await advisor.ask('what about the other one?', turn);
    expect(other.kind === 'salary' && other.role).toBe('Backend Engineer');
  });

  it('keeps the place and level a pay conversation was scoped to until a follow-up names others', async () => {
    let turn: Turn | undefined;
    for (const q of ['what do backend engineers make in New York?', 'and for seniors?']) turn = nextTurn(turn, await advisor.ask(q, turn));
    expect(turn).toMatchObject({ roles: ['Backend Engineer'], place: 'New York', level: 'senior' });
    const there = await advisor.ask('and for seniors?', { intent: 'salary', roles: ['Backend Engineer'], place: 'New York' });
    expect(there.kind === 'salary' && there.figures.map((f) => f.location)).toEqual(['New York']);
    const moved = await advisor.ask('and in Minneapolis?', turn);
    expect(moved.kind === 'salary' && moved.figures.map((f) => f.location)).toEqual(['Minneapolis']);
  });

  it('reads a follow-up that names something new as a question about it, for the same role, not for more pay', async () => {
    const ethics = await advisor.ask('and the ethics?', { intent: 'salary', roles: ['Machine Learning Engineer'] });
    expect(ethics.kind).toBe('ask');
    expect(ethics.roles).toEqual(['Machine Learning Engineer']);
    expect(quotes(ethics).join('\n')).toMatch(/ethic/i);
  });
});

/** An advisor over a corpus of one page, indexed as an operator would (real files, lexical mode). */
async function pageAdvisor(file: string, text: string): Promise<Advisor> {
  return pagesAdvisor({ [file]: text });
}

describe('questions about the job market', () => {
  it("answers with the role's own market section in the page's order, its opening about the role first", async () => {
    const a = await advisor.ask('is there demand for backend engineers');
    expect(a.intent).toBe('outlook');
    expect(a.citations[0]?.quote).toMatch(/^While general backend engineer job openings have seen a slight decline \(14% drop\)/);
    expect(a.citations.every((c) => c.section.includes('Market Demand'))).toBe(true);
  });
});

describe('questions answered from one page', () => {
  it('answers with the figure the page labels with that job, and refuses a job no figure names', async () => {
    const advisor = await pageAdvisor(
      'arborist.md',
      '# Arborist\n\nArborists care for trees. Most arborists work outdoors. Arborists wear helmets.\n\n## Salary\n\n| Level | Annual salary |\n| --- | --- |\n| Climbing arborist | £25,000 - £32,000 |\n| Council tree officer | £30,000 - £42,000 |\n',
    );
    const listed = await advisor.ask('what does a council tree officer make');
    expect(listed.kind === 'salary' && listed.figures.map((f) => [f.label, f.min])).toEqual([['Council tree officer', 30000]]);
    expect((await advisor.ask('what does a parks officer make')).answered).toBe(false);
    // Not for a country its figure is not for: the refusal names the job and where its figure is for.
    const abroad = await advisor.ask('what does a council tree officer make in the US');
    expect(abroad.kind === 'none' && abroad.reason).toMatchObject({ code: 'no-salary-for', role: 'council tree officer', available: { locations: [] } });
    expect((await advisor.ask('what does a council tree officer make in the UK')).kind).toBe('salary');
  });

  it('answers a pay question naming the role with a word of its name left out ("cloud architect")', async () => {
    const advisor = await pageAdvisor(
      'cloud-solutions-architect.md',
      '# Cloud Solutions Architect\n\nA cloud solutions architect designs how applications run on public cloud platforms.\n\n## Salary\n\n- Mid-level: $130,000 - $165,000 a year\n',
    );
    for (const q of ['how much does a cloud architect earn', 'senior cloud architect salary']) {
      const a = await advisor.ask(q);
      expect(a.kind === 'salary' && a.role).toBe('Cloud Solutions Architect');
    }
  });

  it("answers the pay of a career listed beside an HTML article, and compares the page's role with it", async () => {
    const advisor = await pageAdvisor('commercial-pilot.html', readFileSync(join(import.meta.dirname, '../fixtures/pages/commercial-pilot.html'), 'utf8'));
    const pay = await advisor.ask('air traffic controller salary');
    expect(pay.kind === 'salary' && [pay.role, pay.figures.map((f) => [f.min, f.max])]).toEqual(['Air Traffic Controller', [[50000, 95000]]]);
    const both = await advisor.ask('compare commercial pilot and air traffic controller');
    expect(both.kind === 'compare' && both.roles).toEqual(['Commercial Pilot', 'Air Traffic Controller']);
  });

  it('shows a passage two pages both hold once', async () => {
    const shared = 'Modular training usually costs £60,000 to £80,000 in total and takes two to four years.';
    const advisor = await pagesAdvisor({
      'pilot.md': `# Commercial Pilot\n\nCommercial pilots fly aircraft for airlines.\n\n## Modular training\n\n${shared}\n`,
      'pilot-training.md': `# Pilot Training Guide\n\nHow pilots train in the UK.\n\n## Modular training\n\n${shared}\n`,
    });
    const a = await advisor.ask('how much does modular training cost');
    expect(quotes(a).filter((q) => q === shared)).toEqual([shared]);
  });

  it('answers how long it takes to become one with the route in that states a duration', async () => {
    const advisor = await pageAdvisor(
      'pharmacy-technician.md',
      '# Pharmacy Technician\n\nPharmacy technicians prepare medicines.\n\n## How to become a pharmacy technician\n\n- A high school diploma is required\n- A certificate program that lasts from 6 months to 2 years\n',
    );
    const a = await advisor.ask('how long does it take to become a pharmacy technician');
    expect(quotes(a)).toEqual(['A certificate program that lasts from 6 months to 2 years']);
  });

  it('answers a pay question beyond the figures from a pay section headed "How much does a … earn?"', async () => {
    const advisor = await pageAdvisor(
      'registered-nurse.md',
      '# Registered Nurse\n\nRegistered nurses care for patients.\n\n## How much does a registered nurse earn?\n\n- New South Wales, RN Year 1: A$76,000\n\nUnder most awards, Saturdays attract a 50% loading and Sundays 75% on top of the base hourly rate.\n',
    );
    const a = await advisor.ask('do nurses get paid more on sundays');
    expect(a.answered && quotes(a).some((q) => q.includes('Sundays 75%'))).toBe(true);
  });

  it('reads the role a pay question says the asker comes from as background, not as the job asked about', async () => {
    const advisor = await pageAdvisor(
      'business-analyst.md',
      '# Business Analyst\n\nBusiness analysts work out what a business needs. Some later become product owners.\n\n## Salary\n\nBusiness analysts earn £45,000 to £55,000 a year.\n',
    );
    const other = await advisor.ask('whats a product owner paid? thinking of jumping from business analyst');
    expect(other).toMatchObject({ answered: false, citations: [] });
    expect((await advisor.ask('whats a business analyst paid?')).kind).toBe('salary');
  });

  it('answers how long the training takes from the route in, though the question reads as a general one', async () => {
    const advisor = await pageAdvisor(
      'pilot.md',
      '# Commercial Pilot\n\nCommercial pilots fly passengers.\n\n## How to become a commercial pilot\n\nA full-time course at a flight school takes 18 to 24 months.\n\n## Career\n\nCaptains can become training captains.\n',
    );
    const a = await advisor.ask('how long does pilot training take');
    expect(quotes(a)).toEqual(['A full-time course at a flight school takes 18 to 24 months.']);
  });

  it('answers about a role named by a job title the page never writes ("tech writers")', async () => {
    const advisor = await pageAdvisor(
      'technical-writer.md',
      '# Technical Writer\n\nTechnical writers turn complex products into clear documentation. Most work at software companies.\n\n## What they write\n\n- Installation guides, tutorials and API references\n',
    );
    const a = await advisor.ask('wat kinda docs do tech writers write at software cos');
    expect(a.answered && a.roles).toEqual(['Technical Writer']);
  });

  it('refuses a question whose known words only say who, when a naming word the page lacks is what is asked', async () => {
    const advisor = await pageAdvisor(
      'firmware-engineer.md',
      '# Firmware Engineer\n\nFirmware engineers write code for microcontrollers. Embedded engineers work close to the hardware.\n\n## Career progression\n\nEmbedded engineers usually become senior engineers after five years.\n',
    );
    const union = await advisor.ask('are embedded engineers usually in a union?');
    expect(union.kind === 'none' && union.reason).toMatchObject({ code: 'outside-documents', subjects: ['union'] });
    expect((await advisor.ask('what do embedded engineers become after five years')).answered).toBe(true);
  });

  it('refuses a pay question when what it finds says nothing of pay', async () => {
    const advisor = await pageAdvisor(
      'paralegal.md',
      '# Paralegal\n\nParalegals support attorneys. Most paralegals work in law firms.\n\n## Education\n\n- An associate degree in paralegal studies from a community college\n- Programs approved by the American Bar Association, which first-year associates know well\n',
    );
    expect((await advisor.ask('my daughter passed the bar, what does a first-year associate attorney earn?')).answered).toBe(false);
    expect((await advisor.ask('which programs are approved by the bar association')).answered).toBe(true);
  });

  it('answers what something costs only with the price of that thing', async () => {
    const advisor = await pageAdvisor(
      'salesforce-administrator.md',
      '# Salesforce Administrator\n\nSalesforce administrators run a company CRM. Most administrators start as users.\n\n## Certifications\n\nThe Administrator exam costs US$200, with retakes at US$100.\n\nBusiness analysts often hold the CBAP, a certification for analysts.\n',
    );
    expect((await advisor.ask('how much does the CBAP exam cost')).answered).toBe(false);
    const admin = await advisor.ask('how much does the administrator exam cost');
    expect(quotes(admin)[0]).toBe('The Administrator exam costs US$200, with retakes at US$100.');
  });

  it('reads a kind or level of the role asked about as that role, not as another job', async () => {
    const advisor = await pageAdvisor(
      'electrician.md',
      '# Electrician\n\nElectricians install wiring. Most electricians work for contractors.\n\n## Pay in Canada\n\n| Level | Hourly pay |\n| --- | --- |\n| First-year apprentice | C$20 - C$24 per hour |\n| Journeyperson | C$38 - C$48 per hour |\n',
    );
    const apprentice = await advisor.ask('first year apprentice electrician pay');
    expect(apprentice.kind === 'salary' && apprentice.figures[0]?.quote).toContain('C$20 - C$24');
    expect((await advisor.ask('what does a plumber apprentice earn')).answered).toBe(false);
  });

  it('compares two roles asked as "compare A and B", and keeps a pay percentage out of their outlook', async () => {
    const advisor = await pagesAdvisor({
      'hygienist.md':
        '# Dental Hygienist\n\nDental hygienists usually clean teeth. Most dental hygienists work in practices.\n\n## Pay\n\nIn London hygienists get a supplement of 20% of basic salary.\n',
      'electrician.md':
        '# Electrician\n\nElectricians install wiring. Most electricians work for contractors.\n\n## Outlook\n\nDemand for electricians will grow 9% by 2033.\n',
    });
    const a = await advisor.ask('compare dental hygienist and electrician');
    expect(a.kind).toBe('compare');
    if (a.kind !== 'compare') return;
    const outlook = a.rows.find((r) => r.aspect === 'Outlook');
    expect(outlook?.a.map((c) => c.quote)).toEqual([]);
    expect(outlook?.b.map((c) => c.quote)).toEqual(['Demand for electricians will grow 9% by 2033.']);
  });

  it('answers an aspect asked of two roles with the first items of each', async () => {
    const advisor = await pagesAdvisor({
      'hygienist.md':
        '# Dental Hygienist\n\nDental hygienists usually clean teeth. Most dental hygienists work in practices.\n\n## Education\n\n- A degree in dental hygiene\n',
      'electrician.md':
        '# Electrician\n\nElectricians install wiring. Most electricians work for contractors.\n\n## Training\n\n- A four-year apprenticeship\n',
    });
    const a = await advisor.ask('which one needs a degree, dental hygienist or electrician?');
    expect(quotes(a)).toEqual(['A degree in dental hygiene', 'A four-year apprenticeship']);
  });

  it('reads a level written into a short name of the role ("senior vet tech") as that role', async () => {
    const advisor = await pageAdvisor(
      'veterinary-technician.md',
      '# Veterinary Technician\n\nAlso known as: vet tech\n\nVeterinary technicians nurse animals. Most veterinary technicians work in clinics.\n\n## Salary\n\n- Senior: $52,000 - $65,000\n- Entry level: $36,000 - $41,000\n',
    );
    const senior = await advisor.ask('senior vet tech salary');
    expect(senior.kind === 'salary' && senior.figures.map((f) => f.min)).toEqual([52000]);
  });
});

describe('misspelt role names', () => {
  it('answers a pay question that misspells the role', async () => {
    const a = await advisor.ask('how much do integraton developers make');
    expect(a.kind === 'salary' && a.role).toBe('Integration Developer');
  });
});

describe('initials of names a page writes in full', () => {
  let engineers: Advisor;
  beforeAll(async () => {
    const dir = tempDir('initials-');
    writeFileSync(
      join(dir, 'data-engineer.md'),
      '# Data Engineer\n\n## How to become one\n\nMost data engineers start as analysts. You can also join the Royal Air Force as a data engineer.\n\n## Pay\n\nData engineers in Western Australia earn A$120,000 a year.\n',
    );
    // Other pages, so that a rare word weighs what it would in a real corpus.
    for (const job of ['nurse', 'teacher', 'plumber', 'electrician', 'pilot', 'chef', 'welder', 'actuary', 'surveyor', 'librarian'])
      writeFileSync(
        join(dir, `${job}.md`),
        `# ${job[0]?.toUpperCase()}${job.slice(1)}\n\n## What they do\n\nA ${job} works with people and tools every day.\n\n## Skills\n\nGood ${job}s communicate clearly and plan their week.\n\n## Pay\n\nA ${job} in Canada earns C$60,000 a year.\n`,
      );
    const { testRuntime } = await import('../helpers.js');
    const runtime = await testRuntime(null, dir);
    await runtime.open();
    engineers = runtime.advisor();
  });

  it('answers a question that uses the initials ("the RAF") from the name written in full', async () => {
    const a = await engineers.ask('can I join the RAF as a data engineer?');
    expect(a.answered).toBe(true);
    expect(quotes(a)[0]).toContain('join the Royal Air Force');
  });

  it('counts a pay question\'s initials as held only by every word they stand for ("RAF" is no "air")', async () => {
    expect((await engineers.ask('what do data engineers earn in the RAF?')).answered).toBe(false);
    expect((await engineers.ask('I would move for the money. Do data engineers in WA earn more?')).answered).toBe(true);
  });
});

describe('follow-ups in a conversation about a pharmacist page and an air traffic controller page', () => {
  let fixture: Advisor;
  beforeAll(async () => {
    const dir = join(ROOT, 'test/fixtures/conversation');
    fixture = await pagesAdvisor(Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])));
  });

  it('narrows a pay follow-up to the figures its words label ("what about hospital ones"), for the same role and place', async () => {
    const [, , hospital] = await chat(fixture, ['how much do pharmacists make in ontario', 'and in alberta?', 'what about hospital ones']);
    expect(hospital?.kind === 'salary' && hospital.figures.map((f) => [f.role, f.location, f.label, f.min])).toEqual([
      ['Pharmacist', 'Alberta', 'Hospital pharmacy', 110000],
    ]);
  });

  it('keeps a follow-up on the role the conversation is about, never quoting another role’s page', async () => {
    const [, foreign] = await chat(fixture, ['what exams do i need to be a pharmacist', 'what about for foreign trained ones']);
    expect(foreign?.roles).toEqual(['Pharmacist']);
    expect(foreign?.citations.filter((c) => c.doc !== 'Pharmacist in Canada')).toEqual([]);
  });

  it('goes back to the first role after "compare them" when asked about "the other one", then to the second', async () => {
    const answers = await chat(fixture, [
      'what does a pharmacist do',
      'what does an air traffic controller do',
      'compare them',
      'what about the other one?',
      'what about the other one?',
    ]);
    expect(answers[2]?.kind).toBe('compare');
    expect(answers.slice(3).map((a) => a.kind === 'ask' && a.topic?.role)).toEqual(['Pharmacist', 'Air Traffic Controller']);
  });

  it('takes a question that names no role as about the one role whose page answered it, for the next follow-up', async () => {
    const [exam, pay] = await chat(fixture, ['what is the PEBC Evaluating Examination', 'how much do they make']);
    expect(exam?.roles).toEqual(['Pharmacist']);
    expect(pay?.kind === 'salary' && pay.role).toBe('Pharmacist');
  });

  it('says a place-only follow-up is outside the documents for the role, after a pay question narrowed or not', async () => {
    const [, , , us] = await chat(fixture, ['how much do pharmacists make in ontario', 'and in alberta?', 'what about hospital ones', 'and in the US?']);
    expect(us?.kind === 'none' && us.reason).toMatchObject({ code: 'no-salary-for', role: 'Pharmacist', location: 'US' });
    expect(us?.kind === 'none' && us.reason.code === 'no-salary-for' && us.reason.available.locations).toEqual(['Ontario', 'Alberta', 'Nova Scotia']);
    const [, , pension] = await chat(fixture, ['how much do pharmacists make in ontario', 'do hospital pharmacists get a pension', 'and in the US?']);
    expect(pension?.kind === 'none' && pension.reason).toEqual({ code: 'outside-documents', subjects: ['US'], role: 'Pharmacist', instead: [] });
  });
});
