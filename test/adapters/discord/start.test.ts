import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, corpusCopy, tempDir } from '../../helpers.js';
import { FakeDiscord } from './fake-discord.js';

const discord = new FakeDiscord();
beforeAll(() => discord.start());
afterAll(() => discord.stop());

describe('npm start with a token', () => {
  it('builds the index, logs in, answers, and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
      cwd: tempDir('start-'),
      env: {
        PATH: process.env.PATH ?? '',
        CORPUS_DIR: corpusCopy(),
        DATA_DIR: tempDir('start-data-'),
        RETRIEVAL_MODE: 'lexical',
        DISCORD_TOKEN: 'start-test-token-123456',
        DISCORD_API_URL: discord.apiUrl,
      },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    await expect.poll(() => stderr, { timeout: 30_000, interval: 100 }).toMatch(/Bot ready/);
    const i = discord.command('roles');
    const reply = await discord.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${i.id}/`));
    expect(reply.body.data.embeds[0].description).toContain('Machine Learning Engineer');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr).toMatch(/Shutting down signal=SIGTERM/);
    expect(stderr).not.toContain('start-test-token-123456');
  });
});

/** Runs `npm start` with a token until it exits; returns its exit code and stderr. */
async function startBot(env: Record<string, string>) {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
    cwd: tempDir('start-'),
    env: {
      PATH: process.env.PATH ?? '',
      CORPUS_DIR: corpusCopy(),
      DATA_DIR: tempDir('start-data-'),
      RETRIEVAL_MODE: 'lexical',
      LOG_LEVEL: 'warn',
      DISCORD_TOKEN: 'start-test-token-123456',
      DISCORD_API_URL: discord.apiUrl,
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const [code] = await once(child, 'exit');
  return { code, stderr };
}

/** A local port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('npm start with an operator mistake', () => {
  it('stops with one line naming DISCORD_API_URL when Discord cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api`;
    const { code, stderr } = await startBot({ DISCORD_API_URL: url });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `Cannot connect to ${url} (DISCORD_API_URL): connection refused (ECONNREFUSED). Fix: check DISCORD_API_URL and that this machine can reach it.\n`,
    );
  }, 60_000);

  it('stops with one line when Discord rejects the token (401), never printing the token', async () => {
    discord.rejectedTokens.add('start-bad-token-654321');
    const { code, stderr } = await startBot({ DISCORD_TOKEN: 'start-bad-token-654321' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Discord rejected DISCORD_TOKEN (401 Unauthorized). Fix: copy the bot token again from the Discord developer portal (Bot › Reset Token) into DISCORD_TOKEN.\n',
    );
  }, 60_000);

  it('stops with one line pointing at sharded mode when Discord requires sharding (close code 4011)', async () => {
    discord.closeOnIdentify = 4011;
    try {
      const { code, stderr } = await startBot({});
      expect(code).toBe(1);
      expect(stderr).toMatch(/Discord closed the gateway connection \(close code 4011: ShardingRequired\)\. Fix: .*npm run start:sharded/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      discord.closeOnIdentify = undefined;
    }
  }, 60_000);
});
