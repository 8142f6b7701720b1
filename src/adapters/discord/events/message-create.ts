// Event "messageCreate" (Discord I/O): questions asked by mentioning the bot in a channel (answered in a
// thread) or in a DM, with follow-ups resolved against the previous turn in the same place.
import { Events, type Message, type SendableChannels } from 'discord.js';
import { toAppError } from '../../../domain/errors.js';
import { isTooLong, tooLongMessage } from '../../../domain/limits.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS, renderAnswer } from '../render.js';
import { userMessage } from './interaction-create.js';

export const name = Events.MessageCreate;

function threadName(question: string): string {
  const clean = question.replace(/\s+/g, ' ').trim();
  return (clean.length > 90 ? `${clean.slice(0, 89)}…` : clean) || 'Career question';
}

export async function execute(message: Message, ctx: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || !me) return;
  const inDm = !message.inGuild();
  if (!inDm && !message.mentions.users.has(me.id)) return;
  const question = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), '').trim();
  let target: SendableChannels | undefined;
  try {
    const wait = ctx.cooldown.take(message.author.id);
    if (wait) {
      if (message.channel.isSendable()) await message.reply({ content: `Slow down a little: you can ask again in ${wait} s.`, allowedMentions: NO_MENTIONS });
      return;
    }
    // Refused before any work, and before a thread is opened for it.
    if (isTooLong('question', question)) {
      if (message.channel.isSendable()) await message.reply({ content: tooLongMessage('question', question.length), allowedMentions: NO_MENTIONS });
      return;
    }
    if (inDm || message.channel.isThread()) target = message.channel.isSendable() ? message.channel : undefined;
    else target = await message.startThread({ name: threadName(question), autoArchiveDuration: 1440 });
    if (!target) return;
    if (question.length < 3) {
      await target.send({ content: 'Ask me a career question, e.g. “What skills does an ML engineer need?” (or use /help).', allowedMentions: NO_MENTIONS });
      return;
    }
    const key = `${message.author.id}:${target.id}`;
    const answer = await ctx.advisor().ask(question, ctx.conversations.get(key));
    ctx.conversations.set(key, { intent: answer.intent, roles: answer.roles });
    const answerId = ctx.answers.add(answer);
    await target.send(renderAnswer(answer, { answerId, builtAt: ctx.advisor().status().builtAt }));
    ctx.log.info('Message answered', { user: message.author.id, dm: inDm, intent: answer.intent, answered: answer.answered });
  } catch (error) {
    const e = toAppError(error);
    if (e.code === 'INTERNAL') {
      ctx.log.error('Message failed', { error: e.message });
      ctx.log.debug('Message failure detail', { error: e.cause ?? e });
    } else ctx.log.info('Message refused', { code: e.code, message: e.message });
    const where = target ?? (message.channel.isSendable() ? message.channel : undefined);
    await where?.send({ content: userMessage(e), allowedMentions: NO_MENTIONS }).catch(() => undefined);
  }
}
