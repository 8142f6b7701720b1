// Bot start-up (I/O): opens the index through the runtime, logs in, and shuts down on SIGINT/SIGTERM (or, in a
// shard, when its ShardingManager goes away).
import { Events } from 'discord.js';
import { LRUCache } from 'lru-cache';
import { openPrivacy } from '../../app/privacy.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { Conversations } from '../../query/conversation.js';
import { parseCommandLine } from '../args.js';
import { createBot } from './bot.js';
import { type BotContext, RecentAnswers } from './context.js';
import { Cooldown } from './cooldown.js';
import { explainDiscordError, explainGatewayClose } from './errors.js';
import { coalesce, hasManager, onReloadNotice, requestRebuild } from './shard-ipc.js';

/**
 * The bot's context over a runtime. A read-only shard never writes the index: its /reindex asks the
 * ShardingManager process to rebuild (when there is one), then reloads what it built.
 */
export function createBotContext(runtime: Runtime, options: { readOnly?: boolean } = {}): BotContext {
  const { config } = runtime;
  const reload = coalesce(() => runtime.reload());
  const rebuild = async () => {
    const { summary: _, ...report } = await runtime.rebuild();
    return report;
  };
  const reindexShard = async () => {
    const report = hasManager() ? await requestRebuild() : undefined;
    const reloaded = await reload();
    return report ?? reloaded;
  };
  const { pseudonym, questions, feedback } = openPrivacy(config, runtime.log);
  return {
    advisor: () => runtime.advisor(),
    reindex: options.readOnly ? reindexShard : rebuild,
    reload,
    log: runtime.log,
    cooldown: new Cooldown(config.discord.cooldownSeconds),
    reindexCooldown: new Cooldown(config.discord.reindexCooldownSeconds),
    conversations: new Conversations(config.contextTtlMs),
    feedback,
    questions,
    pseudonym,
    answers: new RecentAnswers(),
    messageContent: config.discord.messageContent,
    hintedThreads: new LRUCache({ max: 10_000 }),
  };
}

/** `npm start` with DISCORD_TOKEN set (also each shard under `npm run start:sharded`, with `--read-only`). */
export async function run(runtime: Runtime, args: string[] = []): Promise<number> {
  const { values } = parseCommandLine(args, { 'read-only': { type: 'boolean' } }, 'npm start (with DISCORD_TOKEN set)', false);
  const token = runtime.config.discord.token;
  if (!token) throw new AppError('CONFIG_INVALID', 'DISCORD_TOKEN is not set (see .env.example).');
  const readOnly = values['read-only'] === true;
  await runtime.open({ readOnly });
  const ctx = createBotContext(runtime, { readOnly });
  const client = createBot(ctx, { apiUrl: runtime.config.discord.apiUrl });
  process.on('unhandledRejection', (reason) => runtime.log.error('Unhandled rejection', { error: reason instanceof Error ? reason.message : String(reason) }));
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info('Shutting down', { signal: reason });
    await client.destroy();
    ctx.questions.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Only a read-only bot was started by our ShardingManager; another parent with an IPC channel (pm2, say) is not one.
  if (readOnly && hasManager()) {
    // A shard whose manager died (even by SIGKILL) must not live on as an orphan.
    process.once('disconnect', () => void stop('manager gone'));
    onReloadNotice(() => {
      ctx.reload().then(
        () => runtime.log.info('Reloaded the index after a re-index in another shard', { chunks: ctx.advisor().status().chunks }),
        (error: unknown) => runtime.log.warn('Could not reload the index', { error: String(error) }),
      );
    });
  }
  // After these close codes discord.js stops reconnecting: a bot that is silently offline helps nobody, so stop
  // with one line (a supervisor can restart it and an operator sees why).
  let ready = false;
  const unrecoverable = new Promise<never>((_, reject) => {
    client.on(Events.ShardDisconnect, (event) => {
      const problem = explainGatewayClose(event.code);
      if (!problem) return;
      if (!ready) reject(problem);
      else {
        runtime.log.error(problem.message);
        void client.destroy().finally(() => process.exit(1));
      }
    });
  });
  try {
    await Promise.race([client.login(token), unrecoverable]);
    ready = true;
  } catch (error) {
    await client.destroy();
    throw explainDiscordError(error) ?? error;
  }
  return new Promise<number>(() => undefined);
}
