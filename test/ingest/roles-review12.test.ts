import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { ROOT } from '../helpers.js';

const fixture = (file: string) => readFileSync(join(ROOT, 'test/fixtures/review12', file), 'utf8');

describe('a page titled by where its job is worked ("Remote Technical Writer")', () => {
  const writer = buildCatalog(parseHtmlFile('remote-technical-writer.html', fixture('remote-technical-writer.html')));

  it('is the page of the job itself, still found by the title the page gives it', () => {
    expect(writer.map((r) => r.name)).toEqual(['Technical Writer']);
    expect(writer[0]?.aliases).toContain('Remote Technical Writer');
    expect(resolveRole(writer, 'Remote Technical Writer').role?.name).toBe('Technical Writer');
  });

  it('is found by the everyday short name "tech writer"', () => {
    expect(resolveRole(writer, 'tech writer').role?.name).toBe('Technical Writer');
  });

  it('keeps "Remote" when the page never writes the job without it ("Remote Sensing Analyst")', () => {
    const page = parsePage(
      'r.txt',
      'Remote Sensing Analyst\n\nOverview\n\nA remote sensing analyst reads satellite images. Remote sensing analysts work for mapping agencies.\n',
    );
    expect(buildCatalog(page).map((r) => r.name)).toEqual(['Remote Sensing Analyst']);
  });
});

describe('the names a Registered Dietitian Nutritionist page gives its job (review 12)', () => {
  const catalog = buildCatalog(parseMarkdown('registered-dietitian-us.md', fixture('registered-dietitian-us.md')));

  it('is found by the shorter name the page writes ("How to become a registered dietitian") and by its last word, "dietitian"', () => {
    expect(catalog.map((r) => r.name)).toEqual(['Registered Dietitian Nutritionist']);
    expect(resolveRole(catalog, 'dietitian').role?.name).toBe('Registered Dietitian Nutritionist');
    expect(resolveRole(catalog, 'Registered Dietitian').role?.name).toBe('Registered Dietitian Nutritionist');
  });

  it('never calls it a "nutritionist" when the page sets dietitians against nutritionists ("Dietitian vs nutritionist")', () => {
    expect(catalog[0]?.aliases.map((a) => a.toLowerCase())).not.toContain('nutritionist');
    expect(resolveRole(catalog, 'Nutritionist').role).toBeUndefined();
  });

  it('still gives a role its last word when no page sets the two apart', () => {
    const text = fixture('registered-dietitian-us.md').replace(/^## Dietitian vs nutritionist.*$/m, '## Titles');
    const names = buildCatalog(parseMarkdown('registered-dietitian-us.md', text))[0]?.aliases.map((a) => a.toLowerCase());
    expect(names).toContain('nutritionist');
  });

  it('never shortens a name to a job of its own ("Registered Nurse" of a Registered Nurse Practitioner)', () => {
    const page = parseMarkdown(
      'np.md',
      '# Registered Nurse Practitioner\n\nA registered nurse practitioner diagnoses illness. Every one was a registered nurse first, and most registered nurses never become one.\n',
    );
    expect(buildCatalog(page)[0]?.aliases ?? []).not.toContain('Registered Nurse');
  });
});
