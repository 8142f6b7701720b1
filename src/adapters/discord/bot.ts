// Discord client (Discord I/O): creates the discord.js client and wires the event handlers to the context.
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { BotContext } from './context.js';
import * as interactionCreate from './events/interaction-create.js';
import * as messageCreate from './events/message-create.js';
import * as ready from './events/ready.js';
import { NO_MENTIONS } from './render.js';

/**
 * A client with only the intents mentions and DMs need (Discord sends the content of messages that mention the
 * bot and of DMs without the privileged MessageContent intent, which DISCORD_MESSAGE_CONTENT adds so that
 * replies in the bot's own threads are read too) and `Partials.Channel` so DMs arrive.
 */
export function createBot(ctx: BotContext, options: { apiUrl?: string } = {}): Client {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(ctx.messageContent ? [GatewayIntentBits.MessageContent] : []),
    ],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  client.once(ready.name, (c) => void ready.execute(c, ctx));
  client.on(interactionCreate.name, (i) => void interactionCreate.execute(i, ctx));
  client.on(messageCreate.name, (m) => void messageCreate.execute(m, ctx));
  client.on(Events.Error, (error) => {
    ctx.log.error('Discord client error', { error: error.message });
    ctx.log.debug('Discord client error detail', { error });
  });
  client.on(Events.ShardError, (error, shard) => ctx.log.warn('Gateway connection error', { shard, error: error.message }));
  return client;
}
