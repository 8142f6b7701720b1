// Use case "compare" (pure): two roles side by side (what, responsibilities, skills, education, salary,
// outlook), each cell quoted from the corpus, with the skills both roles share called out.
import { terms } from '../index/terms.js';
import { type Answer, type Citation, type SourceDoc, sourceLabel } from '../domain/types.js';
import { MESSAGE_LIMIT, escapeMarkdown, trimAtBoundary } from '../adapters/format.js';
import type { Knowledge } from '../ingest/knowledge/index.js';
import { type Role, primaryRole, resolveRole, rolesMentioned } from '../ingest/knowledge/roles.js';
import { describe } from './salary.js';

const ASPECTS: { aspect: string; heading: RegExp; exclude?: RegExp }[] = [
  { aspect: 'Responsibilities', heading: /responsibilit|duties/i },
  { aspect: 'Key skills', heading: /skill|competenc|proficien|tools|technolog|requirement/i, exclude: /soft|overlap|educat|market/i },
  { aspect: 'Education', heading: /educat|degree/i },
];

const MISSING = 'Not in the documents';

interface Item {
  text: string;
  citation: Citation;
  /** A nested bullet (shown with its parent in answers, left out of compact comparison cells). */
  nested: boolean;
}

/** Roles a section is about: named in its headings, else in its top section's introduction, else the document's role. */
export function sectionRoles(roles: Role[], doc: SourceDoc, section: number, primary: Role | undefined): Role[] {
  const path = doc.sections[section]?.path ?? [];
  const inHeading = rolesMentioned(roles, path.join(' \n '));
  if (inHeading.length) return inHeading;
  const top = path[0];
  const intro = doc.blocks.find((b) => b.kind === 'paragraph' && doc.sections[b.section]?.path[0] === top && doc.sections[b.section]?.path.length === 1);
  const inIntro = top && intro ? rolesMentioned(roles, doc.text.slice(intro.start, intro.end)) : [];
  if (inIntro.length) return inIntro;
  return primary ? [primary] : [];
}

function item(doc: SourceDoc, section: number, start: number, end: number, parent?: number): Item {
  const text = doc.text.slice(start, end);
  const p = parent === undefined ? undefined : doc.blocks[parent];
  const context = p ? doc.text.slice(p.start, p.end) : undefined;
  return {
    text,
    nested: !!p,
    citation: { doc: doc.title, section: sourceLabel(doc, section), quote: text, ...(context ? { context } : {}), score: 1, docId: doc.id, start, end },
  };
}

/** What the corpus says about one role, by aspect; every item is an exact quote. */
export interface Profile {
  what: Item | null;
  aspects: Map<string, Item[]>;
}

/** Aspects a section holds: by its own heading, else by its top-level heading. */
function aspectsOf(path: string[]): typeof ASPECTS {
  const matching = (heading: string | undefined) => (heading ? ASPECTS.filter((a) => a.heading.test(heading) && !a.exclude?.test(heading)) : []);
  const own = matching(path[path.length - 1]);
  if (own.length || path.length < 2) return own;
  return /soft|overlap|market/i.test(path[path.length - 1]!) ? [] : matching(path[0]);
}

/** Role facts of one document that do not depend on which role is asked about; computed once per index. */
interface DocRoles {
  primary: Role | undefined;
  /** Roles each section is about (see `sectionRoles`). */
  sections: Role[][];
  /** Per section: roles named by its own heading. */
  headingNames: Role[][];
  /** Per block: the role its first words name, and the role its "Label:" names. */
  opening: (Role | undefined)[];
  label: (Role | undefined)[];
}

const docRolesCache = new WeakMap<Role[], WeakMap<SourceDoc, DocRoles>>();

function docRoles(roles: Role[], doc: SourceDoc): DocRoles {
  let byDoc = docRolesCache.get(roles);
  if (!byDoc) {
    byDoc = new WeakMap();
    docRolesCache.set(roles, byDoc);
  }
  const hit = byDoc.get(doc);
  if (hit) return hit;
  const primary = primaryRole(roles, doc);
  const computed: DocRoles = {
    primary,
    sections: doc.sections.map((_, i) => sectionRoles(roles, doc, i, primary)),
    headingNames: doc.sections.map((s) => rolesMentioned(roles, s.path[s.path.length - 1] ?? '')),
    opening: doc.blocks.map((b) => (b.kind === 'heading' ? undefined : rolesMentioned(roles, doc.text.slice(b.start, b.end).split(/\s+/).slice(0, 6).join(' '))[0])),
    label: doc.blocks.map((b) => {
      const labelled = /^([^:]{2,60}):/.exec(doc.text.slice(b.start, b.end))?.[1];
      return labelled ? rolesMentioned(roles, labelled)[0] : undefined;
    }),
  };
  byDoc.set(doc, computed);
  return computed;
}

const profileCache = new WeakMap<Role, Profile>();

/** Collects a role's defining sentence and its responsibilities, skills and education lists (memoised per role). */
export function profile(docs: SourceDoc[], roles: Role[], role: Role): Profile {
  const cached = profileCache.get(role);
  if (cached) return cached;
  let what: Item | null = null;
  const aspects = new Map<string, Item[]>(ASPECTS.map((a) => [a.aspect, []]));
  for (const doc of docs) {
    const facts = docRoles(roles, doc);
    const isRoleDoc = facts.primary === role && doc.roles.length > 0;
    doc.blocks.forEach((block, b) => {
      if (block.kind === 'heading') return;
      const text = doc.text.slice(block.start, block.end);
      if (!what && facts.opening[b] === role && /:|\b(?:is|are|plays?|focus(?:es)?|speciali[sz]es?|works?)\b/.test(text)) {
        const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
        what = item(doc, block.section, block.start, block.start + sentence.length);
      }
      const path = doc.sections[block.section]?.path ?? [];
      if (block.kind !== 'bullet') return;
      if (!isRoleDoc && !facts.sections[block.section]?.includes(role)) return;
      const labelRole = facts.label[b];
      if (labelRole && labelRole !== role) return;
      const found = item(doc, block.section, block.start, block.end, block.parent);
      const named = facts.headingNames[block.section]?.includes(role) ?? false;
      const matched = aspectsOf(path);
      for (const a of matched.length || !named ? matched : ASPECTS.slice(0, 1)) aspects.get(a.aspect)!.push(found);
      if (isRoleDoc && !path.length) {
        const intro = doc.blocks.filter((x) => x.kind === 'paragraph' && x.section === block.section && x.end <= block.start).pop();
        const lead = intro ? doc.text.slice(intro.start, intro.end) : '';
        for (const a of ASPECTS) if (a.heading.test(lead.split(/[.!?]\s/).pop() ?? '')) aspects.get(a.aspect)!.push(found);
      }
    });
  }
  const result = { what, aspects };
  profileCache.set(role, result);
  return result;
}

/** Skills listed for both roles: an explicit "overlapping skills" list about both, plus identical items. */
function sharedSkills(docs: SourceDoc[], roles: Role[], a: Role, b: Role, pa: Profile, pb: Profile): Item[] {
  const shared: Item[] = [];
  for (const doc of docs) {
    doc.sections.forEach((section, i) => {
      const heading = section.path[section.path.length - 1] ?? '';
      if (!/overlap|shared|in common|common skills|transferable/i.test(heading)) return;
      const top = section.path[0];
      const scope = doc.blocks.filter((bl) => doc.sections[bl.section]?.path[0] === top).map((bl) => doc.text.slice(bl.start, bl.end));
      const about = rolesMentioned(roles, scope.join('\n'));
      if (!about.includes(a) || !about.includes(b)) return;
      for (const bl of doc.blocks) if (bl.section === i && bl.kind === 'bullet') shared.push(item(doc, i, bl.start, bl.end));
    });
  }
  const key = (t: string) => terms(t).sort().join(' ');
  const skillsB = new Set((pb.aspects.get('Key skills') ?? []).map((x) => key(x.text)));
  for (const x of pa.aspects.get('Key skills') ?? []) if (skillsB.has(key(x.text))) shared.push(x);
  const seen = new Set<string>();
  return shared.filter((x) => !seen.has(key(x.text)) && seen.add(key(x.text)));
}

function cell(all: Item[], max = 3, width = 160): string {
  const items = all.filter((i) => !i.nested);
  if (!items.length) return MISSING;
  const shown = items.slice(0, max).map((i) => trimAtBoundary(i.text.replace(/[.;]$/, ''), width));
  return `${shown.join('; ')}${items.length > max ? ` (+${items.length - max} more)` : ''}`;
}

/** The defining sentence without a leading "Backend Engineers:" label. */
function whatCell(what: Item | null, width: number): string {
  return what ? trimAtBoundary(what.text.replace(/^[^:]{2,60}:\s+/, ''), width) : MISSING;
}

/** Compares two roles; the same role twice or an unknown role gets a clear message with suggestions. */
export function compareRoles(knowledge: Knowledge, docs: SourceDoc[], inputA: string, inputB: string): Answer {
  const question = `${inputA} vs ${inputB}`;
  const base = { kind: 'compare' as const, question, intent: 'compare' as const, citations: [], rows: [], shared: [] };
  const ra = resolveRole(knowledge.roles, inputA);
  const rb = resolveRole(knowledge.roles, inputB);
  for (const [input, r] of [
    [inputA, ra],
    [inputB, rb],
  ] as const) {
    if (!r.role) {
      const text = `I don't know the role “${escapeMarkdown(input.trim())}”.${r.suggestions.length ? ` Did you mean: ${r.suggestions.join(', ')}?` : ''}`;
      return { ...base, answered: false, title: 'Unknown role', text, suggestions: r.suggestions };
    }
  }
  const a = ra.role!;
  const b = rb.role!;
  if (a === b) {
    const others = knowledge.roles.filter((r) => r !== a).slice(0, 5).map((r) => r.name);
    return { ...base, answered: false, title: 'Same role twice', text: `Both names mean ${a.name}. Pick two different roles, e.g. ${a.name} and ${others[0] ?? 'another role'}.`, suggestions: others, roles: [a.name] };
  }
  const pa = profile(docs, knowledge.roles, a);
  const pb = profile(docs, knowledge.roles, b);
  const salary = (r: Role) => {
    const facts = knowledge.salaries.filter((f) => f.role === r.name);
    const market = facts.find((f) => f.market)?.market ?? null;
    return facts.length ? facts.slice(0, 4).map((f) => describe(f, market)).join('; ') : MISSING;
  };
  const outlook = (r: Role) => {
    const facts = knowledge.market.filter((m) => m.roles.includes(r.name));
    return facts.length ? [...new Set(facts.map((m) => trimAtBoundary(m.quote, 200)))].slice(0, 2).join(' ') : MISSING;
  };
  const shared = sharedSkills(docs, knowledge.roles, a, b, pa, pb);
  const citations = [pa.what, pb.what, ...ASPECTS.flatMap(({ aspect }) => [pa, pb].flatMap((p) => p.aspects.get(aspect)!.filter((i) => !i.nested).slice(0, 3))), ...shared]
    .filter((x): x is Item => !!x)
    .map((x) => x.citation);
  const sources = [...new Set(citations.map((c) => c.section))];
  const footer = `Sources: ${escapeMarkdown(sources.slice(0, 3).join(' · '))}${sources.length > 3 ? ` (+${sources.length - 3} more)` : ''}`;
  let rows: { aspect: string; a: string; b: string }[] = [];
  let text = '';
  for (const [items, width] of [
    [3, 160],
    [2, 110],
    [1, 90],
  ] as const) {
    rows = [
      { aspect: 'What it is', a: whatCell(pa.what, width + 60), b: whatCell(pb.what, width + 60) },
      ...ASPECTS.map(({ aspect }) => ({ aspect, a: cell(pa.aspects.get(aspect)!, items, width), b: cell(pb.aspects.get(aspect)!, items, width) })),
      { aspect: 'Salary', a: salary(a), b: salary(b) },
      { aspect: 'Outlook', a: outlook(a), b: outlook(b) },
    ];
    const lines = [`**${escapeMarkdown(a.name)} vs ${escapeMarkdown(b.name)}**`];
    for (const row of rows) lines.push(`**${row.aspect}**\n• ${escapeMarkdown(a.name)}: ${escapeMarkdown(row.a)}\n• ${escapeMarkdown(b.name)}: ${escapeMarkdown(row.b)}`);
    lines.push(`**Shared skills:** ${shared.length ? escapeMarkdown(shared.map((x) => x.text).join(', ')) : 'none listed for both'}`);
    text = `${lines.join('\n')}\n${footer}`;
    if (text.length <= MESSAGE_LIMIT) break;
  }
  if (text.length > MESSAGE_LIMIT) text = trimAtBoundary(text, MESSAGE_LIMIT);
  return {
    ...base,
    answered: true,
    title: `${a.name} vs ${b.name}`,
    text,
    citations,
    rows,
    shared: shared.map((s) => s.text),
    roles: [a.name, b.name],
    suggestions: [],
  };
}
