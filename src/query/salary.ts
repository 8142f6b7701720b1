// Use case "salary" (pure over the knowledge): salary figures for one role, optionally one level, place,
// currency or year. Figures are shown only under the place, currency and year the documents give them.
import type { NoAnswer, SalaryAnswer, SalaryNote } from '../domain/answer.js';
import { type Knowledge, type Level, type Period, type SalaryFact, citeFact } from '../domain/knowledge.js';
import { type Citation, withContext } from '../domain/types.js';
import { PAY_WORDS } from '../domain/vocabulary.js';
import { gradeTerms, rawWords, terms } from '../index/terms.js';
import { resolveRole } from '../ingest/knowledge/roles.js';
import { ONE_COUNTRY_CURRENCIES, currencyOfCountry, findPlaces, placeCovers, placeKey, placeNamed } from '../ingest/places.js';
import { refusal, unknownRole } from './no-answer.js';
import { mentionedOnly } from './roles.js';

export interface SalaryQuery {
  role: string;
  level?: Level | null;
  location?: string | null;
  /** Other places the question names ("Seattle or Austin"): figures for any of them count, a missing one gets a note. */
  alsoPlaces?: string[];
  /** ISO 4217 code the user asked in ("EUR"); figures are never converted, so other currencies are not shown. */
  currency?: string | null;
  /** The data year asked for. */
  year?: number | null;
  /** Numbered grades asked for ("CRA 1s" -> cra1, see `gradeTerms`): figures labelled with one of them lead. */
  grades?: string[];
  /** The period of pay asked for ("per hour"): figures for it lead; when there are none, a note says which periods there are. */
  period?: Period | null;
  /** Lead with the best-paying places ("which city pays the most?"). */
  topLocation?: boolean;
  /** Only total compensation figures, when there are any. */
  totalOnly?: boolean;
  /** The user's own words, when the lookup answers a free question. */
  question?: string;
}

function uniqueCitations(facts: SalaryFact[]): Citation[] {
  const seen = new Set<string>();
  return facts.filter((f) => !seen.has(`${f.docId}:${f.start}`) && seen.add(`${f.docId}:${f.start}`)).map(citeFact);
}

/** True when a figure is for the place asked (its own place, else its section's): the same place, a place inside it, or the same words. */
export function factIsFor(f: SalaryFact, asked: string): boolean {
  const where = f.location ?? f.market;
  const want = placeNamed(asked) ?? findPlaces(asked)[0]?.place;
  // "Average salary £45,000 to £100,000" with no place given is a UK figure; a euro or dollar one could be anywhere.
  if (!where) return want?.kind === 'country' && ONE_COUNTRY_CURRENCIES.has(f.currency) && currencyOfCountry(want.country) === f.currency;
  // "Poland, Spain and Portugal": a figure for places listed together is for each of them.
  const named = placeNamed(where);
  const have = named ? [named] : findPlaces(where).map((p) => p.place);
  if (want && have.length) return have.some((h) => placeCovers(want, h));
  const a = placeKey(asked);
  const b = placeKey(where);
  return a === b || (a.length > 2 && b.includes(a));
}

/** Places as written, each place once whatever it is called ("United States", "US"). */
function distinctPlaces(written: (string | null)[]): string[] {
  const seen = new Set<string>();
  return written.filter((w): w is string => {
    if (!w) return false;
    const key = placeNamed(w)?.name ?? placeKey(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one value every figure shares, or null. */
function shared<T>(facts: SalaryFact[], of: (f: SalaryFact) => T | null): T | null {
  const values = new Set(facts.map(of));
  return values.size === 1 ? ([...values][0] ?? null) : null;
}

/**
 * Figures for the same label in several places, best-paying first ("Top-paying markets: Vancouver…"): the
 * label group that names the most places, never mixing kinds of figure.
 */
function placeRanking(facts: SalaryFact[]): SalaryFact[] {
  const groups = new Map<string, SalaryFact[]>();
  for (const f of facts) {
    if (!f.location) continue;
    const key = `${f.kind}\0${f.label}\0${f.level ?? ''}\0${f.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const best = [...groups.values()].sort((a, b) => new Set(b.map((f) => f.location)).size - new Set(a.map((f) => f.location)).size)[0] ?? [];
  if (new Set(best.map((f) => f.location)).size < 2) return [];
  const top = (f: SalaryFact) => f.value ?? f.max ?? f.min ?? 0;
  return [...best].sort((a, b) => top(b) - top(a));
}

/** Words for people still training for a role: their pay is not the role's own unless asked for. */
const IN_TRAINING = /\b(?:apprentices?|apprenticeships?|trainees?|traineeships?|interns?|internships?|cadets?|student)\b/i;

/** Whether a figure is pay of people in training: its label, band, quote or own headings (not the page title) say so. */
function inTraining(f: SalaryFact): boolean {
  const headings = f.section.split(' › ').slice(1).join(' ');
  return IN_TRAINING.test(`${f.label} ${f.level ?? ''} ${withContext(f)} ${headings}`);
}

/** A numbered band or grade ("Band 5", "band 8a", "grade 7"), as one term each: "band5". */
const BAND = /\b(band|grade)\s?(\d{1,2}[a-d]?)\b/gi;

function bandsIn(text: string): string[] {
  return [...text.matchAll(BAND)].map((m) => `band${(m[2] ?? '').toLowerCase()}`);
}

/** Words for a period of pay: the lookup picks by period already ("per hour" leads with no figure labelled "hour"). */
const PERIOD_WORD = /^(?:per|hours?|hourly|days?|daily|weeks?|weekly|months?|monthly|years?|yearly|annual|annually|rates?|km|miles?)$/;

/**
 * The figures whose own label uses a word of the question first ("how much do physios in private clinics make" ->
 * "private practice"), the documents' order otherwise; pay words and the role's own names say nothing of which figure.
 */
function byLabelWords(facts: SalaryFact[], question: string, names: string[]): SalaryFact[] {
  const own = new Set(terms(names.join(' ')));
  const asked = new Set(
    terms(
      rawWords(question)
        .filter((w) => !PAY_WORDS.test(w) && !PERIOD_WORD.test(w))
        .join(' '),
    ).filter((t) => !own.has(t)),
  );
  if (!asked.size) return facts;
  const score = (f: SalaryFact) => new Set(terms(f.label).filter((t) => asked.has(t))).size;
  return facts
    .map((f, i) => ({ f, i, s: score(f) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.f);
}

/** Looks up salary figures; an unknown role gets suggestions, a role without data or without figures for the place, currency or year asked says so plainly. */
export function salaryLookup(knowledge: Knowledge, query: SalaryQuery): SalaryAnswer | NoAnswer {
  const question = query.question ?? [query.role, query.level, query.location, query.currency, query.year].filter(Boolean).join(' · ');
  const { role, suggestions } = resolveRole(knowledge.roles, query.role);
  if (!role) return mentionedOnly(knowledge, question, 'salary', query.role) ?? unknownRole(question, 'salary', query.role, suggestions);
  const all = knowledge.salaries.filter((f) => f.role === role.name);
  const withData = (keep: (f: SalaryFact) => boolean = () => true) =>
    [...new Set(knowledge.salaries.filter(keep).map((f) => f.role))].filter((r): r is string => !!r && r !== role.name);
  const refuse = (reason: NoAnswer['reason'], others: string[]): NoAnswer => refusal(question, 'salary', [role.name], reason, others);
  if (!all.length) return refuse({ code: 'no-salary-data', role: role.name }, withData());

  let facts = all;
  const { location = null, currency = null, year = null } = query;
  const places = location ? [location, ...(query.alsoPlaces ?? [])] : [];
  const narrowed = [
    location ? (f: SalaryFact) => places.some((p) => factIsFor(f, p)) : null,
    currency ? (f: SalaryFact) => f.currency === currency.toUpperCase() : null,
    year ? (f: SalaryFact) => f.year === year : null,
  ].filter((x): x is (f: SalaryFact) => boolean => !!x);
  const matching = facts.filter((f) => narrowed.every((keep) => keep(f)));
  if (narrowed.length && !matching.length) {
    const distinct = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
    const available = {
      // "United States" and "US" are one place to the reader.
      locations: distinctPlaces(all.map((f) => f.location ?? f.market)),
      currencies: distinct(all.map((f) => f.currency)),
      years: distinct(all.map((f) => f.year)),
    };
    return refuse(
      { code: 'no-salary-for', role: role.name, location, currency: currency?.toUpperCase() ?? null, year, available },
      withData((f) => narrowed.every((keep) => keep(f))),
    );
  }
  facts = matching;
  const notes: SalaryNote[] =
    places.length > 1 ? places.filter((p) => !facts.some((f) => factIsFor(f, p))).map((p) => ({ kind: 'no-location', location: p })) : [];
  if (query.level) {
    const atLevel = facts.filter((f) => f.seniority === query.level);
    if (atLevel.length) facts = atLevel;
    else notes.push({ kind: 'no-level', level: query.level });
  }
  if (query.grades?.length) {
    const { grades } = query;
    const graded = facts.filter((f) => gradeTerms(`${f.label} ${f.level ?? ''}`).some((g) => grades.includes(g)));
    if (graded.length) facts = graded;
  }
  // "band 5 physio salary": the figures of the band asked, when the documents label any with it.
  const bands = bandsIn(query.question ?? '');
  if (bands.length) {
    const banded = facts.filter((f) => bandsIn(`${f.label} ${f.level ?? ''}`).some((b) => bands.includes(b)));
    if (banded.length) facts = banded;
  }
  if (query.period) {
    const { period } = query;
    const inPeriod = facts.filter((f) => f.period === period);
    if (inPeriod.length) facts = inPeriod;
    else notes.push({ kind: 'no-period', period, given: [...new Set(facts.map((f) => f.period))] });
  }
  if (query.totalOnly) {
    const total = facts.filter((f) => f.kind === 'total' || /\btotal\b/i.test(f.label));
    if (total.length) facts = total;
  }
  // "Electrician salary" asks what electricians earn: an apprentice's or trainee's rates follow the role's own pay.
  const asksTraining = IN_TRAINING.test(`${query.question ?? ''} ${query.role} ${role.name}`);
  if (!query.level && !query.grades?.length && !asksTraining) {
    const training = facts.filter(inTraining);
    if (training.length && training.length < facts.length) facts = [...facts.filter((f) => !inTraining(f)), ...training];
  }
  if (query.question) facts = byLabelWords(facts, query.question, [role.name, ...role.aliases]);
  const ranked = query.topLocation ? placeRanking(facts) : [];
  const ranking = ranked.length > 0;
  if (ranking) facts = [...ranked, ...facts.filter((f) => !ranked.includes(f))];
  return {
    kind: 'salary',
    answered: true,
    question,
    intent: 'salary',
    role: role.name,
    roles: [role.name],
    figures: facts,
    notes,
    ranking,
    market: shared(facts, (f) => f.location),
    year: shared(facts, (f) => f.year),
    citations: uniqueCitations(facts),
  };
}
