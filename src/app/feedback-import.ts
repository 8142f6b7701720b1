// Legacy votes import (I/O: reads DATA_DIR/feedback.jsonl once, renames it): the votes file of earlier versions
// moves into the question log, its fixed-salt hashes re-keyed with the HMAC secret.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { Logger } from './log.js';
import type { Pseudonymize } from './pseudonym.js';

const legacyVote = z.object({
  at: z.string(),
  answerId: z.string().min(1),
  question: z.string().default(''),
  vote: z.enum(['up', 'down']),
  user: z.string().min(1),
  intent: z.string().optional(),
  answered: z.boolean().optional(),
});

/**
 * Imports DATA_DIR/feedback.jsonl (the votes file of earlier versions) once, then renames it `.imported`. Its
 * salted hashes are re-keyed with the HMAC secret; unreadable lines are counted and skipped.
 */
export function importLegacyFeedback(db: Database.Database, path: string, pseudonym: Pseudonymize, log: Logger): void {
  if (!existsSync(path)) return;
  let imported = 0;
  let bad = 0;
  let ran = false;
  db.transaction(() => {
    // Shards open the log together: the first to get the write lock imports, the others see it done.
    if (db.prepare("SELECT 1 FROM meta WHERE key = 'feedback-imported'").get()) return;
    ran = true;
    const stub = db.prepare(
      `INSERT OR IGNORE INTO questions (id, at, surface, via, user, question, kind, intent, roles, answered, reason, latency_ms)
       VALUES (?, ?, 'discord', 'import', NULL, ?, 'unknown', ?, '[]', ?, NULL, NULL)`,
    );
    const vote = db.prepare(
      'INSERT INTO votes (answer_id, user, vote, at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, user) DO UPDATE SET vote = excluded.vote, at = excluded.at',
    );
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let parsed: z.infer<typeof legacyVote>;
      try {
        parsed = legacyVote.parse(JSON.parse(line));
      } catch {
        bad++;
        continue;
      }
      const at = Date.parse(parsed.at);
      if (Number.isNaN(at)) {
        bad++;
        continue;
      }
      stub.run(parsed.answerId, at, parsed.question, parsed.intent ?? 'general', parsed.answered === false ? 0 : 1);
      vote.run(parsed.answerId, pseudonym(`legacy:${parsed.user}`), parsed.vote, at);
      imported++;
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('feedback-imported', ?)").run(new Date().toISOString());
  }).immediate();
  if (!ran) return;
  try {
    renameSync(path, `${path}.imported`);
  } catch (error) {
    log.warn(`Imported ${path} into the question log but could not rename it (${(error as NodeJS.ErrnoException).code}); it will not be imported again.`);
    return;
  }
  log.info(
    `Imported ${imported} votes from ${path} into the question log${bad ? ` (${bad} unreadable lines skipped)` : ''}; the old file is now ${path}.imported.`,
  );
}
