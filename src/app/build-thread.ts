// App build thread (I/O: starts a worker thread): runs an index build off the event loop, so the bot keeps
// acknowledging interactions while documents are parsed, chunked, embedded and written. The worker only builds and
// writes; the runtime then reads the new index from disk and swaps it in.
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../domain/errors.js';
import type { Logger } from '../domain/logger.js';
import type { BuildSummary } from '../index/pipeline.js';
import type { Config } from './config.js';

/** What the worker is given: the runtime's own settings, and whether to load the embedding model. */
export interface BuildRequest {
  config: Config;
  /** False when the runtime answers without a model (lexical mode, or the model could not be loaded). */
  embed: boolean;
}

/** A build's summary without the in-memory index, which stays in the worker (the runtime reads it from disk). */
export type WorkerSummary = Omit<BuildSummary, 'index'>;

export type WorkerMessage =
  | { type: 'log'; level: keyof Logger; message: string; fields?: Record<string, unknown> }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: WorkerSummary }
  | { type: 'error'; code: ErrorCode; message: string; stack?: string };

/**
 * The worker entry beside this file, by this file's own extension: `.ts` under tsx and vitest, `.js` once compiled.
 * A `.ts` entry gets tsx's loader registered inside the worker first, because loader hooks are per thread.
 */
function startWorker(request: BuildRequest): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./build-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(entry, { workerData: request });
  // tsx's `--import` loader skips worker threads on Node 20; its API registers explicitly (the `import` target of tsx/esm/api).
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: request });
}

/** Builds the index in a worker thread; logs and progress are relayed, errors come back as the same AppError codes. */
export function buildInWorker(request: BuildRequest, log: Logger, onProgress?: (done: number, total: number) => void): Promise<WorkerSummary> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'log') log[m.level](m.message, m.fields);
      else if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.summary));
      else {
        const cause = new Error(m.message);
        if (m.stack) cause.stack = m.stack;
        settle(() => reject(new AppError(m.code, m.message, { cause })));
      }
    });
    worker.on('error', (error) => settle(() => reject(new AppError('INTERNAL', `The index build thread failed: ${error.message}`, { cause: error }))));
    worker.on('exit', (code) => settle(() => reject(new AppError('INTERNAL', `The index build thread stopped (exit code ${code}) before finishing.`))));
  });
}
