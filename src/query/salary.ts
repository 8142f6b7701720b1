// Use case "salary" (pure over the knowledge): salary figures for one role, optionally one level, place,
// currency or year. Figures are shown only under the place, currency and year the documents give them.
import type { NoAnswer, SalaryAnswer, SalaryNote } from '../domain/answer.js';
import { type Knowledge, type Level, type MarketFact, type Period, type SalaryFact, citeFact } from '../domain/knowledge.js';
import { type Citation, withContext } from '../domain/types.js';
import { PAY_WORDS } from '../domain/vocabulary.js';
import { gradeTerms, rawWords, terms } from '../index/terms.js';
import { hasMoney } from '../ingest/knowledge/money.js';
import { OUTLOOK_WORDS } from '../ingest/knowledge/outlook.js';
import { resolveRole, roleKey } from '../ingest/knowledge/roles.js';
import { ONE_COUNTRY_CURRENCIES, countryName, currencyOfCountry, findPlaces, placeCovers, placeKey, placeNamed } from '../ingest/places.js';
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

/** Words before a place in a label that make the figure not that place's ("Outside London", "Rest of UK"). */
const NOT_THE_PLACE = /\b(?:outside|except|excluding|rest\s+of|non)\b/i;

/**
 * The one place a figure's label names ("EU-based remote (EUR per year)" -> EU), or null: a table column headed by
 * a place says where its figures are paid, whatever the page's country.
 */
function labelPlace(label: string): string | null {
  if (NOT_THE_PLACE.test(label)) return null;
  // "EU-based" is one word to the gazetteer.
  const names = new Set(findPlaces(label.replace(/-/g, ' ')).map((p) => p.place.name));
  return names.size === 1 ? ([...names][0] ?? null) : null;
}

/** Where a figure is paid: its own place, else the place its label names, else its section's. */
function placeOf(f: SalaryFact): string | null {
  return f.location ?? labelPlace(f.label) ?? f.market;
}

/** True when a figure is for the place asked (its own place, else its label's or its section's): the same place, a place inside it, or the same words. */
export function factIsFor(f: SalaryFact, asked: string): boolean {
  const where = placeOf(f);
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

/**
 * Whether a sentence is about the place asked: the first place it names is that place itself ("Salaries in London are
 * … higher than the rest of the UK" is about London, not the UK it compares London with).
 */
function aboutPlace(text: string, asked: string): boolean {
  const want = placeNamed(asked) ?? findPlaces(asked)[0]?.place;
  const [first] = findPlaces(text);
  if (want) return first?.place.name === want.name;
  return placeKey(text).includes(placeKey(asked));
}

/**
 * Sentences of a role's pay sections that say how pay differs in a place asked, without a figure of their own
 * ("Salaries in London are typically 10 to 20% higher than the rest of the UK."): the answer a place question
 * wants first, which no figure states. A percentage about jobs or growth there is outlook, not pay.
 */
function placeSentences(knowledge: Knowledge, role: string, facts: SalaryFact[], places: string[]): MarketFact[] {
  const paySections = new Set(facts.map((f) => `${f.docId}\0${f.section}`));
  const seen = new Set<string>();
  return knowledge.market.filter(
    (m) =>
      m.roles.includes(role) &&
      paySections.has(`${m.docId}\0${m.section}`) &&
      !hasMoney(m.quote) &&
      !OUTLOOK_WORDS.test(m.quote) &&
      places.some((p) => aboutPlace(m.quote, p)) &&
      !seen.has(`${m.docId}:${m.start}`) &&
      !!seen.add(`${m.docId}:${m.start}`),
  );
}

/**
 * True when a figure is for somewhere apart from the place asked, neither lying in the other (UK pay for a US
 * question); a figure that names no place is elsewhere only when its currency is one other country's.
 */
export function paidElsewhere(f: SalaryFact, asked: string): boolean {
  const want = placeNamed(asked) ?? findPlaces(asked)[0]?.place;
  if (!want) return false;
  const where = placeOf(f);
  if (!where) return ONE_COUNTRY_CURRENCIES.has(f.currency) && !!want.country && currencyOfCountry(want.country) !== f.currency;
  const named = placeNamed(where);
  const have = named ? [named] : findPlaces(where).map((p) => p.place);
  return have.length > 0 && have.every((h) => !placeCovers(want, h) && !placeCovers(h, want));
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

/** The places, currencies and years figures are given for, for a refusal that says what there is. */
export function givenIn(facts: SalaryFact[]): { locations: string[]; currencies: string[]; years: number[] } {
  const distinct = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  return {
    // "United States" and "US" are one place to the reader.
    locations: distinctPlaces(facts.map(placeOf)),
    currencies: distinct(facts.map((f) => f.currency)),
    years: distinct(facts.map((f) => f.year)),
  };
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

/** Whether words asked (a role key padded with spaces) name a job a pay list gives ("Head of HR or HR director"). */
function namesJob(asked: string, job: string): boolean {
  return job.split(/\s+(?:or|and)\s+|\s*\/\s*/i).some((name) => {
    const key = roleKey(name);
    return key !== '' && asked.includes(` ${key} `);
  });
}

/** A numbered band or grade ("Band 5", "band 8a", "grade 7"), as one term each: "band5". */
const BAND = /\b(band|grade)\s?(\d{1,2}[a-d]?)\b/gi;

function bandsIn(text: string): string[] {
  return [...text.matchAll(BAND)].map((m) => `band${(m[2] ?? '').toLowerCase()}`);
}

/** Words for a period of pay: the lookup picks by period already ("per hour" leads with no figure labelled "hour"). */
const PERIOD_WORD = /^(?:per|hours?|hourly|days?|daily|weeks?|weekly|months?|monthly|years?|yearly|annual|annually|rates?|km|miles?)$/;

/**
 * The figures whose own label or band uses a word of the question first ("how much do physios in private clinics make"
 * -> "private practice", "first year apprentices" -> "first-year apprentice"), the documents' order otherwise; pay words and the role's own names say nothing of which figure.
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
  const score = (f: SalaryFact) => new Set(terms(`${f.label} ${f.level ?? ''}`).filter((t) => asked.has(t))).size;
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
  // "HR adviser: £28,000 to £36,000" on the HR business partner's page is the adviser's pay, shown only when asked for.
  const asked = ` ${roleKey(`${query.question ?? ''} ${query.role}`)} `;
  const all = knowledge.salaries.filter((f) => f.role === role.name && (!f.job || namesJob(asked, f.job)));
  const withData = (keep: (f: SalaryFact) => boolean = () => true) =>
    [...new Set(knowledge.salaries.filter(keep).map((f) => f.role))].filter((r): r is string => !!r && r !== role.name);
  const refuse = (reason: NoAnswer['reason'], others: string[]): NoAnswer => refusal(question, 'salary', [role.name], reason, others);
  if (!all.length) return refuse({ code: 'no-salary-data', role: role.name }, withData());

  let facts = all;
  const { location = null, currency = null, year = null } = query;
  const places = location ? [location, ...(query.alsoPlaces ?? [])] : [];
  const inPlace = location ? (f: SalaryFact) => places.some((p) => factIsFor(f, p)) : null;
  const inCurrencyAndYear = [
    currency ? (f: SalaryFact) => f.currency === currency.toUpperCase() : null,
    year ? (f: SalaryFact) => f.year === year : null,
  ].filter((x): x is (f: SalaryFact) => boolean => !!x);
  const narrowed = inPlace ? [inPlace, ...inCurrencyAndYear] : inCurrencyAndYear;
  let matching = facts.filter((f) => narrowed.every((keep) => keep(f)));
  const placeSaid = location ? placeSentences(knowledge, role.name, all, places) : [];
  if (placeSaid.length && !matching.length) {
    // "Salaries in London are 10 to 20% higher than the rest of the UK" answers a London question with the figures it
    // compares them to: the country's.
    const asked = placeNamed(location ?? '') ?? findPlaces(location ?? '')[0]?.place;
    const wider = asked?.country ? countryName(asked.country) : null;
    const base = all.filter((f) => inCurrencyAndYear.every((keep) => keep(f)));
    const inCountry = wider ? base.filter((f) => factIsFor(f, wider)) : [];
    matching = inCountry.length ? inCountry : base;
  }
  if (narrowed.length && !matching.length) {
    return refuse(
      { code: 'no-salary-for', role: role.name, location, currency: currency?.toUpperCase() ?? null, year, available: givenIn(all) },
      withData((f) => narrowed.every((keep) => keep(f))),
    );
  }
  facts = matching;
  // Every place asked that no figure shown is for gets a note (when only one place was asked, only when its sentence answers it).
  const unpaid = places.filter((p) => !facts.some((f) => factIsFor(f, p)));
  const notes: SalaryNote[] = places.length > 1 || placeSaid.length ? unpaid.map((p) => ({ kind: 'no-location', location: p })) : [];
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
    citations: [...placeSaid.map(citeFact), ...uniqueCitations(facts)],
  };
}
