import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careerMarkdown } from '../../fixtures/career-markdown.js';
import { ROOT, corpusCopy, tempDir } from '../../helpers.js';
import { FakeDiscord, PERMISSIONS, type Recorded, snowflake } from './fake-discord.js';

// The bot runs in its own process, as `npm start` does, so that this process (the fake Discord and its clock)
// keeps its own event loop: a bot that blocked its loop would show up here as late acknowledgements.
const discord = new FakeDiscord();
const corpus = corpusCopy();
const data = tempDir('reindex-data-');
let child: ChildProcess;
let stderr = '';

const callbackOf = (id: string) => (r: Recorded) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const editOf = (token: string) => (r: Recorded) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);

/** The message a user finally sees for an interaction: the direct reply, or the edit after a deferral. */
async function shown(i: { id: string; token: string }, timeoutMs = 30_000) {
  const cb = await discord.waitFor(callbackOf(i.id), timeoutMs);
  if (cb.body.type === 5) return { ...(await discord.waitFor(editOf(i.token), timeoutMs)).body };
  return { ...cb.body.data };
}

beforeAll(async () => {
  await discord.start();
  child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
    cwd: tempDir('reindex-'),
    env: {
      PATH: process.env.PATH ?? '',
      CORPUS_DIR: corpus,
      DATA_DIR: data,
      RETRIEVAL_MODE: 'lexical',
      DISCORD_TOKEN: 'reindex-test-token-123456',
      DISCORD_API_URL: discord.apiUrl,
    },
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  for (const end = Date.now() + 60_000; !/Bot ready/.test(stderr); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`the bot did not start:\n${stderr}`);
  }
}, 90_000);

afterAll(async () => {
  if (process.env.DEBUG_BOT) console.log(stderr);
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  await discord.stop();
});

describe('re-indexing a large corpus while people ask', () => {
  it('acknowledges 20 /ask from different users within 3 s each while /reindex runs, answering from the previous index', async () => {
    // One 4 MB document, as in the report: parsing it keeps a thread busy for seconds.
    writeFileSync(join(corpus, 'guide.md'), careerMarkdown(4 * 1024 * 1024));
    writeFileSync(join(corpus, 'quantum.md'), '# Quantum Reliability Engineer\n\n## Responsibilities\n\n- Keeps qubit calibration pipelines reliable\n');
    const reindex = discord.command('reindex', [], { userId: snowflake(), permissions: PERMISSIONS.manager });
    await discord.waitFor(callbackOf(reindex.id));
    // The runtime holds the index lock for the whole build: once it exists, the build is under way.
    const lock = join(data, 'index', 'LOCK');
    await expect.poll(() => existsSync(lock), { timeout: 30_000, interval: 10 }).toBe(true);

    const questions = [
      'How much do ML engineers make?',
      'What does an Integration Developer do?',
      'Do I need a PhD?',
      'What tools does a customer analytics manager use?',
    ];
    // Spread over 4 s, as people arrive, so that they land in every stage of the build (parse, chunk, index, write).
    const sent: { id: string; token: string; at: number }[] = [];
    for (let k = 0; k < 20; k++) {
      sent.push(discord.command('ask', [{ name: 'question', value: questions[k % questions.length] ?? '' }], { userId: snowflake() }));
      await new Promise((r) => setTimeout(r, 200));
    }
    const acks = await Promise.all(sent.map((i) => discord.waitFor(callbackOf(i.id), 60_000)));
    const delays = acks.map((a, k) => a.at - (sent[k]?.at ?? 0));
    expect(Math.max(...delays)).toBeLessThan(3000);
    const answers = await Promise.all(sent.map((i) => shown(i)));
    expect(answers.every((m) => m.embeds?.[0]?.description)).toBe(true);
    expect(JSON.stringify(answers)).not.toContain('qubit');

    const done = await discord.waitFor(editOf(reindex.token), 240_000);
    expect(done.body.content).toMatch(/^Re-indexed 7 documents into \d+ chunks \(\+\d+ new, -0 removed\)/);
    const after = await shown(discord.command('ask', [{ name: 'question', value: 'What does a Quantum Reliability Engineer do?' }], { userId: snowflake() }));
    expect(JSON.stringify(after.embeds)).toContain('qubit calibration');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 300_000);
});
