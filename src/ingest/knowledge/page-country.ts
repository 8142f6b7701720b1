// Ingest stage "knowledge: page country" (pure, no I/O): the country a page is plainly about, from the places,
// nationality words and universities it names, so that a bare "$" on an Australian page ("every Australian state",
// NSW, Sydney) is read as Australian dollars rather than US dollars.
import type { SourceDoc } from '../../domain/types.js';
import { findPlaces } from '../places.js';

/**
 * Nationality words of countries that write their dollar as a bare "$" (and of the US, which counts against them):
 * "every Australian state and territory", "Canadian carriers". Country names themselves come from the gazetteer.
 */
const NATIONALITY: [RegExp, string][] = [
  [/\bAustralians?\b/g, 'AU'],
  [/\bCanadians?\b/g, 'CA'],
  [/\bNew Zealanders?\b|\bKiwis\b/g, 'NZ'],
  [/\bSingaporeans?\b/g, 'SG'],
  [/\bAmericans?\b/g, 'US'],
];

/**
 * A page is plainly about one country when it names that country's places (or nationality) at least this often and
 * at least DOMINANCE times as often as any other country's. Calibrated on corpus-n's Australian plumber page (8
 * Australian names, no other) and review 11's Canadian truck-driver page (14 Canadian, 6 US); a US page that lists
 * one Canadian city among three American ones stays American.
 */
const MIN_MENTIONS = 3;
const DOMINANCE = 2;

/**
 * A university named after a place: "University of Auckland", "Auckland University of Technology", "Victoria
 * University of Wellington" (the place after "of" when there is one). Where people train for the job says which
 * country the page is about more than a place named in passing: on a page that names one country's places only, and
 * too few times ("… outside Auckland", "a Bachelor of Optometry from the University of Auckland"), such a place
 * counts once more than its mention. A page that names two countries ("Netherlands and Germany edition", "Utrecht
 * University") is left as it is.
 */
const UNIVERSITY =
  /(?:\b(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})\s+)?\bUniversity(?:\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}))?/gu;

/** The country of the place a university is named after, if the gazetteer knows it. */
function universityCountry(m: RegExpMatchArray): string | null {
  for (const name of [m[2], m[1]]) {
    const country = name ? findPlaces(name)[0]?.place.country : undefined;
    if (country) return country;
  }
  return null;
}

/** ISO 3166 code of the country the documents of one file are plainly about, or null when they name several or too few. */
export function pageCountry(docs: SourceDoc[]): string | null {
  const counts = new Map<string, number>();
  const add = (country: string | null) => {
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  };
  for (const doc of docs) {
    const text = `${doc.title}\n${doc.text}`;
    for (const p of findPlaces(text)) add(p.place.country);
    for (const [re, country] of NATIONALITY) for (const _ of text.matchAll(re)) add(country);
  }
  const [only, ...others] = counts.keys();
  if (only && !others.length)
    for (const doc of docs) for (const m of `${doc.title}\n${doc.text}`.matchAll(UNIVERSITY)) if (universityCountry(m) === only) add(only);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_MENTIONS || first[1] < DOMINANCE * (second?.[1] ?? 0)) return null;
  return first[0];
}
