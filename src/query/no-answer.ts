// Use case helpers "no answer" (pure): the honest refusals every use case shares, as data.
import type { NoAnswer } from '../domain/answer.js';
import { type Knowledge, hasOwnContent } from '../domain/knowledge.js';
import type { Intent } from '../domain/types.js';

/** The documents do not cover the question; suggests roles and an example role that has salary data. */
export function notCovered(question: string, knowledge: Knowledge, intent: Intent = 'general', roles: string[] = []): NoAnswer {
  // Only roles the documents describe: suggesting one they merely mention invites another refusal.
  const profiles = new Map(knowledge.profiles.map((p) => [p.role, p]));
  const names = knowledge.roles.map((r) => r.name).filter((name) => hasOwnContent(profiles.get(name), knowledge.salaries));
  const example = names.find((r) => knowledge.salaries.some((f) => f.role === r)) ?? names[0] ?? null;
  return { kind: 'none', answered: false, question, intent, roles, citations: [], reason: { code: 'not-covered', example }, suggestions: names.slice(0, 8) };
}

/** A role name that matches no role in the catalog. */
export function unknownRole(question: string, intent: Intent, input: string, suggestions: string[]): NoAnswer {
  return { kind: 'none', answered: false, question, intent, roles: [], citations: [], reason: { code: 'unknown-role', input: input.trim() }, suggestions };
}
