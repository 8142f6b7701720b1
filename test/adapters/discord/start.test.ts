import { spawn } from 'node:child_process';
import { once } from 'node:events';
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
