// Ingest stage "knowledge: roles" (pure, no I/O): discovers the roles a corpus describes, their aliases and sources,
// and resolves what people type ("MLE", "back-end dev", "Integation Developer") to a canonical role.
import { distance } from 'fastest-levenshtein';
import type { Role } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';

export interface Resolution {
  role?: Role;
  /** Ranked names when the input is unknown or ambiguous. */
  suggestions: string[];
}

const ROLE_NOUN = '(?:Engineers?|Developers?|Managers?|Analysts?|Scientists?|Architects?|Designers?|Administrators?)';
const CAPITALISED = new RegExp(`\\b((?:(?:[A-Z][A-Za-z-]+|ML|AI|BI|QA|UX|IT)\\s+){1,4})(${ROLE_NOUN})\\b`, 'g');
const LOWERCASE = new RegExp(`\\b([a-z][a-z-]+)\\s+(${ROLE_NOUN.toLowerCase()})\\b`, 'g');
const LEADING_NOISE = /^(?:The|A|An|Our|Your|Other|Skilled|Successful|Key|Here|For|Of|As|To|And|With|Both|Senior|Junior|Staff-level)\s+/;
const LOWER_STOP = new Set(
  'the a an other skilled successful general junior senior mentor and of for with between including both these those their our your professional'.split(' '),
);

/** Canonical matching form: lower-case, "ML" expanded, "back-end" folded, plurals folded. */
export function roleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\bback[\s-]end\b/g, 'backend')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => (w === 'ml' ? ['machine', 'learning'] : w === 'dev' || w === 'devs' ? ['developer'] : [w]))
    .map((w) => (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|ics)$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}

function singularDisplay(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\w{3,}[^s])s$/, '$1');
}

interface Candidate {
  forms: Map<string, number>;
  aliases: Set<string>;
  weight: number;
}

/** Finds role names in documents and builds the catalog; `extra` adds operator aliases by role name. */
export function buildCatalog(docs: SourceDoc[], extra: Record<string, string[]> = {}): Role[] {
  const found = new Map<string, Candidate>();
  const note = (surface: string, weight: number, alias?: string) => {
    const display = singularDisplay(surface.replace(LEADING_NOISE, '').replace(LEADING_NOISE, ''));
    const key = roleKey(display);
    if (key.split(' ').length < 2) return;
    const c = found.get(key) ?? { forms: new Map(), aliases: new Set(), weight: 0 };
    if (/^[A-Z]/.test(display)) c.forms.set(display, (c.forms.get(display) ?? 0) + 1);
    c.weight += weight;
    if (alias) c.aliases.add(alias);
    found.set(key, c);
  };

  for (const doc of docs) {
    for (const role of doc.roles) note(role, 10);
    const abbreviations = [...doc.text.matchAll(/([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){1,4})\s+\(([A-Z]{2,5})\)/g)];
    for (const section of doc.sections) {
      for (const heading of section.path) {
        const labelled = /^(?:The\s+)?([\w\s-]+?):\s+(.+)$/.exec(heading);
        const [, alias, named] = labelled ?? [];
        if (alias && named && new RegExp(`${ROLE_NOUN}$`).test(named)) note(named, 5, alias.toLowerCase());
      }
    }
    for (const block of doc.blocks) {
      const text = doc.text.slice(block.start, block.end);
      const label = /^([A-Z][\w\s/-]{2,60}?):(?:\s|$)/.exec(text);
      if (label?.[1] && new RegExp(`${ROLE_NOUN}$`).test(label[1])) note(label[1], 5);
      for (const m of text.replace(/\s\([A-Z]{2,5}\)/g, '').matchAll(CAPITALISED)) note(`${m[1]}${m[2]}`, 2);
    }
    const lower = new Map<string, number>();
    for (const m of doc.text.matchAll(LOWERCASE)) {
      if (!m[1] || LOWER_STOP.has(m[1])) continue;
      const key = `${m[1]} ${m[2]}`;
      lower.set(key, (lower.get(key) ?? 0) + 1);
    }
    for (const [phrase, n] of lower) {
      if (n >= 2) note(phrase.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\bMl\b/, 'ML'), 2);
    }
    for (const m of abbreviations) {
      const c = found.get(roleKey(m[1] ?? ''));
      if (c && m[2]) c.aliases.add(m[2]);
    }
  }

  const roles: Role[] = [];
  for (const [key, c] of found) {
    if (c.weight < 2 || !c.forms.size) continue;
    const name = [...c.forms.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || (c.forms.get(b) ?? 0) - (c.forms.get(a) ?? 0))[0];
    if (!name) continue;
    roles.push({ name, aliases: generatedAliases(name, key, c.aliases), sources: [] });
  }
  for (const [name, aliases] of Object.entries(extra)) {
    const role = roles.find((r) => roleKey(r.name) === roleKey(name));
    if (role) role.aliases = [...role.aliases, ...aliases.filter((a) => !role.aliases.some((x) => x.toLowerCase() === a.toLowerCase()))];
  }
  attachSources(roles, docs);
  return roles.filter((r) => r.sources.length).sort((a, b) => a.name.localeCompare(b.name));
}

function generatedAliases(name: string, key: string, found: Set<string>): string[] {
  const out = new Set<string>(found);
  const words = key.split(' ');
  if (words.length >= 3)
    out.add(
      words
        .map((w) => w[0])
        .join('')
        .toUpperCase(),
    );
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

/** Lists, for every role, the sections whose heading or text mentions any of its names. */
function attachSources(roles: Role[], docs: SourceDoc[]): void {
  const matchers = roles.map((r) => ({ role: r, keys: namesOf(r) }));
  for (const doc of docs) {
    const primary = primaryRole(roles, doc);
    // Blocks grouped by section once: filtering all blocks for every section grew with the square of the document.
    const blockTexts = doc.sections.map((): string[] => []);
    for (const b of doc.blocks) blockTexts[b.section]?.push(doc.text.slice(b.start, b.end));
    doc.sections.forEach((section, i) => {
      const text = ` ${roleKey([doc.title, ...section.path, ...(blockTexts[i] ?? [])].join(' \n '))} `;
      for (const { role, keys } of matchers) {
        if (role === primary || keys.some((k) => text.includes(` ${k} `))) role.sources.push([doc.id, i]);
      }
    });
  }
}

const namesCache = new WeakMap<Role, string[]>();

function namesOf(role: Role): string[] {
  let names = namesCache.get(role);
  if (!names) {
    names = [...new Set([role.name, ...role.aliases.filter((a) => !/^[A-Z]{2,5}$/.test(a))].map(roleKey))];
    namesCache.set(role, names);
  }
  return names;
}

/** The role a document is about: its front matter/title role, or the most specific role its title names. */
export function primaryRole(roles: Role[], doc: SourceDoc): Role | undefined {
  const first = doc.roles[0];
  if (first) {
    const declared = roles.find((r) => roleKey(r.name) === roleKey(first));
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

/** Roles named in a piece of text, most specific (longest name) first. */
export function rolesMentioned(roles: Role[], text: string): Role[] {
  const hay = ` ${roleKey(text)} `;
  const raw = ` ${text} `;
  const hits: { role: Role; at: number; len: number }[] = [];
  for (const role of roles) {
    let at = -1;
    let len = 0;
    for (const k of namesOf(role)) {
      const i = hay.indexOf(` ${k} `);
      if (i >= 0 && k.length > len) {
        at = i;
        len = k.length;
      }
    }
    for (const abbr of role.aliases.filter((a) => /^[A-Z]{2,5}$/.test(a))) {
      if (new RegExp(`[^A-Za-z]${abbr}s?[^A-Za-z]`).test(raw) && len === 0) {
        at = 0;
        len = abbr.length;
      }
    }
    if (at >= 0) hits.push({ role, at, len });
  }
  const kept = hits.filter(
    (h) =>
      !hits.some(
        (o) => o !== h && o.len > h.len && ` ${roleKey(o.role.name)} `.includes(` ${roleKey(h.role.name)} `) && o.at <= h.at && h.at < o.at + o.len + 1,
      ),
  );
  return kept.sort((a, b) => a.at - b.at).map((h) => h.role);
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
  const scored = roles
    .map((role) => ({ role, score: Math.max(...[role.name, ...role.aliases].map((n) => similarity(key, roleKey(n)))) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= 0.8 && (!second || best.score - second.score >= 0.05) && !exact.length) return { role: best.role, suggestions: [] };
  const pool = exact.length ? exact : scored.filter((s) => s.score >= 0.3).map((s) => s.role);
  return { suggestions: (pool.length ? pool : scored.map((s) => s.role)).slice(0, 5).map((r) => r.name) };
}
