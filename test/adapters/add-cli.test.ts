import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageServer } from '../fixtures/page-server.js';
import { ROOT, cliEnv, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');
const pages = new PageServer();
let env: Record<string, string>;
const cli = (args: string[]) => run(TSX, [MAIN, ...args], { cwd: tempDir('cwd-'), env, timeout: 90_000 });

beforeAll(async () => {
  await pages.start();
  env = cliEnv();
});
afterAll(() => pages.stop());

describe('npm run add and the CLI question log', () => {
  it('adds a PDF, re-indexes, and says how to make a running bot pick it up', async () => {
    const { stdout } = await cli(['add', pages.url('/guides/marine-biologist.pdf')]);
    expect(stdout).toMatch(
      /^Added .*marine-biologist\.md: “Marine Biologist”, 3 sections, \d+ words \(from http:\/\/127\.0\.0\.1:\d+\/guides\/marine-biologist\.pdf\)\.\n/,
    );
    expect(stdout).toMatch(/\nRe-indexed \d+ documents into \d+ chunks/);
    expect(stdout).toContain('until you run /reindex in Discord');
    const answer = JSON.parse((await cli(['ask', '--json', 'What does a marine biologist earn?'])).stdout);
    expect(answer.citations.map((c: { doc: string }) => c.doc)).toContain('Marine Biologist');
  });

  it('refuses a page in one line on stderr, exit code 1, no stack trace', async () => {
    const failed = await cli(['add', pages.url('/not-career')]).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^Refused http:\/\/127\.0\.0\.1:\d+\/not-career: it does not look like a career page .*; nothing was added\.\n$/);
    const usage = await cli(['add']).catch((e) => e);
    expect(usage.stderr).toBe('Usage: npm run add -- <url | file.html | file.pdf> [--json]\n');
  });

  it('logs CLI questions without creating a pseudonym key, since the CLI has no users', async () => {
    const data = tempDir('data-');
    const more = { ...env, DATA_DIR: data };
    await run(TSX, [MAIN, 'ingest'], { env: more, cwd: tempDir('cwd-') });
    await run(TSX, [MAIN, 'salary', 'Machine Learning Engineer'], { env: more, cwd: tempDir('cwd-') });
    expect(existsSync(join(data, 'questions.sqlite'))).toBe(true);
    expect(existsSync(join(data, 'pseudonym.key'))).toBe(false);
    const report = JSON.parse((await run(TSX, [MAIN, 'report', '--json'], { env: more, cwd: tempDir('cwd-') })).stdout);
    expect(report).toMatchObject({ questions: 1, answered: 1 });
    expect(report.byDay.at(-1).cli).toBe(1);
  });
});
