// App build worker (I/O: runs inside a worker thread; loads the model, reads the corpus, writes the index): the
// thread side of build-thread.ts. It builds and writes under the lock its runtime holds, and never swaps anything.
import { parentPort, workerData } from 'node:worker_threads';
import { operatorError } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import { buildIndex } from '../index/pipeline.js';
import type { BuildRequest, WorkerMessage } from './build-thread.js';
import { settingRefs } from './config.js';

const port = parentPort;
const post = (m: WorkerMessage) => port?.postMessage(m);

/** Field values that survive postMessage as the main logger would print them (errors as their message). */
function plain(fields?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? v.message : v]));
}

const relay =
  (level: keyof Logger) =>
  (message: string, fields?: Record<string, unknown>): void =>
    post({ type: 'log', level, message, fields: plain(fields) });
const log: Logger = { debug: relay('debug'), info: relay('info'), warn: relay('warn'), error: relay('error') };

async function run({ config, embed }: BuildRequest): Promise<void> {
  try {
    // Loaded only when needed: transformers.js and onnxruntime take a second to import.
    const embedder = embed ? await (await import('../embed/transformers.js')).loadTransformersEmbedder(config.embedding) : null;
    const { index: _, ...summary } = await buildIndex({
      corpusDir: config.corpusDir,
      indexDir: config.indexDir,
      maxFileBytes: config.corpusMaxFileBytes,
      embedder,
      hnsw: config.hnsw,
      log,
      locked: true,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    post({ type: 'done', summary });
  } catch (error) {
    // Phrased here, where the cause (ENOENT, ENOSPC…) is still attached: only the message crosses the thread.
    const e = operatorError(error, settingRefs(config));
    post({ type: 'error', code: e.code, message: e.message, stack: e.cause instanceof Error ? e.cause.stack : e.stack });
  }
}

if (port) await run(workerData as BuildRequest);
