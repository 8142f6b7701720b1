// CLI output (pure): turns Answers into terminal text and into the documented JSON contracts.
import type { Answer } from '../../domain/types.js';

/** Strips Discord markdown escapes and emphasis for a terminal reader. */
export function toTerminal(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*\n]+)\*/g, '$1$2')
    .replace(/\\([\\*_~`|#>-])/g, '$1')
    .replace(/\u200b/g, '');
}

/** `ask --json`: { question, intent, answered, text, citations: [{ doc, section, quote, score }] }. */
export function askJson(a: Answer): object {
  return {
    question: a.question,
    intent: a.intent,
    answered: a.answered,
    text: a.text,
    citations: a.citations.map((c) => ({ doc: c.doc, section: c.section, quote: c.quote, score: c.score, ...(c.context ? { context: c.context } : {}) })),
  };
}

/** `salary --json`: { query, role, answered, text, figures: [...], suggestions }. */
export function salaryJson(query: string, a: Answer): object {
  return {
    query,
    role: a.roles?.[0] ?? null,
    answered: a.answered,
    text: a.text,
    figures: (a.figures ?? []).map((f) => ({
      role: f.role,
      level: f.level,
      kind: f.kind,
      min: f.min,
      max: f.max,
      value: f.value,
      openEnded: f.openEnded,
      currency: f.currency,
      period: f.period,
      location: f.location,
      year: f.year,
      quote: f.quote,
      doc: f.doc,
      section: f.section,
    })),
    suggestions: a.suggestions,
  };
}

/** `compare --json`: { a, b, answered, text, rows: [{ aspect, a, b }], shared }. */
export function compareJson(a: string, b: string, answer: Answer): object {
  return { a: answer.roles?.[0] ?? a, b: answer.roles?.[1] ?? b, answered: answer.answered, text: answer.text, rows: answer.rows ?? [], shared: answer.shared ?? [], suggestions: answer.suggestions };
}
