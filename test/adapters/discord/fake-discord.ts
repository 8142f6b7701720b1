// Test fixture (network on 127.0.0.1 only): a small fake of Discord's REST API and WebSocket gateway,
// enough for the real discord.js client to log in, receive events and answer them, sharded or not: each
// gateway session identifies as one shard and gets the events of the guilds Discord would route to it.
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Recorded {
  method: string;
  path: string;
  body: any;
  at: number;
}

let counter = 0n;
/** A unique 18-digit snowflake. */
export function snowflake(): string {
  counter += 1n;
  return (100000000000000000n + BigInt(Date.now() % 1_000_000) * 1000n + counter).toString();
}

export const IDS = {
  app: '900000000000000001',
  bot: '900000000000000001',
  /** On shard 1 of 2 (Discord routes a guild to shard (id >> 22) % total). */
  guild: '900000000000000100',
  channel: '900000000000000200',
  /** On shard 0 of 2. */
  guild2: '900000000004194404',
  channel2: '900000000000000201',
  dm: '900000000000000300',
  user: '900000000000000400',
};

/** Member permission bitfields: an ordinary member, and one with Manage Server (1 << 5). */
export const PERMISSIONS = { member: '1071698660929', manager: (1071698660929n | 32n).toString() };

const GUILDS = [
  { id: IDS.guild, channel: IDS.channel, name: 'Careers' },
  { id: IDS.guild2, channel: IDS.channel2, name: 'Careers 2' },
];

/** The shard Discord sends a guild's events to. */
export function shardOf(guildId: string, total: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(total));
}

interface Session {
  ws: WebSocket;
  seq: number;
  /** [id, total] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

const user = (id: string, username: string, bot = false) => ({ id, username, discriminator: '0', global_name: username, avatar: null, bot });

export class FakeDiscord {
  readonly requests: Recorded[] = [];
  /** The shard count /gateway/bot recommends. */
  shards = 1;
  /** Tokens that get 401 Unauthorized, as Discord answers a reset or mistyped token. */
  readonly rejectedTokens = new Set<string>();
  /** When set, the gateway closes every IDENTIFY with this code (4004 bad token, 4011 sharding required...). */
  closeOnIdentify?: number;
  /** Interaction ids whose reply Discord no longer accepts (10062 Unknown interaction: the 3 s window passed). */
  readonly expiredInteractions = new Set<string>();
  private http!: Server;
  private wss!: WebSocketServer;
  private sessions: Session[] = [];
  private waiters: { test: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  port = 0;

  async start(): Promise<void> {
    this.http = createServer((req, res) => void this.route(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (ws) => this.onGateway(ws));
    this.http.listen(0, '127.0.0.1');
    await once(this.http, 'listening');
    this.port = (this.http.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise((r) => this.http.close(r));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(test: (r: Recorded) => boolean, timeoutMs = 10_000): Promise<Recorded> {
    const hit = this.requests.find(test);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  private record(r: Recorded): void {
    this.requests.push(r);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(r)) return true;
      w.resolve(r);
      return false;
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = null;
    if (raw) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('multipart/form-data')) {
        const json = /name="payload_json"\r\n(?:Content-Type: application\/json\r\n)?\r\n([\s\S]*?)\r\n--/.exec(raw);
        body = json ? JSON.parse(json[1]!) : raw;
      } else body = JSON.parse(raw);
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/api\/v\d+/, '');
    const send = (status: number, data?: unknown) => {
      res.writeHead(status, data === undefined ? {} : { 'content-type': 'application/json' });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    this.record({ method: req.method ?? 'GET', path, body, at: performance.now() });
    const token = String(req.headers.authorization ?? '').replace(/^Bot\s+/, '');
    if (this.rejectedTokens.has(token)) return send(401, { message: '401: Unauthorized', code: 0 });
    const at = (method: string, re: RegExp) => (req.method === method ? re.exec(path) : null);
    if (at('GET', /^\/gateway\/bot$/)) {
      return send(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.shards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (at('PUT', /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/)) {
      return send(
        200,
        (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: IDS.app, version: snowflake() })),
      );
    }
    const callback = at('POST', /^\/interactions\/(\d+)\/[^/]+\/callback$/);
    if (callback && this.expiredInteractions.has(callback[1]!)) return send(404, { message: 'Unknown interaction', code: 10062 });
    if (callback) return send(204);
    if (at('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)) return send(200, this.messageObject(IDS.channel, body));
    if (req.method === 'DELETE') return send(204);
    if (at('POST', /^\/webhooks\/\d+\/[^/]+$/)) return send(200, this.messageObject(IDS.channel, body));
    const thread = at('POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (thread) {
      return send(201, {
        id: snowflake(),
        type: 11,
        guild_id: GUILDS.find((g) => g.channel === thread[1])?.id ?? IDS.guild,
        parent_id: thread[1],
        name: body.name,
        owner_id: IDS.bot,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
        message_count: 0,
        member_count: 1,
      });
    }
    const post = at('POST', /^\/channels\/(\d+)\/messages$/);
    if (post) return send(200, this.messageObject(post[1]!, body));
    const channel = at('GET', /^\/channels\/(\d+)$/);
    if (channel) return send(200, { id: channel[1], type: 1, recipients: [user(IDS.user, 'asker')] });
    send(404, { message: 'Unknown route in fake Discord', code: 0 });
  }

  private messageObject(channelId: string, body: any) {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: user(IDS.bot, 'advisor', true),
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: body?.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
  }

  /** The shards that identified so far, as [id, total] pairs, in order. */
  get identified(): [number, number][] {
    return this.requests.filter((r) => r.method === 'GATEWAY' && r.path === 'IDENTIFY').map((r) => r.body.shard ?? [0, 1]);
  }

  /** Gateway sessions still open. */
  get openSessions(): number {
    return this.sessions.filter((s) => s.ws.readyState === s.ws.OPEN).length;
  }

  private onGateway(ws: WebSocket): void {
    const session: Session = { ws, seq: 0, shard: [0, 1] };
    this.sessions.push(session);
    ws.on('close', () => {
      this.sessions = this.sessions.filter((s) => s !== session);
    });
    const send = (payload: object) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (msg.op === 2) {
        session.shard = msg.d.shard ?? [0, 1];
        this.record({ method: 'GATEWAY', path: 'IDENTIFY', body: { shard: msg.d.shard, intents: msg.d.intents }, at: performance.now() });
        if (this.closeOnIdentify) {
          ws.close(this.closeOnIdentify, 'closed by the fake');
          return;
        }
        const [id, total] = session.shard;
        const mine = GUILDS.filter((g) => shardOf(g.id, total) === id);
        this.send(session, 'READY', {
          v: 10,
          user: { ...user(IDS.bot, 'advisor', true), verified: true, flags: 0, mfa_enabled: false },
          guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
          session_id: `fake-session-${id}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: IDS.app, flags: 0 },
          private_channels: [],
          shard: session.shard,
        });
        for (const g of mine) this.send(session, 'GUILD_CREATE', guildCreate(g));
      }
    });
  }

  private send(session: Session, t: string, d: object): void {
    session.seq++;
    session.ws.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /**
   * Sends a gateway DISPATCH event to the session Discord would route it to: the shard of its guild, or shard 0
   * for DMs. Throws when no session serves that shard, so a test cannot silently send into the void.
   */
  dispatch(t: string, d: { guild_id?: string; [key: string]: unknown }): void {
    const session = this.sessions.find((s) => (d.guild_id ? shardOf(d.guild_id, s.shard[1]) : 0) === s.shard[0]);
    if (!session) throw new Error(`no gateway session for ${t} in guild ${d.guild_id ?? '(DM)'}`);
    this.send(session, t, d);
  }

  /** Dispatches an interaction and returns its id and token; in a guild (default: IDS.guild) unless `dm`. */
  interaction(
    type: 2 | 3 | 4,
    data: object,
    options: { userId?: string; permissions?: string; message?: object; guildId?: string; dm?: boolean } = {},
  ): { id: string; token: string; at: number } {
    const id = snowflake();
    const token = `tok-${id}`;
    const userId = options.userId ?? IDS.user;
    const guild = GUILDS.find((g) => g.id === (options.guildId ?? IDS.guild)) ?? GUILDS[0]!;
    const where = options.dm
      ? {
          channel_id: IDS.dm,
          channel: { id: IDS.dm, type: 1, recipients: [user(userId, `user${userId.slice(-4)}`)] },
          user: user(userId, `user${userId.slice(-4)}`),
          authorizing_integration_owners: { '0': '0' },
          context: 1,
        }
      : {
          guild_id: guild.id,
          channel_id: guild.channel,
          channel: { id: guild.channel, type: 0, guild_id: guild.id, name: 'careers' },
          member: {
            user: user(userId, `user${userId.slice(-4)}`),
            roles: [],
            permissions: options.permissions ?? PERMISSIONS.member,
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
          },
          authorizing_integration_owners: { '0': guild.id },
          context: 0,
        };
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: IDS.app,
      type,
      data,
      ...where,
      token,
      version: 1,
      app_permissions: '1071698660929',
      locale: 'en-US',
      ...(options.dm ? {} : { guild_locale: 'en-US' }),
      entitlements: [],
      ...(options.message ? { message: options.message } : {}),
    });
    return { id, token, at: performance.now() };
  }

  /** A slash command invocation. */
  command(
    name: string,
    options: { name: string; value: string; focused?: boolean }[] = [],
    extra: { userId?: string; autocomplete?: boolean; permissions?: string; guildId?: string; dm?: boolean } = {},
  ) {
    return this.interaction(extra.autocomplete ? 4 : 2, { id: snowflake(), name, type: 1, options: options.map((o) => ({ type: 3, ...o })) }, extra);
  }

  /** A user message in a guild channel (or thread), or a DM when `dm` is set. */
  message(content: string, options: { channelId?: string; dm?: boolean; mentionBot?: boolean; userId?: string } = {}): string {
    const id = snowflake();
    const author = user(options.userId ?? IDS.user, 'asker');
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: options.dm ? IDS.dm : (options.channelId ?? IDS.channel),
      channel_type: options.dm ? 1 : options.channelId ? 11 : 0,
      ...(options.dm ? {} : { guild_id: IDS.guild, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
      author,
      content,
      mentions: options.mentionBot ? [user(IDS.bot, 'advisor', true)] : [],
      mention_roles: [],
      mention_everyone: false,
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      tts: false,
      type: 0,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    });
    return id;
  }

  /** Makes a thread known to the client (as Discord does after creating one). */
  threadCreate(thread: { id: string; name: string }): void {
    this.dispatch('THREAD_CREATE', {
      id: thread.id,
      type: 11,
      guild_id: IDS.guild,
      parent_id: IDS.channel,
      name: thread.name,
      owner_id: IDS.bot,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      newly_created: true,
    });
  }
}

function guildCreate(g: { id: string; channel: string; name: string }) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: IDS.user,
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    roles: [{ id: g.id, name: '@everyone', permissions: '1071698660929', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    channels: [{ id: g.channel, type: 0, name: 'careers', guild_id: g.id, position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
  };
}
