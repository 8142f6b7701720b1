// Presentation rules shared by every renderer (pure, no I/O): how many quotes an answer shows, how figures,
// sources and refusals read. Each surface adds its own markup on top (Discord markdown, terminal text).
import type { CompareRow, NoAnswer, SalaryAnswer, SalaryComparison } from '../domain/answer.js';
import type { SalaryFact } from '../domain/knowledge.js';
import { type Citation, withContext } from '../domain/types.js';

/** A short answer on a phone: at most this many quotes and about this many characters; the rest is in Sources. */
export const ANSWER_BUDGET = { quotes: 4, chars: 900 } as const;
/** The longest single quote shown in an answer (the Sources view shows more). */
export const QUOTE_MAX = 500;
/** Whole items shown per comparison cell before "+N more". */
export const CELL_ITEMS = 3;

/** Escapes text for a surface (identity for the terminal). */
export type Escape = (text: string) => string;
const plain: Escape = (t) => t;

/** Shortens text to `max` characters at a sentence, bullet or word boundary, ending with "…". */
export function trimAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const cuts = [room.lastIndexOf('\n'), room.search(/[.!?](?=\s)[^.!?]*$/) + 1, room.lastIndexOf(' ')];
  const cut = cuts.find((c) => c > max * 0.5) ?? room.lastIndexOf(' ');
  return `${room.slice(0, cut > 0 ? cut : room.length).trimEnd()}…`;
}

/** A quote as one line: parent bullet first, whitespace folded, at most QUOTE_MAX characters. */
export function quoteLine(c: Citation, max = QUOTE_MAX): string {
  return trimAtBoundary(withContext(c).replace(/\s*\n\s*/g, ' '), max);
}

/**
 * The lines of one source group: a nested bullet whose parent was just shown (as a quote or as the previous
 * item's parent) is shown without repeating the parent.
 */
export function groupLines(quotes: Citation[]): string[] {
  return quotes.map((q, i) => {
    const prev = quotes[i - 1];
    const parentShown = !!q.context && !!prev && (prev.quote === q.context || prev.context === q.context);
    return parentShown ? `  ${trimAtBoundary(q.quote.replace(/\s*\n\s*/g, ' '), QUOTE_MAX)}` : quoteLine(q);
  });
}

/** The quotes an answer shows: the best first, within ANSWER_BUDGET; `hidden` counts the rest. */
export function pickQuotes(citations: Citation[], budget: { quotes: number; chars: number } = ANSWER_BUDGET): { shown: Citation[]; hidden: number } {
  const shown: Citation[] = [];
  let used = 0;
  for (const c of citations) {
    const size = quoteLine(c).length;
    if (shown.length >= budget.quotes || (shown.length > 0 && used + size > budget.chars)) break;
    shown.push(c);
    used += size;
  }
  return { shown, hidden: citations.length - shown.length };
}

/** Consecutive quotes from one section, with a label that names the document only the first time. */
export interface QuoteGroup {
  label: string;
  quotes: Citation[];
}

/** Groups consecutive quotes by section; a document's title is named once, later groups give only the section. */
export function groupBySource(citations: Citation[]): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  const named = new Set<string>();
  for (const c of citations) {
    const last = groups[groups.length - 1];
    if (last && last.quotes[0]?.section === c.section) {
      last.quotes.push(c);
      continue;
    }
    const short = named.has(c.doc) && c.section.startsWith(`${c.doc} › `) ? c.section.slice(c.doc.length + 3) : c.section;
    named.add(c.doc);
    groups.push({ label: short, quotes: [c] });
  }
  return groups;
}

/** Formats US dollar amounts: 157969 -> "$157,969". */
export function money(n: number): string {
  return `$${n.toLocaleString('en-US')}`;
}

const KIND_LABEL: Record<SalaryFact['kind'], string> = {
  base: 'base',
  total_compensation: 'total compensation',
  average: 'average',
  range: 'range',
  market: 'market',
};
const LEVEL_LABEL: Record<NonNullable<SalaryFact['level']>, string> = {
  junior: 'junior (0-3 years)',
  mid: 'mid-level (3-7 years)',
  senior: 'senior (7+ years)',
};

/** "$150,000–$250,000+ per year" or "$157,969". */
export function amountText(f: SalaryFact): string {
  const text = f.value !== null ? money(f.value) : `${money(f.min ?? 0)}–${money(f.max ?? 0)}`;
  return `${text}${f.openEnded ? '+' : ''}${f.period === 'year' ? ' per year' : ''}`;
}

/** One short phrase per figure: "senior (7+ years) $200,000–$250,000+ per year", "Vancouver $175,000". */
export function describeFact(f: SalaryFact, market: string | null): string {
  const parts: string[] = [];
  if (f.level) parts.push(LEVEL_LABEL[f.level]);
  if (f.kind !== 'average' && f.kind !== 'market' && /^average\b/i.test(f.quote)) parts.push('average');
  if (f.kind === 'market') parts.push(f.location ?? 'market');
  else {
    if (f.kind !== 'range' || !f.level) parts.push(KIND_LABEL[f.kind]);
    if (f.location && f.location !== market) parts.push(`(${f.location})`);
  }
  return `${parts.join(' ')} ${amountText(f)}`;
}

/** The title of a salary answer: "Backend Engineer salary (US market, 2024)". */
export function salaryTitle(a: SalaryAnswer): string {
  const scope = [a.market && `${a.market} market`, a.year].filter(Boolean).join(', ');
  return `${a.role} salary${scope ? ` (${scope})` : ''}`;
}

/** The one-paragraph summary of a salary answer, then the notes on what the documents lack. */
export function salarySummary(a: SalaryAnswer, esc: Escape = plain): string {
  let summary: string;
  const places = a.ranking ? a.figures.filter((f) => f.kind === 'market' && f.value !== null) : [];
  const [top, ...rest] = places;
  if (top) {
    const place = (f: SalaryFact) => `${f.location} (${money(f.value ?? 0)})`;
    summary = `Best-paying market for ${a.role} in the documents: ${place(top)}${rest.length ? `, then ${rest.map(place).join(', ')}` : ''}.`;
  } else summary = `${a.role}: ${a.figures.map((f) => describeFact(f, a.market)).join('; ')}.`;
  const notes = a.notes.map((n) =>
    n.kind === 'no-level'
      ? `The documents don't break ${a.role} pay down by level, so these figures cover all levels.`
      : `No ${a.role} figures are given for ${esc(n.location)}; these are the figures the documents have.`,
  );
  return [esc(summary), ...notes].join('\n');
}

/** The title of a refusal. */
export function noAnswerTitle(a: NoAnswer): string {
  switch (a.reason.code) {
    case 'not-covered':
      return 'Not in the documents';
    case 'unknown-role':
      return 'Unknown role';
    case 'no-salary-data':
      return `${a.reason.role}: no salary data`;
    case 'same-role':
      return 'Same role twice';
    case 'outside-documents':
      return 'Not in the documents';
  }
}

/** What a refusal says, with what to ask instead. */
export function noAnswerText(a: NoAnswer, esc: Escape = plain): string {
  const r = a.reason;
  switch (r.code) {
    case 'not-covered': {
      const roles = a.suggestions.length ? a.suggestions.join(', ') : 'the roles in the corpus';
      const example = r.example ?? 'a role';
      return (
        "I couldn't find that in the career documents I have, so I won't guess.\n" +
        `I can answer questions about ${esc(roles)}: what a role does, the skills and education it needs, what it pays and how two roles compare. ` +
        `For example: “What skills does a ${esc(example)} need?” or “How much does a ${esc(example)} make?”`
      );
    }
    case 'unknown-role':
      return `I don't know the role “${esc(r.input)}”.${a.suggestions.length ? ` Did you mean: ${esc(a.suggestions.join(', '))}?` : ''}`;
    case 'no-salary-data':
      return `The career documents have no salary figures for ${esc(r.role)}, so I can't give you a number.${a.suggestions.length ? `\nRoles with salary data: ${esc(a.suggestions.join(', '))}.` : ''}`;
    case 'same-role':
      return `Both names mean ${esc(r.role)}. Pick two different roles, e.g. ${esc(r.role)} and ${esc(a.suggestions[0] ?? 'another role')}.`;
    case 'outside-documents': {
      const what = r.subjects.map((s) => `“${esc(s)}”`).join(', ');
      const about = r.role ? ` about ${esc(r.role)}` : '';
      const instead = r.instead.length ? `\nFor ${esc(r.role ?? 'this role')} they have figures for: ${esc(r.instead.join(', '))}.` : '';
      return `The career documents say nothing${about} for ${what}, so I won't guess or show figures for somewhere else.${instead}`;
    }
  }
}

/** What a comparison cell says when the documents have nothing for it. */
export const MISSING = 'Not in the documents';

/** A comparison cell as plain text: whole items (never cut mid-phrase), at most CELL_ITEMS, then "+N more". */
export function cellText(row: CompareRow, side: 'a' | 'b'): string {
  if (row.aspect === 'Salary') {
    const market = [...row.a, ...row.b].find((f) => f.market)?.market ?? null;
    return row[side].length ? row[side].map((f) => describeFact(f, market)).join('; ') : MISSING;
  }
  const items: { quote: string }[] = row[side];
  if (!items.length) return MISSING;
  const text = (q: string) => (row.aspect === 'What it is' ? q.replace(/^[^:]{2,60}:\s+/, '') : q.replace(/[.;]$/, ''));
  const shown = items.slice(0, CELL_ITEMS).map((i) => text(i.quote));
  return `${shown.join(row.aspect === 'What it is' || row.aspect === 'Outlook' ? ' ' : '; ')}${items.length > CELL_ITEMS ? ` (+${items.length - CELL_ITEMS} more)` : ''}`;
}

/** The title of a pay comparison: "Who earns more: Backend Engineer or Machine Learning Engineer". */
export function salaryComparisonTitle(a: SalaryComparison): string {
  return `Who earns more: ${a.sides.map((s) => s.role).join(' or ')}`;
}
