import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, corpusCopy, tempDir } from '../../helpers.js';
import { FakeDiscord, IDS, PERMISSIONS, type Recorded, snowflake } from './fake-discord.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TOKEN = 'shard-test-token-123456';

let discord: FakeDiscord | undefined;
let manager: ChildProcess | undefined;

/** Starts `npm run start:sharded` against a fresh fake Discord; returns the process and its (shared) stderr. */
async function startSharded(env: Record<string, string>, shards: number, options: { rejectToken?: boolean; closeOnIdentify?: number } = {}) {
  discord = new FakeDiscord();
  discord.shards = shards;
  if (options.rejectToken) discord.rejectedTokens.add(TOKEN);
  discord.closeOnIdentify = options.closeOnIdentify;
  await discord.start();
  const corpus = corpusCopy();
  const child = spawn(TSX, [join(ROOT, 'src', 'shard.ts')], {
    cwd: tempDir('shard-cwd-'),
    env: {
      PATH: process.env.PATH ?? '',
      CORPUS_DIR: corpus,
      DATA_DIR: tempDir('shard-data-'),
      RETRIEVAL_MODE: 'lexical',
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      ...env,
    },
  });
  manager = child;
  const out = { stderr: '' };
  child.stderr.on('data', (d) => {
    out.stderr += String(d);
  });
  return { child, out, corpus, discord };
}

const pidsOf = (stderr: string) => [...stderr.matchAll(/Shard started shard=\d+ of=\d+ pid=(\d+)/g)].map((m) => Number(m[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const replyTo = (id: string) => (r: Recorded) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

afterEach(async () => {
  if (manager && manager.exitCode === null && manager.signalCode === null) {
    manager.kill('SIGKILL');
    await once(manager, 'exit');
  }
  await discord?.stop();
});

describe('sharded mode against a fake Discord', () => {
  it('runs two shards that identify, answer in their own guilds, all reload after /reindex, and stop on SIGTERM', async () => {
    const { child, out, corpus, discord: fake } = await startSharded({ TOTAL_SHARDS: '2' }, 2);
    await expect.poll(() => out.stderr, { timeout: 60_000, interval: 200 }).toMatch(/All shards ready shards=0-1 of=2/);
    expect(fake.identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const pids = pidsOf(out.stderr);
    expect(pids).toHaveLength(2);

    // IDS.guild2 lives on shard 0 and IDS.guild on shard 1: each shard answers the commands of its own guild.
    for (const guildId of [IDS.guild2, IDS.guild]) {
      const i = fake.command('roles', [], { userId: snowflake(), guildId });
      const reply = await fake.waitFor(replyTo(i.id), 20_000);
      expect(reply.body.data.embeds[0].description).toContain('Machine Learning Engineer');
      expect(reply.body.data.embeds[0].description).not.toContain('Quantum Computing Engineer');
    }

    writeFileSync(
      join(corpus, 'quantum-computing-engineer.md'),
      '---\ntitle: Quantum Computing Engineer\nroles: [Quantum Computing Engineer]\n---\n## Responsibilities\n- Design and test quantum circuits\n',
    );
    const reindex = fake.command('reindex', [], { userId: snowflake(), guildId: IDS.guild, permissions: PERMISSIONS.manager });
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${reindex.token}/messages/@original`), 30_000);
    expect(edit.body.content).toMatch(/^Re-indexed 6 documents into \d+ chunks \(\+\d+ new, -0 removed\)/);
    await expect.poll(() => out.stderr, { timeout: 20_000, interval: 100 }).toMatch(/Reloaded the index after a re-index in another shard/);
    for (const guildId of [IDS.guild, IDS.guild2]) {
      const i = fake.command('roles', [], { userId: snowflake(), guildId });
      const reply = await fake.waitFor(replyTo(i.id), 20_000);
      expect(reply.body.data.embeds[0].description).toContain('Quantum Computing Engineer');
    }

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out.stderr).toMatch(/Shutting down the shards signal=SIGTERM/);
    await expect.poll(() => pids.filter(alive), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => fake.openSessions, { timeout: 5_000 }).toBe(0);
    expect(out.stderr).not.toContain(TOKEN);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('runs only the shards in SHARD_LIST, so that several machines can each run a slice', async () => {
    const { child, out, discord: fake } = await startSharded({ TOTAL_SHARDS: '2', SHARD_LIST: '1' }, 2);
    await expect.poll(() => out.stderr, { timeout: 60_000, interval: 200 }).toMatch(/All shards ready shards=1 of=2/);
    expect(fake.identified).toEqual([[1, 2]]);
    const i = fake.command('roles', [], { userId: snowflake(), guildId: IDS.guild });
    expect((await fake.waitFor(replyTo(i.id), 20_000)).body.data.embeds[0].description).toContain('Machine Learning Engineer');
    const pids = pidsOf(out.stderr);
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);
    await expect.poll(() => pids.filter(alive), { timeout: 15_000 }).toEqual([]);
  }, 90_000);

  it('stops with one line, before building anything, when Discord rejects the token', async () => {
    for (const total of ['auto', '2']) {
      const { child, out, discord: fake } = await startSharded({ TOTAL_SHARDS: total }, 2, { rejectToken: true });
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(out.stderr).toBe(
        'Discord rejected DISCORD_TOKEN (401 Unauthorized). Fix: copy the bot token again from the Discord developer portal (Bot › Reset Token) into DISCORD_TOKEN.\n',
      );
      expect(fake.identified).toEqual([]);
      await fake.stop();
      discord = undefined;
    }
  }, 90_000);

  it('stops every shard with one line when a shard cannot start (gateway closes with 4004)', async () => {
    const { child, out, discord: fake } = await startSharded({ TOTAL_SHARDS: '2' }, 2, { closeOnIdentify: 4004 });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/Discord rejected DISCORD_TOKEN at the gateway \(close code 4004\)/);
    expect(out.stderr).toMatch(/Shard 0's Client disconnected before becoming ready\. Its own error, if any, is in the log above\.\n$/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(fake.identified).toEqual([[0, 2]]);
    await expect.poll(() => pidsOf(out.stderr).filter(alive), { timeout: 15_000 }).toEqual([]);
  }, 90_000);
});
