import { mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import { SCHEMA_VERSION, checksum, readIndex } from '../../src/index/store.js';
import { HashEmbedder, corpusCopy, tempDir } from '../helpers.js';

/** A runtime over a fresh index (hash embedder, so every file exists), with its log lines. */
async function opened() {
  const config = loadConfig({ CORPUS_DIR: corpusCopy(), DATA_DIR: tempDir('data-'), HNSW_EF_CONSTRUCTION: '100', HNSW_EF_SEARCH: '50' });
  const embedder = new HashEmbedder();
  await (await Runtime.create(config, createLogger('silent'), embedder)).open();
  const build = readFileSync(join(config.indexDir, 'CURRENT'), 'utf8');
  return { config, embedder, dir: join(config.indexDir, build), build };
}

/** Opens again as a fresh process would, and reports what it did and logged. */
async function reopen(o: Awaited<ReturnType<typeof opened>>) {
  const lines: string[] = [];
  const runtime = await Runtime.create(o.config, createLogger('info', { write: (l) => lines.push(l) }), o.embedder);
  const result = await runtime.open();
  const answer = await runtime.advisor().ask('How much do machine learning engineers make?');
  return { result, lines, answer };
}

function expectHealed(r: Awaited<ReturnType<typeof reopen>>, problem: RegExp) {
  expect(r.result.rebuilt).toBe('corrupt');
  const warnings = r.lines.filter((l) => / WARN /.test(l));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(problem);
  expect(warnings[0]).toMatch(/Rebuilding it from the corpus\.$/);
  expect(r.lines.join('\n')).not.toMatch(/\n\s+at |Error:/);
  expect(r.answer.answered).toBe(true);
}

/** Rewrites a manifest entry so the checksum matches the damaged file: only the shape check can catch it then. */
function resign(dir: string, file: string) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const bytes = readFileSync(join(dir, file));
  manifest.files[file] = { bytes: bytes.byteLength, xxh64: checksum(bytes) };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/** Files read at every start; vectors.f32 is read only by a re-ingest (below). */
const FILES = ['corpus.json', 'docs.bin', 'chunks.bin', 'lexical.bin', 'hnsw.bin'];

describe('a damaged index heals itself', () => {
  for (const file of FILES) {
    it(`rebuilds when ${file} has wrong bytes (same size), with one warning and no stack`, async () => {
      const o = await opened();
      const bytes = readFileSync(join(o.dir, file));
      bytes.fill(0x5a, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 16);
      writeFileSync(join(o.dir, file), bytes);
      await expect(readIndex(o.config.indexDir, 50)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
      expectHealed(await reopen(o), new RegExp(`${file.replace('.', '\\.')} does not match its checksum`));
    });
  }

  for (const file of [...FILES, 'vectors.f32']) {
    it(`rebuilds when ${file} is deleted or cut short`, async () => {
      for (const hurt of [rmSync, (p: string) => writeFileSync(p, readFileSync(p).subarray(1))]) {
        const o = await opened();
        hurt(join(o.dir, file));
        expectHealed(await reopen(o), new RegExp(`${file.replace('.', '\\.')} (is missing|has \\d+ bytes)`));
      }
    });
  }

  it('re-embeds every chunk when vectors.f32 has wrong bytes (same size), found by the next ingest, which alone reads them', async () => {
    const o = await opened();
    const bytes = readFileSync(join(o.dir, 'vectors.f32'));
    bytes.fill(0x5a, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 16);
    writeFileSync(join(o.dir, 'vectors.f32'), bytes);
    const r = await reopen(o);
    expect(r.result.rebuilt).toBeUndefined();
    expect(r.answer.answered).toBe(true);
    const lines: string[] = [];
    const runtime = await Runtime.create(o.config, createLogger('info', { write: (l) => lines.push(l) }), o.embedder);
    const { summary } = await runtime.rebuild();
    expect(summary?.reused).toBe(0);
    expect(summary?.embedded).toBe(summary?.chunks);
    expect(lines.join('\n')).toMatch(/Not reusing the previous index: .*vectors\.f32 does not match its checksum/);
    expect((await readIndex(o.config.indexDir, 50, { vectors: true })).vectors).toHaveLength(summary?.chunks ?? -1);
  });

  it('rebuilds when corpus.json is valid JSON of the wrong shape, even with a matching checksum', async () => {
    const o = await opened();
    writeFileSync(join(o.dir, 'corpus.json'), JSON.stringify({ hello: 'world' }));
    resign(o.dir, 'corpus.json');
    expectHealed(await reopen(o), /damaged/);
  });

  for (const file of ['docs.bin', 'chunks.bin', 'lexical.bin']) {
    it(`rebuilds when ${file} holds bytes of the wrong layout, even with a matching checksum`, async () => {
      const o = await opened();
      writeFileSync(join(o.dir, file), Buffer.from('not the binary layout this version writes'));
      resign(o.dir, file);
      expectHealed(await reopen(o), /damaged/);
    });
  }

  it('rebuilds when the knowledge key is removed from corpus.json, with and without a matching checksum', async () => {
    for (const signed of [false, true]) {
      const o = await opened();
      const { knowledge: _, ...corpus } = JSON.parse(readFileSync(join(o.dir, 'corpus.json'), 'utf8'));
      writeFileSync(join(o.dir, 'corpus.json'), JSON.stringify(corpus));
      if (signed) resign(o.dir, 'corpus.json');
      expectHealed(await reopen(o), signed ? /corpus\.json: knowledge Required/ : /checksum|bytes/);
    }
  });

  it('rebuilds when the documents in corpus.json are replaced by {}, with and without a matching checksum', async () => {
    for (const signed of [false, true]) {
      const o = await opened();
      const corpus = JSON.parse(readFileSync(join(o.dir, 'corpus.json'), 'utf8'));
      corpus.docs = {};
      writeFileSync(join(o.dir, 'corpus.json'), JSON.stringify(corpus));
      if (signed) resign(o.dir, 'corpus.json');
      expectHealed(await reopen(o), signed ? /corpus\.json: docs Expected array/ : /checksum|bytes/);
    }
  });

  it('rebuilds when the manifest has the wrong shape, wrong bytes, or is deleted', async () => {
    const damage: Record<string, (path: string) => void> = {
      shape: (p) => writeFileSync(p, JSON.stringify({ schema: SCHEMA_VERSION, files: 'none' })),
      bytes: (p) => writeFileSync(p, Buffer.from([0x7b, 0xff, 0x00, 0x22])),
      deleted: (p) => rmSync(p),
    };
    for (const hurt of Object.values(damage)) {
      const o = await opened();
      hurt(join(o.dir, 'manifest.json'));
      expectHealed(await reopen(o), /damaged/);
    }
  });

  it('rejects a CURRENT pointer that leaves the data directory, and rebuilds', async () => {
    const outside = tempDir('outside-');
    for (const pointer of ['../../..', outside, 'build-x/../../..', 'corpus.json', '']) {
      const o = await opened();
      writeFileSync(join(o.config.indexDir, 'CURRENT'), pointer);
      await expect(readIndex(o.config.indexDir, 50)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/not a build folder/) });
      const r = await reopen(o);
      expect(r.result.rebuilt).toBe('corrupt');
      expect(r.answer.answered).toBe(true);
      expect(readFileSync(join(o.config.indexDir, 'CURRENT'), 'utf8')).toMatch(/^build-[a-z0-9]+-\d+$/);
    }
  });

  it('rejects a build folder that is a link to somewhere else', async () => {
    const o = await opened();
    const elsewhere = tempDir('elsewhere-');
    symlinkSync(elsewhere, join(o.config.indexDir, 'build-abc-1'));
    writeFileSync(join(o.config.indexDir, 'CURRENT'), 'build-abc-1');
    await expect(readIndex(o.config.indexDir, 50)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringMatching(/not a folder/) });
    expectHealed(await reopen(o), /not a folder/);
  });

  it('removes build folders and temporary files a killed ingest left behind, at the next start', async () => {
    const o = await opened();
    const partial = join(o.config.indexDir, 'build-zz0000-99999');
    writeFileSync(join(o.config.indexDir, 'CURRENT.99999.1.tmp'), 'build-zz0000-99999');
    mkdirSync(partial);
    writeFileSync(join(partial, 'corpus.json'), '{"docs":[');
    const r = await reopen(o);
    expect(r.result.rebuilt).toBeUndefined();
    expect(readdirSync(o.config.indexDir).sort()).toEqual(['CURRENT', o.build]);
  });
});
