import { describe, expect, it } from 'vitest';
import { compareRoles } from '../../src/query/compare.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { seedDocs } from '../helpers.js';

const docs = seedDocs();
const k = buildKnowledge(docs, {});

describe('comparing two roles', () => {
  const a = compareRoles(k, docs, 'Backend Engineer', 'Machine Learning Engineer');

  it('shows both sides with salaries and the shared skills', () => {
    expect(a.answered).toBe(true);
    expect(a.rows!.map((r) => r.aspect)).toEqual(['What it is', 'Responsibilities', 'Key skills', 'Education', 'Salary', 'Outlook']);
    const salary = a.rows!.find((r) => r.aspect === 'Salary')!;
    expect(salary.a).toContain('$106,250');
    expect(salary.b).toContain('$157,969');
    expect(a.shared).toEqual(expect.arrayContaining(['Data processing', 'API development', 'System deployment', 'Infrastructure management']));
    expect(a.text.length).toBeLessThanOrEqual(2000);
  });

  it('quotes each cell from the corpus and shows missing data as missing', () => {
    const what = a.rows!.find((r) => r.aspect === 'What it is')!;
    expect(what.a).toBe('Primarily focus on server-side logic, databases, and application infrastructure.');
    expect(a.rows!.find((r) => r.aspect === 'Education')!.a).toBe('Not in the documents');
    for (const c of a.citations) expect(docs.find((d) => d.id === c.docId)!.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('refuses to compare a role with itself', () => {
    const same = compareRoles(k, docs, 'MLE', 'machine learning engineer');
    expect(same.answered).toBe(false);
    expect(same.text).toMatch(/Both names mean Machine Learning Engineer/);
  });

  it('suggests roles for an unknown one', () => {
    const unknown = compareRoles(k, docs, 'Backend Engineer', 'astronaut');
    expect(unknown.answered).toBe(false);
    expect(unknown.suggestions.length).toBeGreaterThan(0);
  });
});
