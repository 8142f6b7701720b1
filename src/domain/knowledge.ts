// Domain "career knowledge" (pure data, no I/O): roles, salary and market facts, and role profiles, as
// extracted from the documents at ingest time and stored with the index.
import type { Citation } from './types.js';

/** A role the documents describe, with the names people use for it. */
export interface Role {
  name: string;
  aliases: string[];
  /** Sections that mention the role, as [docId, section index]. */
  sources: [string, number][];
}

export type SalaryKind = 'base' | 'total_compensation' | 'average' | 'range' | 'market';
export type Level = 'junior' | 'mid' | 'senior';

/** Where a fact was quoted from: an exact slice of a document. */
export interface Quoted {
  quote: string;
  /** Parent bullet of a nested bullet, e.g. "Machine Learning Engineers:". */
  context?: string;
  docId: string;
  doc: string;
  section: string;
  start: number;
  end: number;
}

/** One money figure as the documents state it. */
export interface SalaryFact extends Quoted {
  role: string | null;
  level: Level | null;
  kind: SalaryKind;
  min: number | null;
  max: number | null;
  value: number | null;
  /** True for open-ended figures such as "$250,000+". */
  openEnded: boolean;
  currency: 'USD';
  period: 'year' | 'month' | 'hour' | null;
  location: string | null;
  /** Market named by the section heading ("US" in "Salary Ranges (US Market, 2024)"). */
  market: string | null;
  year: number | null;
}

/** A percentage about the job market ("65% growth in openings"): outlook, never pay. */
export interface MarketFact extends Quoted {
  percent: number;
  roles: string[];
}

/** The structured layer derived from the corpus. */
export interface Knowledge {
  roles: Role[];
  salaries: SalaryFact[];
  market: MarketFact[];
}

/** The aspects of a role that profiles and comparisons quote, in display order. */
export const PROFILE_ASPECTS = ['Responsibilities', 'Key skills', 'Education'] as const;
export type ProfileAspect = (typeof PROFILE_ASPECTS)[number];

/** A quoted list item of a role profile; nested bullets are shown with their parent, left out of compact cells. */
export interface ProfileItem extends Citation {
  nested: boolean;
}

/** What the documents say about one role, by aspect; every item is an exact quote. */
export interface Profile {
  role: string;
  /** The role's defining sentence, if the documents have one. */
  what: Citation | null;
  aspects: Record<ProfileAspect, ProfileItem[]>;
}

/** Converts a fact's provenance into a citation. */
export function citeFact(f: Quoted): Citation {
  return { doc: f.doc, section: f.section, quote: f.quote, ...(f.context ? { context: f.context } : {}), score: 1, docId: f.docId, start: f.start, end: f.end };
}
