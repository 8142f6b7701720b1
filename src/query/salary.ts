// Use case "salary" (pure over the knowledge): salary figures for one role, optionally one level and place.
import type { NoAnswer, SalaryAnswer, SalaryNote } from '../domain/answer.js';
import { type Knowledge, type Level, type SalaryFact, citeFact } from '../domain/knowledge.js';
import type { Citation } from '../domain/types.js';
import { resolveRole } from '../ingest/knowledge/roles.js';
import { unknownRole } from './no-answer.js';

export interface SalaryQuery {
  role: string;
  level?: Level | null;
  location?: string | null;
  /** Lead with the best-paying places ("which city pays the most?"). */
  topLocation?: boolean;
  /** Only total compensation figures, when there are any. */
  totalOnly?: boolean;
  /** The user's own words, when the lookup answers a free question. */
  question?: string;
}

function uniqueCitations(facts: SalaryFact[]): Citation[] {
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(`${f.docId}:${f.start}`) && seen.add(`${f.docId}:${f.start}`)).map(citeFact);
}

/** Looks up salary figures; an unknown role gets suggestions, a role without data says so plainly. */
export function salaryLookup(knowledge: Knowledge, query: SalaryQuery): SalaryAnswer | NoAnswer {
  const question = query.question ?? [query.role, query.level, query.location].filter(Boolean).join(' · ');
  const { role, suggestions } = resolveRole(knowledge.roles, query.role);
  if (!role) return unknownRole(question, 'salary', query.role, suggestions);
  const all = knowledge.salaries.filter((f) => f.role === role.name);
  if (!all.length) {
    const withData = [...new Set(knowledge.salaries.map((f) => f.role).filter((r): r is string => !!r))];
    return {
      kind: 'none',
      answered: false,
      question,
      intent: 'salary',
      roles: [role.name],
      citations: [],
      reason: { code: 'no-salary-data', role: role.name },
      suggestions: withData,
    };
  }

  let facts = all;
  const notes: SalaryNote[] = [];
  if (query.level) {
    const atLevel = facts.filter((f) => f.level === query.level);
    if (atLevel.length) facts = atLevel;
    else notes.push({ kind: 'no-level', level: query.level });
  }
  if (query.location) {
    const want = query.location.toLowerCase();
    const here = facts.filter((f) => f.location?.toLowerCase().includes(want) || want.includes(f.location?.toLowerCase() ?? '\0'));
    if (here.length) facts = here;
    else notes.push({ kind: 'no-location', location: query.location });
  }
  if (query.totalOnly) {
    const total = facts.filter((f) => f.kind === 'total_compensation');
    if (total.length) facts = total;
  }
  const places = facts.filter((f) => f.kind === 'market' && f.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const ranking = !!query.topLocation && places.length > 0;
  if (ranking) facts = [...places, ...facts.filter((f) => !places.includes(f))];
  return {
    kind: 'salary',
    answered: true,
    question,
    intent: 'salary',
    role: role.name,
    roles: [role.name],
    figures: facts,
    notes,
    ranking,
    market: facts.find((f) => f.market)?.market ?? null,
    year: facts.find((f) => f.year)?.year ?? null,
    citations: uniqueCitations(facts),
  };
}
