// Query stage "roles a question asks about" (pure, no I/O): the role a question names only in part (by the end of
// its name, its field or the person noun of its name), the role a document is the page of, and whether a job it
// names is the asker's own background.
import type { Knowledge, Role } from '../domain/knowledge.js';
import { escapeRegExp } from '../domain/regexp.js';
import type { Citation, SourceDoc } from '../domain/types.js';
import { normaliseChat, stem, terms } from '../index/terms.js';
import { rolesMentioned } from '../ingest/knowledge/role-names.js';
import { primaryRole, roleKey } from '../ingest/knowledge/roles.js';
import { isPersonNoun } from '../ingest/person-nouns.js';
import { fieldRole } from './fields.js';

/**
 * The one role a question that names none still names: by the end of its name ("finops analyst" for Cloud FinOps
 * Analyst, which the question's reading leaves to a job of its own) or by its field ("dental hygiene"), with the words
 * that name it; only a role with a page of its own (a guide to several roles also speaks of their fields).
 */
export function impliedRole(knowledge: Knowledge, docs: SourceDoc[], question: string): { role: Role; words: string[]; by: 'name' | 'field' } | null {
  const hasPage = (role: Role) => docs.some((d) => pageRole(knowledge, d) === role.name);
  const [abridged, ...others] = rolesMentioned(knowledge.roles, normaliseChat(question), { abridged: 'all' });
  if (abridged && !others.length && hasPage(abridged)) return { role: abridged, words: [], by: 'name' };
  const field = fieldRole(question, knowledge.roles);
  return field && hasPage(field.role) ? { ...field, by: 'field' } : null;
}

/**
 * The one role with pay figures whose name has a person noun the question uses and no other role's has ("dietitians"
 * for Registered Dietitian Nutritionist), or null. Job nouns many roles share ("engineer", "manager") name none.
 */
export function nounRole(knowledge: Knowledge, question: string): Role | null {
  const nouns = new Set(
    roleKey(question)
      .split(' ')
      .filter((w) => w && isPersonNoun(w))
      .map(stem)
      .filter((t) => !JOB_WORDS.has(t)),
  );
  if (!nouns.size) return null;
  const named = knowledge.roles.filter((r) =>
    [r.name, ...r.aliases].some((n) =>
      roleKey(n)
        .split(' ')
        .some((w) => nouns.has(stem(w))),
    ),
  );
  const [only, ...others] = named;
  return only && !others.length && knowledge.salaries.some((f) => f.role === only.name) ? only : null;
}

/**
 * The one role whose pages every quote comes from, for a question that named none ("whats a soc analyst" answered
 * from the Cybersecurity Analyst page): a follow-up ("how much do they make") is about that role.
 */
export function quotedRole(knowledge: Knowledge, docs: SourceDoc[], citations: Citation[]): string[] {
  const names = new Set<string>();
  for (const id of new Set(citations.map((c) => c.docId))) {
    const doc = docs.find((d) => d.id === id);
    const role = doc ? pageRole(knowledge, doc) : null;
    if (!role) return [];
    names.add(role);
  }
  return names.size === 1 ? [...names] : [];
}

/** The role a document is the page of (see `primaryRole`), or null; remembered per index. */
export function pageRole(knowledge: Knowledge, doc: SourceDoc): string | null {
  let pages = pageRoles.get(knowledge);
  if (!pages) {
    pages = new Map();
    pageRoles.set(knowledge, pages);
  }
  let role = pages.get(doc.id);
  if (role === undefined) {
    role = primaryRole(knowledge.roles, doc)?.name ?? null;
    pages.set(doc.id, role);
  }
  return role;
}

/** Each document's role by knowledge (one per index), found once: finding it scans every role. */
const pageRoles = new WeakMap<Knowledge, Map<string, string | null>>();

/** Whether the question names the role as where the asker comes from ("jumping from BA", "moving from being a nurse"). */
export function comesFrom(question: string, role: Role): boolean {
  return [role.name, ...role.aliases].some((n) => new RegExp(String.raw`\bfrom\s+(?:an?\s+|the\s+|being\s+an?\s+)?${escapeRegExp(n)}s?\b`, 'i').test(question));
}

/** Whether a job phrase is one of the role's names ("business analysts" for Business Analyst). */
export function isNameOf(job: string, role: Role): boolean {
  const key = roleKey(job);
  return [role.name, ...role.aliases].some((n) => key === roleKey(n) || key.endsWith(` ${roleKey(n)}`));
}

/** Job nouns: "jobs", "engineers" say who, never what a question is about. */
export const JOB_WORDS = new Set(
  terms(
    'job jobs role roles career careers position positions profession field occupation engineer engineers developer developers analyst analysts manager managers people person',
  ),
);
