// Use case helpers "no answer" (pure): the honest refusals every use case shares, as data.
import type { NoAnswer } from '../domain/answer.js';
import type { Knowledge } from '../domain/knowledge.js';
import type { Intent } from '../domain/types.js';

/** The documents do not cover the question; suggests roles and an example role that has salary data. */
export function notCovered(question: string, knowledge: Knowledge, intent: Intent = 'general', roles: string[] = []): NoAnswer {
  const names = knowledge.roles.map((r) => r.name);
  const example = names.find((r) => knowledge.salaries.some((f) => f.role === r)) ?? names[0] ?? null;
  return { kind: 'none', answered: false, question, intent, roles, citations: [], reason: { code: 'not-covered', example }, suggestions: names.slice(0, 8) };
}

/** A role name that matches no role in the catalog. */
export function unknownRole(question: string, intent: Intent, input: string, suggestions: string[]): NoAnswer {
  return { kind: 'none', answered: false, question, intent, roles: [], citations: [], reason: { code: 'unknown-role', input: input.trim() }, suggestions };
}
