// Use case "ask" (pure over a loaded index; the retriever may embed the query): routes a free question to
// the salary or comparison engine, or answers it by quoting the passages that cover it, or says it can't.
import type { Retriever } from './retriever.js';
import type { Answer, SourceDoc } from '../domain/types.js';
import { compareRoles, profile } from './compare.js';
import { MESSAGE_LIMIT, escapeMarkdown, renderQuotes } from '../adapters/format.js';
import { understand } from './intent.js';
import type { Knowledge } from '../ingest/knowledge/index.js';
import type { QuoteSelector } from './quote.js';
import { MIN_COVERAGE } from './quote.js';
import { salaryLookup } from './salary.js';

/** What the previous turn was about, so a follow-up ("and for senior roles?") can be resolved. */
export interface Turn {
  intent: Answer['intent'];
  roles: string[];
}

export interface AskDeps {
  retriever: Retriever;
  quotes: QuoteSelector;
  knowledge: Knowledge;
  docs: SourceDoc[];
}

const ASPECT_OF: Partial<Record<Answer['intent'], string>> = { skills: 'Key skills', education: 'Education', role: 'Responsibilities' };

/** The honest no-answer, with what can be asked instead. */
export function noAnswer(question: string, knowledge: Knowledge): Answer {
  const roles = knowledge.roles.map((r) => r.name);
  const example = roles.find((r) => knowledge.salaries.some((f) => f.role === r)) ?? roles[0] ?? 'a role';
  const text =
    "I couldn't find that in the career documents I have, so I won't guess.\n" +
    `I can answer questions about ${roles.length ? roles.slice(0, 8).join(', ') : 'the roles in the corpus'}: what a role does, the skills and education it needs, what it pays and how two roles compare. ` +
    `For example: “What skills does a ${example} need?” or “How much does a ${example} make?”`;
  return { kind: 'ask', question, intent: 'general', answered: false, title: 'Not in the documents', text, citations: [], suggestions: roles.slice(0, 5) };
}

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
    if (intent === 'general' && (u.level || u.location || /\b(?:and|what about|how about)\b/i.test(question))) intent = previous.intent;
    query = `${question} ${roles.join(' ')}`;
  }

  if (intent === 'compare' && roles.length >= 2) return { ...compareRoles(knowledge, deps.docs, roles[0]!, roles[1]!), question, kind: 'ask' };
  if (intent === 'salary' && roles.length) {
    const answer = salaryLookup(knowledge, { role: roles[0]!, level: u.level, location: u.location, topLocation: u.wantsTopLocation, totalOnly: u.wantsTotal });
    return { ...answer, question, kind: 'ask' };
  }
  if (intent === 'roles') return { ...listRoles(knowledge), question, kind: 'ask' };
  const aspect = ASPECT_OF[intent];
  const role = knowledge.roles.find((r) => r.name === roles[0]);
  if (aspect && role && roles.length === 1 && !/\b(?:soft|people|interpersonal|communication)\b/i.test(question)) {
    const p = profile(deps.docs, knowledge.roles, role);
    const items = [...(intent === 'role' && p.what ? [p.what] : []), ...(p.aspects.get(aspect) ?? [])];
    if (items.length) {
      const lead = `**${aspect} — ${escapeMarkdown(role.name)}**\n`;
      const cited = items.map((i) => i.citation);
      const quotes = renderQuotes(cited, MESSAGE_LIMIT - lead.length);
      return { kind: 'ask', question, intent, answered: true, title: `${aspect}: ${role.name}`, text: `${lead}${quotes.text}`, citations: cited, suggestions: [], roles };
    }
  }

  const retrieval = await deps.retriever.retrieve(query, 8);
  const { citations, coverage } = deps.quotes.select(retrieval.terms, retrieval.hits, intent, roles);
  if (coverage < MIN_COVERAGE || !citations.length) return { ...noAnswer(question, knowledge), intent, roles };
  const lead = '**From the career documents:**\n';
  const quotes = renderQuotes(citations, MESSAGE_LIMIT - lead.length);
  return {
    kind: 'ask',
    question,
    intent,
    answered: true,
    title: question.length > 240 ? `${question.slice(0, 239)}…` : question,
    text: `${lead}${quotes.text}`,
    citations,
    suggestions: [],
    roles,
  };
}

/** The roles catalog as an answer. */
export function listRoles(knowledge: Knowledge): Answer {
  const lines = knowledge.roles.map((r) => {
    const pay = knowledge.salaries.some((f) => f.role === r.name) ? ' 💰' : '';
    const aka = r.aliases.slice(0, 4).join(', ');
    return `• **${escapeMarkdown(r.name)}**${pay}${aka ? ` — also: ${escapeMarkdown(aka)}` : ''}`;
  });
  const text = `**Roles in the career documents** (💰 = salary data)\n${lines.join('\n')}`;
  return {
    kind: 'roles',
    question: 'roles',
    intent: 'roles',
    answered: knowledge.roles.length > 0,
    title: 'Roles',
    text: text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text,
    citations: [],
    suggestions: [],
    roles: knowledge.roles.map((r) => r.name),
  };
}
