// Slash command /ask (Discord I/O): a free question answered with quoted passages.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { questionSchema, replyWithAnswer, valid } from '../reply.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a career question; the answer quotes the career documents.')
  .addStringOption((o) => o.setName('question').setDescription('e.g. What skills does an ML engineer need?').setRequired(true).setMaxLength(500));

export const cooldown = true;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = valid(questionSchema, interaction.options.getString('question', true));
  const previous = ctx.conversations.get(`${interaction.user.id}:${interaction.channelId}`);
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().ask(question, previous));
}
