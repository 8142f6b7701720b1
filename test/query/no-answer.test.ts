import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { notCovered } from '../../src/query/no-answer.js';
import { ROOT } from '../helpers.js';

describe('the roles a refusal offers instead', () => {
  it('names first the roles with pages of their own, before the one-line careers of related boxes', async () => {
    const loaded = await loadCorpus(join(ROOT, 'test/fixtures/review10'));
    const offered = notCovered('nhs pension contribution rate paramedic', buildKnowledge(loaded.docs, loaded.aliases)).suggestions;
    expect(offered).toContain('Product Designer');
    expect(offered.slice(0, 3).sort()).toEqual(['Dental Hygienist', 'Paramedic', 'Product Designer']);
  });
});
