// Ingest stage "knowledge: figure market and dollar" (pure, no I/O): the market a page's section gives its figures
// (the place a question may be answered with), the country its section is about, and which dollar a bare "$" is —
// the one its introduction names, else that of the country its column, section or page is about.
import { LOCAL_DOLLARS, countryName, currenciesIn, currencyOfCountry, findPlaces, placeNamed } from '../places.js';
import { countryOf } from './figure-places.js';
import type { Money } from './money.js';
import { placesIn } from './pay-labels.js';

/** What a figure's section and page say around it, for its market (see figureMarket). */
export interface FigureScope {
  /** Sentences of the figure's own paragraph that give no figure ("Figures are for the United Kingdom"). */
  stated: string[];
  /** The text of the list the figure's line is in, if any. */
  parentText: string;
  /** Headings and the paragraphs that introduce them, nearest scope first, then the document title and introduction. */
  scopes: string[];
  /** How many of `scopes` are the sections' own. */
  sectionScopes: number;
  /** The enclosing headings, nearest first, then the document title. */
  headings: string[];
  /** The country the page is plainly about (see pageCountry), if any. */
  country: string | null;
}

/** The market of a section's figures, the country its section is about and the local dollar it names (see figureMarket). */
export interface FigureMarket {
  /** The place a question about it may be answered with, when the figure names none of its own. */
  market: string | null;
  /** The country whose dollar a bare "$" of the section is, before the page's (see dollarCountry). */
  sectionCountry: string | null;
  /** A dollar other than the US dollar the figure's introduction names ("in Canadian dollars"), as an ISO code. */
  namedDollar: string | null;
}

/** The first place any of the texts names, as written. */
function firstPlace(texts: string[]): string | null {
  return texts.map((t) => findPlaces(t)[0]?.surface).find(Boolean) ?? null;
}

/**
 * The place a section's introduction gives its figures ("2024 offers from US employers"): not a figure's own place,
 * but what a question about that place may be answered with; so does a sentence of the figure's own paragraph that
 * gives none of its own ("Figures are for the United Kingdom").
 */
export function figureMarket(scope: FigureScope): FigureMarket {
  const { stated, scopes, sectionScopes, country } = scope;
  // The page's own introduction names places in passing ("into the United States"): the sections and headings say
  // where their figures are, the introduction only when the page as a whole is about no one country; on a page
  // plainly about one country ("Long-Haul Truck Driver | RoadWork Canada") the figures are that country's.
  const sectionMarket = firstPlace([...stated, ...scopes.slice(0, sectionScopes)]);
  const pageMarket = firstPlace(scopes.slice(sectionScopes));
  // A bare "$" is the dollar the figures' introduction names ("hourly rates in Canadian dollars"), or that of the
  // country their section or sentence is about ("Salary in Australia"); not that of a city a US page lists ("Vancouver: $…").
  const namedDollar = currenciesIn([scope.parentText, ...stated, ...scopes].join('\n')).find((c) => LOCAL_DOLLARS.has(c)) ?? null;
  // "Canadian carriers pay … per mile for US and cross-border lanes. All figures below are in Canadian dollars": a
  // section that names its page country's dollar gives that country's figures, whatever other place it names first.
  const pageDollar = !!country && namedDollar === currencyOfCountry(country);
  const ownMarket = sectionMarket && (!pageDollar || countryOf(sectionMarket) === country) ? sectionMarket : null;
  const market = ownMarket ?? (country && countryOf(pageMarket) !== country ? (countryName(country) ?? pageMarket) : pageMarket);
  const sectionCountry = countryOf((country ? sectionMarket : market) ?? scope.headings.map((h) => placesIn(h)[0]?.surface).find(Boolean) ?? null);
  return { market, sectionCountry, namedDollar };
}

/**
 * The currency of a figure: a bare "$" on a page about Australia or Canada, or under a sentence saying its figures are
 * "in Canadian dollars", is that dollar; "US$" and "USD" stay US dollars wherever they are written. `clause` is the
 * text `money`'s offsets are in, `named` the dollar the figure's introduction names, `country` that of dollarCountry.
 */
export function dollarOf(money: Money, clause: string, named: string | null, country: string | null): string {
  if (money.currency !== 'USD' || !clause.slice(money.start, money.end).startsWith('$')) return money.currency;
  const local = currencyOfCountry(country);
  return named ?? (local && LOCAL_DOLLARS.has(local) ? local : money.currency);
}

/**
 * The country whose dollar a bare "$" is: the table column's, the section's, a country the figure is given for, else
 * the page's when the figure's own place (if any) is in that country ("Sydney" on an Australian page, not "New York").
 */
export function dollarCountry(column: string | null | undefined, section: string | null, location: string | null, page: string | null): string | null {
  const own = countryOf(location);
  return column ?? section ?? (placeNamed(location ?? '')?.kind === 'country' ? own : null) ?? (page && (!own || own === page) ? page : null);
}
