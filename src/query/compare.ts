// Use case "compare" (pure over the knowledge and profiles): two roles side by side (what, responsibilities,
// skills, education, salary, outlook), each cell quoted from the corpus, plus the skills both roles share.
// A role without content of its own is refused rather than shown as a column of empty cells.
import type { CompareAnswer, CompareRow, NoAnswer } from '../domain/answer.js';
import {
  type Knowledge,
  type MarketFact,
  PROFILE_ASPECTS,
  type Profile,
  type ProfileItem,
  type Role,
  type SalaryFact,
  citeFact,
  hasOwnContent,
} from '../domain/knowledge.js';
import { escapeRegExp } from '../domain/regexp.js';
import { type Citation, type SourceDoc, citeSpan } from '../domain/types.js';
import { JOB_NOUN } from '../domain/vocabulary.js';
import { terms } from '../index/terms.js';
import { findMoney, hasMoney } from '../ingest/knowledge/money.js';
import { OUTLOOK_HEADING, OUTLOOK_WORDS } from '../ingest/knowledge/outlook.js';
import { nameCase, shortens } from '../ingest/knowledge/role-names.js';
import { resolveRole, roleKey, rolesMentioned } from '../ingest/knowledge/roles.js';
import { sentenceSpans } from '../ingest/text.js';
import { offeredRoles, refusal, unknownRole } from './no-answer.js';
import { mentionedOnly, noContent } from './roles.js';

/** Headings of lists that name skills two roles share. */
const SHARED_HEADING = /overlap|shared|in common|common skills|transferable/i;

/** Skills listed for both roles: an explicit "overlapping skills" list about both, plus identical items. */
function sharedSkills(docs: SourceDoc[], roles: Role[], a: Role, b: Role, pa: Profile, pb: Profile): Citation[] {
  const shared: Citation[] = [];
  for (const doc of docs) {
    doc.sections.forEach((section, i) => {
      const heading = section.path[section.path.length - 1] ?? '';
      if (!SHARED_HEADING.test(heading)) return;
      const top = section.path[0];
      const scope = doc.blocks.filter((bl) => doc.sections[bl.section]?.path[0] === top).map((bl) => doc.text.slice(bl.start, bl.end));
      const about = rolesMentioned(roles, scope.join('\n'));
      if (!about.includes(a) || !about.includes(b)) return;
      for (const bl of doc.blocks) if (bl.section === i && bl.kind === 'bullet') shared.push(citeSpan(doc, i, bl.start, bl.end));
    });
  }
  const key = (t: string) => terms(t).sort().join(' ');
  const skillsB = new Set(pb.aspects['Key skills'].map((x) => key(x.quote)));
  for (const x of pa.aspects['Key skills']) if (skillsB.has(key(x.quote))) shared.push(x);
  const seen = new Set<string>();
  return shared.filter((x) => !seen.has(key(x.quote)) && seen.add(key(x.quote)));
}

/** A market percentage that speaks of the job market, by its words or its section's heading. */
function isOutlook(m: MarketFact): boolean {
  return OUTLOOK_WORDS.test(m.quote) || OUTLOOK_HEADING.test(m.section.split(' › ').at(-1) ?? '');
}

/** How many sentences of a section about both roles a comparison opens with. */
const MAX_DIFFERENCES = 3;

/**
 * The sentences that set two roles apart: from a section whose heading names both ("Platform engineer or DevOps
 * engineer?", "How is GRC different from a security analyst?"), those that name either role, in full or by its
 * job noun ("Technicians usually hold…", "Engineers carry…").
 */
function differences(docs: SourceDoc[], roles: Role[], a: Role, b: Role): Citation[] {
  const out: Citation[] = [];
  const named = [byNoun(a, b), byNoun(b, a)];
  for (const doc of docs) {
    doc.sections.forEach((section, i) => {
      const about = rolesMentioned(roles, section.path.at(-1) ?? '');
      if (!about.includes(a) || !about.includes(b)) return;
      for (const block of doc.blocks) {
        if (block.section !== i || block.kind === 'heading') continue;
        for (const s of sentenceSpans(doc.text, block.start, block.end)) {
          const names = rolesMentioned(named, doc.text.slice(s.start, s.end));
          if (names.length && out.length < MAX_DIFFERENCES) out.push(citeSpan(doc, i, s.start, s.end));
        }
      }
    });
  }
  return out;
}

const JOB_NOUN_WORD = new RegExp(`^(?:${JOB_NOUN.source})$`, 'i');

/**
 * The role also known by its job noun alone, when the role it is set against has another: in a section about
 * both, "technicians" are the mechanical engineering technicians and "engineers" the mechanical engineers, while
 * beside a DevOps engineer "engineers" could be either.
 */
function byNoun(role: Role, against: Role): Role {
  const noun = roleKey(role.name).split(' ').at(-1) ?? '';
  const nounOf = (r: Role) => roleKey(r.name).split(' ').at(-1);
  if (!JOB_NOUN_WORD.test(noun) || roleKey(role.name) === noun || nounOf(against) === noun) return role;
  return { ...role, aliases: [...role.aliases, noun] };
}

/** A heading that sets two jobs against each other ("Electrician vs data cabler", "SOC analyst or pen tester?"). */
const VERSUS = /\bvs\.?(?=\s)|\bversus\b|\bor\b|\bcompared\b|\bdiffer/i;

/** Most sentences a job the documents only mention gets for its side, from the section that compares it. */
const MAX_MENTIONED_SENTENCES = 3;

/**
 * A job the documents have no page for, seen from a section that sets it against a role ("Electrician vs data
 * cabler"): a stand-in role named as the user typed it, and the section's sentences that speak of it.
 */
function mentionedSide(docs: SourceDoc[], roles: Role[], role: Role, input: string): { other: Role; about: Citation[] } | null {
  const typed = roleKey(input).split(' ').filter(Boolean);
  if (!typed.length) return null;
  for (const doc of docs)
    for (const [i, section] of doc.sections.entries()) {
      const heading = section.path.at(-1) ?? '';
      if (!VERSUS.test(heading) || !rolesMentioned(roles, heading).includes(role)) continue;
      const body = doc.blocks
        .filter((b) => b.section === i && b.kind !== 'heading')
        .map((b) => doc.text.slice(b.start, b.end))
        .join('\n');
      // Named in the heading, or by its whole name of two words or more in the section ("Dietitian vs nutritionist"
      // goes on to "A dietetic technician, registered (DTR) needs only…").
      const inHeading = namedIn(roleKey(heading).split(' '), typed);
      const inBody = typed.length >= 2 && ` ${roleKey(body)} `.includes(` ${typed.join(' ')} `) ? typed.join(' ') : null;
      const name = inHeading ?? inBody;
      if (!name) continue;
      const written = asWritten(inHeading ? heading : body, name);
      const other: Role = { name: nameCase(written), aliases: initialsAfter(body, written), sources: [], documents: [] };
      // The section may call the job by its noun alone ("Technicians and AAPs work on the same ambulances").
      const called = [byNoun(other, role)];
      const about: Citation[] = [];
      for (const block of doc.blocks) {
        if (block.section !== i || block.kind === 'heading') continue;
        for (const sp of sentenceSpans(doc.text, block.start, block.end))
          if (about.length < MAX_MENTIONED_SENTENCES && rolesMentioned(called, doc.text.slice(sp.start, sp.end)).length)
            about.push(citeSpan(doc, i, sp.start, sp.end));
      }
      if (about.length) return { other, about };
    }
  return null;
}

/** Initials a text gives a name just after it: "dietetic technician, registered (DTR)" -> DTR, so "DTRs earn…" is about it. */
function initialsAfter(text: string, written: string): string[] {
  const m = new RegExp(`\\b${escapeRegExp(written).replace(/\s+/g, '\\s+')}s?\\b[^().;\\n]{0,20}\\(([A-Z]{2,6})s?\\)`, 'i').exec(text);
  return m?.[1] ? [m[1]] : [];
}

/**
 * A job's name in a heading's own capitals ("HR adviser" in "HR business partner or HR adviser?"), from its key;
 * the key itself when the heading writes it otherwise.
 */
function asWritten(heading: string, key: string): string {
  const words = key.split(' ');
  // Word by word through the same key, so a spelling the key folds ("adviser" -> advisor) still finds the heading's own.
  const tokens = [...heading.matchAll(/[\p{L}\p{N}+#]+/gu)].map((m) => m[0]);
  const keys = tokens.map(roleKey);
  for (let i = 0; i + words.length <= tokens.length; i++)
    if (words.every((w, k) => keys[i + k] === w))
      return tokens
        .slice(i, i + words.length)
        .map((t, k) => (/s$/i.test(t) && !words[k]?.endsWith('s') ? t.slice(0, -1) : t))
        .join(' ');
  return key;
}

/** Longest name of a job the documents only mention, in words. */
const MAX_MENTIONED_WORDS = 4;

/** The words of a heading that the typed name is, in full or shortened ("pentester" for "penetration tester"). */
function namedIn(words: string[], typed: string[]): string | null {
  for (let n = MAX_MENTIONED_WORDS; n >= 1; n--)
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n).join(' ');
      if (run === typed.join(' ') || shortens(typed, 0, run) === typed.length) return run;
    }
  return null;
}

/**
 * What a role the documents give only as an entry of a "Related careers" box is, from that entry: its first
 * sentence without an amount ("Drives the ambulance and supports the paramedic."), when it has no defining sentence.
 */
function boxEntry(docs: SourceDoc[], role: Role): Citation[] {
  const key = roleKey(role.name);
  for (const [docId, section] of role.sources) {
    const doc = docs.find((d) => d.id === docId);
    if (!doc?.roles.some((r) => roleKey(r) === key)) continue;
    for (const block of doc.blocks) {
      if (block.section !== section || block.kind === 'heading') continue;
      for (const s of sentenceSpans(doc.text, block.start, block.end))
        if (!hasMoney(doc.text.slice(s.start, s.end))) return [citeSpan(doc, section, s.start, s.end)];
    }
  }
  return [];
}

/** What splits a sentence into the clauses that may each name whose pay follows. */
const CLAUSE = /[:;,(]/;

/**
 * Which of two jobs a pay sentence gives its figure for: the one its last clause before the figure names alone
 * ("Technical writers usually earn more: content writers in the US typically earn $50,000 to $70,000" is the content
 * writers' pay); none when no clause names one of them alone (a table row, "both earn…").
 */
function payeeOf(f: SalaryFact, jobs: Role[]): Role | undefined {
  const amount = findMoney(f.quote).find((m) => m.from === (f.min ?? f.value));
  if (!amount) return undefined;
  const clauses = f.quote.slice(0, amount.start).split(CLAUSE).reverse();
  for (const clause of clauses) {
    const named = rolesMentioned(jobs, clause);
    if (named.length === 1) return named[0];
    if (named.length > 1) return undefined;
  }
  return undefined;
}

/** Top-level items only: nested bullets make no sense without their parent in a compact cell. */
const topLevel = (items: ProfileItem[]) => items.filter((i) => !i.nested);

/** Each quoted span once, first occurrence kept. */
function unique<T extends { docId: string; start: number; end: number }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = `${x.docId}:${x.start}:${x.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const EMPTY: Omit<Profile, 'role'> = { what: null, aspects: { Responsibilities: [], 'Key skills': [], Education: [] }, outlook: [], progression: [] };

/** Compares two roles; the same role twice, an unknown role or a role without content of its own is refused with suggestions. */
export function compareRoles(
  knowledge: Knowledge,
  profiles: Map<string, Profile>,
  docs: SourceDoc[],
  inputA: string,
  inputB: string,
  question = `${inputA} vs ${inputB}`,
): CompareAnswer | NoAnswer {
  const withContent = offeredRoles(knowledge, profiles);
  const resolve = (input: string) => {
    const r = resolveRole(knowledge.roles, input);
    return r.role
      ? { role: r.role }
      : { refusal: mentionedOnly(knowledge, question, 'compare', input, withContent) ?? unknownRole(question, 'compare', input, r.suggestions) };
  };
  const ra = resolve(inputA);
  const rb = resolve(inputB);
  // "compare Electrician "Data cabler"": a job the documents only set against a role gets its side from that section.
  const sideA = !ra.role && rb.role ? mentionedSide(docs, knowledge.roles, rb.role, inputA) : null;
  const sideB = ra.role && !rb.role ? mentionedSide(docs, knowledge.roles, ra.role, inputB) : null;
  const a = ra.role ?? sideA?.other;
  const b = rb.role ?? sideB?.other;
  if (!a) return ra.refusal ?? refusal(question, 'compare', [], { code: 'no-content', role: inputA }, withContent.slice(0, 5));
  if (!b) return rb.refusal ?? refusal(question, 'compare', [], { code: 'no-content', role: inputB }, withContent.slice(0, 5));
  const mentioned = new Map([sideA, sideB].flatMap((x) => (x ? [[x.other, x.about] as const] : [])));
  if (a === b) {
    const others = withContent.filter((r) => r !== a.name).slice(0, 5);
    return refusal(question, 'compare', [a.name], { code: 'same-role', role: a.name }, others);
  }
  for (const r of [a, b]) {
    if (!mentioned.has(r) && !hasOwnContent(profiles.get(r.name), knowledge.salaries))
      return noContent(
        question,
        'compare',
        r.name,
        withContent.filter((n) => n !== a.name && n !== b.name),
      );
  }
  const pa = profiles.get(a.name) ?? { role: a.name, ...EMPTY };
  const pb = profiles.get(b.name) ?? { role: b.name, ...EMPTY };
  const apart = differences(docs, [...knowledge.roles, ...mentioned.keys()], a, b);
  // A mentioned job's only cell is what the comparing section says of it beyond the differences shown above it.
  const what = (r: Role, p: Profile): Citation[] => {
    const about = mentioned.get(r);
    if (!about) return p.what ? [p.what] : boxEntry(docs, r);
    const more = about.filter((x) => !apart.some((d) => d.docId === x.docId && d.start === x.start));
    return more.length ? more : about.slice(0, 1);
  };
  // A figure the role's page gives for the mentioned job ("HR adviser (the usual step before): £28,000 to £36,000",
  // "The median pay for mechanical engineering technicians was…") is that job's, not the role's.
  const job = [...mentioned.keys()][0];
  const role = job === a ? b : a;
  const forJob = (f: SalaryFact) => {
    if (!job) return false;
    const payee = payeeOf(f, [role, job]);
    if (payee) return payee === job;
    return !rolesMentioned([role], f.label).length && rolesMentioned([job], `${f.label}\n${f.context ?? ''} ${f.quote}`).length > 0;
  };
  // A figure filed with another job its page lists ("Head of HR or HR director: …") is no side's own pay.
  const salaries = (r: Role) =>
    job
      ? knowledge.salaries
          .filter((f) => f.role === role.name && (r === job ? forJob(f) : !forJob(f) && !f.job))
          // A label that names the role ("Technical writers usually earn more") is not what the job's figure is.
          .map((f) => (r === job && rolesMentioned([role], f.label).length ? { ...f, label: job.name } : f))
      : knowledge.salaries.filter((f) => f.role === r.name && !f.job);
  const outlook = (r: Role, p: Profile): Citation[] =>
    unique([...p.outlook, ...knowledge.market.filter((m) => m.roles.includes(r.name) && isOutlook(m)).map(citeFact)]).filter(
      (x, _, all) => !all.some((o) => o !== x && o.docId === x.docId && o.start <= x.start && x.end <= o.end && o.end - o.start > x.end - x.start),
    );
  const rows: CompareRow[] = [
    { aspect: 'What it is', a: what(a, pa), b: what(b, pb) },
    ...PROFILE_ASPECTS.map((aspect) => ({ aspect, a: topLevel(pa.aspects[aspect]), b: topLevel(pb.aspects[aspect]) })),
    { aspect: 'Salary', a: salaries(a), b: salaries(b) },
    { aspect: 'Outlook', a: outlook(a, pa), b: outlook(b, pb) },
  ];
  const shared = sharedSkills(docs, knowledge.roles, a, b, pa, pb);
  // Every quote behind every cell, so the full lists are one tap away (Sources) when a cell shows "+N more".
  const cited = rows.flatMap((r): Citation[] => (r.aspect === 'Salary' ? [...r.a, ...r.b].map(citeFact) : [...r.a, ...r.b]));
  const citations = unique([...apart, ...cited, ...shared]);
  return {
    kind: 'compare',
    answered: true,
    question,
    intent: 'compare',
    a: a.name,
    b: b.name,
    roles: [a.name, b.name],
    rows,
    differences: apart,
    shared,
    citations,
  };
}
