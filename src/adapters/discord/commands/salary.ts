// Slash command /salary (Discord I/O): structured salary figures for one role, level and place.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { Level } from '../../../domain/knowledge.js';
import { INPUT_LIMITS, checkInput, checkOptionalInput } from '../../../domain/limits.js';
import type { BotContext } from '../context.js';
import { replyWithAnswer } from '../reply.js';

export { autocompleteRole as autocomplete } from './role-autocomplete.js';

export const data = new SlashCommandBuilder()
  .setName('salary')
  .setDescription('Salary figures for a role, quoted from the career documents.')
  .addStringOption((o) =>
    o.setName('role').setDescription('The role (suggestions come from the documents)').setRequired(true).setAutocomplete(true).setMaxLength(INPUT_LIMITS.role),
  )
  .addStringOption((o) =>
    o
      .setName('level')
      .setDescription('Experience level')
      // Plain levels: each page writes its own bands, which the answer quotes as written.
      .addChoices({ name: 'junior', value: 'junior' }, { name: 'mid-level', value: 'mid' }, { name: 'senior', value: 'senior' }),
  )
  .addStringOption((o) => o.setName('location').setDescription('A city or market, e.g. New York or remote').setMaxLength(INPUT_LIMITS.location));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const role = checkInput('role', interaction.options.getString('role', true));
  const level = (interaction.options.getString('level') as Level | null) ?? null;
  const location = checkOptionalInput('location', interaction.options.getString('location'));
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().salary({ role, level, location }));
}
