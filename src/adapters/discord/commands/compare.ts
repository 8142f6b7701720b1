// Slash command /compare (Discord I/O): two roles side by side, one embed field per aspect.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderRefusal } from '../render.js';
import { replyWithAnswer, roleSchema, valid } from '../reply.js';

export { autocompleteRole as autocomplete } from './role-autocomplete.js';

export const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('Compare two roles side by side: duties, skills, education, salary, outlook.')
  .addStringOption((o) => o.setName('role_a').setDescription('First role').setRequired(true).setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('role_b').setDescription('Second role').setRequired(true).setAutocomplete(true).setMaxLength(100));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const a = valid(roleSchema, interaction.options.getString('role_a', true));
  const b = valid(roleSchema, interaction.options.getString('role_b', true));
  const answer = ctx.advisor().compare(a, b);
  if (!answer.answered) {
    await interaction.reply(renderRefusal(answer));
    return;
  }
  await replyWithAnswer(interaction, ctx, () => answer);
}
