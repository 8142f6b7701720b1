// Table tests on a second corpus written by someone who never read the code: the roles catalog and every salary
// fact must equal test/fixtures/corpus-b.expected.json, field by field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/domain/knowledge.js';
import type { SourceDoc } from '../../src/domain/types.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { roleKey } from '../../src/ingest/knowledge/roles.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { ROOT } from '../helpers.js';

interface Expected {
  roles: { name: string; aliases: string[]; documents: string[] }[];
  notRoles: string[];
  salaryFacts: Record<string, unknown>[];
}

const FIXTURES = join(ROOT, 'test/fixtures');
const expected: Expected = JSON.parse(readFileSync(join(FIXTURES, 'corpus-b.expected.json'), 'utf8'));
const FIELDS = ['file', 'role', 'quote', 'kind', 'label', 'level', 'location', 'currency', 'min', 'max', 'value', 'period', 'year'] as const;

let docs: SourceDoc[];
let k: Knowledge;
beforeAll(async () => {
  const loaded = await loadCorpus(join(FIXTURES, 'corpus-b'));
  docs = loaded.docs;
  k = buildKnowledge(docs, loaded.aliases);
});

describe('the roles catalog of the second corpus', () => {
  it('equals the expected list: no role missing, none extra', () => {
    expect(k.roles.map((r) => r.name).sort()).toEqual(expected.roles.map((r) => r.name).sort());
  });

  it.each(expected.roles.map((r) => [r.name, r] as const))('%s comes from its own document and keeps the aliases the document writes', (name, want) => {
    const role = k.roles.find((r) => r.name === name);
    expect(role?.documents).toEqual(want.documents);
    const aliases = role?.aliases.map((a) => a.toLowerCase()) ?? [];
    for (const alias of want.aliases) expect(aliases).toContain(alias.toLowerCase());
  });

  it('never makes a role of a mention, a certification, a product or a tool', () => {
    const names = new Set(k.roles.flatMap((r) => [r.name, ...r.aliases]).map(roleKey));
    expect(expected.notRoles.filter((n) => names.has(roleKey(n)))).toEqual([]);
  });
});

describe('the salary facts of the second corpus', () => {
  const pick = (f: Record<string, unknown>) => Object.fromEntries(FIELDS.map((field) => [field, f[field]]));
  const files = [...new Set(expected.salaryFacts.map((f) => f.file as string))];

  it.each(files)('%s: every figure matches the document in every field, in document order', (file) => {
    const got = k.salaries.filter((f) => f.file === file).map((f) => pick({ ...f }));
    expect(got).toEqual(expected.salaryFacts.filter((f) => f.file === file).map(pick));
  });

  it('finds no figure the expected list does not have', () => {
    expect(k.salaries).toHaveLength(expected.salaryFacts.length);
  });

  it('quotes every figure as an exact slice of its document', () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const f of k.salaries) expect(byId.get(f.docId)?.text.slice(f.start, f.end)).toBe(f.quote);
  });

  it('gives a role without pay no figures', () => {
    expect(k.salaries.filter((f) => f.role === 'Developer Advocate')).toEqual([]);
  });
});
