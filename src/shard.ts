// Sharded start (I/O: spawns one process per shard): builds the index once, then every shard of this machine's
// SHARD_LIST serves it read-only. Discord requires sharding from 2,500 servers; below that, `npm start` is simpler.
// Imported by nobody.
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShards } from './adapters/discord/sharding.js';
import { loadConfig, settingRefs } from './app/config.js';
import { createLogger } from './app/log.js';
import { Runtime } from './app/runtime.js';
import { type SettingRef, fatalReport } from './domain/errors.js';

let settings: SettingRef[] = [];
let debug = false;

async function main(): Promise<number> {
  const config = loadConfig();
  settings = settingRefs(config);
  debug = config.logLevel === 'debug';
  const log = createLogger(config.logLevel, { secrets: [config.discord.token ?? ''] });
  // Shards run the same build as this file: main.ts through tsx from the sources, main.js once compiled. tsx is
  // resolved from here, not from the working directory, so that the bot can be started from anywhere.
  const ext = extname(basename(fileURLToPath(import.meta.url)));
  const execArgv = ext === '.ts' ? ['--import', import.meta.resolve('tsx')] : [];
  const runtime = await Runtime.create(config, log);
  return runShards(runtime, { file: join(import.meta.dirname, `main${ext}`), execArgv });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Exit now: a half-started client or a shard's IPC channel would otherwise keep the process alive.
    process.stderr.write(fatalReport(error, settings, debug), () => process.exit(1));
  },
);
