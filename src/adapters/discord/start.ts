// Bot start-up (I/O): opens the index through the runtime, logs in, and shuts down on SIGINT/SIGTERM.
import { join } from 'node:path';
import { FeedbackLog } from '../../app/feedback.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { Conversations } from '../../query/conversation.js';
import { createBot } from './bot.js';
import { type BotContext, RecentAnswers } from './context.js';
import { Cooldown } from './cooldown.js';

/** The bot's context over a runtime; a read-only shard reloads what another process built instead of building. */
export function createBotContext(runtime: Runtime, options: { readOnly?: boolean } = {}): BotContext {
  const { config } = runtime;
  return {
    advisor: () => runtime.advisor(),
    reindex: () => (options.readOnly ? runtime.reload() : runtime.rebuild()),
    log: runtime.log,
    cooldown: new Cooldown(config.discord.cooldownSeconds),
    conversations: new Conversations(config.contextTtlMs),
    feedback: new FeedbackLog(join(config.dataDir, 'feedback.jsonl')),
    answers: new RecentAnswers(),
  };
}

/** `npm start` with DISCORD_TOKEN set (also each shard under `npm run start:sharded`). */
export async function run(runtime: Runtime, args: string[] = []): Promise<number> {
  const token = runtime.config.discord.token;
  if (!token) throw new AppError('CONFIG_INVALID', 'DISCORD_TOKEN is not set (see .env.example).');
  const readOnly = args.includes('--read-only');
  await runtime.open({ readOnly });
  const ctx = createBotContext(runtime, { readOnly });
  const client = createBot(ctx, { apiUrl: runtime.config.discord.apiUrl });
  process.on('unhandledRejection', (reason) => runtime.log.error('Unhandled rejection', { error: reason instanceof Error ? reason : String(reason) }));
  const stop = async (signal: string) => {
    runtime.log.info('Shutting down', { signal });
    await client.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await client.login(token);
  return new Promise<number>(() => undefined);
}
