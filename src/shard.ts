// Sharded start (I/O: spawns one process per shard): builds the index once, then every shard serves it
// read-only. Discord requires sharding from 2,500 servers; below that, `npm start` is simpler. Imported by nobody.
import { join } from 'node:path';
import { ShardingManager } from 'discord.js';
import { loadConfig } from './app/config.js';
import { createLogger } from './app/log.js';
import { Runtime } from './app/runtime.js';
import { AppError, toAppError } from './domain/errors.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { secrets: [config.discord.token ?? ''] });
  if (!config.discord.token) throw new AppError('CONFIG_INVALID', 'DISCORD_TOKEN is not set (see .env.example).');
  await (await Runtime.create(config, log)).open();
  const manager = new ShardingManager(join(import.meta.dirname, 'main.ts'), {
    token: config.discord.token,
    totalShards: config.shards,
    shardArgs: ['bot', '--read-only'],
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => log.info('Shard started', { shard: shard.id }));
  await manager.spawn();
}

main().catch((error: unknown) => {
  process.stderr.write(`${toAppError(error).message}\n`);
  process.exitCode = 1;
});
