// Slash command /reindex (Discord I/O): server managers rebuild the index without a restart; answers keep coming
// from the previous index until the new one is complete. In sharded mode every shard then reloads it.
import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { AppError } from '../../../domain/errors.js';
import { trimAtBoundary } from '../../format.js';
import type { BotContext } from '../context.js';
import { LIMITS, NO_MENTIONS } from '../render.js';

/** Skipped files named in the reply; the rest are counted (the log names them all). */
const SKIPPED_SHOWN = 5;

/**
 * Registered for servers that installed the bot only, and hidden from members without Manage Server by default.
 * Server admins can override `default_member_permissions`, so `execute` checks the permission again.
 */
export const data = new SlashCommandBuilder()
  .setName('reindex')
  .setDescription('Re-read the career documents and rebuild the index (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** Why this interaction may not re-index, or null when it may: a server that installed the bot, a member with Manage Server. */
export function refusal(interaction: ChatInputCommandInteraction): string | null {
  if (!interaction.inGuild()) return '/reindex only works in a server, not in direct messages.';
  if (interaction.authorizingIntegrationOwners.guildId !== interaction.guildId) return '/reindex only works in a server that installed the bot.';
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return 'Only members with the Manage Server permission can use /reindex.';
  return null;
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const refused = refusal(interaction);
  if (refused) throw new AppError('FORBIDDEN', refused);
  const wait = ctx.reindexCooldown.take(interaction.guildId ?? '');
  if (wait) throw new AppError('RATE_LIMITED', `/reindex ran in this server a moment ago; you can run it again in ${wait} s.`);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const r = await ctx.reindex();
  const listed = r.skipped.slice(0, SKIPPED_SHOWN).map((s) => `${s.file} (${s.reason})`);
  const more = r.skipped.length > SKIPPED_SHOWN ? ` and ${r.skipped.length - SKIPPED_SHOWN} more (see the log)` : '';
  const skipped = listed.length ? `\nSkipped: ${listed.join(', ')}${more}` : '';
  const content = `Re-indexed ${r.docs} documents into ${r.chunks} chunks (+${r.added} new, -${r.removed} removed) in ${(r.ms / 1000).toFixed(2)} s.${skipped}`;
  await interaction.editReply({ content: trimAtBoundary(content, LIMITS.content), allowedMentions: NO_MENTIONS });
  const user = ctx.pseudonym(interaction.user.id);
  ctx.log.info('Re-indexed', { user, docs: r.docs, chunks: r.chunks, added: r.added, removed: r.removed, ms: Math.round(r.ms) });
}
