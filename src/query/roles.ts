import type { NoAnswer, RolesAnswer } from '../domain/answer.js';
import { type Knowledge, shownAliases } from '../domain/knowledge.js';
import type { Intent } from '../domain/types.js';
import { roleKey } from '../ingest/knowledge/roles.js';
// Use case "roles" (pure over the knowledge): the catalog as an answer, role-name suggestions for autocomplete,
// and the refusal for a name the documents only mention.
import { OFFERED_ROLES, exampleRole, offeredRoles, refusal } from './no-answer.js';

/** The roles catalog as an answer. */
export function listRoles(knowledge: Knowledge, question = 'roles'): RolesAnswer {
  const catalog = knowledge.roles.map((r) => ({ name: r.name, aliases: shownAliases(r), hasSalary: knowledge.salaries.some((f) => f.role === r.name) }));
  return {
    kind: 'roles',
    answered: catalog.length > 0,
    question,
    intent: 'roles',
    roles: catalog.map((r) => r.name),
    citations: [],
    catalog,
    example: exampleRole(knowledge),
  };
}

/**
 * Role names and aliases starting with or containing `prefix`, best first, at most `limit`; roles for which
 * `offered` is false (no content of their own) are left out.
 */
export function suggestRoles(
  knowledge: Knowledge,
  prefix: string,
  limit: number,
  offered: (role: string) => boolean = () => true,
): { name: string; value: string }[] {
  const p = prefix.trim().toLowerCase();
  const out: { name: string; value: string; rank: number }[] = [];
  for (const role of knowledge.roles) {
    if (!offered(role.name)) continue;
    const names = [role.name, ...role.aliases];
    const ranks = names.map((n) => n.toLowerCase()).map((n): number => (n.startsWith(p) ? 0 : n.includes(p) ? 1 : 2));
    const rank = Math.min(...ranks);
    if (p && rank === 2) continue;
    const alias = names[ranks.indexOf(rank)];
    out.push({ name: alias && alias !== role.name && p ? `${role.name} (${alias})` : role.name, value: role.name, rank });
  }
  return out
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name, value }) => ({ name, value }));
}

/** The refusal for a role the documents only mention ("Data Scientist" on the seed), or null when they don't. */
export function mentionedOnly(knowledge: Knowledge, question: string, intent: Intent, input: string, suggestions?: string[]): NoAnswer | null {
  const key = roleKey(input);
  const name = key ? knowledge.mentioned.find((m) => roleKey(m) === key) : undefined;
  if (!name) return null;
  return noContent(question, intent, name, suggestions ?? offeredRoles(knowledge).slice(0, OFFERED_ROLES));
}

/** A role without content of its own: refused, with roles that have content as suggestions. */
export function noContent(question: string, intent: Intent, role: string, suggestions: string[]): NoAnswer {
  return refusal(question, intent, [], { code: 'no-content', role }, suggestions);
}
