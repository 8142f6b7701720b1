import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
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
