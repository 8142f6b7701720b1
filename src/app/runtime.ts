// App runtime (I/O: loads the model, reads, builds and swaps the index): the one owner of the current index.
// The bot, the CLI, /reindex and sharded mode all go through it; nothing else builds or swaps an index. Builds run
// in a worker thread (build-thread.ts) and hold the index lock, so one process at a time writes the index.
import { AppError, toAppError } from '../domain/errors.js';
import type { Embedder } from '../embed/embedder.js';
import { loadTransformersEmbedder } from '../embed/transformers.js';
import { acquireIndexLock } from '../index/index-lock.js';
import { type BuildOptions, type BuildSummary, buildIndex } from '../index/pipeline.js';
import { type IndexData, type StoreIo, currentBuild, readIndex, removeStaleBuilds } from '../index/store.js';
import { corpusHash } from '../ingest/load.js';
import { Advisor } from '../query/advisor.js';
import { buildInWorker } from './build-thread.js';
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

export interface RuntimeOptions {
  /**
   * Where builds run: a worker thread (the default when the runtime loads its own model, so the event loop stays
   * free), or this thread (the default for an injected embedder, which cannot be handed to another thread).
   */
  builder?: 'worker' | 'inline';
  /** File operations for inline builds; tests pass failing ones to play a full or read-only disk. */
  io?: StoreIo;
}

/** Owns the embedder and the current index; answers come from `advisor()` until a new index is swapped in. */
export class Runtime {
  private current: Advisor | null = null;
  private running: Promise<SwapResult> | null = null;

  private constructor(
    readonly config: Config,
    readonly log: Logger,
    readonly embedder: Embedder | null,
    private readonly options: Required<Pick<RuntimeOptions, 'builder'>> & RuntimeOptions,
    /** Why dense retrieval is off, when the model could not be loaded. */
    readonly degraded?: string,
  ) {}

  /** Loads the embedding model unless retrieval is lexical; a model that cannot be loaded degrades to BM25 with one warning. */
  static async create(config: Config, log: Logger, embedder?: Embedder | null, options: RuntimeOptions = {}): Promise<Runtime> {
    const opts = { ...options, builder: options.builder ?? (embedder === undefined ? 'worker' : 'inline') } as const;
    if (embedder !== undefined || config.retrievalMode === 'lexical') return new Runtime(config, log, embedder ?? null, opts);
    try {
      const loaded = await loadTransformersEmbedder(config.embedding);
      log.debug('Embedding model loaded', { model: loaded.modelId, dim: loaded.dim });
      return new Runtime(config, log, loaded, opts);
    } catch (error) {
      const e = toAppError(error);
      if (e.code !== 'MODEL_UNAVAILABLE') throw e;
      log.warn(`${e.message} Answering with keyword (BM25) search only until then.`);
      return new Runtime(config, log, null, opts, e.message);
    }
  }

  /** The advisor over the current index; INDEX_MISSING before `open`. */
  advisor(): Advisor {
    if (!this.current) throw new AppError('INDEX_MISSING', 'The index is not open yet.');
    return this.current;
  }

  /**
   * Opens the current index, rebuilding it when it is missing, stale (corpus or model changed) or damaged.
   * `readOnly` (shards) only reads what another process built. When a rebuild cannot be written (disk full,
   * read-only), a stale but intact index keeps answering, with one warning naming the path.
   */
  async open(
    options: { readOnly?: boolean; onProgress?: BuildOptions['onProgress'] } = {},
  ): Promise<{ rebuilt?: RebuildReason; summary?: BuildSummary; stale?: boolean }> {
    if (options.readOnly) {
      this.swap(await this.read());
      return {};
    }
    await this.removeUnfinishedBuilds();
    let reason: RebuildReason | undefined;
    let index: IndexData | undefined;
    try {
      index = await this.read();
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'INDEX_MISSING' && error.code !== 'INDEX_CORRUPT')) throw error;
      reason = error.code === 'INDEX_MISSING' ? 'missing' : 'corrupt';
      if (reason === 'corrupt') this.log.warn(`${error.message} Rebuilding it from the corpus.`);
    }
    if (index) {
      reason = (await this.staleness(index)) ?? undefined;
      if (!reason) {
        this.swap(index);
        return {};
      }
    }
    this.log.info('Building the index', { reason });
    try {
      const summary = await this.build(options.onProgress, true);
      return summary ? { rebuilt: reason, summary } : {};
    } catch (error) {
      // An emptied corpus folder (a mistake, or files being moved) does not take answers away from users.
      if (!index || !(error instanceof AppError) || (error.code !== 'INDEX_UNWRITABLE' && error.code !== 'CORPUS_EMPTY')) throw error;
      this.log.warn(`${error.message} Answering from the previous index (built ${index.manifest.builtAt}) meanwhile.`);
      this.swap(index);
      return { stale: true };
    }
  }

  /** Rebuilds the index from the corpus and swaps it in; BUSY while another rebuild or reload runs. */
  rebuild(onProgress?: BuildOptions['onProgress']): Promise<SwapResult> {
    return this.exclusive(async () => {
      const s = await this.build(onProgress, false);
      if (!s) throw new AppError('INTERNAL', 'The rebuild finished without an index.');
      return { docs: s.docs, chunks: s.chunks, added: s.added, removed: s.removed, skipped: s.skipped, ms: 0, summary: s };
    });
  }

  /** Re-reads the index another process built (sharded mode) and swaps it in. */
  reload(): Promise<SwapResult> {
    return this.exclusive(async () => {
      const index = await this.read();
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

  /** Why a stored index no longer matches the corpus or the model, or null when it is current. */
  private async staleness(index: IndexData): Promise<RebuildReason | null> {
    const hash = await corpusHash(this.config.corpusDir, { maxFileBytes: this.config.corpusMaxFileBytes });
    if (hash !== index.manifest.corpusHash) return 'corpus changed';
    const model = this.embedder?.modelId ?? null;
    if (model && model !== index.manifest.model) return 'model changed';
    return null;
  }

  /**
   * Builds and swaps under the index lock. With `recheck` (start-up), an index another process finished while this
   * one waited for the lock is used as it is, and null is returned.
   */
  private async build(onProgress: BuildOptions['onProgress'], recheck: boolean): Promise<BuildSummary | null> {
    const { indexDir } = this.config;
    const lock = await acquireIndexLock(indexDir, {
      onWait: (owner) => this.log.info(`Waiting for another ingest${owner ? ` (pid ${owner.pid})` : ''} to finish writing ${indexDir}`),
    });
    try {
      if (recheck) {
        const fresh = await this.read().catch(() => null);
        if (fresh && !(await this.staleness(fresh))) {
          this.swap(fresh);
          return null;
        }
      }
      if (this.options.builder === 'inline') {
        const summary = await buildIndex({ ...this.buildOptions(onProgress), locked: true });
        this.swap(summary.index);
        return summary;
      }
      const summary = await buildInWorker({ config: this.config, embed: this.embedder !== null }, this.log, onProgress);
      const index = await this.read();
      this.swap(index);
      return { ...summary, index };
    } finally {
      await lock.release();
    }
  }

  /** Removes builds a killed ingest left half-written, when no other ingest is running (else that one cleans up). */
  private async removeUnfinishedBuilds(): Promise<void> {
    const lock = await acquireIndexLock(this.config.indexDir, { waitMs: 0 }).catch(() => null);
    if (!lock) return;
    try {
      const current = await currentBuild(this.config.indexDir).catch(() => null);
      const removed = await removeStaleBuilds(this.config.indexDir, [current]);
      if (removed.length) this.log.info('Removed unfinished builds', { count: removed.length });
    } finally {
      await lock.release();
    }
  }

  /** Reads the current index, without the HNSW graph when there is no model to embed questions for it. */
  private read(): Promise<IndexData> {
    return readIndex(this.config.indexDir, this.config.hnsw.efSearch, { dense: this.embedder !== null });
  }

  private swap(index: IndexData): void {
    this.current = new Advisor(index, this.embedder, this.config.retrievalMode, this.degraded);
  }

  private buildOptions(onProgress?: BuildOptions['onProgress']): BuildOptions {
    return {
      corpusDir: this.config.corpusDir,
      indexDir: this.config.indexDir,
      maxFileBytes: this.config.corpusMaxFileBytes,
      embedder: this.embedder,
      hnsw: this.config.hnsw,
      log: this.log,
      ...(this.options.io ? { io: this.options.io } : {}),
      ...(onProgress ? { onProgress } : {}),
    };
  }
}
