// Domain "career knowledge" (pure data, no I/O): roles, salary and market facts, and role profiles, as
// extracted from the documents at ingest time and stored with the index.
import type { Citation } from './types.js';

/** A role the documents describe, with the names people use for it. */
export interface Role {
  name: string;
  /** Every other name a question may use for the role. */
  aliases: string[];
  /**
   * The aliases made up from the role's name that no page writes ("VGQAT" for Video Game QA Tester): matched in
   * questions, never listed to users. Absent when there are none.
   */
  unwritten?: string[];
  /** Sections that hold the role's own content, as [docId, section index] (never mere mentions). */
  sources: [string, number][];
  /** Corpus files those sections come from. */
  documents: string[];
}

/** The aliases of a role a user is shown: those a page writes or the operator gave, not initials made up for matching. */
export function shownAliases(role: Role): string[] {
  return role.unwritten ? role.aliases.filter((a) => !role.unwritten?.includes(a)) : role.aliases;
}

/**
 * What a figure is, in the document's own words: the first of these words its label uses (median, average,
 * percentile, starting, bonus, equity, total), "base" only when the label says base, otherwise a range.
 */
export const SALARY_KINDS = ['median', 'average', 'percentile', 'starting', 'bonus', 'equity', 'total', 'base', 'range'] as const;
export type SalaryKind = (typeof SALARY_KINDS)[number];
/** Coarse seniority used to filter by a requested level; never shown in place of the document's own band. */
export type Level = 'junior' | 'mid' | 'senior';
/** The span of time (or, for drivers paid by distance, the distance) one figure pays for. */
export type Period = 'year' | 'month' | 'week' | 'day' | 'hour' | 'km' | 'mile';

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

/** One money figure as the documents state it; every label is the document's own wording. */
export interface SalaryFact extends Quoted {
  /** Corpus file the figure comes from. */
  file: string;
  role: string | null;
  kind: SalaryKind;
  /** The figure's label as written ("Median base salary", or the parent/heading of a level band). */
  label: string;
  /** The level band exactly as written ("Senior (6+ yrs)"), when the figure is one level's. */
  level: string | null;
  /** The band's coarse seniority, for `--level` filtering only. */
  seniority: Level | null;
  min: number | null;
  max: number | null;
  value: number | null;
  /** True for figures written open-ended, such as "$250,000+". */
  openEnded: boolean;
  /** ISO 4217 code of the figure as written; figures are never converted. */
  currency: string;
  period: Period;
  /** The place as written in the item or its nearest enclosing heading ("Munich", "UK", "Remote"). */
  location: string | null;
  /** ISO 3166 country of `market`, when it lies in one country. */
  country: string | null;
  /**
   * The place the figure is for in a wider sense: its `location`, else the place its section's headings or
   * introduction give the figures ("from US employers"). Used to answer a question about a place; shown only
   * as the section says it.
   */
  market: string | null;
  /** The year the page states for the figure's section. */
  year: number | null;
  /**
   * Another job a pay list gives beside the role's own lines ("HR adviser (the usual step before): £28,000 to £36,000"
   * on the HR business partner's page): the figure is that job's, shown for the role only to a question naming the job.
   */
  job?: string;
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
  /** Role-like names the documents only mention ("works with data scientists"): never roles, named in refusals. */
  mentioned: string[];
  /** What the documents mention anywhere, so questions about anything else can be refused. */
  scope: CorpusScope;
  /** Each role's profile, in catalog order: built with the index, so answering never rescans every document. */
  profiles: Profile[];
}

/** The places (gazetteer keys), currencies (ISO codes), years and job titles (role keys) a corpus mentions. */
export interface CorpusScope {
  places: string[];
  currencies: string[];
  years: number[];
  jobs: string[];
  /** Initials of the names the documents write only in full ("raf" -> "Royal Air Force"), lower case. */
  acronyms: Record<string, string>;
}

/** The aspects of a role that profiles and comparisons quote, in display order. */
export const PROFILE_ASPECTS = ['Responsibilities', 'Key skills', 'Education'] as const;
export type ProfileAspect = (typeof PROFILE_ASPECTS)[number];

/** A quoted list item or sentence of a role profile; nested bullets are shown with their parent, left out of compact cells. */
export interface ProfileItem extends Citation {
  nested: boolean;
}

/** What the documents say about one role, by aspect; every item is an exact quote. */
export interface Profile {
  role: string;
  /** The role's defining sentence, if the documents have one. */
  what: Citation | null;
  aspects: Record<ProfileAspect, ProfileItem[]>;
  /** What the role's sections say about the job market (outlook, demand, growth). */
  outlook: ProfileItem[];
  /** Where the role leads: its career-progression sections ("Career progression", "How do people move up?"), in order. */
  progression: ProfileItem[];
}

/** True when the documents hold something of the role's own: a definition, a profile item or a salary figure. */
export function hasOwnContent(profile: Profile | undefined, salaries: SalaryFact[]): boolean {
  if (!profile) return false;
  return (
    !!profile.what ||
    PROFILE_ASPECTS.some((a) => profile.aspects[a].length > 0) ||
    profile.outlook.length > 0 ||
    profile.progression.length > 0 ||
    salaries.some((f) => f.role === profile.role)
  );
}

/** Converts a fact's provenance into a citation. */
export function citeFact(f: Quoted): Citation {
  return { doc: f.doc, section: f.section, quote: f.quote, ...(f.context ? { context: f.context } : {}), score: 1, docId: f.docId, start: f.start, end: f.end };
}
