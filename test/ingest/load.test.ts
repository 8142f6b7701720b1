import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/load.js';
import { corpusCopy } from '../helpers.js';

describe('loading the corpus directory', () => {
  it('loads the seed page and the operator aliases file', async () => {
    const corpus = await loadCorpus(corpusCopy());
    expect(corpus.docs).toHaveLength(5);
    expect(corpus.aliases['Technical Business Analyst']).toContain('BA');
    expect(corpus.skipped).toEqual([]);
  });

  it('reports an unreadable file by name and still loads the others', async () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3]));
    writeFileSync(join(dir, 'empty.md'), '   \n');
    writeFileSync(join(dir, 'notes.md'), '# Site Reliability Engineer\n\nKeeps production healthy.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.skipped.map((s) => s.file).sort()).toEqual(['broken.txt', 'empty.md']);
    expect(corpus.skipped.find((s) => s.file === 'broken.txt')!.reason).toMatch(/UTF-8/);
    expect(corpus.docs.map((d) => d.title)).toContain('Site Reliability Engineer');
  });

  it('changes its hash when a document changes', async () => {
    const dir = corpusCopy();
    const before = (await loadCorpus(dir)).hash;
    writeFileSync(join(dir, 'new.md'), '# New Role\n\nText.\n');
    expect((await loadCorpus(dir)).hash).not.toBe(before);
  });
});
