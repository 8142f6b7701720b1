// Ingest stage "knowledge: salary facts" (pure, no I/O): every money figure in the corpus as a record that keeps
// the document's own words — label, kind, level band, place, currency, period and year — and its exact quote;
// and every market percentage as an outlook fact.
import type { Level, MarketFact, Period, Quoted, Role, SalaryFact, SalaryKind } from '../../domain/knowledge.js';
import { type SourceDoc, sourceLabel } from '../../domain/types.js';
import { JOB_NOUN, levelIn, staffLevel } from '../../domain/vocabulary.js';
import type { PlaceMention } from '../places.js';
import { sentenceSpans, tableCells } from '../text.js';
import { dollarCountry, dollarOf, figureMarket } from './figure-market.js';
import {
  columnPlace,
  countryOf,
  figurePlace,
  onlyPlace,
  placeListCommas,
  placeSurface,
  splitLabelPlace,
  unbracketed,
  withoutPlace,
  withoutPlaces,
} from './figure-places.js';
import { type Money, findMoney, hasMoney } from './money.js';
import { outlookRoles, outlookSlice } from './outlook.js';
import { pageCountry } from './page-country.js';
import { LINE_HEAD, REFERS_BACK, antecedentLabel, isFunding, otherJobs, placesIn, settingOf, subjectLabel, tidyLabel } from './pay-labels.js';
import { primaryRole, roleKey, rolesMentioned } from './roles.js';

/** The sentence of `text` that holds position `at`, with where it starts. */
function sentenceAround(text: string, at: number): { start: number; text: string } {
  const dot = text.lastIndexOf('. ', at);
  const start = dot < 0 ? 0 : dot + 2;
  const end = text.indexOf('. ', at);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

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
/** Words that mark text as being about pay; a figure elsewhere ("a $5 million fund") is not a salary. */
const PAY_CONTEXT =
  /salar|\bpay|compensation|\bwage|bonus|equity|earn|income|stipend|\brsus?\b|percentile|median|average|\brates?\b|\bbands?\b|\bgross\b|\bmoney\b/i;
/** Words that make a figure a price or fee ("which costs $129", "exam fee of £200"). */
const COST = /\b(?:costs?|costing|fees?|price[sd]?|tuition|to sit)\b/i;
/** A figure the words right before it make a price ("costs $330 and has a first-time pass rate…"), whatever else the clause says. */
const PRICED_AT =
  /\b(?:costs?|costing|fees? (?:is|of)|priced at|tuition (?:is|of))\s+(?:about |around |roughly |up to )?[$€£¥₹]|\b[A-Z]{0,2}[$€£]\s?[\d,.]+k?\s+(?:fee|exam fee|registration fee)\b/;

/** A clause that goes on from the figure before it ("…, rising to £80,000 in London"). */
const RISING = /^\s*(?:rising|climbing|increasing|growing|going up)\s+to\s*$/i;

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

/** Nouns a label in running text ends with ("with an annual bonus averaging $18,000" -> "annual bonus"). */
const PAY_NOUN = /\b(?:salar(?:y|ies)|pay|compensation|wages?|bonus(?:es)?|equity|income|earnings|stipend|rate|allowances?)\b/gi;
/** Words that end a label read leftwards from its pay noun: articles, prepositions, verbs and hedges ("typical"). */
const NOT_LABEL_WORD =
  /^(?:the|a|an|with|for|of|is|are|was|and|in|at|to|on|by|from|approximately|about|around|roughly|typical|typically|usual|usually|estimated|reported|their|its|this|that)$/i;
/** A level band: a level word or a years band ("Senior (6+ yrs)", "SRE II (3-5 years)", "Staff / Principal"). */
const LEVEL_WORDS =
  /\b(?:junior|jr|mid|mid-level|intermediate|senior|sr|entry|graduate|grad|intern|trainee|apprentice|associate|staff|principal|lead|head|professional|experienced|early[\s-]career|new grads?)\b|\b(?:II|III|IV)\b|\b[LP]\d\b|\b\d+\s*(?:-|–|to)\s*\d+\s*(?:years?|yrs?)\b|\b\d+\+\s*(?:years?|yrs?)\b/i;
const KIND_OR_PAY = /salar|\bpay|compensation|wage|bonus|equity|median|average|percentile|\bbase\b|\btotal\b|starting|\brange\b|earnings/i;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const YEAR_RANGE = /\b(?:19|20)\d{2}\s*(?:-|–|to|through|and)\s*(?:19|20)?\d{2}\b/g;

/** A table header that only names pay of a period: "Hourly rate", "Weekly pay", "Annual salary". */
const PAY_OF_PERIOD = /^\s*(?:hourly|weekly|monthly|annual|yearly|daily|day)\s+(?:rates?|pay|salar(?:y|ies)|wages?|earnings)\s*$/i;

/** A bracket that only says a period: "(per km)", "(a year)", "(hourly)". */
const PERIOD_BRACKET = /\s*\(\s*(?:(?:per|a|an)\s+(?:km|kilomet(?:re|er)|mile|hour|day|week|month|year)|hourly|daily|weekly|monthly|yearly|annual)\s*\)/i;

/** Splits text at commas/semicolons outside parentheses and money figures, keeping offsets. */
export function clauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const listed = placeListCommas(text);
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0 && /\s/.test(text[i + 1] ?? '') && !/\d/.test(text[i + 1] ?? '') && !listed.has(i)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: text.length });
  return out;
}

/** The kind a label's words give it (see SALARY_KINDS). */
export function kindOf(label: string): SalaryKind {
  return KIND_WORDS.find(([, re]) => re.test(label))?.[0] ?? 'range';
}

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
function seniorityOf(band: string, after = ''): Level | null {
  return (
    levelIn(band.replace(/\byrs?\b/gi, 'years').replace(/\bgraduate\b/gi, 'junior')) ??
    staffLevel(`${band}${after}`) ??
    (/\bhead\b/i.test(band) ? 'senior' : null)
  );
}

/** The label running text gives a figure: the pay noun before it with its adjectives ("average annual salary"). */
function nounLabel(before: string): string | null {
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
function shortLabel(words: string): string {
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
function namingWords(words: string): string | null {
  const kept = words.split(/\s+/).filter((w) => w && !CONNECTIVES.test(w));
  return kept.length >= 1 && kept.length <= 4 ? kept.join(' ') : null;
}

/** The last level word before a figure ("entry-level", "senior", "mid-level") with the words after it, or null. */
function lastLevel(before: string): { word: string; after: string } | null {
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
function ownWords(clause: string, money: Money, places: PlaceMention[]): string {
  let rest = clause.slice(0, money.start) + ' '.repeat(money.end - money.start) + clause.slice(money.end);
  for (const p of places) rest = rest.slice(0, p.start) + ' '.repeat(p.end - p.start) + rest.slice(p.end);
  return rest
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(?:per (?:year|annum|month|hour)|a year|annually|yearly|monthly|hourly|p\.?a)\b/gi, ' ')
    .replace(/[^\p{L}\p{N}\s/'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Where {
  doc: SourceDoc;
  section: number;
  /** Text of the enclosing headings, nearest first, then the document title. */
  headings: string[];
  /** Headings and the paragraphs that introduce them, nearest scope first: where a section states its year. */
  scopes: string[];
  /** How many of `scopes` are the sections' own (the rest is the document title and its introduction). */
  sectionScopes: number;
}

function whereOf(doc: SourceDoc, section: number, before: number): Where {
  const path = doc.sections[section]?.path ?? [];
  const scopes: string[] = [];
  let sectionScopes = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    if (depth === 0) sectionScopes = scopes.length;
    const prefix = path.slice(0, depth);
    const owner = doc.sections.findIndex((s) => s.path.length === prefix.length && s.path.every((p, i) => prefix[i] === p));
    scopes.push(depth > 0 ? (prefix[depth - 1] ?? '') : doc.title);
    const intros = doc.blocks.filter((b) => b.section === owner && b.kind === 'paragraph' && b.start < before);
    for (const b of intros.reverse()) scopes.push(doc.text.slice(b.start, b.end));
  }
  return { doc, section, headings: [...path].reverse().concat(doc.title), scopes, sectionScopes };
}

/** Extracts every salary figure and market percentage from the documents. */
export function extractFacts(docs: SourceDoc[], roles: Role[]): { salaries: SalaryFact[]; market: MarketFact[] } {
  const salaries: SalaryFact[] = [];
  const market: MarketFact[] = [];
  // A page split into several documents (a "Related careers" box) is one page: its country is counted over all of them.
  const byFile = new Map<string, SourceDoc[]>();
  for (const doc of docs) byFile.set(doc.file, [...(byFile.get(doc.file) ?? []), doc]);
  const countries = new Map([...byFile].map(([file, same]) => [file, pageCountry(same)]));
  for (const doc of docs) {
    const primary = primaryRole(roles, doc);
    const country = countries.get(doc.file) ?? null;
    const jobsBySection = listedJobs(doc, primary);
    doc.blocks.forEach((block) => {
      if (block.kind === 'heading') return;
      const parentBlock = block.parent === undefined ? undefined : doc.blocks[block.parent];
      const parentText = parentBlock ? doc.text.slice(parentBlock.start, parentBlock.end) : '';
      const spans = block.kind === 'paragraph' ? sentenceSpans(doc.text, block.start, block.end) : [{ start: block.start, end: block.end }];
      for (const span of spans) {
        const text = doc.text.slice(span.start, span.end);
        const quoted: Quoted = {
          quote: text,
          ...(parentText ? { context: parentText } : {}),
          docId: doc.id,
          doc: doc.title,
          section: sourceLabel(doc, block.section),
          start: span.start,
          end: span.end,
        };
        for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%/g)) {
          const slice = outlookSlice(text, m.index);
          market.push({
            ...quoted,
            quote: text.slice(slice.start, slice.end),
            start: span.start + slice.start,
            end: span.start + slice.end,
            percent: Number(m[1]),
            roles: outlookRoles(roles, doc, block.section, text, primary),
          });
        }
        if (!findMoney(text).length) continue;
        const where = whereOf(doc, block.section, block.start);
        // The section's introduction counts too: "Figures below are approximate base salaries" above a table.
        if (!PAY_CONTEXT.test([text, parentText, ...where.scopes].join(' '))) continue;
        const jobs = jobsBySection.get(block.section);
        const ctx = { quoted, parentText, where, roles, primary, paragraph: doc.text.slice(block.start, block.end), country, ...(jobs ? { jobs } : {}) };
        if (tableRow(text, parentText)) salaries.push(...tableFacts(text, ctx));
        // "Trainee: £18,000 to £26,000 | Experienced: £50,000 to £120,000": each labelled part is a figure of its own.
        else {
          const parts = labelledParts(text);
          for (const part of parts) salaries.push(...factsOf(part, { ...ctx, sideBySide: parts.length > 1 }));
        }
      }
    });
  }
  return { salaries, market };
}

interface Context {
  quoted: Quoted;
  parentText: string;
  where: Where;
  roles: Role[];
  primary: Role | undefined;
  /** The whole bullet or paragraph the figure's sentence belongs to. */
  paragraph: string;
  /** The country the figure's page is plainly about (see pageCountry), if any. */
  country: string | null;
  /** The country of the table column the figure is in ("Canada (Montreal)"), if it names one. */
  columnCountry?: string | null;
  /** Labels of the section's pay lines that give another job's pay, with the job (see otherJobs). */
  jobs?: Map<string, string>;
  /**
   * The text is one of labelled figures side by side ("Trainee: … | Valid controller: … | Senior controller: …"): a
   * label that names no place, kind of pay or role is the level of its figure, like its neighbours'.
   */
  sideBySide?: boolean;
}

/** Each section's pay lines that give another job's pay than the page role's ("HR adviser: £28,000 to £36,000"). */
function listedJobs(doc: SourceDoc, role: Role | undefined): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  if (!role) return out;
  const heads = new Map<number, string[]>();
  for (const b of doc.blocks) {
    if (b.kind === 'heading') continue;
    const text = doc.text.slice(b.start, b.end);
    const head = LINE_HEAD.exec(text)?.[1]?.trim();
    if (head && hasMoney(text)) heads.set(b.section, [...(heads.get(b.section) ?? []), head]);
  }
  for (const [section, list] of heads) {
    const jobs = otherJobs(list, [role.name, ...role.aliases], roleKey, JOB_NOUN, LEVEL_WORDS);
    if (jobs.size) out.set(section, jobs);
  }
  return out;
}

/** A line of labelled figures side by side ("Trainee: £18,000 | Experienced: £50,000") in its parts; else the line. */
function labelledParts(text: string): string[] {
  const parts = text.split(/\s+\|\s+/);
  return parts.length > 1 && parts.every((p) => /^[^:$€£]{2,40}:\s/.test(p) && hasMoney(p)) ? parts : [text];
}

/** The facts of one bullet or sentence, one per money figure. */
function factsOf(text: string, ctx: Context): SalaryFact[] {
  const { parentText, where, roles, primary } = ctx;
  const colon = LINE_HEAD.exec(text);
  const head = colon?.[1]?.trim() ?? '';
  const job = head ? ctx.jobs?.get(head) : undefined;
  const headPlaces = head ? placesIn(head) : [];
  const headIsPlace = onlyPlace(head, headPlaces);
  const headIsLevel =
    !!head && !job && !headIsPlace && (isLevelBand(head) || (!!ctx.sideBySide && !KIND_OR_PAY.test(head) && !rolesMentioned(roles, head).length));
  const parentLabel = parentText.replace(/:\s*$/, '').trim();
  // "How much do QA testers make in Montreal and Vancouver?": a heading that asks names no figure.
  const heading = where.headings[0] ?? '';
  const outerLabel = parentLabel || (heading.trimEnd().endsWith('?') ? 'Salary' : heading);
  const role =
    rolesMentioned(roles, head)[0] ??
    rolesMentioned(roles, parentText)[0] ??
    rolesMentioned(roles, text)[0] ??
    rolesMentioned(roles, where.headings.slice(0, -1).join(' \n '))[0] ??
    primary;
  // The place a section's introduction gives its figures ("2024 offers from US employers"): not the figure's
  // own place, but what a question about that place may be answered with.
  // So does a sentence of the figures' own paragraph that gives none of its own ("Figures are for the United Kingdom").
  const stated = ctx.paragraph.split(/(?<=[.!?])\s+/).filter((t) => !hasMoney(t));
  const year = yearIn(text) ?? [...stated, ...where.scopes].map(yearIn).find((y) => y !== null) ?? null;
  const { market, sectionCountry, namedDollar } = figureMarket({
    stated,
    parentText,
    scopes: where.scopes,
    sectionScopes: where.sectionScopes,
    headings: where.headings,
    country: ctx.country,
  });
  // A sentence with a figure of its own ("Self-employed climbers charge a day rate of £180") sets the period of that
  // figure only, not of the table below it.
  const sectionPeriod =
    where.scopes
      .flatMap((t) => t.split(/(?<=[.!?])\s+/))
      // "Hourly pay is common in clinics:" announces its own list (read through the list's parent), not the
      // "Pay by city" section after it.
      .filter((t) => !hasMoney(t) && !t.trimEnd().endsWith(':'))
      .map(periodIn)
      .find((p) => p !== null) ?? null;

  const out: SalaryFact[] = [];
  const setting = settingOf(text);
  for (const c of clauses(text)) {
    const whole = text.slice(c.start, c.end);
    const moneys = findMoney(whole);
    // "the PTCE, which costs $129": a price the worker pays, not pay; "…charge $110 to $150 an hour plus a call-out
    // fee" is pay, the fee named after it something else.
    const priced = whole.slice(0, moneys.at(-1)?.end ?? whole.length);
    if ((COST.test(priced) && !PAY_CONTEXT.test(whole)) || PRICED_AT.test(whole)) continue;
    for (const [i, found] of moneys.entries()) {
      // Two figures in one clause ("junior roles pay £35k-£45k and senior roles £70k-£90k"): each is named by
      // the words between it and the figure before it.
      const from = i === 0 ? 0 : (moneys[i - 1]?.end ?? 0);
      const to = moneys[i + 1]?.start ?? whole.length;
      const clause = whole.slice(0, to);
      const money = found;
      const own = clause.slice(from, money.start);
      const upTo = /\bup to\s*$/i.test(own);
      // "earn $10,000 to $20,000 more than peers", "London weighting adds £3,000": a difference, not a salary;
      // "charge €70 per session": a price of a piece of work; "£300 a month deducted from their pay": taken from pay.
      if (
        PER_UNIT_AFTER.test(whole.slice(money.end, money.end + 40)) ||
        PER_UNIT_BEFORE.test(own) ||
        DEDUCTED_AFTER.test(whole.slice(money.end, money.end + 60)) ||
        DEDUCTED_BEFORE.test(clause.slice(Math.max(0, money.start - 40), money.start)) ||
        DIFFERENCE_AFTER.test(clause.slice(money.end, money.end + 25)) ||
        DIFFERENCE_BEFORE.test(clause.slice(Math.max(0, money.start - 25), money.start)) ||
        // "On top of mileage, carriers pay extras: stop pay of $25 …, layover pay of $100 a day and detention pay of $25
        // an hour": every figure after the opening words is an extra.
        SUPPLEMENT.test(text.slice(0, c.start) + own) ||
        // "the NHS Learning Support Fund, which pays at least £5,000 a year that does not have to be paid back": a grant.
        isFunding(text.slice(sentenceAround(text, c.start + money.start).start, c.start + money.start), whole.slice(money.end))
      )
        continue;
      const offset = colon && c.start === 0 ? colon[0].length : 0;
      const body = clause.slice(offset);
      const segment = i === 0 ? body : clause.slice(from);
      const words = ownWords(segment, shift(money, i === 0 ? -offset : -from), placesIn(segment));
      let label: string;
      let location: string | null = null;
      if (headIsPlace) {
        location = headPlaces.length ? placeSurface(head, headPlaces) : null;
        label = KIND_OR_PAY.test(words) ? shortLabel(words) : (namingWords(words) ?? outerLabel);
      } else if (headIsLevel) label = outerLabel;
      else if (head && c.start === 0 && i === 0) label = head;
      else {
        // "…start at Band 5, which runs from £29,970": named by what the clause refers back to.
        const back = i === 0 && c.start > 0 && REFERS_BACK.test(own) ? antecedentLabel(text.slice(sentenceAround(text, c.start).start, c.start)) : null;
        // "Fully qualified plumbers earn a median of about $1,850": who earns it, and which figure it is.
        const who = subjectLabel(own);
        label = tidyLabel(
          back ??
            nounLabel(own) ??
            (who?.includes(', ') ? who : null) ??
            // "…court systems earn $80,000 to $110,000 in salary plus fees": a pay word after the figure says less than who earns it.
            (who && !KIND_OR_PAY.test(own) && kindOf(words) === 'range' ? who : null) ??
            (KIND_OR_PAY.test(words) ? shortLabel(words) : (who ?? namingWords(words) ?? (head || outerLabel))),
        );
      }
      // "entry-level data scientists typically earn…", "senior roles £70k-£90k": the level the sentence gives.
      // "Senior engineers … earn £55,000 to £72,000, rising to £62,000 to £80,000 in London": the same people's pay,
      // unless the words after the figure say whose ("…, rising to £40,000 to £55,000 for experienced clinicians").
      const rising = i === 0 && c.start > 0 && RISING.test(own);
      const risingLevel = rising ? lastLevel(/^[^,;]*/.exec(clause.slice(money.end))?.[0] ?? '') : null;
      // "Head of HR or HR director: …" beside the role's lines is another job, not the role's head level.
      const levelAt =
        headIsLevel || job ? null : (lastLevel(own) ?? (rising ? (risingLevel ?? lastLevel(text.slice(sentenceAround(text, c.start).start, c.start))) : null));
      const levelWord = levelAt?.word ?? null;
      // A label that only says who at which level ("senior data scientists") is the level, not a kind of pay.
      if (levelWord && label.includes(levelWord) && !KIND_OR_PAY.test(label)) label = KIND_OR_PAY.test(outerLabel) ? outerLabel : 'Salary';
      // "In private practice, employed junior physiotherapists earn …", "In the NHS, … Band 7, which paid …": the
      // setting names the figure, alone when nothing more specific does.
      if (setting && !headIsPlace && !headIsLevel && !(head && c.start === 0 && i === 0)) {
        if (label === outerLabel || label === 'Salary') label = setting;
        else if (!label.includes(setting)) label = `${setting}, ${label}`;
      }
      if (rising && out.at(-1)) label = out.at(-1)?.label ?? label;
      // A place phrase at the end of a label is the figure's place, not part of its name ("Median salary in London").
      let labelPlace: string | null = null;
      const phrase = splitLabelPlace(label);
      if (phrase) {
        if (label === outerLabel) labelPlace = phrase.place;
        else location ??= phrase.place;
        label = phrase.label;
      }
      const around = sentenceAround(text, c.start);
      const sentence = around.text.slice(0, Math.max(0, c.end - around.start));
      location = figurePlace(location, { clause, start: money.start, end: money.end, sentence, labelPlace, parentLabel, headings: where.headings });
      // "A$33.50 an hour (around A$1,273 for a 38-hour week)": the same pay again in another period, named as before.
      const restates = i > 0 && RESTATED.test(own) ? out.at(-1) : undefined;
      if (restates) {
        label = restates.label;
        location = restates.location;
      }
      // "senior analysts earn £60,000 to £80,000 in the UK and $125,000 to $155,000 in the US": the same people's pay
      // in another place, named and levelled as before.
      const samePeople = !restates && i > 0 && !upTo && ONLY_JOINING.test(withoutPlaces(own)) ? out.at(-1) : undefined;
      if (samePeople) label = samePeople.label;
      const earlier = restates ?? samePeople;
      const kind = kindOf(label);
      const single = money.to === null;
      const after = clause.slice(money.end).slice(0, PERIOD_AFTER_CHARS);
      // "Vets earn considerably more: … £35,000" on the veterinary nurse's page is a vet's pay, not the page role's.
      const at = c.start + money.start;
      const said = sentenceAround(text, at);
      const forOther = role && comparedJob(said.text.slice(0, Math.max(0, at - said.start)), role);
      out.push({
        ...ctx.quoted,
        file: where.doc.file,
        role: forOther ? null : (role?.name ?? null),
        kind,
        label,
        level: earlier ? earlier.level : headIsLevel ? head : levelWord,
        seniority: earlier ? earlier.seniority : headIsLevel ? seniorityOf(head) : levelAt ? seniorityOf(levelAt.word, levelAt.after) : null,
        min: single ? (money.openEnded ? money.from : null) : money.from,
        // "up to £75,000" is a ceiling, not a figure anyone is said to earn.
        max: single ? (upTo && !money.openEnded ? money.from : null) : money.to,
        value: single && !money.openEnded && !upTo ? money.from : null,
        openEnded: money.openEnded,
        currency: dollarOf(money, whole, namedDollar, dollarCountry(ctx.columnCountry, sectionCountry, location, ctx.country)),
        period: periodOf(money, [periodAfter(after, money), periodIn(`${label} ${clause}`), periodIn(text), periodIn(parentText), sectionPeriod]),
        location,
        country: countryOf(location ?? market),
        market: location ?? market,
        year,
        ...(job && (role?.name ?? null) === primary?.name && !forOther ? { job } : {}),
      });
    }
  }
  return out;
}

/** People of a job said to earn more or less than the page's ("Vets earn considerably more", "Senior vets typically make far more"). */
const COMPARED_PAY =
  /\b([A-Za-z]+)\s+(?:(?:typically|usually|often|generally|can|may)\s+)?(?:earn|make|are\s+paid|get\s+paid)\s+(?:[a-z]+\s+){0,2}(?:more|less|higher|lower)\b/i;

const WHOLE_JOB_NOUN = new RegExp(`^${JOB_NOUN.source}$`, 'i');

/** Whether the sentence before a figure compares another job's pay with the role's (the job is none of the role's names). */
function comparedJob(before: string, role: Role): boolean {
  const job = COMPARED_PAY.exec(before)?.[1];
  if (!job || !WHOLE_JOB_NOUN.test(job)) return false;
  const own = new Set([role.name, ...role.aliases].flatMap((n) => roleKey(n).split(' ')));
  return !own.has(roleKey(job));
}

/** Words between two figures that name no one new: a period, a place's preposition and a joining word (" a year in the UK and "). */
const ONLY_JOINING =
  /^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+)?(?:(?:in|across|for|at)\s+(?:the\s+)?)?(?:,\s*)?(?:and|or|while|but|versus|vs\.?)\s*$/i;

/** How far after a figure its own period is looked for ("A$33.50 an hour", "A$1,273 for a 38-hour week"). */
const PERIOD_AFTER_CHARS = 30;
/** A figure restated in brackets right after another: "A$33.50 an hour (around A$1,273 …)", "£30,000 a year (or £15 an hour)". */
const RESTATED = /^\s*(?:(?:a|an|per)\s+\w+\s*)?\(\s*(?:around|about|roughly|approximately|approx\.?|or|i\.e\.,?|that is,?|equivalent to|equal to)?\s*$/i;
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
function periodOf(money: Money, candidates: (Period | null)[]): Period {
  const amount = money.to ?? money.from;
  const fits = (p: Period) => (p !== 'km' && p !== 'mile') || amount < DISTANCE_CEILING || SMALL_UNIT_CURRENCIES.has(money.currency);
  return candidates.find((p): p is Period => p !== null && fits(p)) ?? 'year';
}

/** The period written right after a figure, before any other figure: "A$33.50 an hour (around …", "A$1,273 for a 38-hour week". */
function periodAfter(after: string, money: Money): Period | null {
  const own = periodIn(after);
  if (own) return own;
  const amount = money.to ?? money.from;
  return FOR_A_WEEK.test(after) && amount < WEEKLY_CEILING && !SMALL_UNIT_CURRENCIES.has(money.currency) ? 'week' : null;
}

/** True for a table row quoted under its header row (same number of cells, at least two). */
function tableRow(text: string, header: string): boolean {
  const cells = tableCells(text).length;
  return cells >= 2 && cells === tableCells(header).length;
}

/**
 * The facts of a table row: each cell with a figure is named by its row and column ("United States" × "Junior").
 * A level band in either names the level, a place the location, and the other name (or the section) the label.
 */
function tableFacts(text: string, ctx: Context): SalaryFact[] {
  const header = tableCells(ctx.parentText);
  const cells = tableCells(text);
  const rowName = cells[0] ?? '';
  const out: SalaryFact[] = [];
  cells.forEach((cell, i) => {
    if (i === 0 || !findMoney(cell).length) return;
    const names = [rowName, header[i] ?? ''];
    const level = names.find((n) => isLevelBand(n)) ?? null;
    // "United States (USD, per year)", "Canada (Montreal)": a column named by its place, whatever is in brackets.
    const place = names.find((n) => n !== level && onlyPlace(unbracketed(n), placesIn(unbracketed(n))));
    const heading = ctx.where.headings[0] ?? '';
    // Both named ("First officer" × "Long-haul"): the label says both; a column that only names the pay ("Base salary") adds nothing.
    // A column that only names the pay and its period ("Hourly rate", "Weekly rate (38 hours)") gives the period, not a name.
    const named = names.filter(
      (n) => n !== level && n !== place && n && !/^(?:location|city|country|region|level|role|title|stage)$/i.test(n) && !PAY_OF_PERIOD.test(unbracketed(n)),
    );
    // "Domestic (per km)": the bracket gives the figures' period (read below), the name is "Domestic".
    const [first, second] = named.map((n) => n.replace(PERIOD_BRACKET, '').trim());
    const label =
      first && second && !KIND_OR_PAY.test(second) ? `${first}, ${second}` : (first ?? (KIND_OR_PAY.test(heading) ? withoutPlace(heading) : 'Salary'));
    const column = place ? columnPlace(place) : null;
    // "Weekly rate (38 hours)" over a column, "Hourly" beside a row: the period of the cell's figure, before its section's.
    const period = periodIn(cell) ?? periodIn(header[i] ?? '') ?? periodIn(rowName);
    for (const f of factsOf(cell, { ...ctx, parentText: '', columnCountry: column?.country ?? null }))
      out.push({
        ...f,
        ...(period ? { period } : {}),
        kind: kindOf(label),
        label,
        level,
        seniority: level ? seniorityOf(level) : null,
        ...(column ? { location: column.location, country: column.country, market: column.location } : {}),
      });
  });
  return out;
}

function shift(m: Money, by: number): Money {
  return { ...m, start: m.start + by, end: m.end + by };
}
