// Ingest stage "knowledge: figures that are not pay" (pure, no I/O): money a page writes that nobody is paid —
// prices and fees, unit prices of a piece of work, differences from pay, additions to it and deductions from it.
import type { Money } from './money.js';

/** Words that mark text as being about pay; a figure elsewhere ("a $5 million fund") is not a salary. */
export const PAY_CONTEXT =
  /salar|\bpay|compensation|\bwage|bonus|equity|earn|income|stipend|\brsus?\b|percentile|median|average|\brates?\b|\bbands?\b|\bgross\b|\bmoney\b/i;

/** Words after a figure that make it a difference from pay, not pay ("$10,000 more than peers", "£2,000 extra"). */
const DIFFERENCE_AFTER = /^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+)?(?:more|less|extra|higher|lower|on top|above|below)\b/i;
/** Words just before a figure that make it an addition to pay ("weighting adds £3,000 to £6,000"); see also SUPPLEMENT. */
const DIFFERENCE_BEFORE = /\b(?:adds?|adding|added|extra)\s+(?:(?:about|around|roughly|up to|an extra|another)\s+)?$/i;

/** Words after a figure that make it taken from pay ("£300 to £500 per month deducted from their pay", "£2,000 owed"). */
const DEDUCTED_AFTER =
  /^\s*(?:(?:(?:per|a|an|each|every)\s+\w+|is|are|was|were|be|been|being|will|may|might|can|could|typically|usually|often|gets?|getting|then)\s+){0,3}(?:deducted|withheld|docked|repaid|repayable|owed|clawed\s+back|taken\s+(?:off|out|back|from))\b/i;
/** Words just before a figure that make it taken from pay ("a deduction of £200", "repay £15,000", "owe up to $8,000"). */
const DEDUCTED_BEFORE =
  /\b(?:deduct(?:s|ed|ing|ions?)?|withh(?:old|olds|eld|olding)|repay(?:s|ing|ments?)?|owes?|owing|debts?|clawbacks?|claw\s+back)\s+(?:(?:of|about|around|roughly|up\s+to|between|an?|the|as\s+much\s+as)\s+)*$/i;

/** An addition to pay named before its figure ("a premium of $5k", "a high cost area supplement … between £5,000…"). */
const SUPPLEMENT = /\b(?:supplements?|weighting|premium|uplift|on top of)\b/i;

/** Words that make a figure a price or fee ("which costs $129", "exam fee of £200"). */
const COST = /\b(?:costs?|costing|fees?|price[sd]?|tuition|to sit)\b/i;
/** A figure the words right before it make a price ("costs $330 and has a first-time pass rate…"), whatever else the clause says. */
const PRICED_AT =
  /\b(?:costs?|costing|fees? (?:is|of)|priced at|tuition (?:is|of))\s+(?:about |around |roughly |up to )?[$€£¥₹]|\b[A-Z]{0,2}[$€£]\s?[\d,.]+k?\s+(?:fee|exam fee|registration fee)\b/;

/**
 * What a fee is charged for, when it is not a span of time: a figure priced per one of these ("€70 to €110 per session",
 * "£40 a lesson", "$0.10 per word", "a session rate of €80") is a price of the work, not pay of a year, month, week, day or hour.
 */
const UNIT_OF_WORK =
  '(?:sessions?|visits?|appointments?|lessons?|classes|class|consultations?|patients?|clients?|customers?|words?|pages?|articles?|projects?|jobs?|call-?outs?|treatments?|assessments?|sectors?|flights?|pieces?|items?)';
/** A figure followed by its unit of work ("€70 per session", "£50 for a 45-minute session", "$25 per 1,000 words"). */
const PER_UNIT_AFTER = new RegExp(
  `^\\s*(?:(?:for\\s+)?(?:per|a|an|each|every)\\s+|/\\s*)(?:(?!(?:hours?|days?|weeks?|months?|years?|annum)\\b)[\\p{L}\\d,.-]+\\s+){0,2}${UNIT_OF_WORK}\\b`,
  'iu',
);
/** A unit price named before its figure ("session rates of €70", "per-visit fees between $40 and $60"). */
const PER_UNIT_BEFORE = new RegExp(`\\b(?:per[\\s-])?${UNIT_OF_WORK}\\s+(?:rates?|fees?|prices?|charges?)\\b`, 'i');

/**
 * True when a clause's figures are prices the worker pays ("the PTCE, which costs $129"), given the figures found in
 * it; "…charge $110 to $150 an hour plus a call-out fee" is pay, the fee named after its last figure something else.
 */
export function isPriceClause(whole: string, moneys: Money[]): boolean {
  const priced = whole.slice(0, moneys.at(-1)?.end ?? whole.length);
  return (COST.test(priced) && !PAY_CONTEXT.test(whole)) || PRICED_AT.test(whole);
}

/** A figure in its clause (see notPay). */
export interface FigureAround {
  /** The whole clause, with every figure in it. */
  whole: string;
  /** The clause up to the next figure. */
  clause: string;
  /** Where the figure stands in both. */
  money: Pick<Money, 'start' | 'end'>;
  /** The words between the figure before (or the clause's start) and this one. */
  own: string;
  /** The sentence before the clause, up to its start. */
  lead: string;
}

/**
 * True when a figure is money but not pay: "earn $10,000 to $20,000 more than peers", "London weighting adds £3,000"
 * (a difference); "charge €70 per session" (a price of a piece of work); "£300 a month deducted from their pay" (taken
 * from pay); "On top of mileage, carriers pay extras: stop pay of $25 …" (every figure after the opening words is an extra).
 */
export function notPay({ whole, clause, money, own, lead }: FigureAround): boolean {
  return (
    PER_UNIT_AFTER.test(whole.slice(money.end, money.end + 40)) ||
    PER_UNIT_BEFORE.test(own) ||
    DEDUCTED_AFTER.test(whole.slice(money.end, money.end + 60)) ||
    DEDUCTED_BEFORE.test(clause.slice(Math.max(0, money.start - 40), money.start)) ||
    DIFFERENCE_AFTER.test(clause.slice(money.end, money.end + 25)) ||
    DIFFERENCE_BEFORE.test(clause.slice(Math.max(0, money.start - 25), money.start)) ||
    SUPPLEMENT.test(lead + own)
  );
}
