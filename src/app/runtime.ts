// App runtime (I/O: loads the model, reads, builds and swaps the index): the one owner of the current index.
// The bot, the CLI, /reindex and sharded mode all go through it; nothing else builds or swaps an index.
import { AppError, toAppError } from '../domain/errors.js';
import type { Embedder } from '../embed/embedder.js';
import { loadTransformersEmbedder } from '../embed/transformers.js';
import { type BuildOptions, type BuildSummary, buildIndex } from '../index/pipeline.js';
import { type IndexData, readIndex } from '../index/store.js';
import { loadCorpus } from '../ingest/load.js';
import { Advisor } from '../query/advisor.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/** Why the index was (re)built when it was opened. */
export type RebuildReason = 'missing' | 'corrupt' | 'corpus changed' | 'model changed';

/** What a rebuild or reload changed, for operators. */
export interface SwapResult {
  docs: number;
  chunks: number;
  added: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  ms: number;
  summary?: BuildSummary;
}

/** Owns the embedder and the current index; answers come from `advisor()` until a new index is swapped in. */
export class Runtime {
  private current: Advisor | null = null;
  private running: Promise<SwapResult> | null = null;

  private constructor(
    readonly config: Config,
    readonly log: Logger,
    readonly embedder: Embedder | null,
    /** Why dense retrieval is off, when the model could not be loaded. */
    readonly degraded?: string,
  ) {}

  /** Loads the embedding model unless retrieval is lexical; a model that cannot be loaded degrades to BM25 with one warning. */
  static async create(config: Config, log: Logger, embedder?: Embedder | null): Promise<Runtime> {
    if (embedder !== undefined || config.retrievalMode === 'lexical') return new Runtime(config, log, embedder ?? null);
    try {
      const loaded = await loadTransformersEmbedder(config.embedding);
      log.debug('Embedding model loaded', { model: loaded.modelId, dim: loaded.dim });
      return new Runtime(config, log, loaded);
    } catch (error) {
      const e = toAppError(error);
      if (e.code !== 'MODEL_UNAVAILABLE') throw e;
      log.warn(`${e.message} Answering with keyword (BM25) search only until then.`);
      return new Runtime(config, log, null, e.message);
    }
  }

  /** The advisor over the current index; INDEX_MISSING before `open`. */
  advisor(): Advisor {
    if (!this.current) throw new AppError('INDEX_MISSING', 'The index is not open yet.');
    return this.current;
  }

  /**
   * Opens the current index, rebuilding it when it is missing, stale (corpus or model changed) or damaged.
   * `readOnly` (shards) only reads what another process built.
   */
  async open(options: { readOnly?: boolean; onProgress?: BuildOptions['onProgress'] } = {}): Promise<{ rebuilt?: RebuildReason; summary?: BuildSummary }> {
    if (options.readOnly) {
      this.swap(await readIndex(this.config.indexDir, this.config.hnsw.efSearch));
      return {};
    }
    let reason: RebuildReason | undefined;
    let index: IndexData | undefined;
    try {
      index = await readIndex(this.config.indexDir, this.config.hnsw.efSearch);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'INDEX_MISSING' && error.code !== 'INDEX_CORRUPT')) throw error;
      reason = error.code === 'INDEX_MISSING' ? 'missing' : 'corrupt';
      if (reason === 'corrupt') this.log.warn(`${error.message} Rebuilding it from the corpus.`);
    }
    const corpus = await loadCorpus(this.config.corpusDir);
    if (index) {
      const model = this.embedder?.modelId ?? null;
      if (corpus.hash !== index.manifest.corpusHash) reason = 'corpus changed';
      else if (model && model !== index.manifest.model) reason = 'model changed';
      if (!reason) {
        this.swap(index);
        return {};
      }
    }
    this.log.info('Building the index', { reason });
    const summary = await buildIndex(this.buildOptions(options.onProgress), corpus);
    this.swap(summary.index);
    return { rebuilt: reason, summary };
  }

  /** Rebuilds the index from the corpus and swaps it in; BUSY while another rebuild or reload runs. */
  rebuild(onProgress?: BuildOptions['onProgress']): Promise<SwapResult> {
    return this.exclusive(async () => {
      const s = await buildIndex(this.buildOptions(onProgress));
      this.swap(s.index);
      return { docs: s.docs, chunks: s.chunks, added: s.added, removed: s.removed, skipped: s.skipped, ms: 0, summary: s };
    });
  }

  /** Re-reads the index another process built (sharded mode) and swaps it in. */
  reload(): Promise<SwapResult> {
    return this.exclusive(async () => {
      const index = await readIndex(this.config.indexDir, this.config.hnsw.efSearch);
      this.swap(index);
      return { docs: index.manifest.docCount, chunks: index.manifest.chunkCount, added: 0, removed: 0, skipped: index.manifest.skipped, ms: 0 };
    });
  }

  private async exclusive(job: () => Promise<SwapResult>): Promise<SwapResult> {
    if (this.running) throw new AppError('BUSY', 'A re-index is already running; try again when it has finished.');
    const started = performance.now();
    this.running = job();
    try {
      return { ...(await this.running), ms: performance.now() - started };
    } finally {
      this.running = null;
    }
  }

  private swap(index: IndexData): void {
    this.current = new Advisor(index, this.embedder, this.config.retrievalMode, this.degraded);
  }

  private buildOptions(onProgress?: BuildOptions['onProgress']): BuildOptions {
    return {
      corpusDir: this.config.corpusDir,
      indexDir: this.config.indexDir,
      embedder: this.embedder,
      hnsw: this.config.hnsw,
      log: this.log,
      ...(onProgress ? { onProgress } : {}),
    };
  }
}
