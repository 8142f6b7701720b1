// Composition root (I/O): reads config, creates the runtime and starts the requested surface: the Discord
// bot, the terminal chat, or one CLI command (ingest, ask, salary, compare, roles). Imported by nobody.
import { loadConfig, settingRefs } from './app/config.js';
import { createLogger } from './app/log.js';
import { Runtime } from './app/runtime.js';
import { AppError, type SettingRef, fatalReport } from './domain/errors.js';

type Surface = { run: (runtime: Runtime, args: string[]) => Promise<number> };

const COMMANDS: Record<string, () => Promise<Surface>> = {
  ingest: () => import('./adapters/cli/ingest.js'),
  ask: () => import('./adapters/cli/ask.js'),
  salary: () => import('./adapters/cli/salary.js'),
  compare: () => import('./adapters/cli/compare.js'),
  roles: () => import('./adapters/cli/roles.js'),
  report: () => import('./adapters/cli/report.js'),
  add: () => import('./adapters/cli/add.js'),
  chat: () => import('./adapters/cli/chat.js'),
  bot: () => import('./adapters/discord/start.js'),
};

/** Known once the settings are read: which setting a failing path or URL belongs to, and whether to show stacks. */
let settings: SettingRef[] = [];
let debug = false;

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  settings = settingRefs(config);
  debug = config.logLevel === 'debug';
  const json = argv.includes('--json');
  const log = createLogger(json && config.logLevel === 'info' ? 'warn' : config.logLevel, { secrets: [config.discord.token ?? ''] });
  const [first, ...rest] = argv;
  const named = first !== undefined && Object.hasOwn(COMMANDS, first);
  const name = named ? first : config.discord.token ? 'bot' : 'chat';
  const load = COMMANDS[name];
  if (!load) throw new AppError('BAD_INPUT', `Unknown command ${name}.`);
  const surface = await load();
  // "ask --mode lexical" answers from keywords alone: loading (or failing to load) the model would be wasted and warned about.
  const runtime = await Runtime.create(modeArg(argv) === 'lexical' ? { ...config, retrievalMode: 'lexical' } : config, log);
  return surface.run(runtime, named ? rest : argv);
}

/** The value of a `--mode` option, written "--mode lexical" or "--mode=lexical". */
function modeArg(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--mode' || a.startsWith('--mode='));
  const arg = argv[i];
  return arg === undefined ? undefined : arg.includes('=') ? arg.slice('--mode='.length) : argv[i + 1];
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Exit now: a half-started client or a shard's IPC channel would otherwise keep the process alive.
    process.stderr.write(fatalReport(error, settings, debug), () => process.exit(1));
  },
);
