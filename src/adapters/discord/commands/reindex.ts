// Slash command /reindex (Discord I/O): managers rebuild the index without a restart; answers keep coming
// from the previous index until the new one is complete.
import { type ChatInputCommandInteraction, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS } from '../render.js';

/** Client event that makes the other shards reload the index from disk after a /reindex. */
export const RELOAD_EVENT = 'advisorReload';

export const data = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Re-read the career documents and rebuild the index (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const r = await ctx.reindex();
  const shard = interaction.client.shard;
  if (shard) {
    await shard.broadcastEval(
      (c, { from, event }) => {
        if (!c.shard?.ids.includes(from)) c.emit(event as never);
      },
      { context: { from: shard.ids[0] ?? 0, event: RELOAD_EVENT } },
    );
  }
  const skipped = r.skipped.length ? `\nSkipped: ${r.skipped.map((s) => `${s.file} (${s.reason})`).join(', ')}` : '';
  await interaction.editReply({
    content: `Re-indexed ${r.docs} documents into ${r.chunks} chunks (+${r.added} new, -${r.removed} removed) in ${(r.ms / 1000).toFixed(2)} s.${skipped}`,
    allowedMentions: NO_MENTIONS,
  });
  ctx.log.info('Re-indexed', { user: interaction.user.id, docs: r.docs, chunks: r.chunks, added: r.added, removed: r.removed, ms: Math.round(r.ms) });
}
