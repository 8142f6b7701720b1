// Event "interactionCreate" (Discord I/O): dispatches commands, autocomplete and buttons; a failure becomes
// a short private message for the user and a detailed log line, never a crash.
import { type ButtonInteraction, Events, type Interaction } from 'discord.js';
import type { VoteResult } from '../../../app/feedback.js';
import { type AppError, type ErrorCode, toAppError } from '../../../domain/errors.js';
import { commandsByName } from '../commands/index.js';
import type { BotContext } from '../context.js';
import { isExpiredInteraction } from '../errors.js';
import { renderNotice, renderSources } from '../render.js';

const USER_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INTERNAL: 'Something went wrong on my side. It has been logged; please try again.',
  INDEX_MISSING: 'The career index is not available right now. Please try again in a minute.',
  INDEX_CORRUPT: 'The career index is being repaired. Please try again in a minute.',
  CORPUS_EMPTY: 'There are no career documents to search yet.',
};

/** The short text a user sees for an error: expected errors explain themselves, others stay generic. */
export function userMessage(error: AppError): string {
  return USER_MESSAGES[error.code] ?? error.message;
}

/** What a voter is told, for each outcome of a vote. */
const VOTE_REPLIES: Record<VoteResult, (vote: 'up' | 'down') => string> = {
  recorded: (v) => (v === 'up' ? 'Thanks, glad it helped!' : 'Thanks, noted. This helps improve the answers.'),
  replaced: (v) => `Changed your rating of this answer to ${v === 'up' ? '👍' : '👎'}.`,
  'not-asker': () => 'Only the person who asked can rate this answer.',
  unknown: () => 'That answer is too old to rate; please ask again.',
  off: () => 'Thanks! (Ratings are not stored on this server.)',
};

async function onButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const [kind, a, b] = interaction.customId.split(':');
  if (kind === 'sources') {
    const answer = a ? ctx.answers.get(a) : undefined;
    await interaction.reply(answer ? renderSources(answer) : renderNotice('That answer is too old to show its sources; please ask again.'));
    return;
  }
  if (kind === 'vote' && (a === 'up' || a === 'down') && b) {
    const result = ctx.feedback.vote(b, interaction.user.id, a);
    await interaction.reply(renderNotice(VOTE_REPLIES[result](a)));
    ctx.log.info('Feedback', { vote: a, answerId: b, result, user: ctx.pseudonym(interaction.user.id) });
  }
}

/** What an interaction was, by name, for one log line: `ask`, `salary (autocomplete)`, `button vote`. */
export function interactionLabel(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return `${interaction.commandName} (autocomplete)`;
  if (interaction.isCommand()) return interaction.commandName;
  if (interaction.isMessageComponent()) return `button ${interaction.customId.split(':')[0] ?? ''}`.trim();
  return `interaction type ${interaction.type}`;
}

export const name = Events.InteractionCreate;

export async function execute(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  try {
    if (interaction.isAutocomplete()) {
      await commandsByName.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
      return;
    }
    if (interaction.isButton()) {
      await onButton(interaction, ctx);
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const command = commandsByName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(renderNotice('I no longer know that command; it may have been removed.'));
      return;
    }
    if (command.cooldown) {
      const wait = ctx.cooldown.take(interaction.user.id);
      if (wait) {
        await interaction.reply(renderNotice(`Slow down a little: you can ask again in ${wait} s.`));
        return;
      }
    }
    await command.execute(interaction, ctx);
    ctx.log.info('Command', { command: interaction.commandName, user: ctx.pseudonym(interaction.user.id), ms: Math.round(performance.now() - started) });
  } catch (error) {
    const command = interactionLabel(interaction);
    if (isExpiredInteraction(error)) {
      // Discord's 3 s window was missed (or another process answered): nobody is left to tell, and no stack helps.
      ctx.log.warn('Interaction expired before the reply', { command, code: error.code, ms: Math.round(performance.now() - started) });
      return;
    }
    const e = toAppError(error);
    if (e.code === 'INTERNAL') {
      ctx.log.error('Interaction failed', { command, error: e.message });
      ctx.log.debug('Interaction failure detail', { command, error: e.cause ?? e });
    } else ctx.log.info('Interaction refused', { command, code: e.code, message: e.message });
    if (!interaction.isRepliable()) return;
    try {
      const notice = renderNotice(userMessage(e));
      if (interaction.deferred || interaction.replied) await interaction.followUp(notice);
      else await interaction.reply(notice);
    } catch (replyError) {
      ctx.log.warn('Could not tell the user about an error', { error: String(replyError) });
    }
  }
}
