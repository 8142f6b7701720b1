// The operator's loop end to end: a question the bot cannot answer shows up in the report's gaps; the operator
// adds a page that answers it (served on 127.0.0.1) and re-indexes; the same question is then answered from it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/adapters/discord/bot.js';
import type { BotContext } from '../../src/adapters/discord/context.js';
import { createBotContext } from '../../src/adapters/discord/start.js';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { Runtime } from '../../src/app/runtime.js';
import { FakeDiscord, type Recorded, snowflake } from '../adapters/discord/fake-discord.js';
import { PageServer } from '../fixtures/page-server.js';
import { ROOT, cliEnv, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');
const QUESTION = 'What skills does a robotics engineer need?';
/** Manage Server (0x20) on top of the fake's default member permissions. */
const MANAGER = String(1071698660929n | 32n);

const discord = new FakeDiscord();
const pages = new PageServer();
let client: Client;
let ctx: BotContext;
let env: Record<string, string>;

const callbackOf = (id: string) => (r: Recorded) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const editOf = (token: string) => (r: Recorded) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);
async function shown(i: { id: string; token: string }) {
  const cb = await discord.waitFor(callbackOf(i.id));
  if (cb.body.type === 5) return (await discord.waitFor(editOf(i.token), 60_000)).body;
  return cb.body.data;
}
const embedText = (m: any) => [m.embeds?.[0]?.title, m.embeds?.[0]?.description].join('\n');
const cli = async (args: string[]) => (await run(TSX, [MAIN, ...args], { cwd: tempDir('cwd-'), env, timeout: 90_000 })).stdout;

beforeAll(async () => {
  await Promise.all([discord.start(), pages.start()]);
  env = cliEnv();
  const config = loadConfig({ ...env, COOLDOWN_SECONDS: '0', DISCORD_TOKEN: 'fake-token-abcdef', DISCORD_API_URL: discord.apiUrl });
  const runtime = await Runtime.create(config, silentLogger);
  await runtime.open();
  ctx = createBotContext(runtime);
  client = createBot(ctx, { apiUrl: discord.apiUrl });
  const ready = new Promise((r) => client.once('clientReady', r));
  await client.login('fake-token-abcdef');
  await ready;
}, 120_000);

afterAll(async () => {
  await client?.destroy();
  ctx?.questions.close();
  await Promise.all([discord.stop(), pages.stop()]);
});

describe('closing the loop between unanswered questions and the corpus', () => {
  it('reports a refused question as a gap, adds a page that fills it, and then answers it with a quote from that page', async () => {
    const before = await shown(discord.command('ask', [{ name: 'question', value: QUESTION }], { userId: snowflake() }));
    expect(embedText(before)).not.toContain('ROS');
    // The log is written right after the reply is sent.
    await vi.waitFor(() => expect(ctx.questions.questions().at(-1)).toMatchObject({ question: QUESTION, answered: false, surface: 'discord' }));

    const report = JSON.parse(await cli(['report', '--json']));
    expect(report.unanswered).toContainEqual({ topic: 'robotics engineer', count: 1, examples: [QUESTION] });

    const added = JSON.parse(await cli(['add', pages.url('/robotics-engineer'), '--json']));
    expect(Object.keys(added)).toEqual(['file', 'title', 'source', 'sections', 'words']);
    expect(added).toMatchObject({ title: 'Robotics Engineer', source: pages.url('/robotics-engineer'), sections: 5 });
    expect(existsSync(join(env.CORPUS_DIR!, 'robotics-engineer.md'))).toBe(true);

    const reindex = discord.interaction(2, { id: snowflake(), name: 'reindex', type: 1, options: [] }, { userId: snowflake(), permissions: MANAGER });
    expect((await shown(reindex)).content).toMatch(/^Re-indexed 6 documents/);

    const after = await shown(discord.command('ask', [{ name: 'question', value: QUESTION }], { userId: snowflake() }));
    expect(embedText(after)).toContain('Programming in C++ and Python, including ROS (Robot Operating System).');
    expect(embedText(after)).toContain('Robotics Engineer');
    await vi.waitFor(() => expect(ctx.questions.questions().at(-1)).toMatchObject({ question: QUESTION, answered: true }));
    const last = ctx.questions.questions().at(-1);
    expect(last!.citations[0]).toMatch(/^Robotics Engineer › Key Skills/);
  });
});
