// Test fixture (network on 127.0.0.1 only): a small fake of Discord's REST API and WebSocket gateway,
// enough for the real discord.js client to log in, receive events and answer them.
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
  guild: '900000000000000100',
  channel: '900000000000000200',
  dm: '900000000000000300',
  user: '900000000000000400',
};

const user = (id: string, username: string, bot = false) => ({ id, username, discriminator: '0', global_name: username, avatar: null, bot });

export class FakeDiscord {
  readonly requests: Recorded[] = [];
  private http!: Server;
  private wss!: WebSocketServer;
  private socket?: WebSocket;
  private seq = 0;
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
    const at = (method: string, re: RegExp) => (req.method === method ? re.exec(path) : null);
    if (at('GET', /^\/gateway\/bot$/)) {
      return send(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (at('PUT', /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/)) {
      return send(
        200,
        (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: IDS.app, version: snowflake() })),
      );
    }
    if (at('POST', /^\/interactions\/\d+\/[^/]+\/callback$/)) return send(204);
    if (at('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)) return send(200, this.messageObject(IDS.channel, body));
    if (req.method === 'DELETE') return send(204);
    if (at('POST', /^\/webhooks\/\d+\/[^/]+$/)) return send(200, this.messageObject(IDS.channel, body));
    const thread = at('POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/);
    if (thread) {
      return send(201, {
        id: snowflake(),
        type: 11,
        guild_id: IDS.guild,
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

  private onGateway(ws: WebSocket): void {
    this.socket = ws;
    const send = (payload: object) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (msg.op === 2) {
        this.dispatch('READY', {
          v: 10,
          user: { ...user(IDS.bot, 'advisor', true), verified: true, flags: 0, mfa_enabled: false },
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: IDS.app, flags: 0 },
          private_channels: [],
        });
        this.dispatch('GUILD_CREATE', {
          id: IDS.guild,
          name: 'Careers',
          icon: null,
          owner_id: IDS.user,
          unavailable: false,
          member_count: 2,
          large: false,
          joined_at: new Date().toISOString(),
          features: [],
          roles: [
            {
              id: IDS.guild,
              name: '@everyone',
              permissions: '1071698660929',
              position: 0,
              color: 0,
              hoist: false,
              managed: false,
              mentionable: false,
              flags: 0,
            },
          ],
          emojis: [],
          stickers: [],
          members: [],
          presences: [],
          voice_states: [],
          threads: [],
          stage_instances: [],
          guild_scheduled_events: [],
          channels: [{ id: IDS.channel, type: 0, name: 'careers', guild_id: IDS.guild, position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
        });
      }
    });
  }

  /** Sends a gateway DISPATCH event to the connected client. */
  dispatch(t: string, d: object): void {
    this.seq++;
    this.socket?.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Dispatches an interaction and returns its id and token. */
  interaction(
    type: 2 | 3 | 4,
    data: object,
    options: { userId?: string; permissions?: string; message?: object } = {},
  ): { id: string; token: string; at: number } {
    const id = snowflake();
    const token = `tok-${id}`;
    const userId = options.userId ?? IDS.user;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: IDS.app,
      type,
      data,
      guild_id: IDS.guild,
      channel_id: IDS.channel,
      channel: { id: IDS.channel, type: 0, guild_id: IDS.guild, name: 'careers' },
      member: {
        user: user(userId, `user${userId.slice(-4)}`),
        roles: [],
        permissions: options.permissions ?? '1071698660929',
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
      },
      token,
      version: 1,
      app_permissions: '1071698660929',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
      ...(options.message ? { message: options.message } : {}),
    });
    return { id, token, at: performance.now() };
  }

  /** A slash command invocation. */
  command(name: string, options: { name: string; value: string; focused?: boolean }[] = [], extra: { userId?: string; autocomplete?: boolean } = {}) {
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
