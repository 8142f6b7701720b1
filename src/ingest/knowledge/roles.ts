// Ingest stage "knowledge: roles" (pure, no I/O): the roles a corpus is about — from a document's title or
// front matter, a "More Careers" role block, a heading that names a role and holds its content, or a labelled
// item in a roles list — with their aliases and the sections that support them. A mere mention, a
// certification, a product or a tool is never a role.
import type { Role } from '../../domain/knowledge.js';
import { escapeRegExp } from '../../domain/regexp.js';
import type { SourceDoc } from '../../domain/types.js';
import { JOB_NOUN, PAY_WORDS } from '../../domain/vocabulary.js';
import { findPlaces } from '../places.js';
import { specificity } from '../specificity.js';
import {
  isRoleName,
  nameCase,
  pageRoleName,
  personTitle,
  roleKey,
  roleLikePhrases,
  rolesInHeading,
  rolesMentioned,
  singular,
  titleAliases,
  titleRole,
} from './role-names.js';
import { corpusText, writes } from './written-names.js';

export { type Resolution, pageRoleName, resolveRole, roleKey, rolesMentioned } from './role-names.js';

/** Headings of a list whose labelled items are roles ("Roles and Responsibilities", "Related roles"). */
const ROLE_BLOCK = /\broles?\b|\bcareers?\b|\bjob titles?\b|\bpositions\b/i;
/** A money figure, for a labelled item whose nested items give a role's pay ("Backend Engineers:" › "$…"). */
const MONEY = /[$€£¥₹]\s?\d|\b(?:USD|EUR|GBP|CAD|AUD|CHF|INR)\s?\d/;
/** How strongly each kind of evidence names a role, for choosing its display name. */
const RANK = { declared: 3, title: 2, heading: 1, label: 1 } as const;

interface Candidate {
  forms: Map<string, number>;
  aliases: Set<string>;
  /** Sections that hold the role's content, by document id. */
  sections: Map<string, Set<number>>;
  /** Documents that are the role's own page. */
  pages: Set<string>;
}

/** A licence word written in lower case before a name: "a licensed Professional Engineer" holds a licence, it is no job of its own. */
const LICENCE_BEFORE = /\b(?:licensed|chartered|certified|registered|accredited)\s+$/;
/** Nouns of a credential after its initials: "a PE licence", "the CPA exam". */
const CREDENTIAL_NOUN = String.raw`(?:licen[cs]es?|licensure|exams?|examinations?|certificates?|certification|credentials?|designation|status)\b`;

/**
 * Whether a name a heading gives is a licence or credential, not a job: the heading calls it a licence ("Becoming a
 * licensed Professional Engineer (PE)") or the page writes its initials as one ("a PE licence", "the CPA exam").
 * Review 11 catalogued "Professional Engineer" from such a heading and refused "how much extra do u get with a PE".
 */
function isCredential(text: string, heading: string, name: string, at: number): boolean {
  if (LICENCE_BEFORE.test(heading.slice(0, at))) return true;
  const abbr = /^\s*\(([A-Z]{2,6})\)/.exec(heading.slice(at + name.length))?.[1];
  return !!abbr && new RegExp(`\\b${abbr}\\s+${CREDENTIAL_NOUN}`).test(text);
}

/** Sections at or under `section` (a heading holds its sub-sections). */
function subtree(doc: SourceDoc, section: number): number[] {
  const path = doc.sections[section]?.path ?? [];
  return doc.sections.flatMap((s, i) => (i === section || (path.length > 0 && path.every((p, j) => s.path[j] === p)) ? [i] : []));
}

/** Finds the roles the documents are about and builds the catalog; `extra` adds operator aliases by role name. */
export function buildCatalog(docs: SourceDoc[], extra: Record<string, string[]> = {}): Role[] {
  const found = new Map<string, Candidate>();
  const note = (surface: string, rank: number, doc: SourceDoc, sections: number[], page = false) => {
    const display = singular(surface);
    const key = roleKey(display);
    if (!key) return;
    const c = found.get(key) ?? { forms: new Map(), aliases: new Set(), sections: new Map(), pages: new Set() };
    c.forms.set(display, Math.max(c.forms.get(display) ?? 0, rank * 100 + display.split(' ').length));
    const held = c.sections.get(doc.id) ?? new Set<number>();
    for (const s of sections) held.add(s);
    c.sections.set(doc.id, held);
    if (page) c.pages.add(doc.id);
    found.set(key, c);
  };

  for (const doc of docs) {
    const all = doc.sections.map((_, i) => i);
    const withContent = new Set(doc.blocks.filter((b) => b.kind !== 'heading').map((b) => b.section));
    // A page is about one role: front matter's first name is it, the others are names it also goes by.
    // A related-careers entry is declared as the page wrote it ("Data analyst"); its name is shown as a name.
    const [written, ...alsoCalled] = doc.roles;
    const declared = written && written === written.toLowerCase().replace(/^./, (c) => c.toUpperCase()) ? nameCase(written) : written;
    if (declared) {
      note(declared, RANK.declared, doc, all, true);
      for (const name of alsoCalled) found.get(roleKey(singular(declared)))?.aliases.add(name);
    }
    const fromTitle = doc.roles.length ? null : (titleRole(doc.title, doc.text) ?? personTitle(doc));
    if (fromTitle) {
      note(fromTitle, RANK.title, doc, all, true);
      // "UX Writer / Content Designer": the page's one job, by its first name and also by the other.
      for (const name of titleAliases(doc.title, doc.text)) found.get(roleKey(singular(fromTitle)))?.aliases.add(name);
    }
    // "How to become a registered dietitian" on a Registered Dietitian Nutritionist page: a shorter name for its job.
    const own = declared ?? fromTitle;
    if (own) for (const name of shorterNames(doc.text, own)) found.get(roleKey(singular(own)))?.aliases.add(name);
    doc.sections.forEach((section, i) => {
      const heading = section.path[section.path.length - 1];
      if (!heading) return;
      const held = subtree(doc, i);
      if (!held.some((s) => withContent.has(s))) return;
      for (const { name, at } of rolesInHeading(heading)) if (!isCredential(doc.text, heading, name, at)) note(name, RANK.heading, doc, held);
      const labelled = /^(?:The\s+)?([\w\s-]+?):\s+(.+)$/.exec(heading);
      if (labelled?.[1] && labelled[2] && isRoleName(labelled[2])) found.get(roleKey(singular(labelled[2])))?.aliases.add(labelled[1].toLowerCase());
    });
    doc.blocks.forEach((block, b) => {
      if (block.kind !== 'bullet') return;
      const label = /^([^:]{2,60}):(?:\s|$)/.exec(doc.text.slice(block.start, block.end))?.[1]?.trim();
      if (!label || !isRoleName(label)) return;
      const heading = doc.sections[block.section]?.path.at(-1) ?? '';
      const paysRole = doc.blocks.some((x) => x.parent === b && MONEY.test(doc.text.slice(x.start, x.end)));
      if (ROLE_BLOCK.test(heading) || paysRole) note(label, RANK.label, doc, [block.section]);
    });
  }

  const roles: Role[] = [];
  // Names made up from a role's name ("VGQAT", "ML Engineer", "Transcriptionist"), not read from a page (see unwritten).
  const madeUp = new Map<Role, Set<string>>();
  const makeUp = (role: Role, alias: string) => madeUp.set(role, (madeUp.get(role) ?? new Set()).add(alias));
  for (const [key, c] of found) {
    const name = [...c.forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!name) continue;
    const role: Role = { name, aliases: generatedAliases(name, key, c.aliases), sources: [], documents: [] };
    const read = new Set([...c.aliases].map((a) => a.toLowerCase()));
    for (const alias of role.aliases) if (!read.has(alias.toLowerCase())) makeUp(role, alias);
    roles.push(role);
  }
  const byKey = new Map(roles.map((r) => [roleKey(r.name), r]));
  const written = new Map<Role, Set<string>>();
  for (const doc of docs)
    for (const [role, alias] of documentAliases(doc, roles)) {
      addAliases(role, [alias]);
      written.set(role, (written.get(role) ?? new Set()).add(alias.toLowerCase()));
    }
  for (const [role, abbr] of generatedInitials(roles, docs)) {
    addAliases(role, [abbr]);
    makeUp(role, abbr);
  }
  for (const [role, head] of headNouns(roles, docs)) {
    addAliases(role, [head]);
    makeUp(role, head);
  }
  // The operator's aliases are shown whether or not a page writes them.
  const operator = new Map<Role, Set<string>>();
  for (const [name, aliases] of Object.entries(extra)) {
    const role = byKey.get(roleKey(name)) ?? roles.find((r) => r.aliases.some((a) => roleKey(a) === roleKey(name)));
    if (role) addAliases(role, aliases);
    if (role) operator.set(role, new Set([...(operator.get(role) ?? []), ...aliases.map((a) => a.toLowerCase())]));
  }
  attachSources(roles, docs, found);
  const corpus = corpusText(docs);
  for (const role of roles) {
    const unwritten = [...(madeUp.get(role) ?? [])].filter((a) => !written.get(role)?.has(a.toLowerCase()) && !writes(corpus, a, role.name));
    const given = operator.get(role);
    const hidden = role.aliases.filter((a) => unwritten.some((u) => u.toLowerCase() === a.toLowerCase()) && !given?.has(a.toLowerCase()));
    if (hidden.length) role.unwritten = hidden;
  }
  return roles.sort((a, b) => a.name.localeCompare(b.name));
}

function addAliases(role: Role, aliases: string[]): void {
  for (const a of aliases) {
    const t = a.trim();
    if (t && t.toLowerCase() !== role.name.toLowerCase() && !role.aliases.some((x) => x.toLowerCase() === t.toLowerCase())) role.aliases.push(t);
  }
}

/**
 * "also called a technical communicator," / "(a.k.a. DevRel engineer)" / "often advertised as …": the name runs to
 * the next punctuation.
 */
const ALSO_CALLED =
  /\b(?:(?:also|sometimes|often|usually|commonly)\s+(?:called|known as|referred to as|titled|advertised as|listed as)|a\.k\.a\.?|aka)\s+(?:an?\s+|the\s+)?([^,;:.()\n]{3,60}?)\s*(?=[,;:.()\n]|$)/gi;

/** A labelled list of other names on a line of its own: "Also known as: ethical hacker, pentester, security consultant". */
const NAMES_LIST = /^[ \t]*(?:also (?:known as|called)|other (?:job )?titles|job titles|aka)[ \t]*:[ \t]*(.+)$/gim;
/** The same list closing a paragraph ("…to move people and goods safely. Also known as: Train operator, Locomotive driver"). */
const NAMES_AFTER_SENTENCE = /(?:^|(?<=[.!?])[ \t]+)(?:also (?:known as|called)|other (?:job )?titles|aka)[ \t]*:[ \t]*(.+)$/gim;

/** True for a line that only lists a role's other names: it names the role but says nothing about it. */
export function isNamesList(text: string): boolean {
  return new RegExp(NAMES_LIST.source, 'i').test(text.trim());
}

/** Words just before "also called" that name a person ("Quantitative analysts, often called"), not a thing ("a gap often called"). */
const PERSON_BEFORE = new RegExp(`(?:${JOB_NOUN.source}|\\b(?:they|who|jobs?|roles?|positions?|people))(?:\\s+(?:are|is))?[\\s,(]*$`, 'i');

/**
 * The role whose other names follow a text ("Quantitative analysts, often called…"): the role its last job noun
 * names, or the page's own when that noun is the page's ("Many testers, also called…" on a QA tester page); null for
 * a job that is neither ("a QA engineer (sometimes called a software development engineer in test)" on a QA tester
 * page names the QA engineer's other name, not the page's). Without a job noun ("people who…"), a role named
 * anywhere before it, else the page's.
 */
function namedBefore(roles: Role[], before: string, pageRole: Role | undefined): Role | undefined | null {
  const noun = [...before.matchAll(JOB_NOUN)].at(-1);
  if (!noun || !/^[\s,(]*$/.test(before.slice(noun.index + noun[0].length))) return rolesMentioned(roles, before)[0] ?? pageRole;
  const head = roleKey(noun[0]);
  const phrase = before
    .slice(0, noun.index + noun[0].length)
    .split(/\s+/)
    .slice(-5)
    .join(' ');
  const named = rolesMentioned(roles, phrase, { abridged: 'all' }).filter((r) => roleKey(r.name).split(' ').at(-1) === head);
  if (named[0]) return named.at(-1);
  return pageRole && roleKey(pageRole.name).split(' ').at(-1) === head ? pageRole : null;
}

/** Initials of a name; a word in capitals keeps all its letters ("HR business partners" -> HRBP). */
function initials(words: string): string {
  return words
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => (/^[A-Z]{2,4}s?$/.test(w) ? w.replace(/s$/, '') : (w[0]?.toUpperCase() ?? '')))
    .join('');
}

/** Aliases a document writes for its roles: "Site Reliability Engineer (SRE)", "User Experience (UX) Designer", "also called …". */
function documentAliases(doc: SourceDoc, roles: Role[]): [Role, string][] {
  const out: [Role, string][] = [];
  const byKey = new Map(roles.map((r) => [roleKey(r.name), r]));
  const page = pageRoleName(doc);
  const pageRole = page ? byKey.get(roleKey(page)) : undefined;
  const text = doc.text;
  // "Registered nurses (RNs)": the plural of the initials names the role too.
  for (const m of text.matchAll(/((?:[A-Za-z][\w-]*\s+){1,5})\(([A-Z]{2,6})s?\)(?:\s+([A-Za-z]+))?/g)) {
    const before = (m[1] ?? '').trim().split(/\s+/);
    const abbr = m[2] ?? '';
    const after = m[3] ?? '';
    for (let n = 1; n <= before.length; n++) {
      const phrase = before.slice(-n).join(' ');
      // "registered veterinary nurse (RVN)": the licence word is part of the initials, not of the role's name.
      const role = byKey.get(roleKey(phrase)) ?? byKey.get(roleKey(phrase.replace(LICENSED, '')));
      if (role && initials(phrase) === abbr) out.push([role, abbr]);
      const expanded = byKey.get(roleKey(`${abbr} ${after}`)) ?? byKey.get(roleKey(`${phrase} ${after}`));
      if (expanded && after && initials(phrase) === abbr)
        out.push([expanded, singular(roleKey(expanded.name) === roleKey(`${abbr} ${after}`) ? `${phrase} ${after}` : `${abbr} ${after}`)]);
    }
  }
  const add = (role: Role | undefined, name: string) => {
    const alias = singular(
      name
        .replace(/\([^)]*\)/g, ' ')
        .replace(/["“”]/g, '')
        .trim(),
    );
    const words = alias.split(/\s+/).length;
    // One word may be a nickname ("often called quants") or initials ("RVN"), but never a bare job noun ("also called an analyst").
    const nickname = words === 1 && (alias.length >= 4 || /^[A-Z]{2,5}$/.test(alias)) && !new RegExp(`^${JOB_NOUN.source}$`, 'i').test(alias);
    if (role && ((words >= 2 && words <= 5) || nickname)) out.push([role, alias]);
  };
  for (const m of text.matchAll(ALSO_CALLED)) {
    const sentenceStart = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n', m.index)) + 1;
    const before = text.slice(sentenceStart, m.index);
    // "A Technical Account Manager (TAM), also known as…": the abbreviation between does not hide the person.
    const bare = before.replace(/\([^)]*\)[\s,]*$/, ' ');
    // "Arborists, also called tree surgeons": the page's own job names a person even without a job noun.
    const ownJob = pageRole && new RegExp(`\\b${roleKey(pageRole.name).replace(/\s+/g, '\\s+')}s?[\\s,]*$`, 'i').test(bare);
    if (!PERSON_BEFORE.test(bare) && !ownJob) continue;
    // "also called an L10n engineer or i18n engineer" names two.
    const role = ownJob ? pageRole : namedBefore(roles, bare, pageRole);
    if (role === null) continue;
    for (const name of (m[1] ?? '').split(/\s+or\s+(?:an?\s+)?/)) add(role, name);
    // "advertised as "IT-Security Analyst"; in the Netherlands as "Security Analyst"": every job title the rest of the
    // sentence quotes is one of its names too.
    const end = text.slice(m.index).search(/[.!?](?:\s|$)|\n/);
    const rest = text.slice(m.index, end < 0 ? text.length : m.index + end + 1);
    for (const q of rest.matchAll(/["“]([^"”\n]{3,60})["”]/g)) if (isRoleName(q[1] ?? '')) add(role, q[1] ?? '');
  }
  for (const m of text.matchAll(NAMES_AFTER_SENTENCE)) for (const name of (m[1] ?? '').split(/,|;|\bor\b/)) add(pageRole, name);
  return out;
}

/** Initials as rare as an English word of rank 3,000 or rarer: "AM" (0.1) and "DE" (0.37) are words, "BA" (0.75) is not. */
const INITIALS_MIN_SPECIFICITY = 0.55;
/** Two letters chat uses for something else ("vet nurse vs qs", "hr", "ai", "uk"): never a role's initials. */
const CHAT_LETTERS = new Set(['vs', 'ok', 'tv', 'pc', 'pr', 'hr', 'ai', 'uk', 'us', 'eu', 'id', 'ur', 'np', 'ty', 'ya', 'yo']);

/**
 * Initials that already stand for a well-known job or credential: "OT" is an occupational therapist to most people,
 * so an Orthodontic Therapist page does not get it (a review asked "OT salary" and got orthodontic pay).
 */
const TAKEN_INITIALS: Record<string, string> = {
  OT: 'occupational therapist',
  PT: 'physical therapist',
  PA: 'physician assistant',
  RN: 'registered nurse',
  GP: 'general practitioner',
  PM: 'product manager',
  EM: 'engineering manager',
  SE: 'software engineer',
  TA: 'teaching assistant',
  CA: 'chartered accountant',
  SA: 'solutions architect',
  DS: 'data scientist',
  // Credentials people name by their initials more often than any job.
  CFA: 'chartered financial analyst',
  CPA: 'certified public accountant',
  CFP: 'certified financial planner',
  CMA: 'certified management accountant',
  PMP: 'project management professional',
  MBA: 'master of business administration',
};

/**
 * Job nouns that say what kind of work only with the words before them ("data engineer", "dental therapist"):
 * never a role's name on their own.
 */
const GENERIC_HEADS = new Set(
  `engineer developer manager analyst scientist architect designer administrator writer consultant specialist technician
  programmer tester advocate owner practitioner officer coordinator director strategist researcher editor lead assistant
  representative planner producer nurse therapist auditor teacher doctor surgeon physician mechanic clerk driver operator
  worker agent associate executive controller inspector reporter partner head`.split(/\s+/),
);

/** A noun for a person ("fitter", "hygienist", "pilot"), not for a group or a thing ("Air Cabin Crew", "Support Desk"). */
const PERSON_NOUN = new RegExp(`^(?:${JOB_NOUN.source.replace(/^\\b|\\b$/g, '')}|\\w+(?:er|or|ist|ian|ant|ent|ic|wife|man|woman|person))$`, 'i');

/** Words before a job noun that say the job is licensed, not which kind it is ("Registered Nurse", "Chartered Accountant"). */
const LICENCE_WORDS = new Set(['registered', 'licensed', 'chartered', 'certified', 'qualified', 'general']);
/** A licence word opening a name ("registered veterinary nurse"). */
const LICENSED = new RegExp(`^(?:${[...LICENCE_WORDS].join('|')})\\s+`, 'i');

/** Fewest times a page writes a shorter name of its job on its own ("a registered dietitian") for it to be one. */
const MIN_SHORTER_NAME = 2;

/**
 * Names a page writes for its job that are the start of its name and end in a person noun: "registered dietitian"
 * (three times, never followed by "nutritionist") on a Registered Dietitian Nutritionist page. Never a generic noun
 * ("Registered Nurse" is a job of its own, not a shorter Registered Nurse Practitioner).
 */
function shorterNames(text: string, name: string): string[] {
  const words = singular(name).split(/\s+/);
  const out: string[] = [];
  for (let n = 2; n < words.length; n++) {
    const head = words[n - 1] ?? '';
    if (!PERSON_NOUN.test(head) || GENERIC_HEADS.has(roleKey(head))) continue;
    const phrase = words.slice(0, n).map(escapeRegExp).join('\\s+');
    const alone = new RegExp(`\\b${phrase}s?\\b(?!\\s+${escapeRegExp(words[n] ?? '')})`, 'gi');
    if ((text.match(alone)?.length ?? 0) >= MIN_SHORTER_NAME) out.push(words.slice(0, n).join(' '));
  }
  return out;
}

/** Whether a text sets two nouns against each other: "Dietitian vs nutritionist: what's the difference?". */
function contrasts(text: string, a: string, b: string): boolean {
  const [x, y] = [a, b].map((w) => `${escapeRegExp(w)}s?`);
  return new RegExp(`\\b(?:${x}\\s+(?:vs\\.?|versus)\\s+(?:an?\\s+)?${y}|${y}\\s+(?:vs\\.?|versus)\\s+(?:an?\\s+)?${x})\\b`, 'i').test(text);
}

/**
 * The last word of a role's name, or of a shorter name its page writes ("Registered Dietitian", see `shorterNames`),
 * when it names the job alone: "hygienists" is the Dental Hygienist when no other role is a hygienist (a review's
 * "and hygienists?" follow-up was refused). Never a generic noun ("engineers"), and never the last word of the name
 * when a page sets it against the other ("Dietitian vs nutritionist": "'nutritionist' often is not" a protected title).
 */
function headNouns(roles: Role[], docs: SourceDoc[]): [Role, string][] {
  const byHead = new Map<string, Set<Role>>();
  const written = new Map<string, string>();
  for (const role of roles) {
    const shorter = role.aliases.filter((a) => role.name.toLowerCase().startsWith(`${a.toLowerCase()} `));
    const heads = shorter.map((a) => a.split(/\s+/).at(-1) ?? '');
    for (const name of [role.name, ...shorter]) {
      const words = name.split(/\s+/);
      const head = words.at(-1) ?? '';
      // "Registered Nurse" is what "nurses" means; "Dental Nurse" is one kind of them.
      const licensed = words.slice(0, -1).every((w) => LICENCE_WORDS.has(w.toLowerCase()));
      if (words.length < 2 || (GENERIC_HEADS.has(roleKey(head)) && !licensed) || !PERSON_NOUN.test(head)) continue;
      if (name === role.name && heads.some((h) => docs.some((d) => contrasts(d.text, h, head)))) continue;
      byHead.set(roleKey(head), (byHead.get(roleKey(head)) ?? new Set()).add(role));
      written.set(roleKey(head), nameCase(head));
    }
  }
  const names = new Set(roles.map((r) => roleKey(r.name)));
  return [...byHead].flatMap(([head, rs]) => {
    const [role, ...others] = rs;
    return role && !others.length && !names.has(head) ? [[role, written.get(head) ?? head] as [Role, string]] : [];
  });
}

/** The initials a role's name gives: "HR Business Partner" -> HRBP (see `initials`), else from its key ("ML engineer" -> MLE). */
function nameInitials(name: string): string {
  return /\b[A-Z]{2,4}\b/.test(name) ? initials(name) : initials(roleKey(name));
}

/** Initials defined in the documents, with the words they stand for: "Chartered Financial Analyst (CFA)" -> CFA. */
function definedInitials(docs: SourceDoc[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const doc of docs)
    for (const m of doc.text.matchAll(/((?:[A-Za-z][\w-]*\s+){1,6})\(([A-Z]{2,6})s?\)/g)) {
      const abbr = m[2] ?? '';
      const words = (m[1] ?? '').trim().split(/\s+/);
      // The words the initials spell, from the end: "the Chartered Financial Analyst" -> "Chartered Financial Analyst".
      for (let n = 1; n <= words.length; n++) {
        const phrase = words.slice(-n).join(' ');
        if (initials(phrase) === abbr) out.set(abbr, (out.get(abbr) ?? new Set()).add(roleKey(phrase)));
      }
    }
  return out;
}

/**
 * Initials people type for a role the page never shortens: "BA" for Business Analyst, "ATC" for Air Traffic
 * Controller. Only initials no other role shares, that stand for nothing better known (a place such as "GA", a word
 * for pay such as "TC", a famous credential such as "CFA", another job such as "OT"), and that no document defines
 * for something else. Two letters mean many things ("BA" is also a degree), so those also must be no English word
 * and never used by a document at all, and only for a role without initials of its own.
 */
function generatedInitials(roles: Role[], docs: SourceDoc[]): [Role, string][] {
  const byInitials = new Map<string, Role[]>();
  for (const role of roles) {
    const words = roleKey(role.name).split(' ');
    const abbr = nameInitials(role.name);
    const two = abbr.length === 2;
    if (words.length < 2 || (two && (words.length !== 2 || role.aliases.some((a) => /^[A-Z]{2,5}$/.test(a))))) continue;
    byInitials.set(abbr, [...(byInitials.get(abbr) ?? []), role]);
  }
  const used = new Set(docs.flatMap((d) => [...d.text.matchAll(/\b([A-Z]{2})s?\b/g)].map((m) => m[1] ?? '')));
  const defined = definedInitials(docs);
  // "AM", "BE", "IT" are everyday words before they are anyone's initials.
  const word = (abbr: string) => specificity(abbr) < INITIALS_MIN_SPECIFICITY || CHAT_LETTERS.has(abbr.toLowerCase());
  const standsForElse = (abbr: string, role: Role) => {
    const taken = TAKEN_INITIALS[abbr];
    const key = roleKey(role.name);
    if (taken !== undefined && taken !== key) return true;
    if ([...(defined.get(abbr) ?? [])].some((k) => k !== key)) return true;
    return findPlaces(abbr).length > 0 || PAY_WORDS.test(abbr);
  };
  return [...byInitials].flatMap(([abbr, rs]) => {
    const [role, ...others] = rs;
    if (!role || others.length || standsForElse(abbr, role)) return [];
    if (abbr.length === 2 && (used.has(abbr) || word(abbr))) return [];
    return [[role, abbr] as [Role, string]];
  });
}

function generatedAliases(name: string, key: string, found: Set<string>): string[] {
  const out = new Set<string>(found);
  const words = key.split(' ');
  if (key.includes('machine learning')) out.add(name.replace(/Machine Learning/i, 'ML'));
  if (words.length === 3 && key.endsWith('machine learning engineer')) out.add('ML engineer');
  if (/backend/.test(key)) out.add(name.replace(/Backend/i, 'Back-end'));
  if (/^(?:backend|frontend|software|web|integration|full stack|fullstack) (?:engineer|developer)$/.test(key)) {
    const stem = name.replace(/\s+(?:Engineer|Developer)$/i, '');
    out.add(`${stem} dev`);
    out.add(`${stem} ${/engineer$/.test(key) ? 'Developer' : 'Engineer'}`);
  }
  out.delete(name);
  const seen = new Set([name.toLowerCase()]);
  return [...out].filter((a) => {
    const lower = a.trim().toLowerCase();
    if (!lower || seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}

/**
 * Sections that support each role: its pages (except sections whose heading is another role's), and the
 * sections of headings and labelled items that name it. Mentions elsewhere add nothing.
 */
function attachSources(roles: Role[], docs: SourceDoc[], found: Map<string, Candidate>): void {
  const files = new Map(docs.map((d) => [d.id, d.file]));
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const role of roles) {
    const c = found.get(roleKey(role.name));
    if (!c) continue;
    for (const [docId, sections] of c.sections) {
      const doc = byId.get(docId);
      for (const s of [...sections].sort((a, b) => a - b)) {
        if (doc && c.pages.has(docId)) {
          const heading = doc.sections[s]?.path.at(-1) ?? '';
          const other = rolesMentioned(roles, heading).find((r) => r !== role);
          if (other && !rolesMentioned(roles, heading).includes(role)) continue;
        }
        role.sources.push([docId, s]);
      }
    }
    role.documents = [...new Set(role.sources.map(([d]) => files.get(d) ?? d))];
  }
}

/** Adds the sections of facts and profile items attributed to a role to its sources (see `buildKnowledge`). */
export function addSources(role: Role, docs: SourceDoc[], sections: [string, number][]): void {
  const seen = new Set(role.sources.map(([d, s]) => `${d}\0${s}`));
  for (const [d, s] of sections) {
    if (seen.has(`${d}\0${s}`)) continue;
    seen.add(`${d}\0${s}`);
    role.sources.push([d, s]);
  }
  const files = new Map(docs.map((d) => [d.id, d.file]));
  role.documents = [...new Set(role.sources.map(([d]) => files.get(d) ?? d))];
}

/**
 * Role-like names the documents only mention ("works with data scientists"), for an honest refusal; never
 * roles. A lower-case phrase counts once the corpus writes it twice: a one-off run is often a verb and its
 * object ("give developers").
 */
export function mentionedRoles(docs: SourceDoc[], roles: Role[]): string[] {
  const known = [...new Set(roles.flatMap((r) => [r.name, ...r.aliases].map(roleKey)))];
  const counts = new Map<string, { name: string; n: number }>();
  const count = (phrase: string, weight: number) => {
    const name = singular(phrase).replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
    const key = roleKey(name);
    if (known.some((k) => key === k || key.endsWith(` ${k}`))) return;
    const c = counts.get(key) ?? { name, n: 0 };
    c.n += weight;
    counts.set(key, c);
  };
  for (const doc of docs) {
    const { titled, lower } = roleLikePhrases(`${doc.title}\n${doc.text}`);
    for (const p of titled) count(p, 2);
    for (const p of lower) count(p, 1);
  }
  return [...counts.values()]
    .filter((c) => c.n >= 2)
    .map((c) => c.name)
    .sort();
}

/** The role a document is about: its declared or title role, else the most specific catalog role its title names. */
export function primaryRole(roles: Role[], doc: SourceDoc): Role | undefined {
  const page = pageRoleName(doc);
  if (page) {
    const declared = roles.find((r) => roleKey(r.name) === roleKey(page));
    if (declared) return declared;
  }
  const title = new Set(roleKey(doc.title).split(' '));
  let best: Role | undefined;
  let bestSize = 0;
  for (const role of roles) {
    const words = roleKey(role.name).split(' ');
    if (words.every((w) => title.has(w)) && words.length > bestSize) {
      best = role;
      bestSize = words.length;
    }
  }
  return best;
}
