// Slash command /ask (Discord I/O): a free question answered with quoted passages.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { INPUT_LIMITS, checkInput } from '../../../domain/limits.js';
import type { BotContext } from '../context.js';
import { replyWithAnswer } from '../reply.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a career question; the answer quotes the career documents.')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question in your own words, e.g. what does this role pay?')
      .setRequired(true)
      .setMaxLength(INPUT_LIMITS.question),
  );

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = checkInput('question', interaction.options.getString('question', true));
  const previous = ctx.conversations.get(`${interaction.user.id}:${interaction.channelId}`);
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().ask(question, previous));
}
