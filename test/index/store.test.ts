import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import type { Logger } from '../../src/app/log.js';
import { createLogger, silentLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import { buildIndex } from '../../src/index/pipeline.js';
import { readIndex } from '../../src/index/store.js';
import { HashEmbedder, corpusCopy, tempDir } from '../helpers.js';

const hnsw = { m: 16, efConstruction: 100, efSearch: 50 };

/** Opens the index the way every surface does: through the runtime. */
async function ensureIndex(o: { corpusDir: string; indexDir: string; embedder: HashEmbedder | null; log: Logger }) {
  const config = { ...loadConfig({ CORPUS_DIR: o.corpusDir, DATA_DIR: tempDir() }), indexDir: o.indexDir, hnsw };
  const runtime = await Runtime.create(config, o.log, o.embedder);
  const opened = await runtime.open();
  return { ...opened, index: runtime.advisor().index };
}

async function fresh(embedder: HashEmbedder | null = new HashEmbedder()) {
  const corpusDir = corpusCopy();
  const indexDir = join(tempDir(), 'index');
  const summary = await buildIndex({ corpusDir, indexDir, embedder, hnsw, log: silentLogger });
  return { corpusDir, indexDir, summary, embedder };
}

describe('the index store', () => {
  it('persists and reloads the same chunks, vectors and manifest', async () => {
    const { indexDir, summary } = await fresh();
    const loaded = await readIndex(indexDir, 50, { vectors: true });
    expect(loaded.manifest).toMatchObject({ model: 'test/hash-64', dim: 64, chunkCount: summary.chunks, docCount: 5 });
    expect(loaded.chunks.map((c) => c.id)).toEqual(summary.index.chunks.map((c) => c.id));
    expect(Array.from(loaded.vectors![3]!)).toEqual(Array.from(summary.index.vectors![3]!));
    expect(loaded.dense!.search(loaded.vectors![3]!, 1)[0]!.id).toBe(3);
    expect(loaded.bm25.size).toBe(summary.chunks);
  });

  it('reads the vectors only when asked (re-ingest), and the HNSW graph unless told lexical retrieval needs none', async () => {
    const { indexDir, summary } = await fresh();
    const served = await readIndex(indexDir, 50);
    expect(served.vectors).toBeNull();
    expect(served.dense!.size).toBe(summary.chunks);
    const lexical = await readIndex(indexDir, 50, { dense: false });
    expect(lexical.vectors).toBeNull();
    expect(lexical.dense).toBeNull();
    expect(lexical.chunks.map((c) => c.id)).toEqual(summary.index.chunks.map((c) => c.id));
  });

  it('re-embeds nothing when the corpus is unchanged, and only new chunks after an edit', async () => {
    const { corpusDir, indexDir, embedder } = await fresh();
    const again = await buildIndex({ corpusDir, indexDir, embedder, hnsw, log: silentLogger });
    expect(again.embedded).toBe(0);
    expect(again.reused).toBe(again.chunks);
    writeFileSync(join(corpusDir, 'sre.md'), '# Site Reliability Engineer\n\n## Skills\n- Incident response\n- Observability\n');
    const edited = await buildIndex({ corpusDir, indexDir, embedder, hnsw, log: silentLogger });
    expect(edited.embedded).toBe(1);
    expect(edited.added).toBe(1);
    expect(edited.removed).toBe(0);
  });

  it('rebuilds a stale index on start when the corpus changed', async () => {
    const { corpusDir, indexDir, embedder } = await fresh();
    writeFileSync(join(corpusDir, 'sre.md'), '# Site Reliability Engineer\n\nKeeps production healthy.\n');
    const opened = await ensureIndex({ corpusDir, indexDir, embedder, log: silentLogger });
    expect(opened.rebuilt).toBe('corpus changed');
    expect(opened.index.docs.map((d) => d.title)).toContain('Site Reliability Engineer');
    const reopened = await ensureIndex({ corpusDir, indexDir, embedder, log: silentLogger });
    expect(reopened.rebuilt).toBeUndefined();
  });

  it('rebuilds when the embedding model changed', async () => {
    const { corpusDir, indexDir } = await fresh();
    const other = new HashEmbedder('test/other-model');
    const opened = await ensureIndex({ corpusDir, indexDir, embedder: other, log: silentLogger });
    expect(opened.rebuilt).toBe('model changed');
    expect(opened.index.manifest.model).toBe('test/other-model');
  });

  it('recovers from a corrupt index with one clear warning instead of a stack trace', async () => {
    const { corpusDir, indexDir, embedder } = await fresh();
    const current = readFileSync(join(indexDir, 'CURRENT'), 'utf8');
    writeFileSync(join(indexDir, current, 'vectors.f32'), 'garbage');
    await expect(readIndex(indexDir, 50)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const lines: string[] = [];
    const log = createLogger('info', { write: (l) => lines.push(l) });
    const opened = await ensureIndex({ corpusDir, indexDir, embedder, log });
    expect(opened.rebuilt).toBe('corrupt');
    expect(lines.some((l) => /WARN .*damaged.*Rebuilding/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('keeps serving the previous index when a build fails half-way', async () => {
    const { corpusDir, indexDir, summary } = await fresh();
    const failing = new HashEmbedder();
    failing.embed = async () => {
      throw new Error('disk full');
    };
    writeFileSync(join(corpusDir, 'extra.md'), '# Extra Role Engineer\n\nText.\n');
    await expect(buildIndex({ corpusDir, indexDir, embedder: failing, hnsw, log: silentLogger })).rejects.toThrow('disk full');
    const still = await readIndex(indexDir, 50);
    expect(still.manifest.chunkCount).toBe(summary.chunks);
  });

  it('builds a lexical-only index when no model is available', async () => {
    const { indexDir } = await fresh(null);
    const loaded = await readIndex(indexDir, 50);
    expect(loaded.manifest.model).toBeNull();
    expect(loaded.dense).toBeNull();
  });
});
