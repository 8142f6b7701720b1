import { describe, expect, it } from 'vitest';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
import { seedDocs } from '../helpers.js';

const roles = buildCatalog(seedDocs(), { 'Technical Business Analyst': ['BA'] });
const names = roles.map((r) => r.name);

describe('the roles catalog', () => {
  it('finds every role the seed describes or gives figures for', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'Backend Engineer',
        'Machine Learning Engineer',
        'Backend Machine Learning Engineer',
        'ML Operations Engineer',
        'Data Engineer',
        'Analytics Manager',
        'Customer Analytics Manager',
        'Technical Business Analyst',
        'Integration Developer',
      ]),
    );
  });

  it('lists the sections that describe each role', () => {
    const dev = roles.find((r) => r.name === 'Integration Developer')!;
    expect(dev.sources.every(([doc]) => doc.endsWith('/integration-developer'))).toBe(true);
    expect(roles.every((r) => r.sources.length > 0)).toBe(true);
  });

  it.each([
    ['MLE', 'Machine Learning Engineer'],
    ['ML engineer', 'Machine Learning Engineer'],
    ['machine learning engineers', 'Machine Learning Engineer'],
    ['backend dev', 'Backend Engineer'],
    ['back-end engineer', 'Backend Engineer'],
    ['Backend Engineers', 'Backend Engineer'],
    ['TBA', 'Technical Business Analyst'],
    ['BA', 'Technical Business Analyst'],
    ['hybrid role', 'Backend Machine Learning Engineer'],
    ['Integation Developer', 'Integration Developer'],
    ['analytics manger', 'Analytics Manager'],
    ['  CUSTOMER analytics manager!! ', 'Customer Analytics Manager'],
  ])('resolves "%s" to %s', (input, expected) => {
    expect(resolveRole(roles, input).role?.name).toBe(expected);
  });

  it('returns ranked suggestions instead of guessing for ambiguous or unknown names', () => {
    const ambiguous = resolveRole(roles, 'engineer');
    expect(ambiguous.role).toBeUndefined();
    expect(ambiguous.suggestions.length).toBeGreaterThan(1);
    const unknown = resolveRole(roles, 'zookeeper');
    expect(unknown.role).toBeUndefined();
    expect(unknown.suggestions.length).toBeGreaterThan(0);
  });
});
