// Domain "documents" (pure data, no I/O): parsed documents, their chunks and the citations quoted from them.

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

export type Intent = 'salary' | 'compare' | 'skills' | 'education' | 'outlook' | 'progression' | 'role' | 'roles' | 'general';

/** The one source label format, `Document › Section › Sub-section`. */
export function sourceLabel(doc: Pick<SourceDoc, 'title' | 'sections'>, section: number): string {
  const path = doc.sections[section]?.path ?? [];
  // A page whose first heading repeats its title ("Veterinary Technician" under the title "Veterinary Technician").
  const own = path[0]?.trim().toLowerCase() === doc.title.trim().toLowerCase() ? path.slice(1) : path;
  return [doc.title, ...own].join(' › ');
}

/** A quote as read aloud: a nested bullet is preceded by its parent ("Machine Learning Engineers: Average…"). */
export function withContext(quoted: { quote: string; context?: string }): string {
  return quoted.context ? `${quoted.context} ${quoted.quote}` : quoted.quote;
}

/** The citation for the exact slice `[start, end)` of a document, with the parent bullet when there is one. */
export function citeSpan(doc: SourceDoc, section: number, start: number, end: number, context?: { start: number; end: number }, score = 1): Citation {
  const parent = context ? doc.text.slice(context.start, context.end) : undefined;
  return {
    doc: doc.title,
    section: sourceLabel(doc, section),
    quote: doc.text.slice(start, end),
    ...(parent ? { context: parent } : {}),
    score,
    docId: doc.id,
    start,
    end,
  };
}
