// Slash command /compare (Discord I/O): two roles side by side, one embed field per aspect.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { INPUT_LIMITS, checkInput } from '../../../domain/limits.js';
import type { BotContext } from '../context.js';
import { renderRefusal } from '../render.js';
import { replyWithAnswer } from '../reply.js';

export { autocompleteRole as autocomplete } from './role-autocomplete.js';

export const data = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('Compare two roles side by side: duties, skills, education, salary, outlook.')
  .addStringOption((o) => o.setName('role_a').setDescription('First role').setRequired(true).setAutocomplete(true).setMaxLength(INPUT_LIMITS.role))
  .addStringOption((o) => o.setName('role_b').setDescription('Second role').setRequired(true).setAutocomplete(true).setMaxLength(INPUT_LIMITS.role));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const a = checkInput('role', interaction.options.getString('role_a', true));
  const b = checkInput('role', interaction.options.getString('role_b', true));
  const started = performance.now();
  const answer = ctx.advisor().compare(a, b);
  if (!answer.answered) {
    await interaction.reply(renderRefusal(answer));
    ctx.questions.record({ surface: 'discord', via: 'compare', userId: interaction.user.id, answer, ms: performance.now() - started });
    return;
  }
  await replyWithAnswer(interaction, ctx, () => answer);
}
