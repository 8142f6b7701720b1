// Use case "compare" (pure over the knowledge and profiles): two roles side by side (what, responsibilities,
// skills, education, salary, outlook), each cell quoted from the corpus, plus the skills both roles share.
import type { CompareAnswer, CompareRow, NoAnswer } from '../domain/answer.js';
import { type Knowledge, PROFILE_ASPECTS, type Profile, type ProfileItem, type Role } from '../domain/knowledge.js';
import { type Citation, type SourceDoc, citeSpan } from '../domain/types.js';
import { terms } from '../index/terms.js';
import { resolveRole, rolesMentioned } from '../ingest/knowledge/roles.js';
import { unknownRole } from './no-answer.js';

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

/** Top-level items only: nested bullets make no sense without their parent in a compact cell. */
const topLevel = (items: ProfileItem[]) => items.filter((i) => !i.nested);

/** Compares two roles; the same role twice or an unknown role is refused with suggestions. */
export function compareRoles(
  knowledge: Knowledge,
  profiles: Map<string, Profile>,
  docs: SourceDoc[],
  inputA: string,
  inputB: string,
  question = `${inputA} vs ${inputB}`,
): CompareAnswer | NoAnswer {
  const ra = resolveRole(knowledge.roles, inputA);
  if (!ra.role) return unknownRole(question, 'compare', inputA, ra.suggestions);
  const rb = resolveRole(knowledge.roles, inputB);
  if (!rb.role) return unknownRole(question, 'compare', inputB, rb.suggestions);
  const a = ra.role;
  const b = rb.role;
  if (a === b) {
    const others = knowledge.roles
      .filter((r) => r !== a)
      .slice(0, 5)
      .map((r) => r.name);
    return {
      kind: 'none',
      answered: false,
      question,
      intent: 'compare',
      roles: [a.name],
      citations: [],
      reason: { code: 'same-role', role: a.name },
      suggestions: others,
    };
  }
  const empty: Profile = { role: '', what: null, aspects: { Responsibilities: [], 'Key skills': [], Education: [] } };
  const pa = profiles.get(a.name) ?? empty;
  const pb = profiles.get(b.name) ?? empty;
  const salaries = (r: Role) => knowledge.salaries.filter((f) => f.role === r.name);
  const outlook = (r: Role) => {
    const seen = new Set<string>();
    return knowledge.market.filter((m) => m.roles.includes(r.name) && !seen.has(m.quote) && seen.add(m.quote));
  };
  const rows: CompareRow[] = [
    { aspect: 'What it is', a: pa.what ? [pa.what] : [], b: pb.what ? [pb.what] : [] },
    ...PROFILE_ASPECTS.map((aspect) => ({ aspect, a: topLevel(pa.aspects[aspect]), b: topLevel(pb.aspects[aspect]) })),
    { aspect: 'Salary', a: salaries(a), b: salaries(b) },
    { aspect: 'Outlook', a: outlook(a), b: outlook(b) },
  ];
  const shared = sharedSkills(docs, knowledge.roles, a, b, pa, pb);
  const citations = [pa.what, pb.what, ...PROFILE_ASPECTS.flatMap((aspect) => [pa, pb].flatMap((p) => topLevel(p.aspects[aspect]))), ...shared].filter(
    (x): x is Citation => !!x,
  );
  return { kind: 'compare', answered: true, question, intent: 'compare', a: a.name, b: b.name, roles: [a.name, b.name], rows, shared, citations };
}
