import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireIndexLock } from '../../src/index/index-lock.js';
import { readIndex } from '../../src/index/store.js';
import { careerMarkdown } from '../fixtures/career-markdown.js';
import { ROOT, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');

/** A pid that certainly belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function ingest(env: Record<string, string>) {
  return run(TSX, [MAIN, 'ingest'], { cwd: tempDir('cwd-'), env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 120_000 });
}

describe('one ingest at a time', () => {
  it('makes a second writer wait, or fail with BUSY naming the owner, and releases only its own lock', async () => {
    const root = join(tempDir('lock-'), 'index');
    const first = await acquireIndexLock(root);
    const owner = JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(acquireIndexLock(root, { waitMs: 0 })).rejects.toMatchObject({
      code: 'BUSY',
      message: expect.stringMatching(
        new RegExp(`^Another ingest \\(pid ${process.pid}, since .*\\) is writing the index in ${root}; try again when it has finished\\.$`),
      ),
    });
    let waited = false;
    const second = acquireIndexLock(root, {
      onWait: () => {
        waited = true;
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(waited).toBe(true);
    await first.release();
    const got = await second;
    await first.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
    await got.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose owner died, and one left empty long ago', async () => {
    const root = join(tempDir('lock-'), 'index');
    mkdirSync(root);
    const dead = deadPid();
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), token: 'x', since: new Date().toISOString() }));
    const lock = await acquireIndexLock(root, { waitMs: 0 });
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
    writeFileSync(join(root, LOCK_FILE), '');
    await expect(acquireIndexLock(root, { waitMs: 0 })).rejects.toMatchObject({ code: 'BUSY' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, LOCK_FILE), old, old);
    await (await acquireIndexLock(root, { waitMs: 0 })).release();
    expect(readdirSync(root)).toEqual([]);
  });

  it('lets two concurrent CLI ingests both finish cleanly, one after the other, into one complete index', async () => {
    const corpus = corpusCopy();
    writeFileSync(join(corpus, 'guide.md'), careerMarkdown(300_000));
    const data = tempDir('data-');
    const env = { CORPUS_DIR: corpus, DATA_DIR: data, RETRIEVAL_MODE: 'lexical', LOG_LEVEL: 'info' };
    // Hold the lock as another live process would, so both ingests are certain to meet it.
    const held = await acquireIndexLock(join(data, 'index'));
    const both = Promise.all([ingest(env), ingest(env)]);
    await new Promise((r) => setTimeout(r, 2500));
    await held.release();
    const results = await both;
    for (const r of results) {
      expect(r.stdout).toMatch(/^Indexed 6 documents into \d+ chunks/);
      expect(r.stderr).toMatch(/Waiting for another ingest \(pid \d+\) to finish writing/);
      expect(r.stderr).not.toMatch(/\n\s+at |Unexpected error/);
    }
    const index = await readIndex(join(data, 'index'), 50);
    expect(index.manifest.docCount).toBe(6);
    expect(readdirSync(join(data, 'index')).sort()).toEqual(['CURRENT', readFileSync(join(data, 'index', 'CURRENT'), 'utf8')]);
  }, 180_000);

  it('lets a new ingest take over from one that was killed, and removes its unfinished build', async () => {
    const data = tempDir('data-');
    const root = join(data, 'index');
    mkdirSync(join(root, 'build-zz0000-1'), { recursive: true });
    writeFileSync(join(root, 'build-zz0000-1', 'corpus.json'), '{"docs":[');
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), token: 'y', since: new Date().toISOString() }));
    const r = await ingest({ CORPUS_DIR: corpusCopy(), DATA_DIR: data, RETRIEVAL_MODE: 'lexical', LOG_LEVEL: 'warn' });
    expect(r.stdout).toMatch(/^Indexed 5 documents/);
    expect(r.stderr).toBe('');
    expect(readdirSync(root).sort()).toEqual(['CURRENT', readFileSync(join(root, 'CURRENT'), 'utf8')]);
  }, 60_000);
});
