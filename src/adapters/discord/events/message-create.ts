// Event "messageCreate" (Discord I/O): questions asked by mentioning the bot in a channel (answered in a
// thread) or in a DM, with follow-ups resolved against the previous turn in the same place.
import { Events, type Message, type SendableChannels } from 'discord.js';
import { toAppError } from '../../../domain/errors.js';
import { isTooLong, tooLongMessage } from '../../../domain/limits.js';
import { nextTurn } from '../../../query/conversation.js';
import type { BotContext } from '../context.js';
import { NO_MENTIONS, renderAnswer } from '../render.js';
import { userMessage } from './interaction-create.js';

export const name = Events.MessageCreate;

/** Posted once per thread when a reply without a mention cannot be read. */
export const FOLLOW_UP_HINT = 'To ask a follow-up here, mention me (e.g. “@advisor and for senior roles?”): I can only read messages that mention me.';

function threadName(question: string): string {
  const clean = question.replace(/\s+/g, ' ').trim();
  return (clean.length > 90 ? `${clean.slice(0, 89)}…` : clean) || 'Career question';
}

export async function execute(message: Message, ctx: BotContext): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || !me) return;
  const inDm = !message.inGuild();
  if (!inDm && !message.mentions.users.has(me.id)) {
    const channel = message.channel;
    if (!channel.isThread() || channel.ownerId !== me.id) return;
    if (!ctx.messageContent) {
      // Without Message Content, Discord sends replies without their text: say once how to follow up.
      if (ctx.hintedThreads.has(channel.id) || !channel.isSendable()) return;
      ctx.hintedThreads.set(channel.id, true);
      await channel.send({ content: FOLLOW_UP_HINT, allowedMentions: NO_MENTIONS }).catch(() => undefined);
      return;
    }
  }
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
    const started = performance.now();
    const key = `${message.author.id}:${target.id}`;
    const answer = await ctx.advisor().ask(question, ctx.conversations.get(key));
    ctx.conversations.set(key, nextTurn(ctx.conversations.get(key), answer));
    const answerId = ctx.answers.add(answer);
    await target.send(renderAnswer(answer, { answerId, builtAt: ctx.advisor().status().builtAt }));
    const ms = performance.now() - started;
    ctx.questions.record({ surface: 'discord', via: inDm ? 'dm' : 'mention', userId: message.author.id, answer, ms, id: answerId });
    ctx.log.info('Message answered', { user: ctx.pseudonym(message.author.id), dm: inDm, intent: answer.intent, answered: answer.answered });
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
