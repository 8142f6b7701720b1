// Slash command /help (Discord I/O): what the bot can do, with examples and the index's build time.
import { type ChatInputCommandInteraction, EmbedBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS } from '../render.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What the career advisor can do.');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const s = ctx.advisor().status();
  const embed = new EmbedBuilder()
    .setTitle('Career advisor')
    .setDescription(
      [
        "I answer career questions by quoting the career documents I was given, with their sources, and I say so when they don't cover something.",
        '',
        '`/ask` — any question, e.g. *What skills does an ML engineer need?*',
        '`/salary` — figures for a role, e.g. *role: Machine Learning Engineer, level: senior*',
        '`/compare` — two roles side by side, e.g. *Backend Engineer* vs *Machine Learning Engineer*',
        '`/roles` — the roles I know',
        'Or mention me in a channel (I answer in a thread) or DM me; follow-ups like *and for senior roles?* work.',
      ].join('\n'),
    )
    .setFooter({
      text: `Index built ${s.builtAt.slice(0, 16).replace('T', ' ')} UTC · ${s.docs} documents · ${s.roles} roles · ${s.mode} search${s.degraded ? ' (model unavailable)' : ''}`,
    });
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
