// Composition root (I/O): reads config, loads the model and the index, and starts the requested command:
// the Discord bot, the terminal chat, or one of the CLI commands (ingest, ask, salary, compare, roles).
import { Advisor } from './query/advisor.js';
import { type Config, loadConfig } from './app/config.js';
import { AppError, toAppError } from './domain/errors.js';
import { type Embedder, loadTransformersEmbedder } from './embed/transformers.js';
import { ensureIndex } from './app/ensure.js';
import type { BuildSummary } from './index/pipeline.js';
import { type Logger, createLogger } from './app/log.js';

export interface App {
  config: Config;
  log: Logger;
  embedder: Embedder | null;
  /** Why dense retrieval is off, when the model could not be loaded. */
  degraded?: string;
}

/** Loads the embedding model unless retrieval is lexical; failure degrades to lexical search with one warning. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  if (config.retrievalMode === 'lexical') return { config, log, embedder: null };
  try {
    const embedder = await loadTransformersEmbedder(config.embedding);
    log.debug('Embedding model loaded', { model: embedder.modelId, dim: embedder.dim });
    return { config, log, embedder };
  } catch (error) {
    const e = toAppError(error);
    if (e.code !== 'MODEL_UNAVAILABLE') throw e;
    log.warn(`${e.message} Answering with keyword (BM25) search only until then.`);
    return { config, log, embedder: null, degraded: e.message };
  }
}

/** Opens (building if needed) the index and returns an advisor over it. */
export async function openAdvisor(app: App, onProgress?: (done: number, total: number) => void): Promise<{ advisor: Advisor; summary?: BuildSummary }> {
  const opened = await ensureIndex({
    corpusDir: app.config.corpusDir,
    indexDir: app.config.indexDir,
    embedder: app.embedder,
    hnsw: app.config.hnsw,
    log: app.log,
    onProgress,
  });
  return { advisor: new Advisor(opened.index, app.embedder, app.config.retrievalMode, app.degraded), summary: opened.summary };
}

const COMMANDS: Record<string, () => Promise<{ run: (app: App, args: string[]) => Promise<number> }>> = {
  ingest: () => import('./adapters/cli/ingest.js'),
  ask: () => import('./adapters/cli/ask.js'),
  salary: () => import('./adapters/cli/salary.js'),
  compare: () => import('./adapters/cli/compare.js'),
  roles: () => import('./adapters/cli/roles.js'),
  chat: () => import('./adapters/cli/chat.js'),
  bot: () => import('./adapters/discord/start.js'),
};

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const json = argv.includes('--json');
  const log = createLogger(json && config.logLevel === 'info' ? 'warn' : config.logLevel, { secrets: [config.discord.token ?? ''] });
  const [first, ...rest] = argv;
  const name = first && COMMANDS[first] ? first : config.discord.token ? 'bot' : 'chat';
  const args = first && COMMANDS[first] ? rest : argv;
  const command = await COMMANDS[name]!();
  const app = await createApp(config, log);
  return command.run(app, args);
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const e = toAppError(error);
      process.stderr.write(`${e instanceof AppError && e.code !== 'INTERNAL' ? '' : 'Unexpected error: '}${e.message}\n`);
      if (e.code === 'INTERNAL' && e.cause instanceof Error) process.stderr.write(`${e.cause.stack}\n`);
      process.exitCode = 1;
    },
  );
}
