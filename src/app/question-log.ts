// Question log (I/O: SQLite file DATA_DIR/questions.sqlite): every question from every surface with its answer's
// outcome and sources, and the 👍/👎 votes on it. WAL mode and a busy timeout let several shard processes write
// at once; the schema is versioned (PRAGMA user_version) and migrated forward on open.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Answer } from '../domain/answer.js';
import { AppError } from '../domain/errors.js';
import type { Config } from './config.js';
import { importLegacyFeedback } from './feedback-import.js';
import type { Logger } from './log.js';
import { type Pseudonymize, lazyPseudonymizer, loadPseudonymSecret } from './pseudonym.js';
import { migrate } from './question-log-schema.js';

export { QUESTION_LOG_SCHEMA } from './question-log-schema.js';

/** Where a question was asked. */
export type Surface = 'discord' | 'chat' | 'cli';

/** One question as a surface saw it, after its answer was rendered. */
export interface AskedQuestion {
  surface: Surface;
  /** How it was asked: the command (ask, salary, compare, roles), or mention / dm / chat. */
  via: string;
  /** Raw user id (Discord); only its pseudonym is stored. */
  userId?: string;
  answer: Answer;
  /** Milliseconds from receiving the question to the rendered answer. */
  ms: number;
  /** The id the surface shows (Discord vote buttons); generated when absent. */
  id?: string;
  at?: Date;
}

/** A stored question with its votes, as the report reads it. */
export interface LoggedQuestion {
  id: string;
  at: number;
  surface: Surface;
  via: string;
  question: string;
  intent: string;
  roles: string[];
  answered: boolean;
  /** Source labels (`Document › Section`) of the citations behind the answer, best first. */
  citations: string[];
  ms: number | null;
  up: number;
  down: number;
}

export type VoteOutcome = 'recorded' | 'replaced' | 'unknown' | 'off';

/** The one interface the surfaces use; `QUESTION_LOG=off` gets an implementation that stores nothing. */
export interface QuestionLog {
  readonly enabled: boolean;
  /** Stores a question; never throws (a failure is one warning in the log). Returns the stored id. */
  record(question: AskedQuestion): string | null;
  /** The asker's pseudonym of a stored question: null for a question without a user, undefined when unknown. */
  askerOf(id: string): string | null | undefined;
  /** One vote per user per answer: a later vote replaces the earlier one. `user` is a pseudonym. */
  vote(answerId: string, user: string, vote: 'up' | 'down'): VoteOutcome;
  /** Questions asked since `since` (ms epoch), oldest first. */
  questions(since?: number): LoggedQuestion[];
  close(): void;
}

const DAY_MS = 86_400_000;
/** How long a writer waits for another process's write before giving up (ms). Writes take well under 1 ms. */
const BUSY_TIMEOUT_MS = 2000;
/** How often retention runs in a long-running process (the bot); it also runs on every open. */
const PRUNE_EVERY_MS = 3_600_000;

const rowSchema = z.object({
  id: z.string(),
  at: z.number(),
  surface: z.enum(['discord', 'chat', 'cli']),
  via: z.string(),
  question: z.string(),
  intent: z.string(),
  roles: z.string(),
  answered: z.number(),
  citations: z.string(),
  latency_ms: z.number().nullable(),
  up: z.number(),
  down: z.number(),
});
const strings = z.array(z.string());

/** Unique source labels of an answer's citations, best first. */
function labelsOf(answer: Answer): string[] {
  return [...new Set(answer.citations.map((c) => c.section))];
}

class SqliteQuestionLog implements QuestionLog {
  readonly enabled = true;
  private warned = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Database.Database,
    private readonly pseudonym: Pseudonymize,
    private readonly retentionMs: number,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.prune();
    this.timer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  record(q: AskedQuestion): string | null {
    const id = q.id ?? randomBytes(6).toString('hex');
    const a = q.answer;
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT OR REPLACE INTO questions (id, at, surface, via, user, question, kind, intent, roles, answered, reason, latency_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            (q.at ?? new Date(this.now())).getTime(),
            q.surface,
            q.via,
            q.userId === undefined ? null : this.pseudonym(q.userId),
            a.question,
            a.kind,
            a.intent,
            JSON.stringify(a.roles),
            a.answered ? 1 : 0,
            a.kind === 'none' ? a.reason.code : null,
            Math.round(q.ms * 10) / 10,
          );
        const cite = this.db.prepare('INSERT INTO citations (question_id, rank, label) VALUES (?, ?, ?)');
        labelsOf(a).forEach((label, rank) => cite.run(id, rank, label));
      })();
      return id;
    } catch (error) {
      this.warnOnce(error);
      return null;
    }
  }

  askerOf(id: string): string | null | undefined {
    const row = this.db.prepare('SELECT user FROM questions WHERE id = ?').get(id) as { user: string | null } | undefined;
    return row === undefined ? undefined : row.user;
  }

  vote(answerId: string, user: string, vote: 'up' | 'down'): VoteOutcome {
    return this.db
      .transaction((): VoteOutcome => {
        if (this.askerOf(answerId) === undefined) return 'unknown';
        const before = this.db.prepare('SELECT 1 FROM votes WHERE answer_id = ? AND user = ?').get(answerId, user);
        this.db
          .prepare(
            'INSERT INTO votes (answer_id, user, vote, at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user) DO UPDATE SET vote = excluded.vote, at = excluded.at',
          )
          .run(answerId, user, vote, this.now());
        return before ? 'replaced' : 'recorded';
      })
      .immediate();
  }

  questions(since = 0): LoggedQuestion[] {
    const rows = this.db
      .prepare(
        `SELECT q.id, q.at, q.surface, q.via, q.question, q.intent, q.roles, q.answered, q.latency_ms,
           (SELECT json_group_array(label) FROM (SELECT label FROM citations c WHERE c.question_id = q.id ORDER BY rank)) AS citations,
           (SELECT count(*) FROM votes v WHERE v.answer_id = q.id AND v.vote = 'up') AS up,
           (SELECT count(*) FROM votes v WHERE v.answer_id = q.id AND v.vote = 'down') AS down
         FROM questions q WHERE q.at >= ? ORDER BY q.at, q.rowid`,
      )
      .all(since);
    return rows.map((raw) => {
      const r = rowSchema.parse(raw);
      return {
        id: r.id,
        at: r.at,
        surface: r.surface,
        via: r.via,
        question: r.question,
        intent: r.intent,
        roles: strings.parse(JSON.parse(r.roles)),
        answered: r.answered === 1,
        citations: strings.parse(JSON.parse(r.citations)),
        ms: r.latency_ms,
        up: r.up,
        down: r.down,
      };
    });
  }

  close(): void {
    clearInterval(this.timer);
    if (this.db.open) this.db.close();
  }

  /** Deletes questions (and, by cascade, their citations and votes) older than the retention period. */
  prune(): number {
    try {
      return this.db.prepare('DELETE FROM questions WHERE at < ?').run(this.now() - this.retentionMs).changes;
    } catch (error) {
      this.warnOnce(error);
      return 0;
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.log.warn(`Could not write to the question log ${this.db.name} (${error instanceof Error ? error.message : String(error)}); answers are not affected.`);
  }
}

/** Stores nothing (QUESTION_LOG=off). */
export const offQuestionLog: QuestionLog = {
  enabled: false,
  record: () => null,
  askerOf: () => undefined,
  vote: () => 'off',
  questions: () => [],
  close: () => undefined,
};

export interface OpenOptions {
  /** The key for pseudonyms; loaded from the config (or generated) when absent. */
  pseudonym?: Pseudonymize;
  now?: () => number;
}

/**
 * Opens (creating or migrating) the question log the config names, or the one that stores nothing when
 * QUESTION_LOG=off. Throws a one-line CONFIG_INVALID error naming the file when it cannot be opened.
 */
export function openQuestionLog(config: Config, log: Logger, options: OpenOptions = {}): QuestionLog {
  const p = config.privacy;
  if (!p.questionLog) return offQuestionLog;
  const pseudonym = options.pseudonym ?? lazyPseudonymizer(() => loadPseudonymSecret({ secret: p.pseudonymSecret, keyPath: p.pseudonymKeyPath }, log));
  let db: Database.Database | undefined;
  try {
    // Loaded here, not at import, so that a native module that fails to load costs the log, not the answers.
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    mkdirSync(dirname(p.questionLogPath), { recursive: true });
    // Questions are personal data: only the bot's own user may read the file (SQLite gives -wal/-shm the same mode).
    closeSync(openSync(p.questionLogPath, 'a', 0o600));
    db = new Sqlite(p.questionLogPath, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    importLegacyFeedback(db, join(config.dataDir, 'feedback.jsonl'), pseudonym, log);
    return new SqliteQuestionLog(db, pseudonym, p.retentionDays * DAY_MS, log, options.now ?? Date.now);
  } catch (error) {
    db?.close();
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('CONFIG_INVALID', `Cannot open the question log ${p.questionLogPath} (${reason}): fix or move the file, or set QUESTION_LOG=off.`, {
      cause: error,
    });
  }
}

/**
 * The question log for surfaces that must keep answering when it cannot be opened (the bot, the CLI): one
 * warning, then nothing is stored.
 */
export function openQuestionLogOrWarn(config: Config, log: Logger, options: OpenOptions = {}): QuestionLog {
  try {
    return openQuestionLog(config, log, options);
  } catch (error) {
    log.warn(error instanceof Error ? `${error.message} Questions are not being logged.` : String(error));
    return offQuestionLog;
  }
}
