// Sharded re-index (I/O: IPC between discord.js's ShardingManager process and its shard processes): the manager
// is the only process that writes the index; a shard's /reindex asks it to rebuild, then every shard reloads.
import { randomBytes } from 'node:crypto';
import type { Shard, ShardingManager } from 'discord.js';
import type { Logger } from '../../app/log.js';
import type { SwapResult } from '../../app/runtime.js';
import { AppError, type ErrorCode, toAppError } from '../../domain/errors.js';

/** What a rebuild changed, as it crosses the process boundary (no index in it). */
export type RebuildReport = Omit<SwapResult, 'summary'>;

type Message =
  | { advisor: 'rebuild'; id: string }
  | { advisor: 'rebuilt'; id: string; report?: RebuildReport; error?: { code: ErrorCode; message: string } }
  | { advisor: 'reload' };

const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && typeof (m as { advisor?: unknown }).advisor === 'string';

/** Discord keeps an interaction's token for 15 minutes; a rebuild that takes longer reports in the log only. */
const REBUILD_TIMEOUT_MS = 14 * 60_000;

/** Whether this process is a shard under a ShardingManager (it has an IPC channel to its parent). */
export function hasManager(): boolean {
  return typeof process.send === 'function' && process.connected;
}

/** Runs `job` once at a time; a call while it runs schedules one more run after it, shared by every such caller. */
export function coalesce<T>(job: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const run = job().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    if (!next) {
      const after = running.then(
        () => undefined,
        () => undefined,
      );
      next = after.then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}

/** Shard side: asks the manager to rebuild the index from the corpus; resolves with what changed. */
export function requestRebuild(): Promise<RebuildReport> {
  const id = randomBytes(6).toString('hex');
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    const onMessage = (m: unknown) => {
      if (!isMessage(m) || m.advisor !== 'rebuilt' || m.id !== id) return;
      done();
      if (m.report) resolve(m.report);
      else reject(new AppError(m.error?.code ?? 'INTERNAL', m.error?.message ?? 'The re-index failed.'));
    };
    const timer = setTimeout(() => {
      done();
      reject(new AppError('BUSY', 'The re-index is taking long; its result will be in the log.'));
    }, REBUILD_TIMEOUT_MS);
    process.on('message', onMessage);
    process.send?.({ advisor: 'rebuild', id } satisfies Message);
  });
}

/** Shard side: calls `reload` whenever the manager says the index on disk changed. */
export function onReloadNotice(reload: () => void): void {
  process.on('message', (m: unknown) => {
    if (isMessage(m) && m.advisor === 'reload') reload();
  });
}

/**
 * Manager side: serves every shard's rebuild requests. One rebuild at a time (the runtime answers BUSY to a
 * second); after a rebuild every other shard is told to reload, and the asking shard gets the report and
 * reloads itself before it answers.
 */
export function serveRebuilds(manager: ShardingManager, rebuild: () => Promise<SwapResult>, log: Logger): void {
  manager.on('shardCreate', (shard: Shard) => {
    shard.on('message', (m: unknown) => {
      if (!isMessage(m) || m.advisor !== 'rebuild') return;
      const { id } = m;
      rebuild().then(
        async ({ summary: _, ...report }) => {
          log.info('Rebuilt the index for a shard', { shard: shard.id, docs: report.docs, chunks: report.chunks, ms: Math.round(report.ms) });
          await Promise.all(manager.shards.filter((s) => s !== shard).map((s) => s.send({ advisor: 'reload' } satisfies Message).catch(() => undefined)));
          await shard.send({ advisor: 'rebuilt', id, report } satisfies Message);
        },
        async (error: unknown) => {
          const e = toAppError(error);
          log.warn('Could not rebuild the index for a shard', { shard: shard.id, code: e.code, error: e.message });
          await shard.send({ advisor: 'rebuilt', id, error: { code: e.code, message: e.message } } satisfies Message).catch(() => undefined);
        },
      );
    });
  });
}
