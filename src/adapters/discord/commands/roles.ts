// Slash command /roles (Discord I/O): the roles catalog.
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.js';
import { replyWithAnswer } from '../reply.js';

export const data = new SlashCommandBuilder().setName('roles').setDescription('List the roles the career documents cover.');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await replyWithAnswer(interaction, ctx, () => ctx.advisor().roles());
}
