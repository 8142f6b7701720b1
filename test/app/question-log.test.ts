import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { Feedback } from '../../src/app/feedback.js';
import { createLogger, silentLogger } from '../../src/app/log.js';
import { openPrivacy } from '../../src/app/privacy.js';
import { loadPseudonymSecret, pseudonymizer } from '../../src/app/pseudonym.js';
import { QUESTION_LOG_SCHEMA, openQuestionLog } from '../../src/app/question-log.js';
import type { Answer } from '../../src/domain/answer.js';
import { ROOT, tempDir } from '../helpers.js';

const run = promisify(execFile);
const DAY = 86_400_000;

const answered = (question: string, sections: string[] = ['Doc › A', 'Doc › B', 'Doc › A']): Answer => ({
  kind: 'ask',
  answered: true,
  question,
  intent: 'skills',
  roles: ['Data Engineer'],
  citations: sections.map((section, i) => ({ doc: 'Doc', section, quote: `quote ${i}`, score: 1, docId: 'doc', start: 0, end: 1 })),
});
const refused = (question: string): Answer => ({
  kind: 'none',
  answered: false,
  question,
  intent: 'general',
  roles: [],
  citations: [],
  reason: { code: 'not-covered', example: null },
  suggestions: [],
});

const configFor = (dataDir = tempDir('data-'), extra: Record<string, string> = {}) => loadConfig({ DATA_DIR: dataDir, ...extra });

describe('the question log', () => {
  it('stores each question with surface, intent, roles, outcome, cited sections and latency, in WAL mode at the current schema', () => {
    const config = configFor();
    const log = openQuestionLog(config, silentLogger);
    const id = log.record({ surface: 'cli', via: 'ask', answer: answered('What skills does a data engineer need?'), ms: 12.34 });
    log.record({ surface: 'chat', via: 'chat', answer: refused('best sourdough recipe'), ms: 3 });
    const [first, second] = log.questions();
    expect(first).toMatchObject({
      id,
      surface: 'cli',
      via: 'ask',
      intent: 'skills',
      roles: ['Data Engineer'],
      answered: true,
      citations: ['Doc › A', 'Doc › B'],
      ms: 12.3,
    });
    expect(second).toMatchObject({ surface: 'chat', answered: false, citations: [], up: 0, down: 0 });
    log.close();
    const db = new Database(config.privacy.questionLogPath, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(QUESTION_LOG_SCHEMA);
    db.close();
    expect(statSync(config.privacy.questionLogPath).mode & 0o777).toBe(0o600);
  });

  it('migrates forward on open and refuses a database from a newer version in one line', () => {
    const config = configFor();
    openQuestionLog(config, silentLogger).close();
    openQuestionLog(config, silentLogger).close();
    const db = new Database(config.privacy.questionLogPath);
    db.pragma(`user_version = ${QUESTION_LOG_SCHEMA + 1}`);
    db.close();
    expect(() => openQuestionLog(config, silentLogger)).toThrow(/has schema 2, newer than this version reads \(1\): upgrade the advisor/);
  });

  it('names the file and the fix when it cannot be opened', () => {
    const dataDir = tempDir('data-');
    const config = configFor(dataDir);
    writeFileSync(config.privacy.questionLogPath, 'this is not a database, just text '.repeat(100));
    expect(() => openQuestionLog(config, silentLogger)).toThrow(/^Cannot open the question log .*questions\.sqlite .*set QUESTION_LOG=off\.$/);
  });

  it('keeps every question when several shard processes write at once', async () => {
    const dataDir = tempDir('data-');
    openQuestionLog(configFor(dataDir), silentLogger).close();
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const startAt = String(Date.now() + 6000);
    const writers = ['a', 'b', 'c'].map((name) => run(tsx, [join(ROOT, 'test/fixtures/log-writer.ts'), dataDir, '1000', name, startAt], { timeout: 60_000 }));
    const stored = (await Promise.all(writers)).map((r) => Number(r.stdout));
    expect(stored).toEqual([1000, 1000, 1000]);
    const log = openQuestionLog(configFor(dataDir), silentLogger);
    const all = log.questions();
    expect(all).toHaveLength(3000);
    expect(new Set(all.map((q) => q.question)).size).toBe(3000);
    // The writes interleaved: each writer's questions are not one block.
    const runs = all.reduce((n, q, i) => n + (i > 0 && q.question[0] !== all[i - 1]!.question[0] ? 1 : 0), 0);
    expect(runs).toBeGreaterThan(2);
  });

  it('deletes questions, their sources and their votes after QUESTION_LOG_DAYS', () => {
    const config = configFor(undefined, { QUESTION_LOG_DAYS: '30' });
    let now = Date.parse('2024-06-01T00:00:00Z');
    const log = openQuestionLog(config, silentLogger, { now: () => now });
    const old = log.record({ surface: 'discord', via: 'ask', userId: '111', answer: answered('old question'), ms: 1, at: new Date(now - 31 * DAY) });
    log.record({ surface: 'discord', via: 'ask', userId: '111', answer: answered('recent question'), ms: 1, at: new Date(now - 29 * DAY) });
    log.vote(old!, 'someone', 'down');
    log.close();
    now += 1;
    const reopened = openQuestionLog(config, silentLogger, { now: () => now });
    expect(reopened.questions().map((q) => q.question)).toEqual(['recent question']);
    reopened.close();
    const db = new Database(config.privacy.questionLogPath, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM citations').get()).toEqual({ n: 2 });
    db.close();
  });

  it('stores nothing at all with QUESTION_LOG=off', () => {
    const config = configFor(undefined, { QUESTION_LOG: 'off' });
    const privacy = openPrivacy(config, silentLogger);
    expect(privacy.questions.record({ surface: 'cli', via: 'ask', answer: answered('anything'), ms: 1 })).toBeNull();
    expect(privacy.feedback.vote('abc', '111', 'up')).toBe('off');
    expect(existsSync(config.privacy.questionLogPath)).toBe(false);
  });

  it('imports an existing feedback.jsonl once, re-keying its salted hashes, and keeps one vote per user per answer', () => {
    const dataDir = tempDir('data-');
    const lines = [
      {
        at: '2024-05-01T10:00:00.000Z',
        answerId: 'a1',
        question: 'Do I need a PhD?',
        vote: 'down',
        user: '0123456789abcdef',
        intent: 'education',
        answered: true,
      },
      {
        at: '2024-05-01T10:01:00.000Z',
        answerId: 'a1',
        question: 'Do I need a PhD?',
        vote: 'up',
        user: '0123456789abcdef',
        intent: 'education',
        answered: true,
      },
      { at: '2024-05-02T10:00:00.000Z', answerId: 'a2', question: 'pilot salary', vote: 'down', user: 'fedcba9876543210', intent: 'salary', answered: false },
    ];
    writeFileSync(join(dataDir, 'feedback.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const written: string[] = [];
    const config = configFor(dataDir, { QUESTION_LOG_DAYS: '3650' });
    const log = openQuestionLog(config, createLogger('info', { write: (l) => written.push(l) }));
    expect(written.join('\n')).toMatch(/Imported 3 votes from .*feedback\.jsonl into the question log \(1 unreadable lines skipped\)/);
    expect(existsSync(join(dataDir, 'feedback.jsonl'))).toBe(false);
    expect(existsSync(join(dataDir, 'feedback.jsonl.imported'))).toBe(true);
    const qs = log.questions();
    expect(qs.map((q) => [q.question, q.up, q.down, q.answered])).toEqual([
      ['Do I need a PhD?', 1, 0, true],
      ['pilot salary', 0, 1, false],
    ]);
    log.close();
    writeFileSync(join(dataDir, 'feedback.jsonl'), `${JSON.stringify(lines[2])}\n`);
    const again = openQuestionLog(config, silentLogger);
    expect(again.questions().reduce((n, q) => n + q.down, 0)).toBe(1);
    expect(existsSync(join(dataDir, 'feedback.jsonl'))).toBe(true);
    const raw = readFileSync(config.privacy.questionLogPath);
    expect(raw.includes('0123456789abcdef')).toBe(false);
  });
});

describe('pseudonyms and votes', () => {
  it('generates one key with mode 0600 and keeps using it; PSEUDONYM_SECRET takes precedence', () => {
    const dataDir = tempDir('data-');
    const keyPath = join(dataDir, 'pseudonym.key');
    const key = loadPseudonymSecret({ keyPath });
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(loadPseudonymSecret({ keyPath })).toBe(key);
    expect(loadPseudonymSecret({ keyPath, secret: 'from-the-environment' })).toBe('from-the-environment');
    const p = pseudonymizer(key);
    expect(p('123456789012345678')).toMatch(/^[0-9a-f]{16}$/);
    expect(p('123456789012345678')).toBe(p('123456789012345678'));
    expect(pseudonymizer('another key at least 16')('123456789012345678')).not.toBe(p('123456789012345678'));
    writeFileSync(keyPath, 'damaged');
    expect(() => loadPseudonymSecret({ keyPath })).toThrow(/pseudonym key .* is damaged .*delete it to start new pseudonyms/);
  });

  it('lets only the asker vote, one vote per answer, a later vote replacing the earlier; FEEDBACK_VOTERS=anyone opens it', () => {
    const config = configFor();
    const { questions, feedback, pseudonym } = openPrivacy(config, silentLogger);
    const id = questions.record({ surface: 'discord', via: 'ask', userId: '111111111111111111', answer: answered('Do I need a PhD?'), ms: 1 })!;
    expect(feedback.vote(id, '222222222222222222', 'down')).toBe('not-asker');
    expect(feedback.vote(id, '111111111111111111', 'down')).toBe('recorded');
    expect(feedback.vote(id, '111111111111111111', 'up')).toBe('replaced');
    expect(feedback.vote('no-such-answer', '111111111111111111', 'up')).toBe('unknown');
    expect(questions.questions()[0]).toMatchObject({ up: 1, down: 0 });
    const anyone = new Feedback(questions, pseudonym, 'anyone');
    expect(anyone.vote(id, '222222222222222222', 'down')).toBe('recorded');
    expect(questions.questions()[0]).toMatchObject({ up: 1, down: 1 });
    const raw = readFileSync(config.privacy.questionLogPath).toString('latin1') + readWal(config.privacy.questionLogPath);
    expect(raw).not.toContain('111111111111111111');
    expect(raw).not.toContain('222222222222222222');
  });
});

function readWal(path: string): string {
  return existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).toString('latin1') : '';
}
