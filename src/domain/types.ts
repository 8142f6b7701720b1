// Shared domain types for every stage (pure, no I/O): documents, chunks, and the answers use cases return.
import type { SalaryFact } from '../ingest/knowledge/salary-facts.js';

/** One structural element of a document; `start`/`end` index into `SourceDoc.text`. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'bullet';
  start: number;
  end: number;
  /** Heading level (0 = document title) or bullet nesting depth (0 = top level). */
  depth: number;
  /** Index of the section (in `SourceDoc.sections`) the block belongs to. */
  section: number;
  /** For nested bullets: index of the parent bullet block. */
  parent?: number;
}

/** A heading path inside a document, e.g. `["Salary Ranges (US Market, 2024)", "Comparative Salary Data"]`. */
export interface Section {
  path: string[];
}

/** A parsed career document. Every offset in it is an exact position in `text`. */
export interface SourceDoc {
  id: string;
  title: string;
  /** Corpus file the document came from (relative to the corpus directory). */
  file: string;
  text: string;
  roles: string[];
  source?: string;
  sections: Section[];
  blocks: Block[];
}

/** A quotable span (a sentence or a bullet) with the span of its parent bullet, if nested. */
export interface Span {
  start: number;
  end: number;
  context?: { start: number; end: number };
}

/** A retrieval unit: consecutive spans of one section, never crossing a heading. */
export interface Chunk {
  id: string;
  docId: string;
  section: number;
  start: number;
  end: number;
  spans: Span[];
  /** Text that is embedded and indexed: document title, heading path, then the spans. */
  text: string;
}

/** A quoted passage with its source, as shown to a user. */
export interface Citation {
  doc: string;
  section: string;
  /** Exact slice `SourceDoc.text[start, end)`. */
  quote: string;
  /** The parent bullet a nested bullet belongs to (also an exact slice), e.g. "Machine Learning Engineers:". */
  context?: string;
  score: number;
  docId: string;
  start: number;
  end: number;
}

export type Intent = 'salary' | 'compare' | 'skills' | 'education' | 'outlook' | 'role' | 'roles' | 'general';

/** What every use case returns; renderers (terminal, JSON, Discord) turn it into output. */
export interface Answer {
  kind: 'ask' | 'salary' | 'compare' | 'roles' | 'help';
  question: string;
  intent: Intent;
  answered: boolean;
  /** Plain text exactly as it would be posted as a Discord message. */
  text: string;
  /** A short lead sentence (embed title in Discord). */
  title: string;
  citations: Citation[];
  suggestions: string[];
  /** Side-by-side rows for comparisons. */
  rows?: { aspect: string; a: string; b: string }[];
  /** Role(s) the answer is about, canonical names. */
  roles?: string[];
  /** Data year where the sources state it. */
  year?: number;
  /** Salary figures behind a salary answer. */
  figures?: SalaryFact[];
  /** Skills both compared roles share. */
  shared?: string[];
}

/** Formats a citation source as `Document › Section`. */
export function sourceLabel(doc: SourceDoc, section: number): string {
  const path = doc.sections[section]?.path ?? [];
  return [doc.title, ...path].join(' › ');
}
