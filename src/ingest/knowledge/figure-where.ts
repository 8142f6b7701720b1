// Ingest stage "knowledge: where a figure stands" (pure, no I/O): the headings over a money figure and the
// paragraphs that introduce its sections, nearest first — where a section states its year, place, period or dollar.
import type { SourceDoc } from '../../domain/types.js';

/** Where a figure stands in its document: its section, headings and the introductions around it. */
export interface Where {
  doc: SourceDoc;
  section: number;
  /** Text of the enclosing headings, nearest first, then the document title. */
  headings: string[];
  /** Headings and the paragraphs that introduce them, nearest scope first: where a section states its year. */
  scopes: string[];
  /** How many of `scopes` are the sections' own (the rest is the document title and its introduction). */
  sectionScopes: number;
}

/** Where a figure of `doc`'s `section` stands, with the section introductions written before offset `before`. */
export function whereOf(doc: SourceDoc, section: number, before: number): Where {
  const path = doc.sections[section]?.path ?? [];
  const scopes: string[] = [];
  let sectionScopes = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    if (depth === 0) sectionScopes = scopes.length;
    const prefix = path.slice(0, depth);
    const owner = doc.sections.findIndex((s) => s.path.length === prefix.length && s.path.every((p, i) => prefix[i] === p));
    scopes.push(depth > 0 ? (prefix[depth - 1] ?? '') : doc.title);
    const intros = doc.blocks.filter((b) => b.section === owner && b.kind === 'paragraph' && b.start < before);
    for (const b of intros.reverse()) scopes.push(doc.text.slice(b.start, b.end));
  }
  return { doc, section, headings: [...path].reverse().concat(doc.title), scopes, sectionScopes };
}
