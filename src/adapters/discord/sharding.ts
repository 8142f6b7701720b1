// Sharded mode (I/O: one REST call, spawns and stops shard processes): discord.js's ShardingManager runs this
// machine's slice of the shards (SHARD_LIST of TOTAL_SHARDS), each a `bot --read-only` process over the index
// this process built; this process alone rebuilds it on /reindex.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { explainDiscordError } from './errors.js';
import { serveRebuilds } from './shard-ipc.js';

/** How long a shard may take to log in and load its index (large indexes load for tens of seconds). */
const READY_TIMEOUT_MS = 180_000;
/** How long shards get to close their gateway connection on shutdown before they are killed. */
const STOP_GRACE_MS = 10_000;

export interface ShardEntry {
  /** The entry file each shard runs (`main` with the arguments `bot --read-only`). */
  file: string;
  /** Node options for the shard processes (e.g. `--import tsx` when running from TypeScript sources). */
  execArgv: string[];
}

/**
 * The total shard count: TOTAL_SHARDS, or (auto) the count Discord recommends, asked at DISCORD_API_URL. Asked
 * in both cases, before anything is built or spawned, so that a rejected token stops start-up at once.
 */
export async function totalShards(runtime: Runtime): Promise<number> {
  const { config, log } = runtime;
  const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(config.discord.token ?? '');
  let recommended: number;
  try {
    recommended = Math.max(1, ((await rest.get(Routes.gatewayBot())) as { shards: number }).shards);
  } catch (error) {
    throw explainDiscordError(error) ?? error;
  }
  const fixed = config.sharding.totalShards;
  if (fixed === 'auto') return recommended;
  if (fixed < recommended) log.warn('Discord recommends more shards than TOTAL_SHARDS', { recommended, total: fixed });
  return fixed;
}

/** Stops every shard: SIGTERM (they close their gateway connection and exit), SIGKILL after a grace period. */
export async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  const children = [...manager.shards.values()].map((s) => s.process).filter((p): p is ChildProcess => p !== null);
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(running.map((c) => once(c, 'exit')));
  for (const shard of manager.shards.values()) if (shard.process) shard.kill();
  await Promise.race([exited, sleep(STOP_GRACE_MS, undefined, { ref: false })]);
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** `npm run start:sharded`: opens (or builds) the index, spawns this machine's shards and serves their re-index requests. */
export async function runShards(runtime: Runtime, entry: ShardEntry): Promise<number> {
  const { config, log } = runtime;
  const token = config.discord.token;
  if (!token) throw new AppError('CONFIG_INVALID', 'DISCORD_TOKEN is not set (see .env.example).');
  const total = await totalShards(runtime);
  const { shardList } = config.sharding;
  await runtime.open();
  const manager = new ShardingManager(entry.file, {
    token,
    totalShards: total,
    shardList,
    shardArgs: ['bot', '--read-only'],
    execArgv: entry.execArgv,
    mode: 'process',
    // Off until every shard is ready: a shard that cannot start (a rejected token) would otherwise restart forever.
    respawn: false,
  });
  serveRebuilds(manager, () => runtime.rebuild(), log);
  manager.on('shardCreate', (shard) => {
    shard.on('spawn', (child) => log.info('Shard started', { shard: shard.id, of: total, pid: 'pid' in child ? child.pid : undefined }));
    shard.on('death', () => {
      if (manager.respawn) log.warn('Shard exited; restarting it', { shard: shard.id });
    });
    shard.on('error', (error) => log.warn('Shard could not be restarted', { shard: shard.id, error: error.message }));
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Shutting down the shards', { signal });
    await stopShards(manager);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await manager.spawn({ amount: total, timeout: READY_TIMEOUT_MS });
  } catch (error) {
    await stopShards(manager);
    throw explainDiscordError(error) ?? error;
  }
  manager.respawn = true;
  log.info('All shards ready', { shards: shardList === 'auto' ? `0-${total - 1}` : shardList.join(','), of: total });
  return new Promise<number>(() => undefined);
}
