// Index stage "lock" (I/O: a lock file in the index folder): one ingest at a time across processes. The `LOCK` file
// holds its owner's pid; a lock whose owner died (kill -9, power loss) is taken over instead of blocking forever.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { unwritable } from './store.js';

export const LOCK_FILE = 'LOCK';
/** How long an ingest waits for another one before giving up (a large corpus takes minutes to embed). */
export const LOCK_WAIT_MS = 15 * 60_000;
const POLL_MS = 200;
/** A lock file still empty or half-written after this long was left by a process that died while creating it. */
const UNREADABLE_GRACE_MS = 10_000;

const ownerSchema = z.object({ pid: z.number().int().positive(), host: z.string(), token: z.string(), since: z.string() });
export type LockOwner = z.infer<typeof ownerSchema>;

/** A held lock; `release` is safe to call twice and never removes a lock someone else took over. */
export interface IndexLock {
  readonly path: string;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<{ raw: string; owner: LockOwner | null } | null> {
  const raw = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (raw === null) return null;
  try {
    return { raw, owner: ownerSchema.parse(JSON.parse(raw)) };
  } catch {
    return { raw, owner: null };
  }
}

/** Whether the lock's owner is gone: a dead pid on this host, or a file nobody finished writing long ago. */
async function stale(path: string, owner: LockOwner | null): Promise<boolean> {
  if (owner) return owner.host === hostname() && !alive(owner.pid);
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > UNREADABLE_GRACE_MS;
}

/**
 * Removes a stale lock without racing another process doing the same: the lock is renamed away first, and put back
 * if what was renamed turns out not to be the stale file that was judged (someone took over in between).
 */
async function breakStale(path: string, judged: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged);
  if (moved !== judged) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/**
 * Takes the index lock in `root`, waiting up to `waitMs` for another ingest to finish (`onWait` is told once who
 * holds it). Gives up with BUSY naming the owner; a disk that cannot take the lock file is INDEX_UNWRITABLE.
 */
export async function acquireIndexLock(root: string, options: { waitMs?: number; onWait?: (owner: LockOwner | null) => void } = {}): Promise<IndexLock> {
  const path = join(root, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? LOCK_WAIT_MS);
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), since: new Date().toISOString() };
  const text = JSON.stringify(me);
  let told = false;
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    throw unwritable(root, error) ?? error;
  }
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        path,
        release: async () => {
          if (released) return;
          released = true;
          const now = await readOwner(path).catch(() => null);
          if (now?.raw === text) await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(path, error) ?? error;
    }
    const held = await readOwner(path);
    if (!held) continue;
    if (await stale(path, held.owner)) {
      await breakStale(path, held.raw);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = held.owner
        ? `pid ${held.owner.pid}${held.owner.host === hostname() ? '' : ` on ${held.owner.host}`}, since ${held.owner.since}`
        : 'another process';
      throw new AppError('BUSY', `Another ingest (${who}) is writing the index in ${root}; try again when it has finished.`);
    }
    if (!told) {
      told = true;
      options.onWait?.(held.owner);
    }
    await sleep(POLL_MS);
  }
}
