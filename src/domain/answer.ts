// Domain "answers" (pure data, no I/O): what every use case returns. Each surface (Discord, terminal, JSON)
// renders these with its own renderer; nothing here is markup.
import type { Level, Period, ProfileAspect, SalaryFact } from './knowledge.js';
import { type Citation, type Intent, withContext } from './types.js';

/** What a previous turn was about, so a follow-up ("and for senior roles?") can be resolved. */
export interface Turn {
  intent: Intent;
  roles: string[];
  /** The roles the conversation was about before these ("compare them", "what about the other one?"). */
  earlier?: string[];
  /** The place and level the conversation's pay questions were scoped to: "for seniors?" after "and in India?" keeps India. */
  place?: string;
  level?: Level;
  /** The last question, when it was answered and asked about something other than pay: "how much is that" prices what it asked about. */
  asked?: string;
}

interface Base {
  question: string;
  intent: Intent;
  /** Role(s) the answer is about, canonical names. */
  roles: string[];
  /** Every quote behind the answer, best first (the Sources view shows them all). */
  citations: Citation[];
}

/** A free question answered with quotes. */
export interface AskAnswer extends Base {
  kind: 'ask';
  answered: true;
  /** Set when the quotes are one aspect of one role's profile ("Education" of "Machine Learning Engineer"). */
  topic?: { aspect: ProfileAspect | 'What it is'; role: string };
}

/** Why a salary answer shows other figures than the ones asked for. */
export type SalaryNote =
  | { kind: 'no-level'; level: Level }
  | { kind: 'no-location'; location: string }
  /** "pilot pay per month" when the documents give yearly figures only: the periods they do give. */
  | { kind: 'no-period'; period: Period; given: Period[] };

/** Salary figures for one role, each quoted. */
export interface SalaryAnswer extends Base {
  kind: 'salary';
  answered: true;
  role: string;
  figures: SalaryFact[];
  notes: SalaryNote[];
  /** Best-paying places first ("which city pays the most?"). */
  ranking: boolean;
  /** The place every figure shown is for, as written, or null when they differ. */
  market: string | null;
  /** The year every figure shown is for, or null when they differ. */
  year: number | null;
}

export type CompareRow =
  | { aspect: 'What it is' | ProfileAspect; a: Citation[]; b: Citation[] }
  | { aspect: 'Salary'; a: SalaryFact[]; b: SalaryFact[] }
  | { aspect: 'Outlook'; a: Citation[]; b: Citation[] };

/** Two roles side by side; an empty side of a row means the documents do not cover it. */
export interface CompareAnswer extends Base {
  kind: 'compare';
  answered: true;
  a: string;
  b: string;
  rows: CompareRow[];
  /** What the documents say sets the two apart, from a section about both ("Platform engineer or DevOps engineer?"). */
  differences: Citation[];
  /** Skills both roles share. */
  shared: Citation[];
}

/** The roles catalog. */
export interface RolesAnswer extends Base {
  kind: 'roles';
  answered: boolean;
  catalog: { name: string; aliases: string[]; hasSalary: boolean }[];
  /** The role to give as an example of what can be asked (the one with the most salary figures). */
  example: string | null;
}

/** Why there is no answer. */
export type NoAnswerReason =
  | { code: 'not-covered'; example: string | null }
  /** "hey", "thx!": nothing was asked. */
  | { code: 'small-talk'; example: string | null }
  | { code: 'unknown-role'; input: string }
  | { code: 'no-salary-data'; role: string }
  | { code: 'same-role'; role: string }
  /** The role is only mentioned, or has no section, definition or figure of its own. */
  | { code: 'no-content'; role: string }
  /** The role has figures, but none for the place, currency or year asked; `available` lists what there is. */
  | {
      code: 'no-salary-for';
      role: string;
      location: string | null;
      currency: string | null;
      year: number | null;
      available: { locations: string[]; currencies: string[]; years: number[] };
    }
  /** The question is about something the documents never mention: a place, currency, year, employer or profession. */
  | { code: 'outside-documents'; subjects: string[]; role: string | null /** What the documents do cover instead (places with figures). */; instead: string[] };

/** An honest "the documents don't say", with what can be asked instead. */
export interface NoAnswer extends Base {
  kind: 'none';
  answered: false;
  reason: NoAnswerReason;
  /** Role names to try instead. */
  suggestions: string[];
}

/** "Who earns more?": each role's figures side by side, each quoted. */
export interface SalaryComparison extends Base {
  kind: 'salary-compare';
  answered: true;
  sides: SalaryAnswer[];
}

export type Answer = AskAnswer | SalaryAnswer | SalaryComparison | CompareAnswer | RolesAnswer | NoAnswer;

/** Suggestions an answer offers (only no-answers have any). */
export function suggestionsOf(answer: Answer): string[] {
  return answer.kind === 'none' ? answer.suggestions : [];
}

/** The data year the answer's sources state, when there is one. */
export function yearOf(answer: Answer): number | null {
  if (answer.kind === 'salary-compare') return answer.sides.find((s) => s.year)?.year ?? null;
  return answer.kind === 'salary' ? answer.year : null;
}

/** What a reader sees of a quote: its words (with the parent bullet), spacing aside. */
const shownAs = (quoted: { quote: string; context?: string }) => withContext(quoted).replace(/\s+/g, ' ').trim();

/** The first of each quote a reader would see twice (the same passage in two documents), in order. */
function distinct<T extends { quote: string; context?: string }>(items: T[], key: (item: T) => string = shownAs): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A figure as shown: one quote may hold several figures ("Short-haul £…; Long-haul £…"), each kept. */
const figureAs = (f: SalaryFact) => JSON.stringify([shownAs(f), f.label, f.level, f.kind, f.min, f.max, f.value, f.currency, f.period, f.location, f.year]);

/**
 * The answer without a quote shown twice: two documents can hold the same passage (a page saved twice, a paragraph
 * every page repeats), and the reader should see it once. Every use case's answer passes through this.
 */
export function distinctQuotes<A extends Answer>(answer: A): A {
  const out: Answer = { ...answer, citations: distinct(answer.citations) } as Answer;
  if (out.kind === 'salary') out.figures = distinct(out.figures, figureAs);
  if (out.kind === 'salary-compare') out.sides = out.sides.map(distinctQuotes);
  if (out.kind === 'compare') {
    out.differences = distinct(out.differences);
    out.shared = distinct(out.shared);
    out.rows = out.rows.map((row) =>
      row.aspect === 'Salary' ? { ...row, a: distinct(row.a, figureAs), b: distinct(row.b, figureAs) } : { ...row, a: distinct(row.a), b: distinct(row.b) },
    );
  }
  return out as A;
}
