// Event "clientReady" (logs only): the bot is connected and its index is loaded.
import { type Client, Events } from 'discord.js';
import type { BotContext } from '../context.js';

export const name = Events.ClientReady;
export const once = true;

export async function execute(client: Client<true>, ctx: BotContext): Promise<void> {
  const s = ctx.advisor().status();
  ctx.log.info('Bot ready', {
    user: client.user.tag,
    guilds: client.guilds.cache.size,
    shard: client.shard?.ids.join(',') ?? '-',
    docs: s.docs,
    chunks: s.chunks,
    mode: s.mode,
  });
}
