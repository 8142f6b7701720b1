// Start-up (I/O through store and build): loads the current index, rebuilding it when it is missing,
// stale (corpus or model changed) or damaged. A damaged index is reported in one line, never a stack trace.
import { AppError } from '../domain/errors.js';
import type { IndexData } from '../index/store.js';
import { readIndex } from '../index/store.js';
import { type BuildOptions, type BuildSummary, buildIndex } from '../index/pipeline.js';
import { loadCorpus } from '../ingest/load.js';

export interface Opened {
  index: IndexData;
  /** Why the index was rebuilt, when it was. */
  rebuilt?: 'missing' | 'corrupt' | 'corpus changed' | 'model changed';
  summary?: BuildSummary;
}

/** Returns a ready index for the current corpus and model, building only what is needed. */
export async function ensureIndex(options: BuildOptions): Promise<Opened> {
  const { log } = options;
  let reason: Opened['rebuilt'];
  let index: IndexData | undefined;
  try {
    index = await readIndex(options.indexDir, options.hnsw.efSearch);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'INDEX_MISSING' && error.code !== 'INDEX_CORRUPT')) throw error;
    reason = error.code === 'INDEX_MISSING' ? 'missing' : 'corrupt';
    if (reason === 'corrupt') log.warn(`${error.message} Rebuilding it from the corpus.`);
  }
  if (index) {
    const corpus = await loadCorpus(options.corpusDir);
    const model = options.embedder?.modelId ?? null;
    if (corpus.hash !== index.manifest.corpusHash) reason = 'corpus changed';
    else if (model && model !== index.manifest.model) reason = 'model changed';
    if (!reason) return { index };
  }
  log.info('Building the index', { reason });
  const summary = await buildIndex(options);
  return { index: summary.index, rebuilt: reason, summary };
}
