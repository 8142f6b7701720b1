import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { pageCountry } from '../../src/ingest/knowledge/page-country.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { findPlaces } from '../../src/ingest/places.js';

const optometrist = parseHtmlFile('optometrist-nz.html', readFileSync(join(import.meta.dirname, '../fixtures/pages/optometrist-nz.html'), 'utf8'));

describe('the country of a page that names its country rarely', () => {
  it('is the country of the university a page trains people at ("a Bachelor of Optometry from the University of Auckland")', () => {
    expect(pageCountry(optometrist)).toBe('NZ');
  });

  it('makes a bare "$" on that page New Zealand dollars', () => {
    const facts = buildKnowledge(optometrist, {}).salaries;
    expect(facts.map((f) => [f.min, f.max, f.currency])).toEqual([
      [70_000, 85_000, 'NZD'],
      [90_000, 140_000, 'NZD'],
    ]);
  });

  it.each([
    ['Auckland University of Technology', 'Auckland', 'NZ'],
    ['the University of Toronto', 'Toronto', 'CA'],
    ['the University of Melbourne', 'Melbourne', 'AU'],
  ])('counts "%s" towards the country of %s', (university, city, country) => {
    const once = parseMarkdown('p.md', `# Optometrist\n\nMost optometrists train at ${university}.\n`);
    // One mention of the place and one more for the university: still too few without a second mention.
    expect(pageCountry(once)).toBeNull();
    const twice = parseMarkdown('p.md', `# Optometrist\n\nMost optometrists train at ${university}.\n\nPractices are busiest in ${city}.\n`);
    expect(pageCountry(twice)).toBe(country);
  });

  it('counts no university on a page without one: two mentions of a city are too few', () => {
    const page = parseMarkdown('p.md', '# Optometrist\n\nThere is a shortage outside Auckland. Many work in Auckland.\n');
    expect(pageCountry(page)).toBeNull();
  });

  it('leaves a page about two countries as it is ("Netherlands and Germany edition", "Utrecht University")', () => {
    const page = parseMarkdown(
      'p.md',
      '# UX Researcher\n\nNetherlands and Germany edition.\n\nA master’s at Utrecht University is common. Pay: €50,000 in Amsterdam; €55,000 in Berlin.\n',
    );
    expect(pageCountry(page)).toBeNull();
  });
});

describe('New Zealand by its short names', () => {
  it.each(['optometrist pay in NZ', 'optometrist pay in nz', 'careers in Aotearoa'])('finds New Zealand in "%s"', (text) => {
    expect(findPlaces(text).map((p) => p.place.name)).toEqual(['New Zealand']);
  });

  it('counts "NZ" towards a page’s country', () => {
    const page = parseMarkdown('p.md', '# Optometrist\n\nNZ optometrists register with the board. Most NZ practices are in Auckland.\n');
    expect(pageCountry(page)).toBe('NZ');
  });
});
