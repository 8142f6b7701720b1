import { describe, expect, it } from 'vitest';
import { dollarCountry, dollarOf, figureMarket } from '../../src/ingest/knowledge/figure-market.js';
import {
  columnPlace,
  countryOf,
  figurePlace,
  headingPlace,
  onlyPlace,
  placeList,
  placeListCommas,
  placeSurface,
  splitLabelPlace,
  unbracketed,
  withoutPlace,
  withoutPlaces,
} from '../../src/ingest/knowledge/figure-places.js';
import { findMoney } from '../../src/ingest/knowledge/money.js';
import { placesIn } from '../../src/ingest/knowledge/pay-labels.js';

describe('the country of a written place', () => {
  it.each([
    ['Sydney', 'AU'],
    ['United Kingdom', 'GB'],
    ['San Francisco and New York', 'US'],
    ['Remote', null],
    [null, null],
  ])('"%s" is in %s', (place, country) => {
    expect(countryOf(place)).toBe(country);
  });
});

describe('a text that names only a place', () => {
  it.each([
    ['Munich', true],
    ['Remote positions', true],
    ['Greater London area', true],
    ['Senior engineers in London', false],
    ['Median salary', false],
  ])('"%s" names only a place: %s', (text, only) => {
    expect(onlyPlace(text, placesIn(text))).toBe(only);
  });
});

describe('lists of places', () => {
  it('reads a list forwards from its first place', () => {
    const text = 'Studios in Poland, Spain and Portugal pay less';
    expect(placeList(text, placesIn(text), 0, 1)).toEqual({ text: 'Poland, Spain and Portugal', size: 3 });
  });

  it('reads a list backwards from its last place', () => {
    const text = 'higher in Manchester and Leeds where a mid-level role pays';
    const places = placesIn(text);
    expect(placeList(text, places, places.length - 1, -1)).toEqual({ text: 'Manchester and Leeds', size: 2 });
  });

  it('ends an opening place at its comma unless the list goes on to say "and"', () => {
    const uk = 'In the UK, London roles pay more';
    expect(placeList(uk, placesIn(uk), 0, 1, true)).toEqual({ text: 'UK', size: 1 });
    const three = 'In San Francisco, Seattle and New York, seniors earn';
    expect(placeList(three, placesIn(three), 0, 1, true)).toEqual({ text: 'San Francisco, Seattle and New York', size: 3 });
  });

  it('gives nothing for a place that is not there', () => {
    expect(placeList('no places here', [], 0, 1)).toBeNull();
  });

  it('finds the commas of a list that ends with "and", and none of a plain series', () => {
    const listed = 'in New York, California and Texas, pay is high';
    expect([...placeListCommas(listed)]).toEqual([listed.indexOf(',')]);
    expect([...placeListCommas('London, £50,000; Leeds, £40,000')]).toEqual([]);
  });
});

describe('the place a heading, a label or a table column gives its figures', () => {
  it.each([
    ['How much do QA testers make in Montreal and Vancouver?', 'Montreal and Vancouver'],
    ['Salary in Germany', 'Germany'],
    ['Remote positions', 'Remote'],
    ['Remote work and pay', null],
    ['Pay by level', null],
  ])('heading "%s" gives %s', (heading, place) => {
    expect(headingPlace(heading)).toBe(place);
  });

  it('writes a place as its text does', () => {
    const text = 'Remote positions';
    expect(placeSurface(text, placesIn(text))).toBe('Remote');
    expect(placeSurface('Pay', [])).toBe('Pay');
  });

  it('drops what a header says in brackets', () => {
    expect(unbracketed('United States (USD, per year)')).toBe('United States');
  });

  it('takes the places out of a text', () => {
    expect(withoutPlaces('a year in the UK and ')).toBe('a year in the and ');
  });

  it('takes the place phrase off a heading used as a label, and only a place phrase', () => {
    expect(withoutPlace('Salary in the United States (2025)')).toBe('Salary');
    expect(withoutPlace('Pay for experienced staff')).toBe('Pay for experienced staff');
  });

  it('splits a label from the place phrase it ends with', () => {
    expect(splitLabelPlace('Median salary in London')).toEqual({ label: 'Median salary', place: 'London' });
    expect(splitLabelPlace('Salary in the United States (2025)')).toEqual({ label: 'Salary', place: 'United States' });
    expect(splitLabelPlace('Pay in practice')).toBeNull();
  });

  it.each([
    ['Canada (Montreal)', { location: 'Montreal', country: 'CA' }],
    ['San Francisco / New York', { location: 'San Francisco / New York', country: 'US' }],
    ['Fully remote (US)', { location: 'Remote', country: 'US' }],
    ['United Kingdom', { location: 'United Kingdom', country: 'GB' }],
  ])('column "%s" is for %o', (header, place) => {
    expect(columnPlace(header)).toEqual(place);
  });
});

describe('the place a figure in running text is for', () => {
  /** The spot of the first figure of `clause`, as a sentence of its own under `headings`. */
  const spot = (clause: string, extra: Partial<Parameters<typeof figurePlace>[1]> = {}) => {
    const money = findMoney(clause)[0];
    if (!money) throw new Error(`no figure in ${clause}`);
    return { clause, start: money.start, end: money.end, sentence: clause, labelPlace: null, parentLabel: '', headings: ['Pay', 'Data analyst'], ...extra };
  };

  it.each([
    ['seniors earn $125,000 in the US', 'US'],
    ['a developer in London earns £50,000', 'London'],
    ['in Manchester and Leeds a mid-level role pays £52,000', 'Manchester and Leeds'],
    ['In the United Kingdom juniors earn £30,000 with London about 20% higher', 'United Kingdom'],
    ['juniors earn £23,703 elsewhere in England', null],
    ['juniors earn £30,000', null],
  ])('"%s" is for %s', (clause, place) => {
    expect(figurePlace(null, spot(clause))).toBe(place);
  });

  it('keeps a place already known', () => {
    expect(figurePlace('Leeds', spot('seniors earn £60,000 in London'))).toBe('Leeds');
  });

  it('falls back on the label, the list and the headings, in that order', () => {
    const bare = 'juniors earn £30,000';
    expect(figurePlace(null, spot(bare, { labelPlace: 'Germany', parentLabel: 'Berlin', headings: ['Pay in Munich'] }))).toBe('Germany');
    expect(figurePlace(null, spot(bare, { parentLabel: 'Berlin', headings: ['Pay in Munich'] }))).toBe('Berlin');
    expect(figurePlace(null, spot(bare, { headings: ['Pay in Munich', 'Engineer'] }))).toBe('Munich');
  });
});

describe('the market of a section and the dollar of a bare "$"', () => {
  const scope = {
    stated: [],
    parentText: '',
    scopes: ['Pay', 'Plumber', 'Plumbing across Australia.'],
    sectionScopes: 1,
    headings: ['Pay', 'Plumber'],
    country: null,
  };

  it('takes the market from the page introduction when the section names none', () => {
    expect(figureMarket(scope)).toEqual({ market: 'Australia', sectionCountry: 'AU', namedDollar: null });
  });

  it('prefers the section over the page and names the dollar its introduction names', () => {
    const canadian = { ...scope, scopes: ['Pay in Toronto', 'All figures are in Canadian dollars.', 'Driver'], sectionScopes: 2 };
    expect(figureMarket(canadian)).toEqual({ market: 'Toronto', sectionCountry: 'CA', namedDollar: 'CAD' });
  });

  it('gives a page about one country its country as the market when its introduction names another', () => {
    const page = { ...scope, scopes: ['Pay', 'Driver', 'Hauling freight into the United States.'], country: 'CA' };
    expect(figureMarket(page).market).toBe('Canada');
  });

  it('reads a bare "$" as the local dollar of its country, and "US$" as US dollars', () => {
    const bare = '$1,850 a week';
    const [money] = findMoney(bare);
    if (!money) throw new Error('no figure');
    expect(dollarOf(money, bare, null, 'AU')).toBe('AUD');
    expect(dollarOf(money, bare, 'CAD', 'AU')).toBe('CAD');
    expect(dollarOf(money, bare, null, 'GB')).toBe('USD');
    const us = 'US$1,850 a week';
    const [usMoney] = findMoney(us);
    if (!usMoney) throw new Error('no figure');
    expect(dollarOf(usMoney, us, null, 'AU')).toBe('USD');
  });

  it.each([
    ['CA', 'AU', null, 'NZ', 'CA'],
    [null, 'AU', null, 'NZ', 'AU'],
    [null, null, 'Canada', 'AU', 'CA'],
    [null, null, 'Sydney', 'AU', 'AU'],
    [null, null, 'New York', 'AU', null],
    [null, null, null, 'AU', 'AU'],
  ])('column %s, section %s, place %s on a %s page: the dollar of %s', (column, section, place, page, country) => {
    expect(dollarCountry(column, section, place, page)).toBe(country);
  });
});
