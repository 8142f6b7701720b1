import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { listRoles, suggestRoles } from '../../src/query/roles.js';
import { seedDocs } from '../helpers.js';

const k = buildKnowledge(seedDocs(), {});

describe('the roles catalog as an answer', () => {
  it('lists the roles with content and marks those with salary data', () => {
    const a = listRoles(k);
    expect(a.catalog.find((r) => r.name === 'Integration Developer')).toMatchObject({ hasSalary: true });
    expect(a.catalog.find((r) => r.name === 'Analytics Manager')).toMatchObject({ hasSalary: false });
    expect(a.roles).not.toContain('Data Engineer');
  });

  it('keeps what the page only mentions out of the catalog but remembers it for refusals', () => {
    expect(k.mentioned).toEqual(expect.arrayContaining(['Data Engineer', 'Data Scientist']));
    expect(k.roles.map((r) => r.name)).not.toContain('Data Scientist');
  });

  it('offers for autocomplete only roles the caller says have content', () => {
    const all = suggestRoles(k, 'an', 25).map((s) => s.value);
    expect(all).toContain('Analytics Manager');
    const offered = suggestRoles(k, 'an', 25, (role) => role !== 'Analytics Manager').map((s) => s.value);
    expect(offered).not.toContain('Analytics Manager');
    expect(offered).toContain('Customer Analytics Manager');
  });
});
