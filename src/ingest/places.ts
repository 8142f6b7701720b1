// Ingest/query vocabulary "places and currencies" (pure, loads bundled data once): recognises the cities,
// countries, regions and currencies a text names, from GeoNames cities (src/ingest/data/cities.json, made by
// scripts/gen-gazetteer.ts) and the countries-list package, so "Berlin", "SF", "UK" or "euros" are known
// without a hand list of every place the corpus happens to contain.
import { createRequire } from 'node:module';
import { countries } from 'countries-list';
import { z } from 'zod';

export type PlaceKind = 'city' | 'region' | 'country';

/** A place as the gazetteer knows it. */
export interface Place {
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 country code, when the place is in one country. */
  country: string | null;
  /** For a city of the US, Canada, Australia or the UK: the state, province or nation it is in ("Brisbane" -> Queensland). */
  region?: string;
}

/** Where a text names a place. */
export interface PlaceMention {
  place: Place;
  surface: string;
  start: number;
  end: number;
}

/** What people call a country in chat, beyond its names: "what do nurses make in the States?". */
const COUNTRY_NICKNAMES: Record<string, string[]> = { US: ['the States', 'stateside'], GB: ['Blighty'], AU: ['Oz'], NZ: ['NZ', 'Aotearoa'] };

/** Short place names that are no English word, so "uk" or "usa" in lower case still mean the place. */
const LOWER_CASE_SHORT_NAMES = new Set(['uk', 'usa', 'uae', 'nyc', 'ny', 'oz', 'nz']);

/**
 * Cities this large are matched even in lower case ("seattle ml pay", "salary in berlin"); smaller ones need a
 * capital or "in". Casual questions are typed in lower case; at 300,000 the cities people ask about are in
 * (Seattle, Vancouver, Zürich) and, but for the words below, few lower-case English words are cities.
 */
const MAJOR_CITY = 300_000;
/** Cities of MAJOR_CITY size whose names are everyday English words or brands: in lower case they are the word. */
const WORDS_NOT_CITIES = new Set(['sale', 'perm', 'van', 'nice', 'reading', 'mesa', 'moron', 'batman', 'toyota', 'honcho', 'aurora', 'riverside', 'brent']);
/** Words after which a lower-case city name is read as a place ("moving to austin"). */
const PLACE_PREPOSITION = /\b(?:in|at|near|from|to|around|based|outside)\s+(?:the\s+)?$/i;

/** Short forms people use that GeoNames does not list, by the name GeoNames uses. */
const CITY_ALIASES: Record<string, string[]> = {
  'San Francisco': ['SF', 'San Fran', 'Bay Area', 'Silicon Valley'],
  'New York City': ['NYC', 'New York', 'NY'],
  'Los Angeles': ['LA'],
  Bengaluru: ['Bangalore'],
  Mumbai: ['Bombay'],
  Köln: ['Cologne'],
  'Frankfurt am Main': ['Frankfurt'],
  München: ['Munich'],
};

/** States, provinces and regions, which salary pages often name instead of a city. */
const REGIONS: [string, string][] = [
  ...'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming'
    .split(' ')
    .map((s): [string, string] => [s, 'US']),
  ...['New Hampshire', 'New Jersey', 'New Mexico', 'North Carolina', 'North Dakota', 'Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia'].map(
    (s): [string, string] => [s, 'US'],
  ),
  ...['Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Nova Scotia', 'Manitoba', 'Saskatchewan', 'New Brunswick', 'Newfoundland'].map(
    (s): [string, string] => [s, 'CA'],
  ),
  ...[
    'New South Wales',
    'Queensland',
    'Victoria',
    'Western Australia',
    'South Australia',
    'Tasmania',
    'Northern Territory',
    'Australian Capital Territory',
  ].map((s): [string, string] => [s, 'AU']),
  // English regions pay tables use ("North West England", "the East Midlands").
  ...[
    'North West England',
    'North East England',
    'South East England',
    'South West England',
    'East Midlands',
    'West Midlands',
    'East of England',
    'Yorkshire',
  ].map((s): [string, string] => [s, 'GB']),
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['Bavaria', 'DE'],
];

/** Abbreviations of regions, matched only as written (capitals) or after "in": "bc" in chat is "because". */
const REGION_ALIASES: Record<string, string[]> = {
  'British Columbia': ['BC'],
  Quebec: ['QC'],
  Alberta: ['AB'],
  'Nova Scotia': ['NS'],
  'New South Wales': ['NSW'],
  Queensland: ['QLD'],
  Victoria: ['VIC'],
  Tasmania: ['TAS'],
  'Northern Territory': ['NT'],
  'Australian Capital Territory': ['ACT'],
};

/**
 * Abbreviations regions of two countries share, matched only in capitals and only beside another place of one of
 * those countries: "in WA and Queensland" is Western Australia, "Seattle, WA" Washington; alone, "WA" is neither.
 */
const SHARED_ALIASES: Record<string, [string, string][]> = {
  WA: [
    ['Western Australia', 'AU'],
    ['Washington', 'US'],
  ],
};

/** The continent (countries-list's code) each group of countries in AREAS lies in, where it lies in one. */
const AREA_CONTINENTS: Record<string, string> = {
  Europe: 'EU',
  EU: 'EU',
  'European Union': 'EU',
  Scandinavia: 'EU',
  Nordics: 'EU',
  Asia: 'AS',
  Africa: 'AF',
};

/** Whether a country (ISO code) lies in a group of countries people name as one ("Germany" in "Europe"). */
export function inArea(area: string, country: string): boolean {
  const continent = AREA_CONTINENTS[area];
  return !!continent && countries[country as keyof typeof countries]?.continent === continent;
}

/** Groups of countries people name as one. */
const AREAS = ['Europe', 'EU', 'European Union', 'Asia', 'Africa', 'Latin America', 'Middle East', 'Scandinavia', 'Nordics', 'APAC', 'EMEA'];

const citiesFile = z.array(z.union([z.tuple([z.string(), z.string(), z.number()]), z.tuple([z.string(), z.string(), z.number(), z.string()])]));

/** Lower case without accents, so "Zürich", "zurich" and "ZURICH" meet. */
export function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[.\u2019']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Entry {
  place: Place;
  /** May be matched when written in lower case without a preposition. */
  loose: boolean;
}

let gazetteer: Map<string, Entry> | undefined;
/** First words of every name, so most words of a text are passed over with one lookup. */
let firstWords: Set<string> | undefined;

function entries(): Map<string, Entry> {
  if (gazetteer) return gazetteer;
  const map = new Map<string, Entry>();
  const add = (name: string, entry: Entry) => {
    const key = placeKey(name);
    const had = map.get(key);
    // Countries win over regions and cities of the same name, regions over cities (pay tables name provinces, not
    // "Ontario, California"); among cities the first (largest) wins.
    const rank = (p: Place) => (p.kind === 'country' ? 2 : p.kind === 'region' ? 1 : 0);
    if (!had || rank(entry.place) > rank(had.place)) map.set(key, entry);
  };
  const rows = citiesFile.parse(createRequire(import.meta.url)('./data/cities.json'));
  const byName = new Map<string, Place>();
  for (const [name, country, population, region] of rows) {
    const place: Place = region ? { name, kind: 'city', country, region } : { name, kind: 'city', country };
    if (!byName.has(name)) byName.set(name, place);
    add(name, { place, loose: population >= MAJOR_CITY && !WORDS_NOT_CITIES.has(placeKey(name)) });
  }
  for (const [name, aliases] of Object.entries(CITY_ALIASES)) {
    const place = byName.get(name);
    if (place) for (const alias of aliases) add(alias, { place, loose: alias.length > 2 });
  }
  for (const [name, country] of REGIONS) {
    add(name, { place: { name, kind: 'region', country }, loose: true });
    for (const alias of REGION_ALIASES[name] ?? []) add(alias, { place: { name, kind: 'region', country }, loose: false });
  }
  for (const name of AREAS) add(name, { place: { name, kind: 'region', country: null }, loose: name.length > 2 });
  for (const [code, c] of Object.entries(countries)) {
    const place: Place = { name: c.name, kind: 'country', country: code };
    for (const n of [c.name, c.native, ...(c.alias ?? []), ...(COUNTRY_NICKNAMES[code] ?? [])])
      add(n, { place, loose: n.length > 3 || LOWER_CASE_SHORT_NAMES.has(n.toLowerCase()) });
  }
  gazetteer = map;
  firstWords = new Set([...map.keys()].map((k) => k.split(' ')[0] ?? k));
  return map;
}

/** The longest name a gazetteer entry has, in words ("Frankfurt am Main"). */
const MAX_WORDS = 4;

/** Every place a text names, left to right, longest name first where names overlap. */
export function findPlaces(text: string): PlaceMention[] {
  const map = entries();
  const words = [...text.matchAll(/[\p{L}][\p{L}.'’-]*/gu)].map((m) => ({ text: m[0].replace(/['’]s$/i, '').replace(/[.'’-]+$/, ''), start: m.index }));
  const found: PlaceMention[] = [];
  const starts = firstWords ?? new Set<string>();
  const shared: { at: number; alias: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const written = words[i]?.text ?? '';
    if (SHARED_ALIASES[written]) shared.push({ at: words[i]?.start ?? 0, alias: written });
    const w = written.toLowerCase();
    // placeKey (accents, dots) only for the few words that need it: this loop sees every word of a corpus.
    if (!starts.has(/[^a-z-]/.test(w) ? placeKey(w) : w)) continue;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
      const first = words[i];
      const last = words[i + n - 1];
      if (!first || !last) continue;
      const end = last.start + last.text.length;
      const surface = text.slice(first.start, end);
      const entry = map.get(placeKey(surface));
      if (!entry) continue;
      // A capital at the start of a sentence says nothing ("Mobile developers…").
      // Only the few characters before the name matter; slicing from 0 would make a long text quadratic.
      const before = text.slice(Math.max(0, first.start - 40), first.start);
      const sentenceStart = first.start === 0 || /[.!?]\s+$/.test(before);
      const whole = surface.length === text.trim().length;
      const acronym = /^\p{Lu}{2,}$/u.test(surface);
      // An acronym ("UK salary guide") is a name wherever it stands.
      const capitalised = /^\p{Lu}/u.test(surface) && (!sentenceStart || whole || acronym);
      // Short names in lower case are words before they are places ("us", "la"), except the unambiguous ones.
      if (surface.length <= 3 && !acronym && !LOWER_CASE_SHORT_NAMES.has(surface.toLowerCase())) continue;
      if (!capitalised && !entry.loose && !PLACE_PREPOSITION.test(before)) continue;
      found.push({ place: entry.place, surface, start: first.start, end });
      i += n - 1;
      break;
    }
  }
  return shared.length ? withSharedAliases(found, shared) : found;
}

/** `found` with each shared abbreviation read as the region of the one country the other places are in (see SHARED_ALIASES). */
function withSharedAliases(found: PlaceMention[], shared: { at: number; alias: string }[]): PlaceMention[] {
  const countries = new Set(found.map((p) => p.place.country));
  const out = [...found];
  for (const { at, alias } of shared) {
    const fits = (SHARED_ALIASES[alias] ?? []).filter(([, country]) => countries.has(country));
    const [only] = fits;
    if (fits.length !== 1 || !only) continue;
    out.push({ place: { name: only[0], kind: 'region', country: only[1] }, surface: alias, start: at, end: at + alias.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The place a name written in a document stands for ("NYC" -> New York City), if the gazetteer knows it. */
export function placeNamed(name: string): Place | undefined {
  return entries().get(placeKey(name))?.place;
}

/** Groups of countries that lie inside another group, by the wider one's name: EU pay is European pay. */
const AREA_PARTS: Record<string, string[]> = { Europe: ['EU', 'European Union'], EU: ['European Union'], 'European Union': ['EU'] };

/** True when the two names are the same place, or one lies in the other (a city in a country or state, the EU in Europe). */
export function placeCovers(outer: Place, inner: Place): boolean {
  if (outer.name === inner.name || AREA_PARTS[outer.name]?.includes(inner.name)) return true;
  if (outer.kind === 'country') return inner.country === outer.country;
  return outer.kind === 'region' && inner.region === outer.name && inner.country === outer.country;
}

/** Currency words and symbols, by ISO 4217 code. */
const CURRENCIES: [string, RegExp][] = [
  ['EUR', /€|\beur\b|\beuros?\b/i],
  ['GBP', /£|\bgbp\b|\bpounds?(?: sterling)?\b|\bquid\b/i],
  ['CAD', /\bcad\b|\bcanadian dollars?\b|\bC\$/i],
  ['AUD', /\baud\b|\baustralian dollars?\b|\bA\$/i],
  ['INR', /₹|\binr\b|\brupees?\b|\blakhs?\b|\bcrores?\b/i],
  ['JPY', /¥|\bjpy\b|\byen\b/i],
  ['CHF', /\bchf\b|\bswiss francs?\b/i],
  ['PLN', /\bpln\b|\bzlotys?\b|\bzł/i],
  ['SEK', /\bsek\b|\bkronor\b|\bswedish kronas?\b/i],
  ['USD', /\$|\busd\b|\bdollars?\b|\bbucks\b/i],
];

/** The currencies a text names, each once, in the order above ("in euros" -> EUR; "$" -> USD). */
export function currenciesIn(text: string): string[] {
  const out: string[] = [];
  for (const [code, re] of CURRENCIES) {
    if (code === 'USD' && out.some((c) => c === 'CAD' || c === 'AUD')) continue;
    if (re.test(text)) out.push(code);
  }
  return out;
}

/** Currencies only one country pays in: a figure in pounds that names no place is a UK figure. */
export const ONE_COUNTRY_CURRENCIES = new Set(['GBP', 'CAD', 'AUD', 'NZD', 'INR', 'JPY', 'SEK', 'PLN', 'CHF', 'SGD', 'HKD']);

/** Dollars other than the US dollar that pages often write as a bare "$". */
export const LOCAL_DOLLARS = new Set(['CAD', 'AUD', 'NZD', 'SGD', 'HKD']);

/** The English name of a country by its ISO 3166 code ("AU" -> "Australia"). */
export function countryName(code: string): string | null {
  return (countries as Record<string, { name: string }>)[code]?.name ?? null;
}

/** The currency a country pays in (first listed by ISO), for telling "Germany" questions apart from USD figures. */
export function currencyOfCountry(code: string | null): string | null {
  if (!code) return null;
  const c = (countries as Record<string, { currency: string[] }>)[code];
  return c?.currency[0] ?? null;
}
