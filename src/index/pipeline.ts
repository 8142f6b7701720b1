// Index stage "pipeline" (I/O through load, embed and store): corpus -> docs -> chunks -> vectors -> indexes on
// disk. Vectors of unchanged chunks are reused from the previous index, so re-ingesting re-embeds nothing.
import { createHash } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import type { Embedder } from '../embed/embedder.js';
import { chunkDocs } from '../ingest/chunk.js';
import { buildKnowledge } from '../ingest/knowledge/index.js';
import { type LoadedCorpus, loadCorpus } from '../ingest/load.js';
import { Bm25Index } from './bm25.js';
import { HnswIndex, type HnswParams } from './hnsw.js';
import { acquireIndexLock } from './index-lock.js';
import { type IndexData, SCHEMA_VERSION, type StoreIo, currentBuild, readIndex, removeStaleBuilds, writeIndex } from './store.js';

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder | null;
  hnsw: HnswParams;
  log: Logger;
  /** Called as chunks are embedded: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Corpus files larger than this are skipped by name (CORPUS_MAX_FILE_MB). */
  maxFileBytes?: number;
  /** True when the caller already holds the index lock (the runtime does); otherwise the build takes it. */
  locked?: boolean;
  /** File operations for writing the build (tests pass failing ones). */
  io?: StoreIo;
}

export interface BuildSummary {
  docs: number;
  chunks: number;
  embedded: number;
  reused: number;
  added: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  model: string | null;
  ms: { parse: number; embed: number; write: number; total: number };
  index: IndexData;
}

const textKey = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The previous index with its vectors (checked here, since serving never reads them) but not its HNSW graph, for
 * reusing vectors; a missing or damaged one is not reused, and every chunk is embedded again.
 */
async function previousIndex(options: BuildOptions): Promise<IndexData | null> {
  try {
    return await readIndex(options.indexDir, options.hnsw.efSearch, { vectors: !!options.embedder, dense: false });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'INDEX_MISSING' || error.code === 'INDEX_CORRUPT')) {
      if (error.code === 'INDEX_CORRUPT') options.log.info(`Not reusing the previous index: ${error.message}`);
      return null;
    }
    throw error;
  }
}

/**
 * Builds (or updates) the index from the corpus (read now unless given) and swaps it in atomically, holding the
 * index lock so that concurrent ingests take turns; partial builds left by a killed ingest are removed first.
 */
export async function buildIndex(options: BuildOptions, loaded?: LoadedCorpus): Promise<BuildSummary> {
  const lock = options.locked
    ? null
    : await acquireIndexLock(options.indexDir, {
        onWait: (owner) => options.log.info(`Waiting for another ingest${owner ? ` (pid ${owner.pid})` : ''} to finish writing ${options.indexDir}`),
      });
  try {
    const current = await currentBuild(options.indexDir).catch(() => null);
    const removed = await removeStaleBuilds(options.indexDir, [current]);
    if (removed.length) options.log.info('Removed unfinished or replaced builds', { count: removed.length });
    return await build(options, loaded);
  } finally {
    await lock?.release();
  }
}

async function build(options: BuildOptions, loaded?: LoadedCorpus): Promise<BuildSummary> {
  const { log, embedder } = options;
  const t0 = performance.now();
  const corpus = loaded ?? (await loadCorpus(options.corpusDir, { maxFileBytes: options.maxFileBytes }));
  for (const s of corpus.skipped) log.warn('Skipped a corpus file', { file: s.file, reason: s.reason });
  if (!corpus.docs.length) {
    throw new AppError('CORPUS_EMPTY', `No readable documents in ${options.corpusDir} (add .md, .txt or .html files).`);
  }
  const chunks = chunkDocs(corpus.docs);
  const knowledge = buildKnowledge(corpus.docs, corpus.aliases);
  const tParse = performance.now();

  const previous = await previousIndex(options);
  const previousIds = new Set(previous?.chunks.map((c) => c.id) ?? []);
  const reusable = new Map<string, Float32Array>();
  const prior = previous?.vectors;
  if (prior && embedder && previous.manifest.model === embedder.modelId) {
    previous.chunks.forEach((c, i) => {
      const v = prior[i];
      if (v) reusable.set(textKey(c.text), v);
    });
  }

  let vectors: Float32Array[] | null = null;
  let embedded = 0;
  if (embedder) {
    const filled = chunks.map((c) => {
      const hit = reusable.get(textKey(c.text));
      return hit && hit.length === embedder.dim ? hit : undefined;
    });
    const todo = filled.flatMap((v, i) => (v ? [] : [i]));
    const batch = 32;
    options.onProgress?.(0, todo.length);
    for (let s = 0; s < todo.length; s += batch) {
      const ids = todo.slice(s, s + batch);
      const out = await embedder.embed(ids.map((i) => chunks[i]?.text ?? ''));
      ids.forEach((i, k) => {
        filled[i] = out[k];
      });
      embedded += ids.length;
      options.onProgress?.(embedded, todo.length);
    }
    vectors = filled.map((v, i) => {
      if (!v) throw new Error(`the embedder returned no vector for chunk ${i}`);
      return v;
    });
  }
  const tEmbed = performance.now();

  const docsById = new Map(corpus.docs.map((d) => [d.id, d]));
  const index: IndexData = {
    manifest: {
      schema: SCHEMA_VERSION,
      model: embedder?.modelId ?? null,
      dim: embedder?.dim ?? 0,
      corpusHash: corpus.hash,
      chunkCount: chunks.length,
      docCount: corpus.docs.length,
      builtAt: new Date().toISOString(),
      buildMs: 0,
      hnsw: embedder ? options.hnsw : null,
      skipped: corpus.skipped,
      files: {},
    },
    docs: corpus.docs,
    chunks,
    vectors,
    dense: vectors && embedder ? HnswIndex.build(vectors, embedder.dim, options.hnsw) : null,
    bm25: Bm25Index.build(chunks, docsById),
    knowledge,
  };
  index.manifest.buildMs = Math.round(performance.now() - t0);
  await writeIndex(options.indexDir, index, { io: options.io });
  const tWrite = performance.now();

  const ids = new Set(chunks.map((c) => c.id));
  return {
    docs: corpus.docs.length,
    chunks: chunks.length,
    embedded,
    reused: embedder ? chunks.length - embedded : 0,
    added: chunks.filter((c) => !previousIds.has(c.id)).length,
    removed: [...previousIds].filter((id) => !ids.has(id)).length,
    skipped: corpus.skipped,
    model: embedder?.modelId ?? null,
    ms: { parse: tParse - t0, embed: tEmbed - tParse, write: tWrite - tEmbed, total: tWrite - t0 },
    index,
  };
}
