// Question log schema (I/O: runs DDL on the SQLite handle it is given): the versioned tables and the forward
// migrations, applied in one immediate transaction so shard processes opening together cannot race.
import type Database from 'better-sqlite3';
import { AppError } from '../domain/errors.js';

/** Schema migrations, in order; `PRAGMA user_version` is how many have run. Never edit one, append a new one. */
const MIGRATIONS: string[] = [
  `CREATE TABLE questions (
     id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     surface TEXT NOT NULL,
     via TEXT NOT NULL,
     user TEXT,
     question TEXT NOT NULL,
     kind TEXT NOT NULL,
     intent TEXT NOT NULL,
     roles TEXT NOT NULL,
     answered INTEGER NOT NULL,
     reason TEXT,
     latency_ms REAL
   );
   CREATE INDEX questions_at ON questions(at);
   CREATE TABLE citations (
     question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
     rank INTEGER NOT NULL,
     label TEXT NOT NULL,
     PRIMARY KEY (question_id, rank)
   );
   CREATE INDEX citations_label ON citations(label);
   CREATE TABLE votes (
     answer_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
     user TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     at INTEGER NOT NULL,
     PRIMARY KEY (answer_id, user)
   );
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

/** The schema version this code writes. */
export const QUESTION_LOG_SCHEMA = MIGRATIONS.length;

/** Runs the migrations this database has not seen yet; a database from a newer version is refused in one line. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > MIGRATIONS.length) {
      throw new AppError('CONFIG_INVALID', `${db.name} has schema ${version}, newer than this version reads (${MIGRATIONS.length}): upgrade the advisor.`);
    }
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
