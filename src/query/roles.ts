// Use case "roles" (pure over the knowledge): the catalog as an answer, and role-name suggestions for autocomplete.
import type { RolesAnswer } from '../domain/answer.js';
import type { Knowledge } from '../domain/knowledge.js';

/** The roles catalog as an answer. */
export function listRoles(knowledge: Knowledge, question = 'roles'): RolesAnswer {
  const catalog = knowledge.roles.map((r) => ({ name: r.name, aliases: r.aliases, hasSalary: knowledge.salaries.some((f) => f.role === r.name) }));
  return { kind: 'roles', answered: catalog.length > 0, question, intent: 'roles', roles: catalog.map((r) => r.name), citations: [], catalog };
}

/** Role names and aliases starting with or containing `prefix`, best first, at most `limit`. */
export function suggestRoles(knowledge: Knowledge, prefix: string, limit: number): { name: string; value: string }[] {
  const p = prefix.trim().toLowerCase();
  const out: { name: string; value: string; rank: number }[] = [];
  for (const role of knowledge.roles) {
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
