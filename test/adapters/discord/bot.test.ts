import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/adapters/discord/bot.js';
import type { BotContext } from '../../../src/adapters/discord/context.js';
import { registerCommands } from '../../../src/adapters/discord/register.js';
import { LIMITS } from '../../../src/adapters/discord/render.js';
import { createBotContext } from '../../../src/adapters/discord/start.js';
import { loadConfig } from '../../../src/app/config.js';
import { createLogger } from '../../../src/app/log.js';
import { Runtime } from '../../../src/app/runtime.js';
import { corpusCopy, tempDir } from '../../helpers.js';
import { FakeDiscord, IDS, PERMISSIONS, type Recorded, snowflake } from './fake-discord.js';

const discord = new FakeDiscord();
let client: Client;
let ctx: BotContext;
let app: Runtime;
const logs: string[] = [];

const callbackOf = (id: string) => (r: Recorded) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const editOf = (token: string) => (r: Recorded) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`);
const followUpOf = (token: string) => (r: Recorded) => r.method === 'POST' && r.path.endsWith(`/webhooks/${IDS.app}/${token}`);

/** The message a user finally sees for an interaction: the direct reply, or the edit after a deferral. */
async function shown(i: { id: string; token: string }) {
  const cb = await discord.waitFor(callbackOf(i.id));
  if (cb.body.type === 5) return { ...(await discord.waitFor(editOf(i.token))).body, deferred: true, flags: cb.body.data?.flags };
  return { ...cb.body.data, deferred: false };
}

const embedText = (m: any) =>
  [m.embeds?.[0]?.title, m.embeds?.[0]?.description, ...(m.embeds?.[0]?.fields ?? []).map((f: any) => `${f.name}: ${f.value}`)].join('\n');
const EPHEMERAL = 64;
const buttonMessage = () => ({
  id: snowflake(),
  channel_id: IDS.channel,
  author: { id: IDS.bot, username: 'advisor', discriminator: '0' },
  content: '',
  embeds: [],
  components: [],
  attachments: [],
  timestamp: new Date().toISOString(),
  type: 0,
});

beforeAll(async () => {
  await discord.start();
  const config = loadConfig({
    CORPUS_DIR: corpusCopy(),
    DATA_DIR: tempDir('bot-data-'),
    RETRIEVAL_MODE: 'lexical',
    COOLDOWN_SECONDS: '30',
    DISCORD_TOKEN: 'fake-token-abcdef',
    DISCORD_API_URL: discord.apiUrl,
  });
  app = await Runtime.create(config, createLogger('info', { write: (l) => logs.push(l), secrets: ['fake-token-abcdef'] }));
  await app.open();
  ctx = createBotContext(app);
  client = createBot(ctx, { apiUrl: discord.apiUrl });
  const ready = new Promise((r) => client.once('clientReady', r));
  await client.login('fake-token-abcdef');
  await ready;
});

afterAll(async () => {
  if (process.env.DEBUG_BOT)
    console.log(
      logs.join('\n'),
      JSON.stringify(
        discord.requests.slice(-12).map((r) => [r.method, r.path, JSON.stringify(r.body).slice(0, 300)]),
        null,
        1,
      ),
    );
  await client?.destroy();
  await discord.stop();
});

describe('the Discord bot against a local fake Discord', () => {
  it('logs in, reports ready, and never logs its token', () => {
    expect(client.isReady()).toBe(true);
    expect(logs.some((l) => /Bot ready/.test(l))).toBe(true);
    expect(logs.join('\n')).not.toContain('fake-token-abcdef');
  });

  it('registers every command definition in the guild', async () => {
    const n = await registerCommands({ token: 'fake-token-abcdef', clientId: IDS.app, guildId: IDS.guild, apiUrl: discord.apiUrl });
    expect(n).toBe(7);
    const put = await discord.waitFor((r) => r.method === 'PUT' && r.path === `/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    expect(put.body.map((c: any) => c.name)).toEqual(['ask', 'salary', 'compare', 'roles', 'help', 'reindex', 'insights']);
    const reindex = put.body.find((c: any) => c.name === 'reindex');
    expect(reindex.default_member_permissions).toBe('32');
    expect(reindex.contexts).toEqual([0]);
    expect(reindex.integration_types).toEqual([0]);
    expect(put.body.find((c: any) => c.name === 'ask').options[0].max_length).toBe(500);
    expect(put.body.find((c: any) => c.name === 'insights')).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(put.body.find((c: any) => c.name === 'salary').options[0].autocomplete).toBe(true);
  });

  it('answers /ask with quoted passages, their source, buttons, and no possible pings', async () => {
    const i = discord.command('ask', [{ name: 'question', value: 'How much do machine learning engineers make?' }], { userId: snowflake() });
    const m = await shown(i);
    expect(embedText(m)).toContain('Average base salary: $157,969');
    expect(embedText(m)).toContain('Comparative Salary Data');
    expect(m.embeds[0].footer.text).toMatch(/Index built .* UTC · data year 2024/);
    expect(m.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(m.components[0].components.map((c: any) => c.custom_id.split(':')[0])).toEqual(['sources', 'vote', 'vote']);
  });

  it('autocompletes role options from the catalog, aliases included, within 25 choices', async () => {
    const i = discord.command('salary', [{ name: 'role', value: 'mle', focused: true }], { autocomplete: true, userId: snowflake() });
    const cb = await discord.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
    expect(cb.body.data.choices[0]).toEqual({ name: 'Machine Learning Engineer (MLE)', value: 'Machine Learning Engineer' });
    expect(cb.at - i.at).toBeLessThan(3000);
  });

  it('answers /salary with the requested level only', async () => {
    const i = discord.command(
      'salary',
      [
        { name: 'role', value: 'Backend Machine Learning Engineer' },
        { name: 'level', value: 'senior' },
      ],
      { userId: snowflake() },
    );
    const text = embedText(await shown(i));
    expect(text).toContain('Senior Roles (7+ years): $200,000 - $250,000+ per year');
    expect(text).not.toContain('Junior Roles');
  });

  it('answers /compare with one embed field per aspect', async () => {
    const i = discord.command(
      'compare',
      [
        { name: 'role_a', value: 'Backend Engineer' },
        { name: 'role_b', value: 'MLE' },
      ],
      { userId: snowflake() },
    );
    const m = await shown(i);
    expect(m.embeds[0].fields.map((f: any) => f.name)).toEqual(['What it is', 'Responsibilities', 'Key skills', 'Education', 'Salary', 'Outlook']);
    expect(m.embeds[0].description).toContain('API development');
  });

  it('rejects the same role twice, unknown roles and blank questions with a private message', async () => {
    const same = await shown(
      discord.command(
        'compare',
        [
          { name: 'role_a', value: 'MLE' },
          { name: 'role_b', value: 'machine learning engineer' },
        ],
        { userId: snowflake() },
      ),
    );
    expect(same.flags).toBe(EPHEMERAL);
    expect(same.content).toMatch(/Pick two different roles/);
    const unknown = await shown(discord.command('salary', [{ name: 'role', value: 'astronaut' }], { userId: snowflake() }));
    expect(embedText(unknown)).toMatch(/I don't know the role “astronaut”. Did you mean/);
    const blank = await shown(discord.command('ask', [{ name: 'question', value: '   ' }], { userId: snowflake() }));
    expect(blank.flags).toBe(EPHEMERAL);
    expect(blank.content).toMatch(/at least a few characters/);
  });

  it('lists roles and shows help with the index build time', async () => {
    expect(embedText(await shown(discord.command('roles', [], { userId: snowflake() })))).toContain('Integration Developer');
    const help = await shown(discord.command('help', [], { userId: snowflake() }));
    expect(help.flags).toBe(EPHEMERAL);
    expect(help.embeds[0].footer.text).toMatch(/^Index built \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // Its examples are roles of this corpus, the one with the most figures first.
    expect(help.embeds[0].description).toContain(`role: ${ctx.advisor().roles().example}, level: senior`);
  });

  it('answers a mention in a thread, and resolves a follow-up there', async () => {
    const messageId = discord.message(`<@${IDS.bot}> What does a backend machine learning engineer earn?`, { mentionBot: true, userId: IDS.user });
    const thread = await discord.waitFor((r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages/${messageId}/threads`);
    expect(thread.body.name).toBe('What does a backend machine learning engineer earn?');
    const first = await discord.waitFor(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${IDS.channel}/messages`,
    );
    const threadId = first.path.split('/')[2]!;
    expect(embedText(first.body)).toContain('$150,000–$250,000');
    expect(first.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const before = discord.requests.length;
    await new Promise((r) => setTimeout(r, 50));
    ctx.cooldown = new (ctx.cooldown.constructor as any)(0);
    discord.message(`<@${IDS.bot}> and for senior roles?`, { mentionBot: true, channelId: threadId, userId: IDS.user });
    const follow = await discord.waitFor((r) => discord.requests.indexOf(r) >= before && r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
    expect(embedText(follow.body)).toContain('Senior Roles (7+ years) $200,000–$250,000+');
  });

  it('says once in its own thread that replies need a mention, and answers them when Message Content is on', async () => {
    ctx.cooldown = new (ctx.cooldown.constructor as any)(0);
    const messageId = discord.message(`<@${IDS.bot}> What does an Integration Developer do?`, { mentionBot: true, userId: IDS.user });
    const opened = await discord.waitFor((r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages/${messageId}/threads`);
    const first = await discord.waitFor(
      (r) => discord.requests.indexOf(r) > discord.requests.indexOf(opened) && r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path),
    );
    const threadId = first.path.split('/')[2];
    const inThread = () => discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);
    const before = inThread().length;
    discord.message('and how much do they make?', { channelId: threadId, userId: IDS.user });
    const hint = await discord.waitFor((r) => inThread().indexOf(r) >= before);
    expect(hint.body.content).toMatch(/mention me/);
    discord.message('hello?', { channelId: threadId, userId: IDS.user });
    discord.message(`<@${IDS.bot}> ping`, { channelId: threadId, userId: IDS.user, mentionBot: true });
    await discord.waitFor((r) => inThread().indexOf(r) >= before + 1);
    expect(
      inThread()
        .slice(before)
        .filter((r) => /mention me/.test(r.body.content ?? '')),
    ).toHaveLength(1);
    ctx.messageContent = true;
    try {
      const count = inThread().length;
      discord.message('and how much do they make?', { channelId: threadId, userId: IDS.user });
      const answer = await discord.waitFor((r) => inThread().indexOf(r) >= count);
      expect(embedText(answer.body)).toContain('$103,092');
    } finally {
      ctx.messageContent = false;
    }
  });

  it('answers a DM without any privileged intent', async () => {
    discord.message('What is the job outlook for data engineers?', { dm: true, userId: snowflake() });
    const reply = await discord.waitFor((r) => r.method === 'POST' && r.path === `/channels/${IDS.dm}/messages`);
    expect(embedText(reply.body)).toContain('increases of 65% and 32% respectively');
    expect(client.options.intents.has('MessageContent')).toBe(false);
  });

  it('shows full sources privately and records one vote per answer, from its asker only, under a pseudonym', async () => {
    const asker = snowflake();
    const i = discord.command('ask', [{ name: 'question', value: 'What skills do I need to become an ML engineer?' }], { userId: asker });
    const m = await shown(i);
    const [sources, up] = m.components[0].components.map((c: any) => c.custom_id);
    const s = discord.interaction(
      3,
      { custom_id: sources, component_type: 2 },
      {
        message: {
          id: snowflake(),
          channel_id: IDS.channel,
          author: { id: IDS.bot, username: 'advisor', discriminator: '0' },
          content: '',
          embeds: [],
          components: [],
          attachments: [],
          timestamp: new Date().toISOString(),
          type: 0,
        },
      },
    );
    const src = await discord.waitFor(callbackOf(s.id));
    expect(src.body.data.flags).toBe(EPHEMERAL);
    expect(src.body.data.embeds[0].description).toContain('Programming: Proficiency in languages like Python, Java, and C++.');
    const click = async (customId: string, userId: string) => {
      const v = discord.interaction(3, { custom_id: customId, component_type: 2 }, { userId, message: buttonMessage() });
      return (await discord.waitFor(callbackOf(v.id))).body.data;
    };
    const down = up.replace('vote:up:', 'vote:down:');
    expect((await click(up, snowflake())).content).toBe('Only the person who asked can rate this answer.');
    expect((await click(down, asker)).content).toMatch(/Thanks, noted/);
    expect((await click(up, asker)).content).toBe('Changed your rating of this answer to 👍.');
    const logged = ctx.questions.questions().find((q) => q.id === up.split(':')[2]);
    expect(logged).toMatchObject({
      question: 'What skills do I need to become an ML engineer?',
      surface: 'discord',
      via: 'ask',
      up: 1,
      down: 0,
      answered: true,
    });
    expect(logged!.citations[0]).toMatch(/^Backend Engineer Machine Learning Systems › /);
    const raw = readFileSync(app.config.privacy.questionLogPath).toString('latin1');
    const wal = readFileSync(`${app.config.privacy.questionLogPath}-wal`).toString('latin1');
    expect(raw + wal).not.toContain(asker);
    expect(raw + wal).toContain(ctx.pseudonym(asker));
  });

  it('logs every question from commands, mentions and DMs, and never a raw user id in a log line', () => {
    const vias = new Set(ctx.questions.questions().map((q) => `${q.surface}:${q.via}`));
    for (const via of ['discord:ask', 'discord:salary', 'discord:compare', 'discord:roles', 'discord:mention', 'discord:dm']) expect(vias).toContain(via);
    const text = logs.join('\n');
    expect(text).not.toContain(IDS.user);
    const users = [...text.matchAll(/ user=(\S+)/g)].filter((m) => !m.input.slice(0, m.index).endsWith('Bot ready')).map((m) => m[1]);
    expect(users.length).toBeGreaterThan(5);
    for (const u of users) expect(u).toMatch(/^[0-9a-f]{16}$/);
  });

  it('shows /insights to server managers only, with the top unanswered topics', async () => {
    for (const question of ['How do I become a pilot?', 'pilot salary']) {
      await shown(discord.command('ask', [{ name: 'question', value: question }], { userId: snowflake() }));
    }
    const dmId = snowflake();
    discord.dispatch('INTERACTION_CREATE', {
      id: dmId,
      application_id: IDS.app,
      type: 2,
      data: { id: snowflake(), name: 'insights', type: 1, options: [] },
      channel_id: IDS.dm,
      channel: { id: IDS.dm, type: 1 },
      user: { id: IDS.user, username: 'asker', discriminator: '0', global_name: 'asker', avatar: null },
      token: `tok-${dmId}`,
      version: 1,
      app_permissions: '1071698660929',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 1,
    });
    expect(await shown({ id: dmId, token: `tok-${dmId}` })).toMatchObject({ flags: EPHEMERAL, content: 'Use /insights in a server, not in a DM.' });
    const denied = await shown(discord.interaction(2, { id: snowflake(), name: 'insights', type: 1, options: [] }, { userId: snowflake(), permissions: '0' }));
    expect(denied).toMatchObject({ flags: EPHEMERAL, content: 'Only server managers (Manage Server permission) can see insights.' });
    const manager = String(1071698660929n | 32n);
    const m = await shown(discord.interaction(2, { id: snowflake(), name: 'insights', type: 1, options: [] }, { userId: snowflake(), permissions: manager }));
    expect(m.flags).toBe(EPHEMERAL);
    expect(m.embeds[0].title).toBe('Insights — last 30 days');
    expect(m.embeds[0].description).toMatch(/^\*\*\d+\*\* questions, \d+% answered/);
    const gaps = m.embeds[0].fields.find((f: any) => f.name === 'Top unanswered topics').value;
    expect(gaps).toMatch(/• \*\*pilot\*\* — 2: “/);
    expect(m.embeds[0].fields.find((f: any) => f.name === 'Never cited').value).toMatch(/^\d+ of \d+ sections, e\.g\. /);
  });

  it('turns a handler error into a short private message and keeps running', async () => {
    const advisor = ctx.advisor();
    const original = advisor.ask;
    advisor.ask = async () => {
      throw new Error('boom: index exploded');
    };
    try {
      const m = await shown(discord.command('ask', [{ name: 'question', value: 'anything at all?' }], { userId: snowflake() }));
      expect(m.flags).toBe(EPHEMERAL);
      expect(m.content).toMatch(/Something went wrong on my side/);
      expect(m.content).not.toMatch(/boom/);
      expect(logs.some((l) => /ERROR Interaction failed .*boom/.test(l))).toBe(true);
    } finally {
      advisor.ask = original;
    }
    expect(embedText(await shown(discord.command('roles', [], { userId: snowflake() })))).toContain('Roles');
  });

  it('answers a flood from one user with "slow down" instead of work', async () => {
    const user = snowflake();
    ctx.cooldown = new (ctx.cooldown.constructor as any)(30);
    const sent = Array.from({ length: 5 }, () => discord.command('ask', [{ name: 'question', value: 'What is MLOps?' }], { userId: user }));
    const replies = await Promise.all(sent.map(shown));
    expect(replies.filter((r) => r.embeds?.length)).toHaveLength(1);
    const slow = replies.filter((r) => /Slow down/.test(r.content ?? ''));
    expect(slow).toHaveLength(4);
    expect(slow.every((r) => r.flags === EPHEMERAL)).toBe(true);
  });

  it('acknowledges a burst of concurrent commands within 3 seconds each', async () => {
    const questions = [
      'How much do ML engineers make?',
      'What does an Integration Developer do?',
      'Do I need a PhD?',
      'backend vs ML engineer?',
      'What tools does a customer analytics manager use?',
    ];
    const sent = Array.from({ length: 25 }, (_, k) =>
      discord.command('ask', [{ name: 'question', value: questions[k % questions.length]! }], { userId: snowflake() }),
    );
    const acks = await Promise.all(sent.map((i) => discord.waitFor(callbackOf(i.id))));
    const delays = acks.map((a, k) => a.at - sent[k]!.at);
    expect(Math.max(...delays)).toBeLessThan(3000);
    const finals = await Promise.all(sent.map(shown));
    expect(finals.every((m) => m.embeds?.[0]?.description)).toBe(true);
  });

  it('keeps every message it sent within Discord’s limits and without pings', () => {
    const bodies = discord.requests
      .filter((r) => r.method !== 'GET' && r.body && typeof r.body === 'object' && !Array.isArray(r.body))
      .map((r) => r.body.data ?? r.body);
    for (const b of bodies) {
      if (b.content) expect(b.content.length).toBeLessThanOrEqual(LIMITS.content);
      for (const e of b.embeds ?? []) {
        expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
        expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
        expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
        for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      if (b.content !== undefined || b.embeds) expect(b.allowed_mentions?.parse ?? []).toEqual([]);
    }
  });

  it('re-indexes for managers and reports what changed', async () => {
    const i = discord.command('reindex', [], { userId: snowflake(), permissions: PERMISSIONS.manager });
    const cb = await discord.waitFor(callbackOf(i.id));
    expect(cb.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await discord.waitFor(editOf(i.token));
    expect(edit.body.content).toMatch(/^Re-indexed 5 documents into \d+ chunks \(\+0 new, -0 removed\) in \d+\.\d\d s\.$/);
  });

  it('refuses /reindex from a member without Manage Server, privately and without rebuilding', async () => {
    const before = ctx.advisor();
    const m = await shown(discord.command('reindex', [], { userId: snowflake(), permissions: PERMISSIONS.member, guildId: IDS.guild2 }));
    expect(m).toMatchObject({ deferred: false, flags: EPHEMERAL });
    expect(m.content).toBe('Only members with the Manage Server permission can use /reindex.');
    expect(ctx.advisor()).toBe(before);
    expect(logs.some((l) => /Interaction refused command=reindex code=FORBIDDEN/.test(l))).toBe(true);
  });

  it('refuses /reindex in a DM, privately and without rebuilding', async () => {
    const before = ctx.advisor();
    const m = await shown(discord.command('reindex', [], { userId: snowflake(), dm: true }));
    expect(m).toMatchObject({ deferred: false, flags: EPHEMERAL });
    expect(m.content).toBe('/reindex only works in a server, not in direct messages.');
    expect(ctx.advisor()).toBe(before);
  });

  it('refuses a second /reindex in the same server within its cooldown, but not in another server', async () => {
    const before = ctx.advisor();
    const again = await shown(discord.command('reindex', [], { userId: snowflake(), permissions: PERMISSIONS.manager }));
    expect(again).toMatchObject({ deferred: false, flags: EPHEMERAL });
    expect(again.content).toMatch(/^\/reindex ran in this server a moment ago; you can run it again in \d+ s\.$/);
    expect(ctx.advisor()).toBe(before);
    const elsewhere = await shown(discord.command('reindex', [], { userId: snowflake(), permissions: PERMISSIONS.manager, guildId: IDS.guild2 }));
    expect(elsewhere.content).toMatch(/^Re-indexed 5 documents/);
  });
});

describe('the Discord bot with over-long input', () => {
  const HUGE = 'what jobs '.repeat(10_000);
  const refusal = (m: any) => m.content ?? '';

  it('refuses a 100 KB question, role or location in a command with the cap, privately, never echoing it', async () => {
    const ask = await shown(discord.command('ask', [{ name: 'question', value: HUGE }], { userId: snowflake() }));
    expect(ask.flags).toBe(EPHEMERAL);
    expect(refusal(ask)).toBe('Questions are at most 500 characters; this one has 99,999.');
    const salary = await shown(discord.command('salary', [{ name: 'role', value: HUGE }], { userId: snowflake() }));
    expect(refusal(salary)).toBe('Role names are at most 100 characters; this one has 99,999.');
    const place = await shown(
      discord.command(
        'salary',
        [
          { name: 'role', value: 'MLE' },
          { name: 'location', value: HUGE },
        ],
        { userId: snowflake() },
      ),
    );
    expect(refusal(place)).toBe('Locations are at most 60 characters; this one has 99,999.');
    const compare = await shown(
      discord.command(
        'compare',
        [
          { name: 'role_a', value: 'MLE' },
          { name: 'role_b', value: HUGE },
        ],
        { userId: snowflake() },
      ),
    );
    expect(refusal(compare)).toMatch(/^Role names are at most 100 characters/);
  });

  it('autocompletes from the start of a 100 KB value without echoing it', async () => {
    const i = discord.command('salary', [{ name: 'role', value: `machine ${HUGE}`, focused: true }], { autocomplete: true, userId: snowflake() });
    const cb = await discord.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(8);
    expect(JSON.stringify(cb.body).length).toBeLessThan(5_000);
  });

  it('refuses a 100 KB mention or DM in one line without opening a thread, and keeps answering', async () => {
    const mention = discord.message(`<@${IDS.bot}> ${HUGE}`, { mentionBot: true, userId: snowflake() });
    const reply = await discord.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${IDS.channel}/messages` && r.body?.message_reference?.message_id === mention,
    );
    expect(reply.body.content).toBe('Questions are at most 500 characters; this one has 99,999.');
    expect(discord.requests.some((r) => r.path === `/channels/${IDS.channel}/messages/${mention}/threads`)).toBe(false);
    const dm = discord.message(HUGE, { dm: true, userId: snowflake() });
    const dmReply = await discord.waitFor(
      (r) => r.method === 'POST' && r.path === `/channels/${IDS.dm}/messages` && r.body?.message_reference?.message_id === dm,
    );
    expect(dmReply.body.content).toMatch(/^Questions are at most 500 characters/);
    expect(embedText(await shown(discord.command('roles', [], { userId: snowflake() })))).toContain('Integration Developer');
  });
});

describe('the Discord bot when Discord no longer accepts a reply', () => {
  it('logs an expired interaction (10062) in one line with the command name, no stack, and keeps running', async () => {
    const id = snowflake();
    discord.expiredInteractions.add(id);
    const before = logs.length;
    discord.dispatch('INTERACTION_CREATE', {
      id,
      application_id: IDS.app,
      type: 2,
      data: { id: snowflake(), name: 'roles', type: 1, options: [] },
      guild_id: IDS.guild,
      channel_id: IDS.channel,
      channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'careers' },
      member: {
        user: { id: snowflake(), username: 'late', discriminator: '0' },
        roles: [],
        permissions: PERMISSIONS.member,
        joined_at: new Date().toISOString(),
      },
      token: `tok-${id}`,
      version: 1,
      app_permissions: PERMISSIONS.member,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': IDS.guild },
      context: 0,
    });
    await expect.poll(() => logs.slice(before).find((l) => /Interaction expired/.test(l)), { timeout: 10_000 }).toBeTruthy();
    const line = logs.slice(before).find((l) => /Interaction expired/.test(l)) ?? '';
    expect(line).toMatch(/WARN {2}Interaction expired before the reply command=roles code=10062/);
    expect(line).not.toMatch(/\n|\bat \S+ \(|command=\d/);
    expect(logs.slice(before).some((l) => /ERROR/.test(l))).toBe(false);
    expect(embedText(await shown(discord.command('roles', [], { userId: snowflake() })))).toContain('Roles');
  });
});
