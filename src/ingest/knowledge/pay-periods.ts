// Ingest stage "knowledge: pay periods" (pure, no I/O): the period a money figure is paid by — hour, day, week,
// month, year, km or mile — from its own words outwards, telling working time ("37 hours a week") from pay's period.
import type { Period } from '../../domain/knowledge.js';
import type { Money } from './money.js';

/** A table header that only names pay of a period: "Hourly rate", "Weekly pay", "Annual salary". */
export const PAY_OF_PERIOD = /^\s*(?:hourly|weekly|monthly|annual|yearly|daily|day)\s+(?:rates?|pay|salar(?:y|ies)|wages?|earnings)\s*$/i;

/** A bracket that only says a period: "(per km)", "(a year)", "(hourly)". */
export const PERIOD_BRACKET =
  /\s*\(\s*(?:(?:per|a|an)\s+(?:km|kilomet(?:re|er)|mile|hour|day|week|month|year)|hourly|daily|weekly|monthly|yearly|annual)\s*\)/i;

/**
 * Working time, not the period of pay: "37 to 40 hours a week", "two to three days a week on site", "37.5 a week",
 * "Typical hours (a week)".
 * A number written as money ("£600 a week") is pay and stays.
 */
const WORKING_TIME =
  /(?<![£$€¥₹\d.,])\b(?:\d[\d.,]*|one|two|three|four|five|six)(?:\s*(?:to|-|–)\s*(?:\d[\d.,]*|two|three|four|five|six))?\s*(?:hours?|hrs|days?|shifts?|nights?|weeks?)?\s+(?:a|per|each)\s+(?:week|month|year)\b|\b(?:hours?|days?|shifts?|nights?|evenings?|weekends?)\s*\(?\s*(?:a|per|each)\s+(?:week|month|year)\b/gi;

/** The period of pay a text states, if any. */
export function periodIn(written: string): Period | null {
  const text = written.replace(WORKING_TIME, ' ');
  if (/\bper (?:month|mo)\b|\bmonthly\b|\/\s?mo(?:nth)?\b|\ba month\b/i.test(text)) return 'month';
  if (/\bper hour\b|\bhourly\b|\/\s?h(?:ou)?r\b|\ban hour\b/i.test(text)) return 'hour';
  // Contractors' day rates ("EUR 400 to EUR 600 per day") are not salaries of a year.
  if (/\bper (?:day|diem)\b|\ba day\b|\/\s?day\b|\bday rates?\b|\bdaily rates?\b/i.test(text)) return 'day';
  if (/\bper week\b|\ba week\b|\/\s?(?:wk|week)\b|\bweekly\b/i.test(text)) return 'week';
  // Drivers are paid by distance ("$0.50 - $0.55" under "Domestic (per km)", "$2.00 to $2.40 per mile").
  if (/\b(?:per|a|each)\s+(?:km|kilomet(?:re|er))\b|\/\s?km\b/i.test(text)) return 'km';
  if (/\b(?:per|a|each)\s+mile\b|\/\s?mi(?:le)?\b/i.test(text)) return 'mile';
  if (/\bper (?:year|annum)\b|\bannual(?:ly)?\b|\ba year\b|\/\s?yr\b|\/\s?year\b|\byearly\b|\bp\.a\b|\d\s*k?\s+pa\b/i.test(text)) return 'year';
  return null;
}

/** How far after a figure its own period is looked for ("A$33.50 an hour", "A$1,273 for a 38-hour week"). */
export const PERIOD_AFTER_CHARS = 30;

/** Pay "for a 38-hour week", "for a full-time week": a week's pay. */
const FOR_A_WEEK = /^\s*(?:for|over)\s+an?\s+(?:\d+(?:\.\d+)?[-\s]hours?\s+|full[-\s]time\s+|standard\s+|ordinary\s+)?week\b/i;
/**
 * Above this a figure "for a 37.5-hour week" is a year's salary quoted with its working week ("£28,000 for a 37.5 hour
 * week"), not a week's pay; currencies of small units are left to the other rules.
 */
const WEEKLY_CEILING = 10_000;
const SMALL_UNIT_CURRENCIES = new Set(['JPY', 'INR']);

/**
 * Above this a figure is no pay per km or mile, whatever its section says of distance ("paid per kilometre … each
 * can earn $80,000 to $100,000"); drivers' rates run from cents to about $2.50 a mile.
 */
const DISTANCE_CEILING = 10;

/** The first period that fits the figure, from its own words outwards; a year when none does. */
export function periodOf(money: Money, candidates: (Period | null)[]): Period {
  const amount = money.to ?? money.from;
  const fits = (p: Period) => (p !== 'km' && p !== 'mile') || amount < DISTANCE_CEILING || SMALL_UNIT_CURRENCIES.has(money.currency);
  return candidates.find((p): p is Period => p !== null && fits(p)) ?? 'year';
}

/** The period written right after a figure, before any other figure: "A$33.50 an hour (around …", "A$1,273 for a 38-hour week". */
export function periodAfter(after: string, money: Money): Period | null {
  const own = periodIn(after);
  if (own) return own;
  const amount = money.to ?? money.from;
  return FOR_A_WEEK.test(after) && amount < WEEKLY_CEILING && !SMALL_UNIT_CURRENCIES.has(money.currency) ? 'week' : null;
}
