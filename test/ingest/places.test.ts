import { describe, expect, it } from 'vitest';
import { currenciesIn, currencyOfCountry, findPlaces, placeCovers, placeNamed } from '../../src/ingest/places.js';

const named = (text: string) => findPlaces(text).map((m) => `${m.place.name} (${m.place.kind}, ${m.place.country})`);

describe('recognising places', () => {
  it.each([
    ['what do ML engineers make in Berlin, in euros?', ['Berlin (city, DE)']],
    ['salary in SF for backend devs', ['San Francisco (city, US)']],
    ['NYC pay for PMs', ['New York City (city, US)']],
    ['and in ny?', ['New York City (city, US)']],
    ['what do CRAs make in the states?', ['United States (country, US)']],
    ['what do sparkies need in oz', ['Australia (country, AU)']],
    ['Victoria, Grade 2 Year 1', ['Victoria (region, AU)']],
    ['quantity surveyor pay in North West England', ['North West England (region, GB)']],
    ['Bay Area salaries', ['San Francisco (city, US)']],
    ['jobs in Seattle and Austin', ['Seattle (city, US)', 'Austin (city, US)']],
    ['india salaries', ['India (country, IN)']],
    ['data analyst pay in the UK', ['United Kingdom (country, GB)']],
    ['ml engineer salary in california 2019', ['California (region, US)']],
    ['Zurich', ['Zürich (city, CH)']],
    ['UK salary guide 2024', ['United Kingdom (country, GB)']],
    ['US Market, 2024', ['United States (country, US)']],
  ])('finds the place in "%s"', (text, places) => {
    expect(named(text)).toEqual(places);
  });

  it.each([
    'is a masters worth it',
    'reading list for ml?',
    'Mobile developers, what do they do?',
    'what is MLOps',
    'Do I need a PhD?',
    'Technical Business Analyst',
  ])('finds no place in "%s"', (text) => {
    expect(named(text)).toEqual([]);
  });

  it('reads a small city written in lower case only after a preposition', () => {
    expect(named('pay for testers in aberdeen')).toEqual(['Aberdeen (city, GB)']);
    expect(named('aberdeen test automation')).toEqual([]);
  });

  it('reads a large city in lower case anywhere, unless its name is an everyday word', () => {
    expect(named('seattle ml eng pay??')).toEqual(['Seattle (city, US)']);
    expect(named('nice pay for testers, reading the guide on sale')).toEqual([]);
  });

  it('reads a province or state before a smaller city of the same name, and its abbreviation only as written', () => {
    expect(named('electrician pay in Ontario')).toEqual(['Ontario (region, CA)']);
    expect(named('whats the pay for electricians in BC per hour')).toEqual(['British Columbia (region, CA)']);
    expect(named('bc i want to know')).toEqual([]);
  });

  it('keeps the exact span of each mention', () => {
    const text = 'Top-paying markets: Vancouver ($175,000), New York ($165,000)';
    expect(findPlaces(text).map((m) => text.slice(m.start, m.end))).toEqual(['Vancouver', 'New York']);
  });

  it('resolves names written in documents, and countries to their currency', () => {
    expect(placeNamed('NYC')?.name).toBe('New York City');
    expect(placeNamed('Germany')).toEqual({ name: 'Germany', kind: 'country', country: 'DE' });
    expect(currencyOfCountry('DE')).toBe('EUR');
    expect(currencyOfCountry('GB')).toBe('GBP');
  });

  it('knows the state, province or nation of a city in the US, Canada, Australia and the UK, and that the region covers it', () => {
    const brisbane = placeNamed('Brisbane');
    const queensland = placeNamed('Queensland');
    expect(brisbane).toEqual({ name: 'Brisbane', kind: 'city', country: 'AU', region: 'Queensland' });
    expect(placeNamed('Manchester')?.region).toBe('England');
    expect(placeNamed('Montreal')?.region).toBe('Quebec');
    expect(placeNamed('Berlin')?.region).toBeUndefined();
    if (!brisbane || !queensland) throw new Error('Brisbane and Queensland are in the gazetteer');
    expect(placeCovers(queensland, brisbane)).toBe(true);
    expect(placeCovers(brisbane, queensland)).toBe(false);
    expect(placeCovers(queensland, placeNamed('Sydney') ?? brisbane)).toBe(false);
  });

  it('counts the EU as part of Europe, and the EU and the European Union as one, but not Europe as part of the EU', () => {
    const [europe, eu, union] = ['Europe', 'EU', 'European Union'].map((n) => placeNamed(n));
    if (!europe || !eu || !union) throw new Error('Europe, the EU and the European Union are in the gazetteer');
    expect([placeCovers(europe, eu), placeCovers(europe, union), placeCovers(eu, union), placeCovers(union, eu)]).toEqual([true, true, true, true]);
    expect(placeCovers(eu, europe)).toBe(false);
  });
});

describe('recognising currencies', () => {
  it.each([
    ['in euros please', ['EUR']],
    ['£48,000 a year', ['GBP']],
    ['$120k', ['USD']],
    ['in canadian dollars', ['CAD']],
    ['how many rupees', ['INR']],
    ['how much do they make', []],
  ])('reads "%s"', (text, codes) => {
    expect(currenciesIn(text)).toEqual(codes);
  });
});
