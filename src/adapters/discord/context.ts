// Bot context (pure wiring types, in-memory caches): what every command and event handler can use.
import { randomBytes } from 'node:crypto';
import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Advisor } from '../../query/advisor.js';
import type { Conversations } from '../../query/conversation.js';
import type { FeedbackLog } from '../../app/feedback.js';
import type { Logger } from '../../app/log.js';
import type { Answer } from '../../domain/types.js';
import type { Cooldown } from './cooldown.js';

export interface ReindexResult {
  docs: number;
  chunks: number;
  added: number;
  removed: number;
  ms: number;
  skipped: { file: string; reason: string }[];
}

export interface BotContext {
  /** The advisor currently serving answers (replaced atomically after /reindex). */
  advisor(): Advisor;
  /** Rebuilds the index and swaps it in; BUSY while another rebuild runs. */
  reindex(): Promise<ReindexResult>;
  log: Logger;
  cooldown: Cooldown;
  conversations: Conversations;
  feedback: FeedbackLog;
  answers: RecentAnswers;
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
  private readonly answers = new Map<string, Answer>();
  constructor(private readonly max = 1000) {}

  add(answer: Answer): string {
    const id = randomBytes(6).toString('hex');
    this.answers.set(id, answer);
    while (this.answers.size > this.max) this.answers.delete(this.answers.keys().next().value!);
    return id;
  }

  get(id: string): Answer | undefined {
    return this.answers.get(id);
  }
}
