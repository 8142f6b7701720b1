// Interaction replies (Discord I/O): answer at once when ready, defer when work may pass Discord's window.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answer } from '../../domain/answer.js';
import { nextTurn } from '../../query/conversation.js';
import type { BotContext } from './context.js';
import { renderAnswer } from './render.js';

/** How long to wait for an answer before deferring (Discord allows 3 s for the first response). */
export const DEFER_AFTER_MS = 1200;

/**
 * Computes an answer and replies with it: directly when it is ready within DEFER_AFTER_MS, otherwise after
 * deferring. Answers are remembered for the buttons and as the user's conversation turn.
 */
export async function replyWithAnswer(interaction: ChatInputCommandInteraction, ctx: BotContext, work: () => Promise<Answer> | Answer): Promise<void> {
  const started = performance.now();
  const pending = Promise.resolve().then(work);
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), DEFER_AFTER_MS).unref());
  const first = await Promise.race([pending, timer]);
  if (first === 'late') await interaction.deferReply();
  const answer = await pending;
  const answerId = ctx.answers.add(answer);
  const key = `${interaction.user.id}:${interaction.channelId}`;
  ctx.conversations.set(key, nextTurn(ctx.conversations.get(key), answer));
  const payload = renderAnswer(answer, { answerId, builtAt: ctx.advisor().status().builtAt });
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply(payload);
  const ms = performance.now() - started;
  ctx.questions.record({ surface: 'discord', via: interaction.commandName, userId: interaction.user.id, answer, ms, id: answerId });
}
