import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { listRoles, suggestRoles } from '../../src/query/roles.js';
import { seedDocs } from '../helpers.js';

const k = buildKnowledge(seedDocs(), {});

describe('the role given as an example', () => {
  it('is the role with the most salary figures, not a one-line related career that sorts first', () => {
    const docs = parsePage(
      'rn.txt',
      'Registered nurse\n\nOverview\n\nNurses care.\n\nPay\n\nRN Year 1: A$76,000\nRN Year 8: A$108,000\n\nRelated careers\n\nAged Care Worker - Average salary A$55,000 to A$65,000\n',
    );
    expect(listRoles(buildKnowledge(docs, {})).example).toBe('Registered Nurse');
  });
});

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
