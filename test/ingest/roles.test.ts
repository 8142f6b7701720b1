import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import { abridgedNames, rolesShortened, titleRole } from '../../src/ingest/knowledge/role-names.js';
import { buildCatalog, resolveRole, rolesMentioned } from '../../src/ingest/knowledge/roles.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { SEED_ROLES, seedDocs } from '../helpers.js';

const roles = buildCatalog(seedDocs(), { 'Technical Business Analyst': ['BA'] });
const names = roles.map((r) => r.name);

describe('the roles catalog', () => {
  it('lists exactly the roles the seed has content about: its role blocks, role headings and "More Careers" pages', () => {
    expect(names).toEqual(SEED_ROLES);
  });

  it('never lists a role the page only mentions', () => {
    for (const mentioned of ['Data Engineer', 'Data Scientist', 'ML Operations Engineer', 'Staff ML Engineer', 'Product Manager']) {
      expect(resolveRole(roles, mentioned).role?.name).not.toBe(mentioned);
    }
  });

  it('lists the sections that describe each role', () => {
    const dev = roles.find((r) => r.name === 'Integration Developer')!;
    expect(dev.sources.every(([doc]) => doc.endsWith('/integration-developer'))).toBe(true);
    expect(roles.every((r) => r.sources.length > 0 && r.documents.length === 1)).toBe(true);
    const backend = roles.find((r) => r.name === 'Backend Engineer')!;
    expect(
      backend.sources.map(([doc, s]) =>
        seedDocs()
          .find((d) => d.id === doc)!
          .sections[s]!.path.at(-1),
      ),
    ).toEqual(['Roles and Responsibilities', 'Comparative Salary Data']);
  });

  it('reads aliases the document writes: "Technical Business Analyst (TBA)"', () => {
    expect(roles.find((r) => r.name === 'Technical Business Analyst')?.aliases).toContain('TBA');
  });

  it.each([
    ['MLE', 'Machine Learning Engineer'],
    ['ML engineer', 'Machine Learning Engineer'],
    ['machine learning engineers', 'Machine Learning Engineer'],
    ['backend dev', 'Backend Engineer'],
    ['back-end engineer', 'Backend Engineer'],
    ['Backend Engineers', 'Backend Engineer'],
    ['TBA', 'Technical Business Analyst'],
    ['BA', 'Technical Business Analyst'],
    ['hybrid role', 'Backend Machine Learning Engineer'],
    ['Integation Developer', 'Integration Developer'],
    ['analytics manger', 'Analytics Manager'],
    ['  CUSTOMER analytics manager!! ', 'Customer Analytics Manager'],
  ])('resolves "%s" to %s', (input, expected) => {
    expect(resolveRole(roles, input).role?.name).toBe(expected);
  });

  it('returns ranked suggestions instead of guessing for ambiguous or unknown names', () => {
    const ambiguous = resolveRole(roles, 'engineer');
    expect(ambiguous.role).toBeUndefined();
    expect(ambiguous.suggestions.length).toBeGreaterThan(1);
    const unknown = resolveRole(roles, 'zookeeper');
    expect(unknown.role).toBeUndefined();
    expect(unknown.suggestions.length).toBeGreaterThan(0);
  });
});

describe('aliases a document writes', () => {
  it('resolves a role by an alias added after the catalog first matched names ("also called …")', () => {
    const docs = parsePage('ux.txt', 'UX Designer\n\nOverview\n\nA UX designer, also called a user experience designer, shapes how a product feels to use.\n');
    const catalog = buildCatalog(docs);
    expect(catalog.map((r) => r.name)).toEqual(['UX Designer']);
    expect(rolesMentioned(catalog, 'what is a user experience designer').map((r) => r.name)).toEqual(['UX Designer']);
  });
});

describe('abbreviations typed in chat', () => {
  const sre: Role = { name: 'Site Reliability Engineer', aliases: ['SRE'], sources: [], documents: [] };
  const pm: Role = { name: 'Product Manager', aliases: ['PM'], sources: [], documents: [] };

  it('finds an abbreviation in lower case and in the plural', () => {
    expect(rolesMentioned([sre, pm], 'does communication matter for sres?').map((r) => r.name)).toEqual(['Site Reliability Engineer']);
    expect(rolesMentioned([sre, pm], 'do pms need to know sql').map((r) => r.name)).toEqual(['Product Manager']);
  });

  it('knows a two-word role by its initials unless another role shares them, a page uses them, or they are a word', () => {
    const page = (title: string, body: string) => parseMarkdown(`${title}.md`, `# ${title}\n\n## Overview\n\n${body}\n`);
    const catalog = buildCatalog([
      ...page('Business Analyst', 'A business analyst writes requirements.'),
      ...page('Data Engineer', 'A data engineer builds pipelines.'),
      ...page('Backend Engineer', 'A backend engineer writes services. Read the SA guide.'),
      ...page('Solutions Architect', 'A solutions architect designs systems.'),
    ]);
    const aliases = Object.fromEntries(catalog.map((r) => [r.name, r.aliases]));
    expect(aliases['Business Analyst']).toContain('BA');
    expect(aliases['Data Engineer']).not.toContain('DE');
    expect(aliases['Backend Engineer']).not.toContain('BE');
    expect(aliases['Solutions Architect']).not.toContain('SA');
    expect(rolesMentioned(catalog, 'do BAs get involved in testing?').map((r) => r.name)).toEqual(['Business Analyst']);
  });

  it('reads the short forms chat uses for job nouns ("Salesforce admin", "analytics mgr")', () => {
    const admin: Role = { name: 'Salesforce Administrator', aliases: [], sources: [], documents: [] };
    expect(rolesMentioned([admin], 'senior salesforce admins pay').map((r) => r.name)).toEqual(['Salesforce Administrator']);
  });

  it('knows a role by its shortened name: the starts of its words, apart or run together', () => {
    const role = (name: string, aliases: string[] = []): Role => ({ name, aliases, sources: [], documents: [] });
    const catalog = [
      role('Pharmacy Technician'),
      role('Systems Administrator'),
      role('Developer Advocate', ['developer relations engineer']),
      role('Data Analyst'),
      role('Wind Turbine Technician'),
    ];
    const named = (q: string) => rolesShortened(catalog, q).map((r) => r.name);
    expect(named('r pharm techs paid good')).toEqual(['Pharmacy Technician']);
    expect(named('sysadmin on-call')).toEqual(['Systems Administrator']);
    expect(named('public speaking for devrel?')).toEqual(['Developer Advocate']);
    expect(named('data analysis tools')).toEqual([]);
    expect(named('the pharmacy is open')).toEqual([]);
    expect(named('wind turbine tech salary')).toEqual(['Wind Turbine Technician']);
    expect(named('wind turbine noise')).toEqual([]);
  });

  it('knows a one-word role said without its job noun ("physio" for physiotherapist), never by a shorter stem', () => {
    const role = (name: string): Role => ({ name, aliases: [], sources: [], documents: [] });
    const catalog = [role('Physiotherapist'), role('Accountant'), role('Electrician')];
    const named = (q: string) => rolesShortened(catalog, q).map((r) => r.name);
    expect(named('band 5 physio salary')).toEqual(['Physiotherapist']);
    expect(named('do physios work weekends')).toEqual(['Physiotherapist']);
    expect(named('physics degree')).toEqual([]);
    expect(named('account manager pay')).toEqual([]);
  });

  it('compares roles in the order the question names them, initials included ("vet nurse vs QS")', () => {
    const qs: Role = { name: 'Quantity Surveyor', aliases: ['QS'], sources: [], documents: [] };
    const nurse: Role = { name: 'Veterinary Nurse', aliases: ['vet nurse'], sources: [], documents: [] };
    expect(rolesMentioned([qs, nurse], 'vet nurse vs QS hours').map((r) => r.name)).toEqual(['Veterinary Nurse', 'Quantity Surveyor']);
  });

  it('never takes a chat word ("vs") as a role\'s generated initials', () => {
    const page = (role: string) => parseMarkdown('page.md', `---\nroles: [${role}]\n---\n\n## Overview\n\nA ${role.toLowerCase()} treats animals.\n`);
    expect(buildCatalog(page('Veterinary Surgeon')).map((r) => [r.name, r.aliases])).toEqual([['Veterinary Surgeon', []]]);
    expect(buildCatalog(page('Dog Groomer')).map((r) => [r.name, r.aliases])).toEqual([['Dog Groomer', ['DG', 'Groomer']]]);
  });

  it('knows a role by the last word of its name when that word names the job alone and no other role shares it', () => {
    const pages = ['Dental Hygienist', 'Dental Nurse', 'Platform Engineer', 'Data Engineer'].flatMap((role) =>
      parseMarkdown(`${role}.md`, `---\nroles: [${role}]\n---\n\n## Overview\n\nA ${role.toLowerCase()} works.\n`),
    );
    expect(Object.fromEntries(buildCatalog(pages).map((r) => [r.name, r.aliases.filter((a) => !/^[A-Z]{2}$/.test(a))]))).toEqual({
      'Data Engineer': [],
      'Dental Hygienist': ['Hygienist'],
      'Dental Nurse': [],
      'Platform Engineer': [],
    });
  });

  it('never knows a role by a last word that names no person ("Air Cabin Crew" is not "crew")', () => {
    const docs = parseMarkdown('c.md', '---\nroles: [Air Cabin Crew]\n---\n\n## Overview\n\nCabin crew look after passengers.\n');
    expect(buildCatalog(docs)[0]?.aliases).not.toContain('Crew');
  });

  it('knows a licensed job by its bare noun ("nurses" is the Registered Nurse), never one kind of it', () => {
    const pages = ['Registered Nurse', 'Chartered Accountant'].flatMap((role) =>
      parseMarkdown(`${role}.md`, `---\nroles: [${role}]\n---\n\n## Overview\n\nA ${role.toLowerCase()} works.\n`),
    );
    expect(buildCatalog(pages).map((r) => r.aliases.filter((a) => !/^[A-Z]{2}$/.test(a)))).toEqual([['Accountant'], ['Nurse']]);
  });

  it('never gives a role initials that stand for a better-known job ("OT" is an occupational therapist)', () => {
    const page = (role: string) => parseMarkdown('page.md', `---\nroles: [${role}]\n---\n\n## Overview\n\nA ${role.toLowerCase()} treats patients.\n`);
    expect(buildCatalog(page('Orthodontic Therapist')).map((r) => [r.name, r.aliases])).toEqual([['Orthodontic Therapist', []]]);
    expect(buildCatalog(page('Occupational Therapist')).map((r) => [r.name, r.aliases])).toEqual([['Occupational Therapist', ['OT']]]);
  });

  it('takes other names listed at the end of a paragraph ("…safely. Also known as: Train operator, Locomotive driver")', () => {
    const docs = parsePage(
      'train-driver.txt',
      'Train driver\n\nOverview\n\nTrain drivers operate passenger trains, following signals safely. Also known as: Train operator, Locomotive driver\n\nTrain drivers work shifts. Most train drivers start as conductors.\n',
    );
    expect(buildCatalog(docs).find((r) => r.name === 'Train Driver')?.aliases).toEqual(expect.arrayContaining(['Train operator', 'Locomotive driver']));
  });

  it('takes the initials a page writes in the plural ("Registered nurses (RNs)")', () => {
    const docs = parsePage('rn.txt', 'Registered Nurse\n\nOverview\n\nRegistered nurses (RNs) care for patients on wards.\n');
    expect(buildCatalog(docs).find((r) => r.name === 'Registered Nurse')?.aliases).toContain('RN');
  });

  it('takes initials from a labelled list of other names ("Also known as: vet nurse, RVN")', () => {
    const docs = parsePage('veterinary-nurse.txt', 'Veterinary nurse\n\nAlso known as: vet nurse, RVN\n\nOverview\n\nVeterinary nurses care for animals.\n');
    expect(buildCatalog(docs).find((r) => r.name === 'Veterinary Nurse')?.aliases).toEqual(expect.arrayContaining(['vet nurse', 'RVN']));
  });

  it('does not read a lower-case two-letter time of day as a role', () => {
    expect(rolesMentioned([pm], 'the standup is at 4 pm')).toEqual([]);
  });
});

describe('role names with words left out', () => {
  const role = (name: string): Role => ({ name, aliases: [], sources: [], documents: [] });
  const csa = role('Cloud Solutions Architect');
  const catalog = [csa, role('Commercial Pilot'), role('Speech and Language Therapist'), role('Data Engineer'), role('Senior Data Platform Engineer')];
  const named = (q: string, roles = catalog) => rolesMentioned(roles, q, { abridged: 'all' }).map((r) => r.name);

  it.each([
    'cloud architect salary in rupees',
    'senior cloud architect salary USD',
    'solutions architect india salary',
    'who earns more, a captain or a principal cloud architect?',
    'how much do cloud architects make',
  ])('reads "%s" as naming the one role whose name those words are part of', (q) => {
    expect(named(q)).toEqual(['Cloud Solutions Architect']);
    expect(rolesMentioned(catalog, q)).toEqual([]);
  });

  it('keeps the job noun and another word that is not a function word', () => {
    expect(named('speech therapists pay')).toEqual(['Speech and Language Therapist']);
    expect(named('cloud solutions salary')).toEqual([]);
    expect(named('and therapist pay')).toEqual([]);
    expect(named('how much do architects earn')).toEqual([]);
  });

  it("does not guess when the words are part of several roles' names", () => {
    const both = [...catalog, role('Cloud Security Architect')];
    expect(named('cloud architect salary', both)).toEqual([]);
    expect(named('solutions architect salary', both)).toEqual(['Cloud Solutions Architect']);
    expect(resolveRole(both, 'cloud architect').role).toBeUndefined();
  });

  it('leaves words that end with another role\'s whole name to that role ("senior data engineer")', () => {
    expect(named('senior data engineer salary')).toEqual(['Data Engineer']);
    expect(named('senior platform engineer salary')).toEqual(['Senior Data Platform Engineer']);
  });

  it('with `inner`, leaves the last words of a name alone: "security engineer" is a job of its own', () => {
    const cse = role('Cloud Security Engineer');
    expect(rolesMentioned([cse], 'what do security engineers do', { abridged: 'inner' })).toEqual([]);
    expect(rolesMentioned([cse], 'what do cloud engineers do', { abridged: 'inner' })).toEqual([cse]);
  });

  it('resolves a typed name with words left out, and lists the short forms a corpus covers', () => {
    expect(resolveRole(catalog, 'cloud architect').role?.name).toBe('Cloud Solutions Architect');
    expect(resolveRole(catalog, 'principal solutions architect').role?.name).toBe('Cloud Solutions Architect');
    // As role keys: plurals folded ("solution architect").
    expect(abridgedNames(catalog)).toEqual(expect.arrayContaining(['cloud architect', 'solution architect', 'speech therapist', 'language therapist']));
    expect(abridgedNames(catalog)).not.toContain('and therapist');
    expect(abridgedNames(catalog)).not.toContain('and language therapist');
  });
});

describe('roles named by a page title', () => {
  it.each([
    ['Network engineer', 'Network Engineer'],
    ['Scrum Master: Job Description, Skills and Salary', 'Scrum Master'],
    ['Front-End Developer in Canada', 'Front-End Developer'],
    ['QUANTITATIVE ANALYST', 'Quantitative Analyst'],
    ['UX DESIGNER', 'UX Designer'],
  ])('reads "%s" as the page of %s', (title, role) => {
    expect(titleRole(title)).toBe(role);
  });

  it.each([
    ['UX Writer / Content Designer', 'UX Writer'],
    ['UX Writer or Content Designer', 'UX Writer'],
    ['UX writer/content designer: career guide', 'UX Writer'],
  ])('reads "%s", two job titles for one job, as the page of the first, %s', (title, role) => {
    expect(titleRole(title)).toBe(role);
  });

  it('lists a page titled by two job titles once, by the first, and finds it by the second', () => {
    for (const title of ['UX Writer / Content Designer', 'UX Writer or Content Designer']) {
      const doc = parseMarkdown('ux.md', `# ${title}\n\nUX writers write the words of an app.\n\n## Skills\n\nConcise writing and empathy for users.\n`);
      const catalog = buildCatalog(doc);
      expect(catalog.map((r) => [r.name, r.aliases.includes('Content Designer')])).toEqual([['UX Writer', true]]);
      expect(resolveRole(catalog, 'content designer').role?.name).toBe('UX Writer');
    }
  });

  it.each(["Master's Degree Programs", 'What does a network engineer do'])('finds no role in the title "%s"', (title) => {
    expect(titleRole(title)).toBeNull();
  });

  it('matches front end, front-end and frontend as one spelling', () => {
    const fed: Role = { name: 'Front-End Developer', aliases: [], sources: [], documents: [] };
    expect(rolesMentioned([fed], 'how much do frontend devs make').map((r) => r.name)).toEqual(['Front-End Developer']);
  });
});

describe('roles declared in front matter', () => {
  it('reads the first name as the page role and the others as names it goes by', () => {
    const docs = parseMarkdown(
      'soc.md',
      '---\ntitle: Security Analyst (SOC)\nroles: [SOC Analyst, Cybersecurity Analyst]\n---\n## Overview\n\nA SOC analyst watches alerts.\n',
    );
    const catalog = buildCatalog(docs);
    expect(catalog.map((r) => r.name)).toEqual(['SOC Analyst']);
    expect(rolesMentioned(catalog, 'what does a cybersecurity analyst do').map((r) => r.name)).toEqual(['SOC Analyst']);
  });
});

describe('nicknames a page gives its role', () => {
  it('takes a one-word nickname, but never a bare job noun', () => {
    const page = (alias: string) =>
      parsePage('q.txt', `Quantitative Analyst\n\nOverview\n\nQuantitative analysts, often called ${alias}, build pricing models.\n`);
    const quants = buildCatalog(page('quants'));
    expect(rolesMentioned(quants, 'what do quants do all day').map((r) => r.name)).toEqual(['Quantitative Analyst']);
    expect(buildCatalog(page('analysts'))[0]?.aliases).not.toContain('analyst');
  });
});

describe('names that are not job titles', () => {
  it('never reads a heading that is a sentence ("Where The Job Can Lead") as a role', () => {
    const roles = buildCatalog(parsePage('it.txt', 'IT Support Specialist\n\nWhere The Job Can Lead\n\nMany move into network engineering.\n'));
    expect(roles.map((r) => r.name)).toEqual(['IT Support Specialist']);
  });

  it('takes "often called" as a name only when it follows a person ("a gap often called the passion tax" is not one)', () => {
    const page = (sentence: string) => parsePage('g.txt', `Game Developer\n\nMoney\n\n${sentence}\n`);
    expect(buildCatalog(page('Game programming pays less, a gap often called the "passion tax".'))[0]?.aliases).not.toContain('"passion tax"');
    expect(buildCatalog(page('Game developers, often called game programmers, build games.'))[0]?.aliases).toContain('game programmer');
  });

  it('reads a labelled list of other names ("Also known as: ethical hacker, pentester")', () => {
    const roles = buildCatalog(
      parsePage('p.txt', 'Penetration Tester\n\nAlso known as: ethical hacker, pentester, security consultant (offensive)\n\nTesters break in.\n'),
    );
    expect(roles[0]?.aliases).toEqual(expect.arrayContaining(['ethical hacker', 'pentester', 'security consultant']));
  });
});

describe('jobs whose names end in no role noun', () => {
  it('takes a Markdown title the page speaks of as people, and the other name it gives them', () => {
    const docs = parseMarkdown(
      'arborist.md',
      '---\ntitle: Arborist\n---\n\nArborists, also called tree surgeons, plant and prune trees. Arborists wear helmets.\n\n## Pay\n\nPay varies.\n',
    );
    const catalog = buildCatalog(docs);
    expect(catalog.map((r) => [r.name, r.aliases])).toEqual([['Arborist', ['tree surgeon']]]);
  });

  const page = (title: string, body: string) => parsePage('p.txt', `${title}\n\nOverview\n\n${body}\n`);

  it('takes a page title the page speaks of as people ("an actuary", "actuaries work")', () => {
    const roles = buildCatalog(page('ACTUARY', 'Actuaries work for insurers. To become an actuary you pass exams.'));
    expect(roles.map((r) => r.name)).toEqual(['Actuary']);
  });

  it('takes a title the page speaks of by its short name ("Clinical Research Associate (CRA)": "a CRA", "CRAs use")', () => {
    const roles = buildCatalog(
      page(
        'Clinical Research Associate (CRA)',
        'Clinical research associates make sure trials run safely. A CRA is the link between sponsor and site. Most CRAs have a degree.',
      ),
    );
    expect(roles.map((r) => r.name)).toEqual(['Clinical Research Associate']);
  });

  it('takes a job title followed by its country ("Plumber in Canada") the page speaks of as people', () => {
    const roles = buildCatalog(page('Plumber in Canada', 'Plumbers work on pipes. Most plumbers learn the trade through an apprenticeship.'));
    expect(roles.map((r) => r.name)).toEqual(['Plumber']);
  });

  it('never takes a topic title ("Salary Guide") or a title mentioned only once as a person', () => {
    expect(buildCatalog(page('Salary Guide', 'A salary guide lists pay. Salaries vary.'))).toEqual([]);
    expect(buildCatalog(page('Actuary', 'Risk is measured with statistics. An actuary is one of many jobs.'))).toEqual([]);
  });
});

describe('other names written in running text', () => {
  it('splits "also called an L10n engineer or i18n engineer" and reads past an abbreviation before "also known as"', () => {
    const md = (sentence: string) => buildCatalog(parsePage('x.txt', `Localization Engineer\n\nOverview\n\n${sentence}\n`));
    expect(md('A localization engineer (also called an L10n engineer or i18n engineer) builds tooling.')[0]?.aliases).toEqual(
      expect.arrayContaining(['L10n engineer', 'i18n engineer']),
    );
    const tam = buildCatalog(
      parsePage(
        't.txt',
        'Technical Account Manager\n\nOverview\n\nA Technical Account Manager (TAM), also known as a customer success engineer, helps clients.\n',
      ),
    );
    expect(tam[0]?.aliases).toEqual(expect.arrayContaining(['TAM', 'customer success engineer']));
  });
});
