// Ingest stage "knowledge: figure labels" (pure, no I/O): the words that name a money figure in running text — its
// kind ("median", "base"), its pay noun with its adjectives ("average annual salary"), its level band ("Senior (6+
// yrs)", "entry-level") and its year.
import type { Level, SalaryKind } from '../../domain/knowledge.js';
import { levelIn, staffLevel } from '../../domain/vocabulary.js';
import type { PlaceMention } from '../places.js';
import type { Money } from './money.js';

/** The words that name each kind, in the order the first match wins (see SalaryKind). */
const KIND_WORDS: [SalaryKind, RegExp][] = [
  ['median', /\bmedian\b/i],
  ['average', /\baverag|\bmean\b/i],
  ['percentile', /\bpercentile\b/i],
  ['starting', /\bstarting\b|\bentry salar/i],
  // "$140,000 or more before bonus" is pay without the bonus, not a bonus.
  ['bonus', /(?<!\b(?:before|excluding|excl\.?|without|plus|not including|on top of)\s+(?:an?\s+|any\s+|the\s+)?(?:annual\s+)?)\bbonus/i],
  ['equity', /\bequity\b|\bstock\b|\brsus?\b|\bshares\b/i],
  ['total', /\btotal\b|\btc\b/i],
  ['base', /\bbase\b/i],
];

/** Nouns a label in running text ends with ("with an annual bonus averaging $18,000" -> "annual bonus"). */
const PAY_NOUN = /\b(?:salar(?:y|ies)|pay|compensation|wages?|bonus(?:es)?|equity|income|earnings|stipend|rate|allowances?)\b/gi;
/** Words that end a label read leftwards from its pay noun: articles, prepositions, verbs and hedges ("typical"). */
const NOT_LABEL_WORD =
  /^(?:the|a|an|with|for|of|is|are|was|and|in|at|to|on|by|from|approximately|about|around|roughly|typical|typically|usual|usually|estimated|reported|their|its|this|that)$/i;
/** A level band: a level word or a years band ("Senior (6+ yrs)", "SRE II (3-5 years)", "Staff / Principal"). */
export const LEVEL_WORDS =
  /\b(?:junior|jr|mid|mid-level|intermediate|senior|sr|entry|graduate|grad|intern|trainee|apprentice|associate|staff|principal|lead|head|professional|experienced|early[\s-]career|new grads?)\b|\b(?:II|III|IV)\b|\b[LP]\d\b|\b\d+\s*(?:-|–|to)\s*\d+\s*(?:years?|yrs?)\b|\b\d+\+\s*(?:years?|yrs?)\b/i;
/** Words that name a kind of pay or pay itself: a text with one is a label, not a level band or a place. */
export const KIND_OR_PAY = /salar|\bpay|compensation|wage|bonus|equity|median|average|percentile|\bbase\b|\btotal\b|starting|\brange\b|earnings/i;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const YEAR_RANGE = /\b(?:19|20)\d{2}\s*(?:-|–|to|through|and)\s*(?:19|20)?\d{2}\b/g;

/** The kind a label's words give it (see SALARY_KINDS). */
export function kindOf(label: string): SalaryKind {
  return KIND_WORDS.find(([, re]) => re.test(label))?.[0] ?? 'range';
}

/** The one year a text states, ignoring spans such as "from 2023 to 2033". */
export function yearIn(text: string): number | null {
  const years = [...new Set([...text.replace(YEAR_RANGE, ' ').matchAll(YEAR)].map((m) => Number(m[0])))];
  return years.length === 1 ? (years[0] ?? null) : null;
}

/** True when the text is a level band rather than a label ("Junior (0-2 years)", "Lead or principal"). */
export function isLevelBand(text: string): boolean {
  return LEVEL_WORDS.test(text) && !KIND_OR_PAY.test(text);
}

/**
 * The coarse seniority of a written band, for filtering only; `after` is what follows a level word in running text,
 * which says which "staff" it is ("staff engineers" are senior, "staff nurses" are not).
 */
export function seniorityOf(band: string, after = ''): Level | null {
  return (
    levelIn(band.replace(/\byrs?\b/gi, 'years').replace(/\bgraduate\b/gi, 'junior')) ??
    staffLevel(`${band}${after}`) ??
    (/\bhead\b/i.test(band) ? 'senior' : null)
  );
}

/** The label running text gives a figure: the pay noun before it with its adjectives ("average annual salary"). */
export function nounLabel(before: string): string | null {
  const nouns = [...before.matchAll(PAY_NOUN)];
  const last = nouns[nouns.length - 1];
  if (!last) return null;
  const words = before.slice(0, last.index).trim().split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 3; i--) {
    const w = words[i] ?? '';
    // A dash between words ends the label: "Aged Care Worker - Average salary" is an average salary.
    if (NOT_LABEL_WORD.test(w) || /[^\p{L}-]/u.test(w) || /^[-–—]+$/.test(w)) break;
    kept.unshift(w);
  }
  return [...kept, last[0]].join(' ');
}

/** A long phrase cut to the pay words that name it ("the median for support specialists was about in 2023" -> "median"). */
export function shortLabel(words: string): string {
  const split = words.split(/\s+/);
  // Short and without filler ("median total compensation") it names the figure as it is; "In the median was about" does not.
  if (split.length <= 5 && !split.some((w) => NOT_LABEL_WORD.test(w) || CONNECTIVES.test(w))) return words;
  const noun = [...words.matchAll(new RegExp(`${PAY_NOUN.source}|\\b(?:median|average|percentile|starting)\\b`, 'gi'))].at(-1);
  if (!noun) return words;
  return nounLabel(words.slice(0, (noun.index ?? 0) + noun[0].length)) ?? noun[0];
}

/** Filler left around a figure that names nothing ("and", "while", "up to"). */
const CONNECTIVES =
  /^(?:and|or|but|while|with|whereas|then|each|both|up|to|from|between|about|around|roughly|typically|usually|earn|earns|earned|make|makes|made|pay|pays|paid|the|a|an|in|at|for|of|on|compared|was|were|is|are|than|less|more|over|under|nearly|almost|can|could|reach|reaches)$/i;

/** A figure's own few words when they name it ("second-line", "third-line engineers"), else null. */
export function namingWords(words: string): string | null {
  const kept = words.split(/\s+/).filter((w) => w && !CONNECTIVES.test(w));
  return kept.length >= 1 && kept.length <= 4 ? kept.join(' ') : null;
}

/** The last level word before a figure ("entry-level", "senior", "mid-level") with the words after it, or null. */
export function lastLevel(before: string): { word: string; after: string } | null {
  const found = [...before.matchAll(new RegExp(LEVEL_WORDS.source, 'gi'))].filter((m) => !/\d/.test(m[0])).at(-1);
  if (!found) return null;
  // "a first-year apprentice … and a fourth-year apprentice": the year of training is part of the level.
  const year = YEAR_OF_TRAINING.exec(before.slice(0, found.index));
  // "Entry-level official reporters": the level is "Entry-level", not "Entry".
  const end = found.index + found[0].length;
  const suffix = /^-level\b/i.exec(before.slice(end))?.[0] ?? '';
  return { word: `${year?.[0] ?? ''}${found[0]}${suffix}`, after: before.slice(end + suffix.length) };
}

/** The year of a training a level word follows: "first-year ", "4th year ", "final-year ". */
const YEAR_OF_TRAINING = /\b(?:first|second|third|fourth|fifth|final|1st|2nd|3rd|4th|5th)[-\s]year\s+$/i;

/** What is left of a clause once the figure, places and period words are taken out ("median", "total compensation"). */
export function ownWords(clause: string, money: Money, places: PlaceMention[]): string {
  let rest = clause.slice(0, money.start) + ' '.repeat(money.end - money.start) + clause.slice(money.end);
  for (const p of places) rest = rest.slice(0, p.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end);
  return rest
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:per (?:year|annum|month|hour)|a year|annually|yearly|monthly|hourly|p\.?a)\b/gi, ' ')
    .replace(/[^\p{L}\p{N}\s/'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
