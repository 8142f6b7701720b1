// Ingest stage "knowledge: money" (pure, no I/O): finds money figures in text — a symbol or ISO code before or
// after the number, "k" and "million", ranges written with -, –, — or "to" (or "between … and"), and open-ended "+" — without
// converting or guessing a currency that is not written.

/** Symbols and codes, by ISO 4217 code; "$" alone is US dollars, "C$"/"A$" are not. */
const SYMBOLS: [RegExp, string][] = [
  [/^(?:US\$|\$)$/, 'USD'],
  [/^(?:CA\$|C\$)$/, 'CAD'],
  [/^(?:AU\$|A\$)$/, 'AUD'],
  [/^NZ\$$/, 'NZD'],
  [/^€$/, 'EUR'],
  [/^£$/, 'GBP'],
  [/^¥$/, 'JPY'],
  [/^₹$/, 'INR'],
];
const CODES = 'USD|EUR|GBP|CAD|AUD|NZD|CHF|INR|JPY|SEK|NOK|DKK|PLN|SGD';
const SYMBOL = '(?:US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|\\$|€|£|¥|₹)';
const NUMBER = '\\d{1,3}(?:[,.]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/** Thousands, millions, and the Indian lakh (100,000) and crore (10,000,000): "₹6-9 lakh". */
const UNIT = '(?:\\s?(?:k|K)\\b|\\s?million\\b|\\s?(?:lakhs?|lacs?|crores?)\\b)';
/** One amount: currency first ("$120k", "EUR 48,000") or last ("48.000 €", "60,000 EUR"). */
const AMOUNT = new RegExp(`(?:(${SYMBOL}|\\b(?:${CODES})\\s?)(${NUMBER})(${UNIT})?|\\b(${NUMBER})(${UNIT})?\\s?(€|£|\\b(?:${CODES})\\b))(\\+)?`, 'g');
const SEPARATOR = /^\s*(?:-|–|—|to)\s*/;
const BETWEEN = /\bbetween\s+$/i;
const OR_MORE = /^\s+(?:or more|or above|and up|and above)\b/i;
const BETWEEN_SEPARATOR = /^\s*(?:-|–|—|to|and)\s*/;
/**
 * The UK National Careers Service's layout of a pay range, each end named by its level: "£28,000 Starter to £70,000
 * Experienced" is one range, from starter to experienced pay.
 */
const LEVELLED_SEPARATOR = /^\s+(?:starter|starting|entry[\s-]level|new\s+entrant)\s+to\s+/i;
const LEVELLED_END = /^\s+(?:highly\s+)?experienced\b/i;
const BARE = new RegExp(`^(${NUMBER})(${UNIT})?(\\+)?`);
/** The bare first amount of a range whose currency is written after the second ("48,000 - 58,000 €"). */
const LEFT_BARE = new RegExp(`\\b(${NUMBER})(${UNIT})?\\s*(?:-|–|—|to)\\s*$`);

/** A money figure as written: one amount or a range, with its exact span in the text. */
export interface Money {
  start: number;
  end: number;
  currency: string;
  /** First (or only) amount. */
  from: number;
  /** Second amount of a range. */
  to: number | null;
  /** Written with a trailing "+" ("$190k+", "$250,000+"). */
  openEnded: boolean;
}

function currencyOf(written: string): string {
  const t = written.trim();
  for (const [re, code] of SYMBOLS) if (re.test(t)) return code;
  return t.toUpperCase();
}

function amountOf(digits: string, unit: string | undefined): number {
  // "48.000" is 48,000 in euro notation; "1.5" stays a decimal.
  const thousandsDot = /^\d{1,3}(?:\.\d{3})+$/.test(digits);
  const n = Number(thousandsDot ? digits.replace(/\./g, '') : digits.replace(/,/g, ''));
  const u = unit?.trim().toLowerCase();
  if (u === 'million') return Math.round(n * 1_000_000);
  if (u === 'k') return Math.round(n * 1000);
  if (u?.startsWith('lakh') || u?.startsWith('lac')) return Math.round(n * 100_000);
  if (u?.startsWith('crore')) return Math.round(n * 10_000_000);
  return n;
}

interface Amount {
  start: number;
  end: number;
  currency: string;
  value: number;
  unit: string | undefined;
  plus: boolean;
  /** The currency is written after the number ("58,000 €"). */
  suffix: boolean;
}

function amounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const prefix = m[1];
    const currency = currencyOf(prefix ?? m[6] ?? '');
    const digits = prefix ? m[2] : m[4];
    const unit = prefix ? m[3] : m[5];
    if (!digits) continue;
    out.push({ start: m.index, end: m.index + m[0].length, currency, value: amountOf(digits, unit), unit, plus: !!m[7], suffix: !prefix });
  }
  return out;
}

/** Every money figure in `text`, left to right; "€48,000 - €58,000" and "$60k - 75k" are one range each. */
export function findMoney(text: string): Money[] {
  const found = amounts(text);
  const out: Money[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    if (!a) continue;
    const left = a.suffix ? LEFT_BARE.exec(text.slice(0, a.start)) : null;
    if (left?.[1]) {
      out.push({ start: left.index, end: a.end, currency: a.currency, from: amountOf(left[1], left[2] ?? a.unit), to: a.value, openEnded: a.plus });
      continue;
    }
    const rest = text.slice(a.end);
    // "between $70 and $120 per hour" is one range; "and" elsewhere joins two figures.
    const between = BETWEEN.test(text.slice(Math.max(0, a.start - 12), a.start));
    const levelled = a.plus ? null : LEVELLED_SEPARATOR.exec(rest);
    const after = found[i + 1];
    if (levelled && after && after.start === a.end + levelled[0].length && after.currency === a.currency) {
      const end = after.end + (LEVELLED_END.exec(text.slice(after.end))?.[0].length ?? 0);
      out.push({ start: a.start, end, currency: a.currency, from: a.value, to: after.value, openEnded: after.plus });
      i++;
      continue;
    }
    const sep = a.plus ? null : (between ? BETWEEN_SEPARATOR : SEPARATOR).exec(rest);
    const next = found[i + 1];
    if (sep && next && next.start === a.end + sep[0].length && next.currency === a.currency) {
      const from = !a.unit && next.unit && a.value < 1000 ? amountOf(String(a.value), next.unit) : a.value;
      out.push({ start: a.start, end: next.end, currency: a.currency, from, to: next.value, openEnded: next.plus });
      i++;
      continue;
    }
    const bare = sep ? BARE.exec(rest.slice(sep[0].length)) : null;
    if (sep && bare?.[1]) {
      const unit = bare[2] ?? a.unit;
      out.push({
        start: a.start,
        end: a.end + sep[0].length + bare[0].length,
        currency: a.currency,
        from: !a.unit && bare[2] && a.value < 1000 ? amountOf(String(a.value), bare[2]) : a.value,
        to: amountOf(bare[1], unit),
        openEnded: !!bare[3],
      });
      continue;
    }
    // "$300,000 or more" is open-ended like "$300,000+".
    const more = a.plus ? null : OR_MORE.exec(rest);
    out.push({ start: a.start, end: a.end + (more?.[0].length ?? 0), currency: a.currency, from: a.value, to: null, openEnded: a.plus || !!more });
  }
  return out;
}

/** True when the text holds a money figure. */
export function hasMoney(text: string): boolean {
  return findMoney(text).length > 0;
}
