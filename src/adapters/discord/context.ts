// Bot context (wiring types and in-memory caches, no I/O): what every command and event handler can use.
import { randomBytes } from 'node:crypto';
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Feedback } from '../../app/feedback.js';
import type { Logger } from '../../app/log.js';
import type { Pseudonymize } from '../../app/pseudonym.js';
import type { QuestionLog } from '../../app/question-log.js';
import type { SwapResult } from '../../app/runtime.js';
import type { Answer } from '../../domain/answer.js';
import type { Advisor } from '../../query/advisor.js';
import type { Conversations } from '../../query/conversation.js';
import type { Cooldown } from './cooldown.js';

export interface BotContext {
  /** The advisor currently serving answers (the runtime swaps it after /reindex). */
  advisor(): Advisor;
  /** Rebuilds the index from the corpus (a shard asks its manager to) and swaps it in; BUSY while one runs. */
  reindex(): Promise<Omit<SwapResult, 'summary'>>;
  /** Re-reads the index another process built and swaps it in (a shard, after another shard's /reindex). */
  reload(): Promise<unknown>;
  log: Logger;
  /** Per user, for questions. */
  cooldown: Cooldown;
  /** Per server, for /reindex. */
  reindexCooldown: Cooldown;
  conversations: Conversations;
  feedback: Feedback;
  /** Every answered or refused question, with its votes (stores nothing when QUESTION_LOG=off). */
  questions: QuestionLog;
  /** Raw user id -> keyed pseudonym: the only form of a user id that may reach a log line. */
  pseudonym: Pseudonymize;
  answers: RecentAnswers;
  /** Whether the Message Content intent is on, so replies in the bot's threads can be read without a mention. */
  messageContent: boolean;
  /** Threads already told that follow-ups need a mention (when Message Content is off); bounded. */
  hintedThreads: LRUCache<string, true>;
}

/** A slash command: its definition (used for registration) and its handler (used for dispatch). */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Whether the per-user cooldown applies. */
  cooldown?: boolean;
}

/** Recent answers by id, for the Sources and feedback buttons; bounded. */
export class RecentAnswers {
  private readonly answers: LRUCache<string, Answer>;
  constructor(max = 1000) {
    this.answers = new LRUCache({ max });
  }

  add(answer: Answer): string {
    const id = randomBytes(6).toString('hex');
    this.answers.set(id, answer);
    return id;
  }

  get(id: string): Answer | undefined {
    return this.answers.get(id);
  }
}
