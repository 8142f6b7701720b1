// Bot start-up (I/O): loads model and index, then logs in; rebuilds on /reindex; shuts down on SIGINT/SIGTERM.
import { Advisor } from '../../query/advisor.js';
import { Conversations } from '../../query/conversation.js';
import { AppError } from '../../domain/errors.js';
import { FeedbackLog } from '../../app/feedback.js';
import { join } from 'node:path';
import { buildIndex } from '../../index/pipeline.js';
import { type App, openAdvisor } from '../../main.js';
import { readIndex } from '../../index/store.js';
import { createBot } from './bot.js';
import { type BotContext, RecentAnswers } from './context.js';
import { Cooldown } from './cooldown.js';

/** Builds the bot context around an advisor; `reindex` swaps in a new advisor only when the build is complete. */
export function createBotContext(app: App, initial: Advisor, options: { readOnly?: boolean } = {}): BotContext {
  let current = initial;
  let running: Promise<unknown> | null = null;
  return {
    advisor: () => current,
    async reindex() {
      if (running) throw new AppError('BUSY', 'A re-index is already running; try again when it has finished.');
      const started = performance.now();
      const job = (async () => {
        if (options.readOnly) {
          const index = await readIndex(app.config.indexDir, app.config.hnsw.efSearch);
          current = new Advisor(index, app.embedder, app.config.retrievalMode, app.degraded);
          return { docs: index.manifest.docCount, chunks: index.manifest.chunkCount, added: 0, removed: 0, skipped: index.manifest.skipped };
        }
        const s = await buildIndex({ corpusDir: app.config.corpusDir, indexDir: app.config.indexDir, embedder: app.embedder, hnsw: app.config.hnsw, log: app.log });
        current = new Advisor(s.index, app.embedder, app.config.retrievalMode, app.degraded);
        return { docs: s.docs, chunks: s.chunks, added: s.added, removed: s.removed, skipped: s.skipped };
      })();
      running = job;
      try {
        return { ...(await job), ms: performance.now() - started };
      } finally {
        running = null;
      }
    },
    log: app.log,
    cooldown: new Cooldown(app.config.discord.cooldownSeconds),
    conversations: new Conversations(app.config.contextTtlMs),
    feedback: new FeedbackLog(join(app.config.dataDir, 'feedback.jsonl')),
    answers: new RecentAnswers(),
  };
}

/** `npm start` with DISCORD_TOKEN set (also each shard under `npm run start:sharded`). */
export async function run(app: App, args: string[] = []): Promise<number> {
  const token = app.config.discord.token;
  if (!token) throw new AppError('CONFIG_INVALID', 'DISCORD_TOKEN is not set (see .env.example).');
  const readOnly = args.includes('--read-only');
  const advisor = readOnly
    ? new Advisor(await readIndex(app.config.indexDir, app.config.hnsw.efSearch), app.embedder, app.config.retrievalMode, app.degraded)
    : (await openAdvisor(app)).advisor;
  const ctx = createBotContext(app, advisor, { readOnly });
  const client = createBot(ctx, { apiUrl: app.config.discord.apiUrl });
  process.on('unhandledRejection', (reason) => app.log.error('Unhandled rejection', { error: reason instanceof Error ? reason : String(reason) }));
  const stop = async (signal: string) => {
    app.log.info('Shutting down', { signal });
    await client.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await client.login(token);
  return new Promise<number>(() => undefined);
}
