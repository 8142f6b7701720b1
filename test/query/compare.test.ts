import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/cli/render.js';
import { renderAnswer } from '../../src/adapters/discord/render.js';
import { CELL_CHARS, MISSING, SALARY_CELL_CHARS, cellText } from '../../src/adapters/format.js';
import type { CompareAnswer } from '../../src/domain/answer.js';
import type { Knowledge, Profile } from '../../src/domain/knowledge.js';
import type { SourceDoc } from '../../src/domain/types.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { buildProfiles } from '../../src/ingest/knowledge/profiles.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { compareRoles } from '../../src/query/compare.js';
import { ROOT, seedDocs } from '../helpers.js';

const docs = seedDocs();
const aliases = JSON.parse(readFileSync(join(ROOT, 'corpus/role-aliases.json'), 'utf8'));
const k = buildKnowledge(docs, aliases);
const profiles = buildProfiles(docs, k.roles);
const compare = (a: string, b: string) => compareRoles(k, profiles, docs, a, b);
const row = (answer: CompareAnswer, aspect: string) => answer.rows.find((r) => r.aspect === aspect)!;
const quotes = (answer: CompareAnswer, aspect: string, side: 'a' | 'b') => row(answer, aspect)[side].map((x) => x.quote);

describe('comparing two roles', () => {
  const a = compare('Backend Engineer', 'Machine Learning Engineer') as CompareAnswer;

  it('shows both sides with salaries and the shared skills', () => {
    expect(a.kind).toBe('compare');
    expect(a.rows.map((r) => r.aspect)).toEqual(['What it is', 'Responsibilities', 'Key skills', 'Education', 'Salary', 'Outlook']);
    const salary = row(a, 'Salary');
    expect(salary.a.map((f) => ('value' in f ? f.value : null))).toContain(106250);
    expect(salary.b.map((f) => ('value' in f ? f.value : null))).toContain(157969);
    expect(a.shared.map((s) => s.quote)).toEqual(
      expect.arrayContaining(['Data processing', 'API development', 'System deployment', 'Infrastructure management']),
    );
  });

  it('quotes each cell from the corpus and leaves a cell empty only when no section covers it', () => {
    expect(quotes(a, 'What it is', 'a')).toEqual(['Backend Engineers: Primarily focus on server-side logic, databases, and application infrastructure.']);
    expect(row(a, 'Education').a).toEqual([]);
    expect(cellText(row(a, 'Education'), 'a')).toBe(MISSING);
    for (const c of a.citations) expect(docs.find((d) => d.id === c.docId)?.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('finds the ML engineer outlook the page gives ("65%" growth in openings for machine learning specialists)', () => {
    expect(quotes(a, 'Outlook', 'b').join(' ')).toContain('65%');
    expect(cellText(row(a, 'Outlook'), 'b')).toContain('65%');
  });

  it('finds the Technical Business Analyst’s education in its inline list, and the hybrid role’s definition under its own heading', () => {
    const tba = compare('TBA', 'Integration Developer') as CompareAnswer;
    expect(quotes(tba, 'Education', 'a')).toEqual(["A bachelor's degree in a technical field (e.g., computer science, information technology)"]);
    const hybrid = compare('hybrid role', 'ML engineer') as CompareAnswer;
    expect(quotes(hybrid, 'What it is', 'a')).toEqual(['Bridge the gap between backend development and machine learning.']);
    expect(quotes(hybrid, 'Responsibilities', 'a')).not.toContain('Bridge the gap between backend development and machine learning.');
  });

  it('does not repeat the salary sentence as the Integration Developer outlook', () => {
    const dev = compare('Integration Developer', 'TBA') as CompareAnswer;
    expect(quotes(dev, 'Outlook', 'a')).toEqual(['with an expected career growth of 21% in the coming years, indicating strong demand in this field.']);
    expect(cellText(row(dev, 'Outlook'), 'a')).not.toContain('$');
  });

  it('shows whole items only, never cut mid-phrase, with "+N more" and every item in the citations', () => {
    for (const r of a.rows) {
      for (const side of ['a', 'b'] as const) {
        const text = cellText(r, side);
        expect(text).not.toContain('…');
        if (r.aspect === 'Salary') continue;
        const whole = (q: string) => (r.aspect === 'What it is' ? q.replace(/^[^:]{2,60}:\s+/, '') : q.replace(/[.;]$/, '')).replace(/\s+/g, ' ');
        const shown = r[side].filter((x) => text.includes(whole(x.quote)));
        const more = Number(/\(\+(\d+) more/.exec(text)?.[1] ?? 0);
        expect(shown.length + more).toBe(r[side].length);
      }
    }
    const cited = new Set(a.citations.map((c) => `${c.docId}:${c.start}`));
    for (const r of a.rows) for (const x of [...r.a, ...r.b]) expect(cited.has(`${x.docId}:${x.start}`)).toBe(true);
  });

  it('keeps the Integration Developer skill that names SAP and Informatica whole', () => {
    const dev = compare('Integration Developer', 'Backend Engineer') as CompareAnswer;
    expect(cellText(row(dev, 'Key skills'), 'a')).toContain('(e.g., SAP, Informatica)');
  });

  it('lists every level and place in the salary cell', () => {
    const hybrid = compare('hybrid role', 'Backend Engineer') as CompareAnswer;
    const cell = cellText(row(hybrid, 'Salary'), 'a');
    for (const band of ['Junior Roles (0-3 years)', 'Mid-Level Roles (3-7 years)', 'Senior Roles (7+ years)']) expect(cell).toContain(band);
    const places = cellText(row(hybrid, 'Salary'), 'b');
    for (const place of ['US startups', 'Vancouver', 'New York', 'Minneapolis']) expect(places).toContain(place);
  });

  it('refuses to compare a role with itself', () => {
    expect(compare('MLE', 'machine learning engineer')).toMatchObject({ kind: 'none', reason: { code: 'same-role', role: 'Machine Learning Engineer' } });
  });

  it('suggests roles for an unknown one', () => {
    const unknown = compare('Backend Engineer', 'astronaut');
    expect(unknown).toMatchObject({ kind: 'none', reason: { code: 'unknown-role', input: 'astronaut' } });
    expect(unknown.kind === 'none' && unknown.suggestions.length).toBeGreaterThan(0);
  });

  it('refuses roles the page only mentions, instead of a table of empty cells', () => {
    const refused = compare('Data Scientist', 'Data Engineer');
    expect(refused).toMatchObject({ kind: 'none', answered: false, citations: [], reason: { code: 'no-content', role: 'Data Scientist' } });
    expect(refused.kind === 'none' && refused.suggestions).toContain('Machine Learning Engineer');
    expect(renderText(refused)).toMatch(/mention Data Scientist but have no page/);
  });

  it('refuses a catalog role that has no content of its own, with roles that do as suggestions', () => {
    const ghost = { name: 'Ghost Engineer', aliases: [], sources: [], documents: [] };
    const withGhost: Knowledge = { ...k, roles: [...k.roles, ghost] };
    const ghostProfiles = new Map<string, Profile>([
      ...profiles,
      [
        'Ghost Engineer',
        { role: 'Ghost Engineer', what: null, aspects: { Responsibilities: [], 'Key skills': [], Education: [] }, outlook: [], progression: [] },
      ],
    ]);
    const refused = compareRoles(withGhost, ghostProfiles, docs, 'Backend Engineer', 'Ghost Engineer');
    expect(refused).toMatchObject({ kind: 'none', answered: false, reason: { code: 'no-content', role: 'Ghost Engineer' } });
    expect(refused.kind === 'none' && refused.suggestions).not.toContain('Ghost Engineer');
  });
});

describe('comparing roles of the second corpus', () => {
  let bDocs: SourceDoc[];
  let bk: Knowledge;
  let bProfiles: Map<string, Profile>;
  beforeAll(async () => {
    const loaded = await loadCorpus(join(ROOT, 'test/fixtures/corpus-b'));
    bDocs = loaded.docs;
    bk = buildKnowledge(bDocs, loaded.aliases);
    bProfiles = buildProfiles(bDocs, bk.roles);
  });

  it('fits every cell of every pair into one Discord field without cutting an item', () => {
    const names = bk.roles.map((r) => r.name);
    for (const x of names) {
      for (const y of names) {
        if (x === y) continue;
        const answer = compareRoles(bk, bProfiles, bDocs, x, y) as CompareAnswer;
        expect(answer.kind).toBe('compare');
        for (const r of answer.rows)
          for (const side of ['a', 'b'] as const)
            expect(cellText(r, side).length).toBeLessThanOrEqual((r.aspect === 'Salary' ? SALARY_CELL_CHARS : CELL_CHARS) + 60);
        const embed = renderAnswer(answer, { answerId: 'x', builtAt: new Date(0).toISOString() }).embeds[0]!;
        for (const field of embed.fields ?? []) expect(field.value).not.toContain('…');
        expect(renderText(answer)).not.toContain('…');
      }
    }
  });

  it('says "Not in the documents" only where the role’s pages have no such section', () => {
    const answer = compareRoles(bk, bProfiles, bDocs, 'Data Analyst', 'Developer Advocate') as CompareAnswer;
    expect(cellText(row(answer, 'Education'), 'a')).toContain("bachelor's degree");
    expect(cellText(row(answer, 'Salary'), 'b')).toBe(MISSING);
    expect(cellText(row(answer, 'Outlook'), 'a')).toContain('23%');
  });

  it('shows each figure in its own currency', () => {
    const answer = compareRoles(bk, bProfiles, bDocs, 'DevOps Engineer', 'Test Automation Engineer') as CompareAnswer;
    const devops = cellText(row(answer, 'Salary'), 'a');
    const tester = cellText(row(answer, 'Salary'), 'b');
    expect(devops).toContain('€48,000–€58,000');
    expect(devops).not.toContain('$');
    expect(tester).toContain('£28,000–£36,000');
    expect(tester).not.toContain('$');
  });
});

describe('comparing two roles that a section sets apart', () => {
  it('opens with the sentences of the section about both roles that name either of them', async () => {
    const loaded = await loadCorpus(join(ROOT, 'test/fixtures/corpus-h'));
    const hk = buildKnowledge(loaded.docs, loaded.aliases);
    const answer = compareRoles(hk, buildProfiles(loaded.docs, hk.roles), loaded.docs, 'platform engineer', 'devops engineer') as CompareAnswer;
    expect(answer.differences.map((d) => d.quote)).toEqual([
      'A DevOps engineer is often embedded in a single product team and helps that team build and release its software.',
      'A platform engineer builds shared tools for many teams at once and measures success by how easily developers can use them.',
    ]);
    expect(answer.citations[0]?.quote).toBe(answer.differences[0]?.quote);
    expect(renderText(answer)).toContain('How they differ\n  > A DevOps engineer is often embedded');
  });

  it('has nothing to set apart when no section is about both', () => {
    expect((compare('Backend Engineer', 'Machine Learning Engineer') as CompareAnswer).differences).toEqual([]);
  });
});

describe('comparing roles from a careers page with entry requirements and related careers', () => {
  let fk: Knowledge;
  let fDocs: SourceDoc[];
  let fProfiles: Map<string, Profile>;
  beforeAll(async () => {
    const loaded = await loadCorpus(join(ROOT, 'test/fixtures/conversation'));
    fDocs = loaded.docs;
    fk = buildKnowledge(fDocs, loaded.aliases);
    fProfiles = buildProfiles(fDocs, fk.roles);
  });

  it('takes key skills from the section headed as skills, and entry requirements (GCSEs, age) as the way in', () => {
    const answer = compareRoles(fk, fProfiles, fDocs, 'Pharmacist', 'Air Traffic Controller') as CompareAnswer;
    expect(quotes(answer, 'Key skills', 'b')).toEqual([
      'the ability to make decisions quickly and stay calm under pressure',
      'excellent spatial awareness and concentration',
      'clear spoken communication',
    ]);
    expect(quotes(answer, 'Education', 'b')).toEqual(
      expect.arrayContaining(['at least 5 GCSEs at grades 9 to 4, including English and maths', 'to be 18 or over when you start training']),
    );
  });

  it('prints one line for the aspects neither role has instead of a wall of empty cells, in the terminal and on Discord', () => {
    const answer = compareRoles(fk, fProfiles, fDocs, 'Flight Dispatcher', 'Air Cabin Crew') as CompareAnswer;
    const text = renderText(answer);
    expect(text).not.toContain(`: ${MISSING}`);
    expect(text).toContain('Flight Dispatcher: Average salary: £23,000–£38,000');
    expect(text).toContain(`${MISSING} for either: What it is, Responsibilities, Key skills, Education, Outlook`);
    expect(text).not.toContain('Shared skills');
    const embed = renderAnswer(answer, { answerId: 'x', builtAt: new Date(0).toISOString() }).embeds[0];
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Salary', `${MISSING} for either`]);
    expect(embed?.fields?.[1]?.value).toBe('What it is, Responsibilities, Key skills, Education, Outlook');
    expect(embed?.description ?? '').not.toContain('Shared skills');
  });
});

describe('comparing a role with a job its page only sets against it', () => {
  const socDocs = parseMarkdown('soc-analyst.md', readFileSync(join(ROOT, 'test/fixtures/pages/soc-analyst.md'), 'utf8'));
  const soc = buildKnowledge(socDocs, {});
  const socProfiles = buildProfiles(socDocs, soc.roles);
  const versus = (a: string, b: string) => compareRoles(soc, socProfiles, socDocs, a, b);

  it('quotes the "X vs Y" section, the mentioned job’s side from the sentences that speak of it', () => {
    const answer = versus('Cybersecurity Analyst', 'Penetration Tester') as CompareAnswer;
    expect(answer.kind).toBe('compare');
    expect([answer.a, answer.b]).toEqual(['Cybersecurity Analyst', 'Penetration Tester']);
    expect(answer.differences.map((d) => d.quote)).toContain('A penetration tester attacks systems legally to find weaknesses.');
    expect(quotes(answer, 'What it is', 'b').join(' ')).toMatch(/penetration tester/i);
    expect(row(answer, 'Salary').b).toEqual([]);
    for (const c of answer.citations) expect(socDocs.find((d) => d.id === c.docId)?.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('reads a shortened name of the mentioned job ("pentester") and keeps the order the user typed', () => {
    const answer = versus('pentester', 'SOC analyst') as CompareAnswer;
    expect([answer.kind, answer.a, answer.b]).toEqual(['compare', 'Penetration Tester', 'Cybersecurity Analyst']);
  });

  it('still refuses a job no comparing section names', () => {
    expect(versus('Cybersecurity Analyst', 'Plumber').kind).toBe('none');
  });
});

describe('comparing the Veterinary Nurse with a vet', () => {
  it('reads the vet’s side from the "Veterinary nurse vs vet" section, "vet" alone not being the nurse', () => {
    const vetDocs = parsePage('vet-nurse-uk.txt', readFileSync(join(ROOT, 'test/fixtures/pages/vet-nurse-uk.txt'), 'utf8'));
    const vet = buildKnowledge(vetDocs, {});
    const answer = compareRoles(vet, buildProfiles(vetDocs, vet.roles), vetDocs, 'Veterinary Nurse', 'Vet') as CompareAnswer;
    expect([answer.kind, answer.a, answer.b]).toEqual(['compare', 'Veterinary Nurse', 'Vet']);
    expect(answer.differences.map((d) => d.quote)).toContain('A vet diagnoses and operates.');
  });
});

describe('comparing a role with a job its page names only in a question heading or a related-careers box', () => {
  let k10: Knowledge;
  let docs10: SourceDoc[];
  let k11: Knowledge;
  let docs11: SourceDoc[];
  beforeAll(async () => {
    const ten = await loadCorpus(join(ROOT, 'test/fixtures/review10'));
    docs10 = ten.docs;
    k10 = buildKnowledge(docs10, ten.aliases);
    const eleven = await loadCorpus(join(ROOT, 'test/fixtures/review11'));
    docs11 = eleven.docs;
    k11 = buildKnowledge(docs11, eleven.aliases);
  });
  const compare10 = (a: string, b: string) => compareRoles(k10, buildProfiles(docs10, k10.roles), docs10, a, b);
  const compare11 = (a: string, b: string) => compareRoles(k11, buildProfiles(docs11, k11.roles), docs11, a, b);
  const amounts = (answer: CompareAnswer, side: 'a' | 'b') => row(answer, 'Salary')[side].map((f) => ('min' in f ? [f.min, f.max, f.value] : []));

  it('reads a job from an "X or Y?" heading whose sentences call it by its job noun alone ("Technicians and AAPs…")', () => {
    const answer = compare10('Paramedic', 'Ambulance technician') as CompareAnswer;
    expect([answer.kind, answer.a, answer.b]).toEqual(['compare', 'Paramedic', 'Ambulance Technician']);
    expect([...answer.differences, ...row(answer, 'What it is').b].map((c) => c.quote)).toContain(
      'Technicians and AAPs work on the same ambulances and are usually band 4, but they are not HCPC registered, give a narrower range of drugs and cannot make the same discharge decisions.',
    );
  });

  it('says what a related career is from its entry in the box when it has no defining sentence', () => {
    const answer = compare10('Paramedic', 'Emergency care assistant') as CompareAnswer;
    expect(quotes(answer, 'What it is', 'b')).toEqual(['Drives the ambulance and supports the paramedic.']);
  });

  it('opens with every sentence of the "X vs Y" section that names either job, by its noun too', () => {
    const answer = compare11('Mechanical Engineer', 'Mechanical engineering technician') as CompareAnswer;
    expect(answer.differences.map((d) => d.quote.replace(/\s+/g, ' '))).toEqual([
      'Technicians usually hold a two-year associate degree (AAS) and build, measure and test what engineers design; they cannot seal drawings.',
      'Engineers carry design responsibility and need the four-year degree.',
      'The median pay for mechanical engineering technicians was about $64,000 in 2024.',
    ]);
  });

  it('gives the mentioned job the figures its page labels with it, and takes them out of the role’s own, naming it as the page writes it', () => {
    const technician = compare11('Mechanical Engineer', 'Mechanical engineering technician') as CompareAnswer;
    expect(amounts(technician, 'b')).toEqual([[null, null, 64000]]);
    expect(amounts(technician, 'a')).not.toContainEqual([null, null, 64000]);
    const adviser = compare11('HR business partner', 'hr adviser') as CompareAnswer;
    expect(adviser.b).toBe('HR Adviser');
    expect(amounts(adviser, 'b')).toEqual([[28000, 36000, null]]);
    expect(amounts(adviser, 'a')).not.toContainEqual([28000, 36000, null]);
  });

  it('shows each difference on one line, on every surface, however the page wraps it', () => {
    const answer = compare11('Mechanical Engineer', 'Mechanical engineering technician') as CompareAnswer;
    expect(renderText(answer)).toContain('  > The median pay for mechanical engineering technicians was about $64,000 in 2024.');
    expect(renderAnswer(answer, { answerId: 'x', builtAt: new Date(0).toISOString() }).embeds[0]?.description).toContain(
      '> The median pay for mechanical engineering technicians was about $64,000 in 2024.',
    );
  });
});

describe('comparing a role with a job its page sets it against in an "X vs Y" section (review 12)', () => {
  let k12: Knowledge;
  let docs12: SourceDoc[];
  beforeAll(async () => {
    const twelve = await loadCorpus(join(ROOT, 'test/fixtures/review12'));
    docs12 = twelve.docs;
    k12 = buildKnowledge(docs12, twelve.aliases);
  });
  const compare12 = (a: string, b: string) => compareRoles(k12, buildProfiles(docs12, k12.roles), docs12, a, b);
  const figures = (answer: CompareAnswer, side: 'a' | 'b') => row(answer, 'Salary')[side].map((f) => ('min' in f ? `${f.label}: ${f.min}-${f.max}` : ''));

  it('gives the job the figure its clause names it with, though the sentence opens with the role ("…earn more: content writers … earn $50,000 to $70,000")', () => {
    const answer = compare12('Technical Writer', 'Content Writer') as CompareAnswer;
    expect([answer.kind, answer.a, answer.b]).toEqual(['compare', 'Technical Writer', 'Content Writer']);
    expect(figures(answer, 'b')).toEqual(['Content Writer: 50000-70000']);
    expect(figures(answer, 'a')).not.toContainEqual(expect.stringContaining('50000-70000'));
  });

  it('reads a job the "X vs Y" section names only in its text, with the initials it gives it ("dietetic technician, registered (DTR)")', () => {
    const answer = compare12('Dietitian', 'Dietetic technician') as CompareAnswer;
    expect([answer.kind, answer.a, answer.b]).toEqual(['compare', 'Registered Dietitian Nutritionist', 'Dietetic Technician']);
    expect(quotes(answer, 'What it is', 'b')[0]).toMatch(/^A dietetic technician, registered \(DTR\) needs only an associate degree/);
    expect(figures(answer, 'b')).toEqual(['DTRs: 38000-46000']);
    expect(figures(answer, 'a')).not.toContainEqual(expect.stringContaining('38000-46000'));
  });

  it('never reads one word of such a section as a job ("associate" in "an associate degree")', () => {
    expect(compare12('Dietitian', 'Associate').kind).toBe('none');
  });
});
