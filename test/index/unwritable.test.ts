import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import { type StoreIo, unwritable } from '../../src/index/store.js';
import { HashEmbedder, corpusCopy, tempDir } from '../helpers.js';

const fail = (code: string) => Object.assign(new Error(`${code}: simulated, write`), { code });

/** File operations that fail like a full disk (writes) or a read-only file system (creating the build folder). */
const DISKS: Record<string, StoreIo> = {
  ENOSPC: { mkdir: async () => undefined, writeFile: async () => Promise.reject(fail('ENOSPC')) },
  EROFS: { mkdir: async () => Promise.reject(fail('EROFS')), writeFile: async () => Promise.reject(fail('EROFS')) },
  EACCES: { mkdir: async () => Promise.reject(fail('EACCES')), writeFile: async () => Promise.reject(fail('EACCES')) },
};

async function indexed() {
  const config = loadConfig({ CORPUS_DIR: corpusCopy(), DATA_DIR: tempDir('data-'), HNSW_EF_CONSTRUCTION: '100', HNSW_EF_SEARCH: '50' });
  const embedder = new HashEmbedder();
  await (await Runtime.create(config, createLogger('silent'), embedder)).open();
  return { config, embedder, builds: readdirSync(config.indexDir).sort() };
}

describe('a disk that refuses the new index', () => {
  for (const [code, io] of Object.entries(DISKS)) {
    it(`keeps answering from the previous index at start-up when the corpus changed (${code}), with one warning naming the path`, async () => {
      const { config, embedder, builds } = await indexed();
      writeFileSync(join(config.corpusDir, 'sre.md'), '# Site Reliability Engineer\n\nKeeps production healthy.\n');
      const lines: string[] = [];
      const runtime = await Runtime.create(config, createLogger('info', { write: (l) => lines.push(l) }), embedder, { io });
      const opened = await runtime.open();
      expect(opened).toEqual({ stale: true });
      const warnings = lines.filter((l) => / WARN /.test(l));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`Cannot write the index to ${config.indexDir}/build-`);
      expect(warnings[0]).toContain(code);
      expect(warnings[0]).toMatch(/Answering from the previous index \(built .*\) meanwhile\.$/);
      expect(lines.join('\n')).not.toMatch(/\n\s+at /);
      const answer = await runtime.advisor().ask('How much do machine learning engineers make?');
      expect(answer.answered).toBe(true);
      expect(readdirSync(config.indexDir).sort()).toEqual(builds);
    });
  }

  it('keeps answering from the previous index when the corpus folder was emptied, and says so once', async () => {
    const { config, embedder } = await indexed();
    for (const f of readdirSync(config.corpusDir)) rmSync(join(config.corpusDir, f));
    const lines: string[] = [];
    const runtime = await Runtime.create(config, createLogger('info', { write: (l) => lines.push(l) }), embedder);
    expect(await runtime.open()).toEqual({ stale: true });
    const warnings = lines.filter((l) => / WARN /.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/No readable documents in .* \(add \.md, \.txt or \.html files\)\. Answering from the previous index/);
    expect((await runtime.advisor().ask('How much do machine learning engineers make?')).answered).toBe(true);
    await expect(runtime.rebuild()).rejects.toMatchObject({ code: 'CORPUS_EMPTY' });
  });

  it('fails a re-index with one INDEX_UNWRITABLE error and keeps the current index answering', async () => {
    const { config, embedder, builds } = await indexed();
    const runtime = await Runtime.create(config, createLogger('silent'), embedder, { io: DISKS.ENOSPC });
    await runtime.open();
    await expect(runtime.rebuild()).rejects.toMatchObject({ code: 'INDEX_UNWRITABLE', message: expect.stringMatching(/the disk is full, ENOSPC/) });
    expect((await runtime.advisor().ask('What skills do I need to become an ML engineer?')).answered).toBe(true);
    expect(readdirSync(config.indexDir).sort()).toEqual(builds);
    await expect(runtime.rebuild()).rejects.toMatchObject({ code: 'INDEX_UNWRITABLE' });
  });

  it('names the path in one line when there is no previous index and the index folder cannot be created', async () => {
    const data = tempDir('data-');
    writeFileSync(join(data, 'index'), 'a file where the index folder should be');
    const config = loadConfig({ CORPUS_DIR: corpusCopy(), DATA_DIR: data, RETRIEVAL_MODE: 'lexical' });
    const runtime = await Runtime.create(config, createLogger('silent'), null);
    await expect(runtime.open()).rejects.toMatchObject({ code: 'INDEX_UNWRITABLE', message: expect.stringContaining(join(data, 'index')) });
  });
});

describe('the message for an index that cannot be written', () => {
  it('says the reason in words once and only the fix that applies', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(unwritable('/srv/data/index', err('ENOTDIR'))?.message).toBe(
      'Cannot write the index to /srv/data/index (a file stands where a folder should be, ENOTDIR); fix DATA_DIR, then re-index.',
    );
    expect(unwritable('/srv/data/index', err('ENOSPC'))?.message).toBe(
      'Cannot write the index to /srv/data/index (the disk is full, ENOSPC); free space or point DATA_DIR elsewhere, then re-index.',
    );
  });
});
