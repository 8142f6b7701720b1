// Slash command /help (Discord I/O): what the bot can do, with examples and the index's build time.
import { type ChatInputCommandInteraction, EmbedBuilder, MessageFlags, SlashCommandBuilder, escapeMarkdown } from 'discord.js';
import { withArticle } from '../../format.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS } from '../render.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('What the career advisor can do.');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const s = ctx.advisor().status();
  // Examples from this corpus's roles: an operator's nursing documents should not suggest asking about ML engineers.
  const { catalog, example } = ctx.advisor().roles();
  const first = example ?? catalog[0]?.name;
  const second = catalog.find((r) => r.name !== first)?.name;
  const embed = new EmbedBuilder()
    .setTitle('Career advisor')
    .setDescription(
      [
        "I answer career questions by quoting the career documents I was given, with their sources, and I say so when they don't cover something.",
        '',
        `\`/ask\` — any question${first ? `, e.g. *What skills does ${escapeMarkdown(withArticle(second ?? first))} need?*` : ''}`,
        `\`/salary\` — figures for a role${first ? `, e.g. *role: ${escapeMarkdown(first)}, level: senior*` : ''}`,
        `\`/compare\` — two roles side by side${first && second ? `, e.g. *${escapeMarkdown(first)}* vs *${escapeMarkdown(second)}*` : ''}`,
        '`/roles` — the roles I know',
        'Or mention me in a channel (I answer in a thread) or DM me; follow-ups like *and for senior roles?* work.',
      ].join('\n'),
    )
    .setFooter({
      text: `Index built ${s.builtAt.slice(0, 16).replace('T', ' ')} UTC · ${s.docs} documents · ${s.roles} roles · ${s.mode} search${s.degraded ? ' (model unavailable)' : ''}`,
    });
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
