// Slash command /salary (Discord I/O): structured salary figures for one role, level and place.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { Level } from '../../../domain/knowledge.js';
import type { BotContext } from '../context.js';
import { locationSchema, replyWithAnswer, roleSchema, valid } from '../reply.js';

export { autocompleteRole as autocomplete } from './role-autocomplete.js';

export const data = new SlashCommandBuilder()
  .setName('salary')
  .setDescription('Salary figures for a role, quoted from the career documents.')
  .addStringOption((o) =>
    o.setName('role').setDescription('The role, e.g. Machine Learning Engineer').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName('level')
      .setDescription('Experience level')
      .addChoices(
        { name: 'junior (0-3 years)', value: 'junior' },
        { name: 'mid-level (3-7 years)', value: 'mid' },
        { name: 'senior (7+ years)', value: 'senior' },
      ),
  )
  .addStringOption((o) => o.setName('location').setDescription('A city or market, e.g. New York or remote').setMaxLength(60));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const role = valid(roleSchema, interaction.options.getString('role', true));
  const level = (interaction.options.getString('level') as Level | null) ?? null;
  const location = valid(locationSchema, interaction.options.getString('location') ?? undefined) ?? null;
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().salary({ role, level, location }));
}
