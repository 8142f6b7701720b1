// Slash command /compare (Discord I/O): two roles side by side, one embed field per aspect.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { resolveRole } from '../../answer/roles.js';
import { AppError } from '../../errors.js';
import type { BotContext } from '../context.js';
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
  const roles = ctx.advisor().index.knowledge.roles;
  for (const input of [a, b]) {
    const r = resolveRole(roles, input);
    if (!r.role) throw new AppError('UNKNOWN_ROLE', `I don't know the role “${input}”.${r.suggestions.length ? ` Did you mean: ${r.suggestions.join(', ')}?` : ''}`);
  }
  if (resolveRole(roles, a).role === resolveRole(roles, b).role) {
    throw new AppError('BAD_INPUT', `Both options name ${resolveRole(roles, a).role!.name}. Pick two different roles.`);
  }
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().compare(a, b));
}
