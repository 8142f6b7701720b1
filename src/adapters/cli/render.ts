// Terminal renderer (pure, no I/O): Answer -> plain text for a terminal, and the documented `--json` shapes
// (whose `text` is this terminal rendering).
import type { Answer, CompareAnswer, SalaryAnswer } from '../../domain/answer.js';
import { suggestionsOf } from '../../domain/answer.js';
import {
  MISSING_FOR_BOTH,
  cellText,
  compareRows,
  groupBySource,
  groupLines,
  noAnswerText,
  pickQuotes,
  quoteLine,
  salaryComparisonTitle,
  salarySummary,
  salaryTitle,
} from '../format.js';

/** What the command line says about quotes left out for length. */
const MORE_HINT = 'ask with --json to see every source';

/** Quotes grouped by source: "  > quote" lines, then "    — Document › Section"; `all` shows every quote. */
function quotes(citations: Answer['citations'], more = MORE_HINT, all = false): string {
  const { shown, hidden } = all ? { shown: citations, hidden: 0 } : pickQuotes(citations);
  const groups = groupBySource(shown).map(
    (g) =>
      `${groupLines(g.quotes)
        .map((line) => `  > ${line}`)
        .join('\n')}\n    — ${g.label}`,
  );
  return `${groups.join('\n')}${hidden > 0 ? `\n  (+${hidden} more quote${hidden === 1 ? '' : 's'}: ${more})` : ''}`;
}

function compare(a: CompareAnswer): string {
  const shown = compareRows(a);
  const rows = shown.rows.map((r) => `${r.aspect}\n  • ${a.a}: ${cellText(r, 'a')}\n  • ${a.b}: ${cellText(r, 'b')}`);
  if (shown.missing) rows.push(`${MISSING_FOR_BOTH}: ${shown.missing}`);
  const shared = shown.shared === null ? [] : [`Shared skills: ${shown.shared}`];
  const apart = a.differences.length ? [`How they differ\n${a.differences.map((d) => `  > ${quoteLine(d)}`).join('\n')}`] : [];
  return [`${a.a} vs ${a.b}`, ...apart, ...rows, ...shared].join('\n');
}

function salary(a: SalaryAnswer, more: string): string {
  return `${salaryTitle(a)}\n${salarySummary(a)}\n\n${quotes(a.citations, more)}`;
}

/** Every quote of an answer with its source, for the chat's "sources" command. */
export function renderSources(answer: Answer): string {
  return answer.citations.length ? quotes(answer.citations, MORE_HINT, true) : 'No sources: that answer quoted nothing.';
}

/** The terminal text of an answer; `more` says how to see quotes left out for length. */
export function renderText(answer: Answer, more = MORE_HINT): string {
  switch (answer.kind) {
    case 'ask':
      return `${answer.topic ? `${answer.topic.aspect} — ${answer.topic.role}\n` : ''}${quotes(answer.citations, more)}`;
    case 'salary':
      return salary(answer, more);
    case 'salary-compare':
      return [salaryComparisonTitle(answer), ...answer.sides.map((s) => `${salarySummary(s)}\n${quotes(s.citations.slice(0, 2))}`)].join('\n\n');
    case 'compare':
      return compare(answer);
    case 'roles':
      return [
        'Roles in the career documents ($ = salary data)',
        ...answer.catalog.map((r) => `  • ${r.name}${r.hasSalary ? ' $' : ''}${r.aliases.length ? ` — also: ${r.aliases.slice(0, 4).join(', ')}` : ''}`),
      ].join('\n');
    case 'none':
      return noAnswerText(answer);
  }
}

const citationJson = (c: Answer['citations'][number]) => ({
  doc: c.doc,
  section: c.section,
  quote: c.quote,
  score: c.score,
  ...(c.context ? { context: c.context } : {}),
});

/** `ask --json`: { question, intent, answered, text, citations: [{ doc, section, quote, score }], answer }. */
export function askJson(a: Answer): object {
  return {
    question: a.question,
    intent: a.intent,
    answered: a.answered,
    text: renderText(a),
    citations: a.citations.map(citationJson),
    kind: a.kind,
    roles: a.roles,
  };
}

/** `salary --json`: { query, role, answered, text, figures: [{ role, kind, label, level, seniority, min, max, value, openEnded, currency, period, location, country, market, year, quote, doc, file, section }], suggestions }. */
export function salaryJson(query: string, a: Answer): object {
  const figures = a.kind === 'salary' ? a.figures : [];
  return {
    query,
    role: a.roles[0] ?? null,
    answered: a.answered,
    text: renderText(a),
    figures: figures.map((f) => ({
      role: f.role,
      kind: f.kind,
      label: f.label,
      level: f.level,
      seniority: f.seniority,
      min: f.min,
      max: f.max,
      value: f.value,
      openEnded: f.openEnded,
      currency: f.currency,
      period: f.period,
      location: f.location,
      country: f.country,
      market: f.market,
      year: f.year,
      quote: f.quote,
      doc: f.doc,
      file: f.file,
      section: f.section,
    })),
    suggestions: suggestionsOf(a),
  };
}

/** `compare --json`: { a, b, answered, text, rows: [{ aspect, a, b, quotes }], differences, shared, suggestions }. */
export function compareJson(a: string, b: string, answer: Answer): object {
  if (answer.kind !== 'compare')
    return { a, b, answered: false, text: renderText(answer), rows: [], differences: [], shared: [], suggestions: suggestionsOf(answer) };
  return {
    a: answer.a,
    b: answer.b,
    answered: true,
    text: renderText(answer),
    rows: answer.rows.map((r) => ({
      aspect: r.aspect,
      a: cellText(r, 'a'),
      b: cellText(r, 'b'),
      quotes: { a: r.a.map((x) => x.quote), b: r.b.map((x) => x.quote) },
    })),
    differences: answer.differences.map((d) => d.quote),
    shared: answer.shared.map((s) => s.quote),
    suggestions: [],
  };
}
