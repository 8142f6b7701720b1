// Ingest stage "knowledge: figure places" (pure, no I/O): which place a money figure of a page is for, as the page
// writes it — the place beside the figure, the one its sentence opens with, its label's, its heading's or its table
// column's — and the country that place is in.
import { type PlaceMention, findPlaces, placeNamed } from '../places.js';
import { placesIn } from './pay-labels.js';

/** Words around a place that still only name the place ("Remote positions", "Berlin area"). */
const PLACE_FILLER =
  /\b(?:positions?|roles?|jobs?|market|area|region|metro|city|based|offices?|and|the|western|eastern|northern|southern|central|greater|fully|100%)\b/gi;
/** A label that ends with a place phrase ("Median salary in London", "Salary in the United States (2025)"). */
const PLACE_PHRASE = /^(.*?)\s+(?:in|across|for|at)\s+(?:the\s+)?(.+)$/i;
/** What may stand between a figure and the place it is for: "$125,000 in the US", "£40,000 a year in Western Europe". */
const PLACE_AFTER_FIGURE = /^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+|annually\s+)?(?:in|across|for|at)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$/;
/** Words after a figure that put it anywhere but the place the sentence names. */
const ELSEWHERE_AFTER = /^\s*(?:(?:a|per)\s+(?:year|month|week|day|hour)\s+)?(?:elsewhere|everywhere else|outside\b|in the rest of)/i;
/** What joins places named as one list: "Poland, Spain and Portugal", "California and the Seattle area", "San Francisco / New York". */
const PLACE_LIST_JOIN = /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+|\/\s*)(?:the\s+)?$/;
/** A sentence that opens with a place ("In the United Kingdom, …", "Across the US …"). */
const OPENING_PLACE = /^\s*(?:in|across|for)\s+(?:the\s+)?/i;
/** How far into its sentence an opening place may start ("In the United Kingdom" but not a place mid-sentence). */
const OPENING_PLACE_CHARS = 25;

/** The country a written place is in ("Sydney" -> "AU", "Remote" -> null), by its whole name or the first place it names. */
export function countryOf(location: string | null): string | null {
  if (!location) return null;
  return placeNamed(location)?.country ?? findPlaces(location)[0]?.place.country ?? null;
}

/** True when a text names only a place ("Munich", "Remote positions", "New York"), given the places it names. */
export function onlyPlace(text: string, places: PlaceMention[]): boolean {
  if (!places.length) return false;
  let rest = text;
  for (const p of [...places].sort((a, b) => b.start - a.start)) rest = rest.slice(0, p.start) + rest.slice(p.end);
  return !rest.replace(PLACE_FILLER, ' ').replace(/[^\p{L}]+/gu, '').length;
}

/**
 * The list a place belongs to, as written: from `places[at]` on through the places joined to it in `step`'s direction
 * ("San Francisco and New York" forwards from the first, "Manchester and Leeds" backwards from the last); `opening`
 * when the place opens its sentence ("In the UK, …"). `size` counts the places listed.
 */
export function placeList(text: string, places: PlaceMention[], at: number, step: 1 | -1, opening = false): { text: string; size: number } | null {
  const from = places[at];
  if (!from) return null;
  let to = at;
  let joined = false;
  while (true) {
    const [a, b] = step === 1 ? [places[to], places[to + 1]] : [places[to - 1], places[to]];
    const gap = a && b ? text.slice(a.end, b.start) : '';
    if (!a || !b || !PLACE_LIST_JOIN.test(gap)) break;
    joined ||= !/^\s*,\s*$/.test(gap);
    to += step;
  }
  // "In the UK, London roles pay …": the comma ends the opening place, where "In San Francisco, Seattle and New York,"
  // goes on to say "and".
  if (opening && !joined) to = at;
  const [first, last] = step === 1 ? [from, places[to]] : [places[to], from];
  return { text: text.slice(first?.start ?? from.start, last?.end ?? from.end), size: Math.abs(to - at) + 1 };
}

/** The commas of lists of places that end with "and" or "or" ("in New York, California and Texas"): they split no clause. */
export function placeListCommas(text: string): Set<number> {
  const places = findPlaces(text);
  const out = new Set<number>();
  let run: number[] = [];
  for (let k = 0; k + 1 < places.length; k++) {
    const a = places[k];
    const b = places[k + 1];
    if (!a || !b) break;
    const gap = text.slice(a.end, b.start);
    const comma = a.end + gap.indexOf(',');
    if (/^\s*,\s*$/.test(gap)) run.push(comma);
    else if (/^\s*,?\s*(?:and|or|&)\s+(?:the\s+)?$/i.test(gap)) {
      for (const at of gap.includes(',') ? [...run, comma] : run) out.add(at);
      run = [];
    } else run = [];
  }
  return out;
}

/** The place a heading gives its figures: its first, or all it lists together ("… in Montreal and Vancouver?"). */
export function headingPlace(heading: string): string | null {
  const places = placesIn(heading);
  const list = placeList(heading, places, 0, 1);
  if (list && list.size > 1 && list.size === places.length) return list.text;
  return places.find((p) => p.place.name !== 'Remote' || onlyPlace(heading, [p]))?.surface ?? null;
}

/** The place as the heading or label writes it: "Remote" for "Remote positions", else the gazetteer match. */
export function placeSurface(text: string, places: PlaceMention[]): string {
  const first = places[0];
  return first ? text.slice(first.start, first.end) : text;
}

/** A table header without what it says in brackets ("United States (USD, per year)" -> "United States"). */
export function unbracketed(text: string): string {
  return text.replace(/\([^)]*\)/g, ' ').trim();
}

/** A text without the places it names ("in the UK and " -> "in the and "). */
export function withoutPlaces(text: string): string {
  let rest = text;
  for (const p of [...placesIn(text)].sort((a, b) => b.start - a.start)) rest = rest.slice(0, p.start) + rest.slice(p.end);
  return rest.replace(/\s+/g, ' ');
}

/**
 * A section heading as a table's label, without the place it ends with ("Salary in the United States (2025)" ->
 * "Salary"): the figures' place is said apart, the column's or the heading's.
 */
export function withoutPlace(heading: string): string {
  const phrase = PLACE_PHRASE.exec(heading);
  return phrase?.[1] && phrase[2] && placesIn(phrase[2])[0]?.start === 0 ? phrase[1] : heading;
}

/**
 * A label split from the place phrase it ends with ("Median salary in London" -> "Median salary" and "London";
 * "Salary in the United States (2025)" -> "Salary" and "United States"), or null when it ends with none.
 */
export function splitLabelPlace(label: string): { label: string; place: string } | null {
  const phrase = PLACE_PHRASE.exec(label);
  const phrasePlaces = phrase?.[2] ? placesIn(phrase[2]) : [];
  if (!phrase?.[1] || !phrase[2] || phrasePlaces[0]?.start !== 0) return null;
  return { label: phrase[1], place: unbracketed(phrase[2]) };
}

/**
 * Where a table column's figures apply, from a header that names only places: "Canada (Montreal)" is the city,
 * "San Francisco / New York" both places listed, "Fully remote (US)" remote work for employers in the place in brackets.
 */
export function columnPlace(header: string): { location: string; country: string | null } {
  const bare = unbracketed(header);
  const named = placesIn(bare);
  if (named.every((p) => p.place.name === 'Remote')) return { location: 'Remote', country: countryOf(header) };
  const list = placeList(bare, named, 0, 1);
  if (list && list.size > 1 && list.size === named.length) return { location: list.text, country: countryOf(list.text) };
  const places = placesIn(header);
  const city = places.find((p) => p.place.kind === 'city');
  const location = city ? header.slice(city.start, city.end) : placeSurface(header, places);
  return { location, country: countryOf(location) };
}

/** What is known of a figure in running text when its place is looked for (see figurePlace). */
export interface FigureSpot {
  /** The figure's clause up to the next figure. */
  clause: string;
  /** Where the figure stands in `clause`. */
  start: number;
  end: number;
  /** The sentence the clause belongs to, from its start to the clause's end. */
  sentence: string;
  /** The place a label phrase gives the figure when the label is its section's ("Salary in Germany"), if any. */
  labelPlace: string | null;
  /** The text of the list the figure's line is in, without its closing colon ("Pay in Berlin"). */
  parentLabel: string;
  /** The enclosing headings, nearest first, then the document title. */
  headings: string[];
}

/**
 * The place a figure in running text is for, when `known` (its line's head or its own label) gives none: a place
 * right after it ("$125,000 in the US"), else the nearest before it with any listed beside it, else the clause's
 * first; then the place its sentence opens with, its section label's, its list's and its headings'. A figure said to
 * be for "elsewhere" takes no place from its sentence.
 */
export function figurePlace(known: string | null, spot: FigureSpot): string | null {
  const { clause, start, end, sentence, parentLabel } = spot;
  let location = known;
  const inClause = placesIn(clause).filter((p) => p.end <= start || p.start >= end);
  // "£26,068 a year in London and £23,703 elsewhere": the figure is for anywhere but the place named.
  const elsewhere = ELSEWHERE_AFTER.test(clause.slice(end, end + 40));
  // "$125,000 in the US or €70,000 in Western Europe": a place right after a figure is that figure's.
  const before = inClause.filter((p) => p.end <= start);
  if (!elsewhere)
    location ??=
      inClause.find((p) => p.start >= end && PLACE_AFTER_FIGURE.test(clause.slice(end, p.start)))?.surface ??
      // The nearest place before it, with any listed beside it: "higher than the UK figures above: a developer in
      // London earns £50,000", "in Manchester and Leeds a mid-level role pays £52,000".
      placeList(clause, before, before.length - 1, -1)?.text ??
      inClause[0]?.surface ??
      null;
  // "In New York in 2024, junior quants earned $125,000 …": the place opens the sentence, not the clause.
  if (!location && !elsewhere) {
    // Only places before the clause's end: "…, depending on the location; Dublin rates are at the top" names no
    // place for the figure before it.
    const inSentence = placesIn(sentence);
    // "In the United Kingdom, junior roles pay … with London about 20% higher": the opening place, not the aside.
    const opening = OPENING_PLACE.exec(sentence) && inSentence[0]?.start !== undefined && inSentence[0].start < OPENING_PLACE_CHARS ? inSentence[0] : undefined;
    // "In San Francisco and New York, senior developers earn…": the opening place with any listed after it.
    if (opening) location = placeList(sentence, inSentence, inSentence.indexOf(opening), 1, true)?.text ?? null;
    else {
      // One place, or "Studios in Poland, Spain and Portugal pay less, with juniors starting at €20,000": all of them
      // listed together.
      const all = placeList(sentence, inSentence, 0, 1);
      location = all && all.size === inSentence.length ? all.text : null;
    }
  }
  location ??= spot.labelPlace;
  if (!location && parentLabel) location = placesIn(parentLabel).find((p) => onlyPlace(parentLabel, [p]))?.surface ?? null;
  return location ?? spot.headings.map(headingPlace).find(Boolean) ?? null;
}
