import { describe, expect, it } from 'vitest';
import type { CompareAnswer } from '../../src/domain/answer.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { buildProfiles } from '../../src/ingest/knowledge/profiles.js';
import { compareRoles } from '../../src/query/compare.js';
import { seedDocs } from '../helpers.js';

const docs = seedDocs();
const k = buildKnowledge(docs, {});
const profiles = buildProfiles(docs, k.roles);
const compare = (a: string, b: string) => compareRoles(k, profiles, docs, a, b);

describe('comparing two roles', () => {
  const answer = compare('Backend Engineer', 'Machine Learning Engineer');
  const a = answer as CompareAnswer;
  const row = (aspect: string) => a.rows.find((r) => r.aspect === aspect);

  it('shows both sides with salaries and the shared skills', () => {
    expect(answer.kind).toBe('compare');
    expect(a.rows.map((r) => r.aspect)).toEqual(['What it is', 'Responsibilities', 'Key skills', 'Education', 'Salary', 'Outlook']);
    const salary = row('Salary');
    expect(salary?.a.map((f) => ('value' in f ? f.value : null))).toContain(106250);
    expect(salary?.b.map((f) => ('value' in f ? f.value : null))).toContain(157969);
    expect(a.shared.map((s) => s.quote)).toEqual(
      expect.arrayContaining(['Data processing', 'API development', 'System deployment', 'Infrastructure management']),
    );
  });

  it('quotes each cell from the corpus and leaves missing data empty', () => {
    expect(row('What it is')?.a.map((c) => c.quote)).toEqual([
      'Backend Engineers: Primarily focus on server-side logic, databases, and application infrastructure.',
    ]);
    expect(row('Education')?.a).toEqual([]);
    for (const c of a.citations) expect(docs.find((d) => d.id === c.docId)?.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('refuses to compare a role with itself', () => {
    expect(compare('MLE', 'machine learning engineer')).toMatchObject({ kind: 'none', reason: { code: 'same-role', role: 'Machine Learning Engineer' } });
  });

  it('suggests roles for an unknown one', () => {
    const unknown = compare('Backend Engineer', 'astronaut');
    expect(unknown).toMatchObject({ kind: 'none', reason: { code: 'unknown-role', input: 'astronaut' } });
    expect(unknown.kind === 'none' && unknown.suggestions.length).toBeGreaterThan(0);
  });
});
