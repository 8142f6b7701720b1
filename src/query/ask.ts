// Use case "ask" (pure over a loaded index; the retriever may embed the query): routes a free question to
// the salary or comparison engine, or answers it by quoting the passages that cover it, or says it can't.
import type { Answer, Turn } from '../domain/answer.js';
import type { Knowledge, Profile, ProfileAspect } from '../domain/knowledge.js';
import type { Intent, SourceDoc } from '../domain/types.js';
import { compareRoles } from './compare.js';
import { understand } from './intent.js';
import { notCovered } from './no-answer.js';
import { MIN_COVERAGE, type QuoteSelector } from './quote.js';
import type { Retriever } from './retriever.js';
import { listRoles } from './roles.js';
import { salaryLookup } from './salary.js';

export interface AskDeps {
  retriever: Retriever;
  quotes: QuoteSelector;
  knowledge: Knowledge;
  profiles: Map<string, Profile>;
  docs: SourceDoc[];
}

/** Which profile aspect answers a question of each intent. */
const ASPECT_OF: Partial<Record<Intent, ProfileAspect>> = { skills: 'Key skills', education: 'Education', role: 'Responsibilities' };

/** Questions about people skills are answered from the soft-skills passages, never from the profile's skill list. */
const SOFT_SKILLS = /\b(?:soft|people|interpersonal|communication)\b/i;
const FOLLOW_UP = /\b(?:and|what about|how about)\b/i;

/** Answers a free-form question; `previous` lets short follow-ups inherit the last turn's roles and intent. */
export async function ask(deps: AskDeps, question: string, previous?: Turn): Promise<Answer> {
  const { knowledge } = deps;
  const locations = [...new Set(knowledge.salaries.map((f) => f.location).filter((l): l is string => !!l))];
  const u = understand(question, knowledge.roles, locations);
  let roles = u.roles.map((r) => r.name);
  let intent = u.intent;
  let query = question;
  if (!roles.length && previous?.roles.length) {
    roles = previous.roles;
    if (intent === 'general' && (u.level || u.location || FOLLOW_UP.test(question))) intent = previous.intent;
    query = `${question} ${roles.join(' ')}`;
  }

  const [first, second] = roles;
  if (intent === 'compare' && first && second) return compareRoles(knowledge, deps.profiles, deps.docs, first, second, question);
  if (intent === 'salary' && first) {
    return salaryLookup(knowledge, { role: first, level: u.level, location: u.location, topLocation: u.wantsTopLocation, totalOnly: u.wantsTotal, question });
  }
  if (intent === 'roles') return listRoles(knowledge, question);
  const aspect = ASPECT_OF[intent];
  const profile = first ? deps.profiles.get(first) : undefined;
  if (aspect && profile && roles.length === 1 && !SOFT_SKILLS.test(question)) {
    const citations = [...(intent === 'role' && profile.what ? [profile.what] : []), ...profile.aspects[aspect]];
    if (citations.length) return { kind: 'ask', answered: true, question, intent, roles, citations, topic: { aspect, role: profile.role } };
  }

  const retrieval = await deps.retriever.retrieve(query, 8);
  const { citations, coverage } = deps.quotes.select(retrieval.terms, retrieval.hits, intent, roles);
  if (coverage < MIN_COVERAGE || !citations.length) return notCovered(question, knowledge, intent, roles);
  return { kind: 'ask', answered: true, question, intent, roles, citations };
}
