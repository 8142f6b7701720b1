// Ingest stage "knowledge: salary facts" (pure, no I/O): every money figure and market percentage in the corpus as a
// structured record that keeps its role, level, kind, market, year and exact source quote.
import type { MarketFact, Quoted, Role, SalaryFact, SalaryKind } from '../../domain/knowledge.js';
import { type SourceDoc, sourceLabel } from '../../domain/types.js';
import { levelIn } from '../../domain/vocabulary.js';
import { sentenceSpans } from '../text.js';
import { primaryRole, rolesMentioned } from './roles.js';

const MONEY = /\$\s?(\d[\d,]*(?:\.\d+)?)\s*(k|K|million)?(\+)?(?:\s*(?:-|–|—|to)\s*\$?\s?(\d[\d,]*(?:\.\d+)?)\s*(k|K|million)?(\+)?)?/g;

function amount(digits: string, unit: string | undefined): number {
  const n = Number(digits.replace(/,/g, ''));
  if (unit === 'million') return n * 1_000_000;
  return unit ? n * 1000 : n;
}

/** Splits text at commas/semicolons that are outside parentheses, keeping offsets. */
function clauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0 && /\s/.test(text[i + 1] ?? '') && !/\d/.test(text[i + 1] ?? '')) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: text.length });
  return out;
}

function kindOf(text: string, isRange: boolean): SalaryKind {
  const t = text.toLowerCase();
  if (/total comp/.test(t)) return 'total_compensation';
  if (/\bbase\b/.test(t)) return 'base';
  if (/\bmarkets?\b|\bcit(?:y|ies)\b/.test(t)) return 'market';
  if (/\baverage|\bmean\b|\bmedian\b|\btypical/.test(t)) return 'average';
  return isRange ? 'range' : 'average';
}

function periodOf(text: string): SalaryFact['period'] {
  if (/per year|annual|a year|\/\s?yr|per annum|yearly/i.test(text)) return 'year';
  if (/per month|monthly|\/\s?mo/i.test(text)) return 'month';
  if (/per hour|hourly|\/\s?hr/i.test(text)) return 'hour';
  return null;
}

function locationOf(clause: string, label: string, figureAt: number): string | null {
  const before = clause.slice(0, figureAt);
  const paren = /([A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)\s*\($/.exec(before.trimEnd());
  if (paren?.[1]) return paren[1];
  const text = `${label} ${clause}`;
  if (/\bremote\b/i.test(text)) return 'Remote';
  const inPlace = /\bin\s+((?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:\s+startups?|\s+market)?)/.exec(text);
  return inPlace?.[1] ? inPlace[1].replace(/^the\s+/, '') : null;
}

/** Market and year stated in a heading path, e.g. "Salary Ranges (US Market, 2024)". */
function headingContext(path: string[]): { market: string | null; year: number | null } {
  const joined = path.join(' ');
  const year = /\b(20\d\d)\b/.exec(joined);
  const market = /\(([A-Z][\w\s.]*?)\s+Market\b/i.exec(joined);
  return { market: market?.[1] ? market[1].trim() : null, year: year ? Number(year[1]) : null };
}

interface Unit {
  doc: SourceDoc;
  section: number;
  start: number;
  end: number;
  parent?: { start: number; end: number };
}

function units(doc: SourceDoc): Unit[] {
  return doc.blocks.flatMap((b): Unit[] => {
    if (b.kind === 'heading') return [];
    const parentBlock = b.parent === undefined ? undefined : doc.blocks[b.parent];
    const parent = parentBlock ? { start: parentBlock.start, end: parentBlock.end } : undefined;
    const spans = b.kind === 'paragraph' ? sentenceSpans(doc.text, b.start, b.end) : [{ start: b.start, end: b.end }];
    return spans.map((s) => ({ doc, section: b.section, ...s, ...(parent ? { parent } : {}) }));
  });
}

/** Extracts every salary figure and market percentage from the documents. */
export function extractFacts(docs: SourceDoc[], roles: Role[]): { salaries: SalaryFact[]; market: MarketFact[] } {
  const salaries: SalaryFact[] = [];
  const market: MarketFact[] = [];
  for (const doc of docs) {
    const primary = primaryRole(roles, doc);
    for (const u of units(doc)) {
      const text = doc.text.slice(u.start, u.end);
      const path = doc.sections[u.section]?.path ?? [];
      const parentText = u.parent ? doc.text.slice(u.parent.start, u.parent.end) : '';
      const quoted: Quoted = {
        quote: text,
        ...(parentText ? { context: parentText } : {}),
        docId: doc.id,
        doc: doc.title,
        section: sourceLabel(doc, u.section),
        start: u.start,
        end: u.end,
      };
      const label = /^([^:$]{2,60}):\s/.exec(text)?.[1] ?? '';
      const role =
        rolesMentioned(roles, label)[0] ??
        rolesMentioned(roles, parentText)[0] ??
        rolesMentioned(roles, text)[0] ??
        rolesMentioned(roles, path.join(' '))[0] ??
        primary;

      for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%/g)) {
        const mentioned = rolesMentioned(roles, text).map((r) => r.name);
        market.push({ ...quoted, percent: Number(m[1]), roles: mentioned.length ? mentioned : primary ? [primary.name] : [] });
      }
      if (!text.includes('$')) continue;
      const { market: headingMarket, year: headingYear } = headingContext([...path, doc.title]);
      for (const c of clauses(text)) {
        const clause = text.slice(c.start, c.end);
        for (const m of clause.matchAll(MONEY)) {
          const first = amount(m[1] ?? '0', m[2]);
          const second = m[4] ? amount(m[4], m[5] ?? m[2]) : null;
          const words = `${label} ${clause.replace(m[0], ' ')}`;
          const yearInText = /\b(20\d\d)\b/.exec(text);
          salaries.push({
            ...quoted,
            role: role?.name ?? null,
            level: levelIn(`${label} ${clause}`) ?? levelIn(parentText),
            kind: kindOf(words, second !== null),
            min: second !== null ? first : null,
            max: second,
            value: second === null ? first : null,
            openEnded: Boolean(second !== null ? m[6] : m[3]),
            currency: 'USD',
            period: periodOf(clause) ?? periodOf(text),
            location: locationOf(clause, label, m.index ?? 0) ?? headingMarket,
            market: headingMarket,
            year: yearInText ? Number(yearInText[1]) : headingYear,
          });
        }
      }
    }
  }
  return { salaries, market };
}
