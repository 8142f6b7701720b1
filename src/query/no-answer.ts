// Use case helpers "no answer" (pure): the honest refusals every use case shares, as data.
import type { NoAnswer, NoAnswerReason } from '../domain/answer.js';
import { type Knowledge, type Profile, hasOwnContent } from '../domain/knowledge.js';
import type { Intent } from '../domain/types.js';

/** How many roles a refusal names as what can be asked instead. */
export const OFFERED_ROLES = 8;

/** The documents do not cover the question; suggests roles and an example role that has salary data. */
export function notCovered(question: string, knowledge: Knowledge, intent: Intent = 'general', roles: string[] = []): NoAnswer {
  const names = offeredRoles(knowledge);
  return refusal(question, intent, roles, { code: 'not-covered', example: exampleRole(knowledge, names) }, names.slice(0, OFFERED_ROLES));
}

/**
 * The roles to offer when a question cannot be answered: only those the documents describe (suggesting one they
 * merely mention invites another refusal), those they say most about first. A page's own role holds many
 * sections, a one-line entry of a "Related careers" box one, so a list cut short never leaves out a page's role.
 * Catalog (alphabetical) order otherwise.
 */
export function offeredRoles(knowledge: Knowledge, profiles: Map<string, Profile> = new Map(knowledge.profiles.map((p) => [p.role, p]))): string[] {
  return knowledge.roles
    .filter((r) => hasOwnContent(profiles.get(r.name), knowledge.salaries))
    .map((r, i) => ({ name: r.name, i, size: r.sources.length }))
    .sort((a, b) => b.size - a.size || a.i - b.i)
    .map((r) => r.name);
}

/** A no-answer: nothing is quoted, the reason says why and the suggestions what to ask instead. */
export function refusal(question: string, intent: Intent, roles: string[], reason: NoAnswerReason, suggestions: string[] = []): NoAnswer {
  return { kind: 'none', answered: false, question, intent, roles, citations: [], reason, suggestions };
}

/**
 * The role to give as an example of what can be asked: the one with the most salary figures (a page's own role, not
 * a one-line related career), first in the catalog on a tie.
 */
export function exampleRole(knowledge: Knowledge, names: string[] = knowledge.roles.map((r) => r.name)): string | null {
  const figures = new Map<string, number>();
  for (const f of knowledge.salaries) if (f.role) figures.set(f.role, (figures.get(f.role) ?? 0) + 1);
  let best: string | null = names[0] ?? null;
  for (const name of names) if ((figures.get(name) ?? 0) > (figures.get(best ?? '') ?? 0)) best = name;
  return best;
}

/** A role name that matches no role in the catalog. */
export function unknownRole(question: string, intent: Intent, input: string, suggestions: string[]): NoAnswer {
  return refusal(question, intent, [], { code: 'unknown-role', input: input.trim() }, suggestions);
}
