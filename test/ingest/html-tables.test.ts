import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../src/ingest/import/html.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { factIsFor } from '../../src/query/salary.js';

/** A pilot page whose pay section is the given table, with enough prose around it for Readability to keep it. */
function page(table: string): string {
  const prose =
    '<p>Commercial pilots fly aircraft that carry passengers or cargo for airlines, charter operators and freight companies, on short-haul routes around Europe or long-haul routes further afield.</p>';
  return `<html><head><title>Commercial Pilot</title></head><body><main><article><h1>Commercial Pilot</h1>${prose}<h2>Pilot salary in the UK</h2><p>The figures below are basic annual salaries at UK airlines in 2024.</p>${table}${prose}</article></main></body></html>`;
}

const figures = (table: string) =>
  buildKnowledge(parseHtmlFile('pilot.html', page(table)), {}).salaries.map((f) => [f.label, f.level, f.location, f.min ?? f.value]);

describe('HTML tables', () => {
  it("names each figure by its row and its column header, as a Markdown table's are", () => {
    const table =
      '<table><thead><tr><th>Rank</th><th>Short-haul</th><th>Long-haul</th></tr></thead><tbody>' +
      '<tr><td>Junior first officer</td><td>£32,000 - £48,000</td><td>£45,000 - £60,000</td></tr>' +
      '<tr><td>Captain</td><td>£100,000 - £150,000</td><td>£140,000 - £200,000</td></tr></tbody></table>';
    expect(figures(table)).toEqual([
      ['Short-haul', 'Junior first officer', 'UK', 32000],
      ['Long-haul', 'Junior first officer', 'UK', 45000],
      ['Captain, Short-haul', null, 'UK', 100000],
      ['Captain, Long-haul', null, 'UK', 140000],
    ]);
  });

  it('reads a column header that names a place as the figure’s place', () => {
    const table =
      '<table><tr><th>Level</th><th>London</th><th>Manchester</th></tr>' + '<tr><td>Senior (5+ years)</td><td>£70,000</td><td>£58,000</td></tr></table>';
    expect(figures(table)).toEqual([
      ['Pilot salary', 'Senior (5+ years)', 'London', 70000],
      ['Pilot salary', 'Senior (5+ years)', 'Manchester', 58000],
    ]);
  });
});

describe('the place of a table column', () => {
  const ux = () => buildKnowledge(parseHtmlFile('ux-writer.html', readFileSync(join(import.meta.dirname, '../fixtures/pages/ux-writer.html'), 'utf8')), {});
  const juniors = () =>
    ux()
      .salaries.filter((f) => f.level === 'Junior (0-2 years)')
      .map((f) => [f.label, f.location, f.country, f.min]);

  it('reads a column headed by two places joined by a slash as for both, as places listed together are', () => {
    const both = ux().salaries.find((f) => f.min === 85000);
    expect(both?.location).toBe('San Francisco / New York');
    expect(both && factIsFor(both, 'New York') && factIsFor(both, 'San Francisco')).toBe(true);
  });

  it('reads a "Fully remote (US)" column as remote work in the US', () => {
    expect(juniors()[2]).toEqual(['Salary', 'Remote', 'US', 70000]);
  });

  it("names a column's place and label without the year its section heading gives in brackets", () => {
    expect(juniors()).toEqual([
      ['Salary', 'San Francisco / New York', 'US', 85000],
      ['Other US cities', 'United States', 'US', 65000],
      ['Salary', 'Remote', 'US', 70000],
    ]);
  });
});
