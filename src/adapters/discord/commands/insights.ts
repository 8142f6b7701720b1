// Slash command /insights (Discord I/O): server managers see, privately, what people asked that the documents
// could not answer, what got 👎 and how much of the corpus is never cited — the short form of `npm run report`.
import { type APIEmbed, type ChatInputCommandInteraction, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { type Topic, buildReport, citableSections } from '../../../app/report-data.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS, escapeMarkdown, fitEmbed, renderNotice } from '../render.js';

/** The window /insights looks at. */
export const INSIGHTS_DAYS = 30;
const TOP = 5;

export const data = new SlashCommandBuilder()
  .setName('insights')
  .setDescription('Questions the documents could not answer, 👎 answers and uncited sections (server managers).')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

function topics(list: Topic[], empty: string): string {
  if (!list.length) return empty;
  return list
    .slice(0, TOP)
    .map((t) => `• **${escapeMarkdown(t.topic)}** — ${t.count}${t.examples[0] ? `: “${escapeMarkdown(t.examples[0].slice(0, 80))}”` : ''}`)
    .join('\n');
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // Discord hides the command from others by default, but a server can override that: check it here too.
  if (!interaction.inGuild()) {
    await interaction.reply(renderNotice('Use /insights in a server, not in a DM.'));
    return;
  }
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply(renderNotice('Only server managers (Manage Server permission) can see insights.'));
    return;
  }
  if (!ctx.questions.enabled) {
    await interaction.reply(renderNotice('Questions are not logged on this bot (QUESTION_LOG=off), so there is nothing to show.'));
    return;
  }
  const now = Date.now();
  const r = buildReport(ctx.questions.questions(now - INSIGHTS_DAYS * 86_400_000), citableSections(ctx.advisor().index), { days: INSIGHTS_DAYS, now });
  const rate = r.answeredRate === null ? 'no questions yet' : `${Math.round(r.answeredRate * 100)}% answered`;
  const never = r.sections.neverCited;
  const embed: APIEmbed = {
    title: `Insights — last ${INSIGHTS_DAYS} days`,
    description: `**${r.questions}** questions, ${rate} · 👍 ${r.feedback.up} · 👎 ${r.feedback.down}`,
    fields: [
      { name: 'Top unanswered topics', value: topics(r.unanswered, 'None: every question was answered.') },
      { name: 'Rated 👎', value: topics(r.downvoted, 'No answer was rated 👎.') },
      {
        name: 'Never cited',
        value: never.length
          ? `${never.length} of ${r.sections.total} sections, e.g. ${never
              .slice(0, 3)
              .map((s) => `*${escapeMarkdown(s)}*`)
              .join(', ')}`
          : `Every one of ${r.sections.total} sections was cited.`,
      },
    ],
    footer: { text: 'Full report with charts: npm run report' },
    color: 0x2b6cb0,
  };
  await interaction.reply({ embeds: [fitEmbed(embed)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
