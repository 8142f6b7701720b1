// Presentation rules shared by every renderer (pure, no I/O): how many quotes an answer shows, how figures,
// sources and refusals read. Each surface adds its own markup on top (Discord markdown, terminal text).
import type { CompareAnswer, CompareRow, NoAnswer, SalaryAnswer, SalaryComparison } from '../domain/answer.js';
import type { Level, Period, SalaryFact } from '../domain/knowledge.js';
import { type Citation, withContext } from '../domain/types.js';
import { tableCells } from '../ingest/text.js';

/** A short answer on a phone: at most this many quotes and about this many characters; the rest is in Sources. */
export const ANSWER_BUDGET = { quotes: 4, chars: 900 } as const;
/** The longest single quote shown in an answer (the Sources view shows more). */
export const QUOTE_MAX = 500;

/** How long a salary summary grows before the rest of its figures are left to the quotes and sources. */
export const SUMMARY_CHARS = 320;
/** Whole items shown per comparison cell before "+N more". */
export const CELL_ITEMS = 2;

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
  return trimAtBoundary(readable(tableRow(c, true) ?? withContext(c)), max);
}

/**
 * A table row as read on a phone: each cell after its column's header ("Level: Groundworker · Experience: 0-1 years"),
 * or, when the header was just shown, its cells alone. Null for anything but a row.
 */
function tableRow(c: Citation, withHeader: boolean): string | null {
  const cells = tableCells(c.quote);
  if (cells.length < 2) return null;
  const header = c.context ? tableCells(c.context) : [];
  if (withHeader && header.length === cells.length) return cells.map((cell, i) => `${header[i]}: ${cell}`).join(' · ');
  return cells.join(' · ');
}

/**
 * A quote as read: one line, with Markdown's inline marks taken off ("**Senior engineer**", "`kubectl`",
 * "[guide](https://…)"); the citation keeps the exact source text. Surfaces escape what is left.
 */
export function readable(quote: string): string {
  return quote
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^*_]+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * The lines of one source group: a nested bullet whose parent was just shown (as a quote or as the previous
 * item's parent) is shown without repeating the parent.
 */
export function groupLines(quotes: Citation[]): string[] {
  return quotes.map((q, i) => {
    const prev = quotes[i - 1];
    const parentShown = !!q.context && !!prev && (prev.quote === q.context || prev.context === q.context);
    return parentShown ? `  ${trimAtBoundary(readable(tableRow(q, false) ?? q.quote), QUOTE_MAX)}` : quoteLine(q);
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

/** Currencies whose amounts are grouped as their own country writes them: rupees in lakh and crore ("₹12,00,000"). */
const GROUPING_LOCALE: Record<string, string> = { INR: 'en-IN' };

/** Formats an amount in the figure's own currency: (157969, USD) -> "$157,969", (67000, EUR) -> "€67,000", (1200000, INR) -> "₹12,00,000". */
export function money(n: number, currency = 'USD'): string {
  const digits = Number.isInteger(n) ? 0 : 2;
  const locale = GROUPING_LOCALE[currency] ?? 'en-US';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  } catch {
    return `${currency} ${n.toLocaleString(locale)}`;
  }
}

/** Periods other than a year are always said; a yearly figure needs no suffix. */
const PERIOD_TEXT: Record<SalaryFact['period'], string> = {
  year: '',
  month: ' per month',
  week: ' per week',
  day: ' per day',
  hour: ' per hour',
  km: ' per km',
  mile: ' per mile',
};
const LEVEL_NAME: Record<Level, string> = { junior: 'junior', mid: 'mid-level', senior: 'senior' };
const PERIOD_NAME: Record<Period, string> = { year: 'yearly', month: 'monthly', week: 'weekly', day: 'daily', hour: 'hourly', km: 'per-km', mile: 'per-mile' };

/** "$150,000–$250,000+", "£75,000+", "€5,580 per month": the figure in its own currency and period. */
export function amountText(f: SalaryFact): string {
  const c = f.currency;
  const text =
    f.value !== null
      ? money(f.value, c)
      : f.min !== null && f.max !== null
        ? `${money(f.min, c)}–${money(f.max, c)}`
        : f.min === null && f.max !== null
          ? `up to ${money(f.max, c)}`
          : money(f.min ?? 0, c);
  return `${text}${f.openEnded ? '+' : ''}${PERIOD_TEXT[f.period]}`;
}

/** What a set of figures all share, so that each figure names only where and when it differs. */
export interface FactScope {
  market: string | null;
  year: number | null;
}

function whereWhen(f: SalaryFact, scope: FactScope): string {
  // A label that already says where or when ("Salary by level (Dublin, 2024)") is not told again.
  const said = f.label.toLowerCase();
  const place = f.location && f.location !== scope.market && !said.includes(f.location.toLowerCase()) ? f.location : null;
  const year = f.year && f.year !== scope.year && !said.includes(String(f.year)) ? String(f.year) : null;
  const parts = [place, year].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** One figure under the document's own words: "Median base salary: $128,500", "Salary bands by experience — Junior (0-2 years) (Germany): €48,000–€58,000". */
export function describeFact(f: SalaryFact, scope: FactScope = { market: null, year: null }): string {
  return `${f.label}${f.level ? ` — ${f.level}` : ''}${whereWhen(f, scope)}: ${amountText(f)}`;
}

/**
 * Figures as short phrases, the bands or places of one label together ("Pay bands by level: Junior SRE
 * (0-2 years) $95,000–$120,000, SRE II (3-5 years) $125,000–$160,000"; "Top-paying markets: Vancouver
 * $175,000, New York $165,000"), each with how many figures it holds.
 */
export function factPhrases(facts: SalaryFact[], scope: FactScope): { text: string; count: number }[] {
  const groups: { key: string | null; facts: SalaryFact[] }[] = [];
  const nameOf = (f: SalaryFact) => f.level ?? (f.location && f.location !== scope.market ? f.location : null);
  const whereOf = (f: SalaryFact) => whereWhen(f.level ? f : { ...f, location: null }, scope);
  for (const f of facts) {
    const key = nameOf(f) ? `${f.label}\0${whereOf(f)}\0${f.level ? 'level' : 'place'}` : null;
    const last = groups[groups.length - 1];
    if (key && last?.key === key) last.facts.push(f);
    else groups.push({ key, facts: [f] });
  }
  return groups.map(({ facts: group }) => {
    const [first] = group;
    if (!first || (group.length === 1 && !first.level)) return { text: first ? describeFact(first, scope) : '', count: group.length };
    return { text: `${first.label}${whereOf(first)}: ${group.map((f) => `${nameOf(f)} ${amountText(f)}`).join(', ')}`, count: group.length };
  });
}

/** The title of a salary answer: "Backend Machine Learning Engineer salary (US, 2024)" — only what every figure shares. */
export function salaryTitle(a: SalaryAnswer): string {
  const scope = [a.market, a.year].filter(Boolean).join(', ');
  return `${a.role} salary${scope ? ` (${scope})` : ''}`;
}

/** The one-paragraph summary of a salary answer, then the notes on what the documents lack. */
export function salarySummary(a: SalaryAnswer, esc: Escape = plain): string {
  let summary: string;
  const scope = { market: a.market, year: a.year };
  const places = a.ranking ? a.figures.filter((f) => f.location && f.label === a.figures[0]?.label) : [];
  const [top, ...rest] = places;
  if (top) {
    const place = (f: SalaryFact) => `${f.location} (${amountText(f)})`;
    summary = `Best-paying place for ${a.role} in the documents (${top.label}): ${place(top)}${rest.length ? `, then ${rest.map(place).join(', ')}` : ''}.`;
  } else {
    // A province-by-level table gives a dozen figures: the summary names the first few, the quotes carry the rest.
    const phrases = factPhrases(a.figures, scope);
    const shown: string[] = [];
    let hidden = 0;
    for (const p of phrases) {
      if (hidden || (shown.length && [...shown, p.text].join('; ').length > SUMMARY_CHARS)) hidden += p.count;
      else shown.push(p.text);
    }
    summary = `${a.role}: ${shown.join('; ')}${hidden ? `; and ${hidden} more figure${hidden === 1 ? '' : 's'} in the sources` : ''}.`;
  }
  const banded = a.figures.some((f) => f.level);
  const notes = a.notes.map((n) =>
    n.kind === 'no-level'
      ? banded
        ? `The documents give no ${LEVEL_NAME[n.level]} band for ${a.role}; these are the bands and figures they give.`
        : `The documents don't break ${a.role} pay down by level, so these figures cover all levels.`
      : n.kind === 'no-period'
        ? `The documents give no ${PERIOD_NAME[n.period]} figures for ${a.role}; these are ${n.given.map((p) => PERIOD_NAME[p]).join(' and ')}.`
        : `No ${a.role} figures are given for ${esc(n.location)}; these are the figures the documents have.`,
  );
  return [esc(summary), ...notes].join('\n');
}

/** What a pay question asked for that the documents lack: "for Lagos", "in EUR", "for Germany in USD for 2019". */
function askedFor(r: { location: string | null; currency: string | null; year: number | null }): string {
  return [r.location && `for ${r.location}`, r.currency && `in ${r.currency}`, r.year && `for ${r.year}`].filter(Boolean).join(' ');
}

/** What the documents do give a role, for the dimensions that were asked about. */
function givenFor(r: Extract<NoAnswer['reason'], { code: 'no-salary-for' }>): string {
  const { locations, currencies, years } = r.available;
  return [
    // Figures that name no place ("Average salary £28,000 to £45,000") are not London's, but they exist.
    r.location ? (locations.length ? `for ${locations.join(', ')}` : 'without naming a place') : null,
    r.currency && currencies.length ? `in ${currencies.join(', ')}` : null,
    r.year && years.length ? `for ${years.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** A thank-you rather than a greeting ("thx!", "cheers"): answered as one. */
const THANKS = /\b(?:thanks|thank\s+you|thx|ty|cheers)\b/i;

/** The title of a refusal. */
export function noAnswerTitle(a: NoAnswer): string {
  switch (a.reason.code) {
    case 'not-covered':
      return 'Not in the documents';
    case 'small-talk':
      return 'Ask me about a tech role';
    case 'unknown-role':
      return 'Unknown role';
    case 'no-salary-data':
      return `${a.reason.role}: no salary data`;
    case 'same-role':
      return 'Same role twice';
    case 'no-content':
      return `${a.reason.role}: not described in the documents`;
    case 'no-salary-for':
      return `${a.reason.role}: no salary figures ${askedFor(a.reason)}`;
    case 'outside-documents':
      return 'Not in the documents';
  }
}

/** "a Data Engineer", "an Android Developer". */
export function withArticle(role: string): string {
  return `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
}

/** What a refusal says, with what to ask instead. */
export function noAnswerText(a: NoAnswer, esc: Escape = plain): string {
  const r = a.reason;
  switch (r.code) {
    case 'not-covered': {
      const roles = a.suggestions.length ? a.suggestions.join(', ') : 'the roles in the corpus';
      const example = r.example
        ? ` For example: “What skills does ${withArticle(esc(r.example))} need?” or “How much does ${withArticle(esc(r.example))} make?”`
        : '';
      return (
        "I couldn't find that in the career documents I have, so I won't guess.\n" +
        `I can answer questions about ${esc(roles)}: what a role does, the skills and education it needs, what it pays and how two roles compare.${example}`
      );
    }
    case 'small-talk':
      return `${THANKS.test(a.question) ? "You're welcome!" : 'Hi!'} Ask me what a role does, the skills it needs, what it pays or how two roles compare${r.example ? `, e.g. “How much does ${withArticle(esc(r.example))} make?”` : '.'}`;
    case 'unknown-role':
      return `I don't know the role “${esc(r.input)}”.${a.suggestions.length ? ` Did you mean: ${esc(a.suggestions.join(', '))}?` : ''}`;
    case 'no-salary-data':
      return `The career documents have no salary figures for ${esc(r.role)}, so I can't give you a number.${a.suggestions.length ? `\nRoles with salary data: ${esc(a.suggestions.join(', '))}.` : ''}`;
    case 'same-role':
      return `Both names mean ${esc(r.role)}. Pick two different roles, e.g. ${esc(r.role)} and ${esc(a.suggestions[0] ?? 'another role')}.`;
    case 'no-content':
      return (
        `The career documents mention ${esc(r.role)} but have no page, section or figures of its own about it, so I can't describe or compare it.` +
        (a.suggestions.length ? `\nRoles the documents describe: ${esc(a.suggestions.join(', '))}.` : '')
      );
    case 'no-salary-for': {
      const given = givenFor(r);
      return (
        `The career documents have no ${esc(r.role)} salary figures ${esc(askedFor(r))}, and I won't convert or borrow figures given for something else.` +
        (given ? `\nThey give ${esc(r.role)} figures ${esc(given)}.` : '') +
        (a.suggestions.length ? `\nRoles with figures ${esc(askedFor(r))}: ${esc(a.suggestions.join(', '))}.` : '')
      );
    }
    case 'outside-documents': {
      const what = r.subjects.map((s) => `“${esc(s)}”`).join(', ');
      const role = r.role ? ` for ${esc(r.role)}` : '';
      // Only a pay question risks being answered with another place's figures; other questions just aren't covered.
      if (a.intent !== 'salary') return `The career documents don't cover ${what}${role}, so I won't guess.`;
      const instead = r.instead.length ? `\nFor ${esc(r.role ?? 'this role')} they have figures for: ${esc(r.instead.join(', '))}.` : '';
      return `The career documents have no pay figures${role} for ${what}, so I won't guess or show figures for somewhere else.${instead}`;
    }
  }
}

/** What a comparison cell says when no section of the role's pages covers the aspect. */
export const MISSING = 'Not in the documents';

/**
 * The rows of a comparison worth a line each (at least one role has something) and the aspects neither has, said
 * once ("Not in the documents for either: Responsibilities, Outlook") rather than as a wall of empty cells.
 */
export function compareRows(answer: CompareAnswer): { rows: CompareRow[]; missing: string | null; shared: string | null } {
  const rows = answer.rows.filter((r) => r.a.length || r.b.length);
  const empty = answer.rows.filter((r) => !r.a.length && !r.b.length).map((r) => r.aspect);
  // "none listed for both" says nothing when neither role lists a skill.
  const shared = answer.shared.length ? answer.shared.map((s) => s.quote).join(', ') : empty.includes('Key skills') ? null : 'none listed for both';
  return { rows, missing: empty.length ? empty.join(', ') : null, shared };
}

/** The label of the aspects neither compared role has. */
export const MISSING_FOR_BOTH = `${MISSING} for either`;

/** Characters a comparison cell may use beyond its first item, so a comparison stays readable on a phone: 240 gave 2,000-2,300 characters in all on the seed page and a review
 * corpus, 180 gives 1,850-2,000 (first items are never cut). */
export const CELL_CHARS = 180;

/** Characters a salary cell may use: every level or place of a short table fits (a pay comparison is about them). */
export const SALARY_CELL_CHARS = 240;

/** Whole pieces within `budget` characters (the first always), then how many were left out. */
function fit(pieces: { text: string; count: number }[], max: number, joiner: string, budget = CELL_CHARS): { text: string; left: number } {
  const shown: string[] = [];
  let used = 0;
  let taken = 0;
  for (const p of pieces) {
    const size = p.text.length + (shown.length ? joiner.length : 0);
    if (shown.length && (shown.length >= max || used + size > budget)) break;
    shown.push(p.text);
    used += size;
    taken += p.count;
  }
  const total = pieces.reduce((n, p) => n + p.count, 0);
  return { text: shown.join(joiner), left: total - taken };
}

/** A comparison cell as plain text: whole items (never cut mid-phrase), as many as fit, then "+N more" (all are in Sources). */
export function cellText(row: CompareRow, side: 'a' | 'b'): string {
  if (row.aspect === 'Salary') {
    const facts = row[side];
    if (!facts.length) return MISSING;
    const place = facts.every((f) => f.location === facts[0]?.location) ? (facts[0]?.location ?? null) : null;
    const year = facts.every((f) => f.year === facts[0]?.year) ? (facts[0]?.year ?? null) : null;
    const { text, left } = fit(factPhrases(facts, { market: place, year }), Number.POSITIVE_INFINITY, '; ', SALARY_CELL_CHARS);
    const scope = [place, year].filter(Boolean).join(', ');
    return `${scope ? `${scope} — ` : ''}${text}${left > 0 ? ` (+${left} more figure${left === 1 ? '' : 's'}, see Sources)` : ''}`;
  }
  const items: { quote: string }[] = row[side];
  if (!items.length) return MISSING;
  const prose = row.aspect === 'What it is' || row.aspect === 'Outlook';
  const text = (q: string) => (row.aspect === 'What it is' ? q.replace(/^[^:]{2,60}:\s+/, '') : prose ? q : q.replace(/[.;]$/, ''));
  const { text: shown, left } = fit(
    items.map((i) => ({ text: readable(text(i.quote)), count: 1 })),
    prose ? Number.POSITIVE_INFINITY : CELL_ITEMS,
    prose ? ' ' : '; ',
  );
  return `${shown}${left > 0 ? ` (+${left} more)` : ''}`;
}

/** The title of a pay comparison: "Who earns more: Backend Engineer or Machine Learning Engineer". */
export function salaryComparisonTitle(a: SalaryComparison): string {
  return `Who earns more: ${a.sides.map((s) => s.role).join(' or ')}`;
}
