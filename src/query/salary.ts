// Use case "salary" (pure): salary figures for one role, optionally one level and place, quoted with sources.
import type { Answer, Citation } from '../domain/types.js';
import { escapeMarkdown, money, renderQuotes, MESSAGE_LIMIT } from '../adapters/format.js';
import type { Knowledge } from '../ingest/knowledge/index.js';
import { resolveRole } from '../ingest/knowledge/roles.js';
import type { Level, SalaryFact } from '../ingest/knowledge/salary-facts.js';

export interface SalaryQuery {
  role: string;
  level?: Level | null;
  location?: string | null;
  /** Lead with the best-paying places ("which city pays the most?"). */
  topLocation?: boolean;
  /** Only total compensation figures, when there are any. */
  totalOnly?: boolean;
}

const KIND_LABEL: Record<SalaryFact['kind'], string> = {
  base: 'base',
  total_compensation: 'total compensation',
  average: 'average',
  range: 'range',
  market: 'market',
};

const LEVEL_LABEL: Record<Level, string> = { junior: 'junior (0-3 years)', mid: 'mid-level (3-7 years)', senior: 'senior (7+ years)' };

/** "$150,000–$250,000+" or "$157,969". */
export function amountText(f: SalaryFact): string {
  const text = f.value !== null ? money(f.value) : `${money(f.min ?? 0)}–${money(f.max ?? 0)}`;
  return `${text}${f.openEnded ? '+' : ''}${f.period === 'year' ? ' per year' : ''}`;
}

/** One short phrase per figure: "senior (7+ years) $200,000–$250,000+ per year", "Vancouver $175,000". */
export function describe(f: SalaryFact, market: string | null): string {
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

function citation(f: SalaryFact): Citation {
  return { doc: f.doc, section: f.section, quote: f.quote, ...(f.context ? { context: f.context } : {}), score: 1, docId: f.docId, start: f.start, end: f.end };
}

function uniqueCitations(facts: SalaryFact[]): Citation[] {
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(`${f.docId}:${f.start}`) && seen.add(`${f.docId}:${f.start}`)).map(citation);
}

/** Looks up salary figures; an unknown role gets suggestions, a role without data says so plainly. */
export function salaryLookup(knowledge: Knowledge, query: SalaryQuery): Answer {
  const question = [query.role, query.level, query.location].filter(Boolean).join(' · ');
  const base = { kind: 'salary' as const, question, intent: 'salary' as const, citations: [], suggestions: [] as string[], figures: [] };
  const { role, suggestions } = resolveRole(knowledge.roles, query.role);
  if (!role) {
    const text = `I don't know the role “${escapeMarkdown(query.role.trim())}”.${suggestions.length ? ` Did you mean: ${suggestions.join(', ')}?` : ''}`;
    return { ...base, answered: false, title: 'Unknown role', text, suggestions };
  }
  const all = knowledge.salaries.filter((f) => f.role === role.name);
  if (!all.length) {
    const withData = [...new Set(knowledge.salaries.map((f) => f.role).filter((r): r is string => !!r))];
    const text =
      `The career documents have no salary figures for ${role.name}, so I can't give you a number.` +
      (withData.length ? `\nRoles with salary data: ${withData.join(', ')}.` : '');
    return { ...base, answered: false, title: `${role.name}: no salary data`, text, roles: [role.name], suggestions: withData };
  }

  let facts = all;
  const notes: string[] = [];
  if (query.level) {
    const atLevel = facts.filter((f) => f.level === query.level);
    if (atLevel.length) facts = atLevel;
    else notes.push(`The documents don't break ${role.name} pay down by level, so these figures cover all levels.`);
  }
  if (query.location) {
    const want = query.location.toLowerCase();
    const here = facts.filter((f) => f.location?.toLowerCase().includes(want) || want.includes(f.location?.toLowerCase() ?? '\0'));
    if (here.length) facts = here;
    else notes.push(`No ${role.name} figures are given for ${escapeMarkdown(query.location)}; these are the figures the documents have.`);
  }
  if (query.totalOnly) {
    const total = facts.filter((f) => f.kind === 'total_compensation');
    if (total.length) facts = total;
  }
  const market = facts.find((f) => f.market)?.market ?? null;
  const year = facts.find((f) => f.year)?.year ?? undefined;
  let summary: string;
  const places = facts.filter((f) => f.kind === 'market' && f.value !== null).sort((a, b) => b.value! - a.value!);
  if (query.topLocation && places.length) {
    const [top, ...rest] = places;
    summary = `Best-paying market for ${role.name} in the documents: ${top!.location} (${money(top!.value!)})${rest.length ? `, then ${rest.map((f) => `${f.location} (${money(f.value!)})`).join(', ')}` : ''}.`;
    facts = [...places, ...facts.filter((f) => !places.includes(f))];
  } else {
    summary = `${role.name}: ${facts.map((f) => describe(f, market)).join('; ')}.`;
  }
  const scope = [market && `${market} market`, year].filter(Boolean).join(', ');
  const head = `**${escapeMarkdown(role.name)} salary${scope ? ` (${scope})` : ''}**\n${escapeMarkdown(summary)}${notes.length ? `\n${notes.join(' ')}` : ''}\n\n`;
  const citations = uniqueCitations(facts);
  const quotes = renderQuotes(citations, MESSAGE_LIMIT - head.length);
  return {
    ...base,
    answered: true,
    title: `${role.name} salary`,
    text: `${head}${quotes.text}`,
    citations,
    figures: facts,
    roles: [role.name],
    ...(year ? { year } : {}),
  };
}
