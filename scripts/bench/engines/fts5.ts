// Benchmark lexical engine "SQLite FTS5" (I/O: writes/reads fts5.db; needs better-sqlite3 v12, a dev dependency):
// the same pre-tokenised terms in an FTS5 table, ranked by FTS5's bm25() with the heading weighted 1.5.
import { join } from 'node:path';
import { indexedFields } from '../../../src/index/bm25.js';
import { terms } from '../../../src/index/terms.js';
import type { LexicalEngine } from './types.js';

type Db = import('better-sqlite3').Database;

async function open(file: string, readonly: boolean): Promise<Db> {
  const { default: Database } = await import('better-sqlite3');
  return new Database(file, { readonly });
}

export const fts5Engine: LexicalEngine = {
  name: 'SQLite FTS5',
  note: 'FTS5 bm25() (k1 1.2, b 0.75), heading ×1.5, OR of terms; no per-term weights, no fuzzy; one SQLite file',
  async build(chunks, docs, dir) {
    const db = await open(join(dir, 'fts5.db'), false);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec("CREATE VIRTUAL TABLE chunks USING fts5(heading, body, tokenize = 'unicode61', detail = 'column')");
    const insert = db.prepare('INSERT INTO chunks (rowid, heading, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      chunks.forEach((c, id) => {
        const f = indexedFields(c, docs.get(c.docId));
        insert.run(id + 1, terms(f.heading).join(' '), terms(f.body).join(' '));
      });
    })();
    db.exec("INSERT INTO chunks(chunks) VALUES('optimize')");
    db.close();
  },
  async open(dir) {
    const db = await open(join(dir, 'fts5.db'), true);
    const query = db.prepare('SELECT rowid AS id, bm25(chunks, 1.5, 1.0) AS s FROM chunks WHERE chunks MATCH ? ORDER BY s LIMIT ?');
    return {
      search(q, k) {
        const match = [...new Set(q.map((t) => t.term))].map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ');
        if (!match) return [];
        return (query.all(match, k) as { id: number; s: number }[]).map((r) => ({ id: r.id - 1, score: -r.s }));
      },
      close: () => db.close(),
    };
  },
};
