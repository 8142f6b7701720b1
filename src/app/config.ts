// Configuration (reads the environment and `.env` once): every setting is parsed and validated here.
import { isAbsolute, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { AppError, type SettingRef } from '../domain/errors.js';
import type { TransformersOptions } from '../embed/transformers.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const optional = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));
const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

const schema = z.object({
  CORPUS_DIR: z.string().default('corpus'),
  CORPUS_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(5),
  DATA_DIR: z.string().default('data'),
  EMBED_MODEL: z.string().default('Xenova/all-MiniLM-L6-v2'),
  EMBED_CACHE_DIR: optional,
  EMBED_ALLOW_REMOTE: bool.default('true'),
  EMBED_QUANTIZED: bool.default('true'),
  EMBED_BATCH_SIZE: z.coerce.number().int().min(1).max(256).default(16),
  RETRIEVAL_MODE: z.enum(['hybrid', 'dense', 'lexical']).default('hybrid'),
  HNSW_M: z.coerce.number().int().min(4).max(96).default(16),
  HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(10).max(2000).default(200),
  HNSW_EF_SEARCH: z.coerce.number().int().min(10).max(2000).default(64),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  DISCORD_TOKEN: optional,
  DISCORD_CLIENT_ID: optional.pipe(snowflake.optional()),
  DISCORD_GUILD_ID: optional.pipe(snowflake.optional()),
  DISCORD_API_URL: optional.pipe(z.string().url().optional()),
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(3),
  CONTEXT_TTL_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  REINDEX_COOLDOWN_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  DISCORD_MESSAGE_CONTENT: bool.default('false'),
  // Not SHARDS / SHARD_COUNT: discord.js sets those in every shard process (to that shard's id and the count).
  TOTAL_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)]).default('auto'),
  SHARD_LIST: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:auto|\d+(?:-\d+)?(?:\s*,\s*\d+(?:-\d+)?)*)$/, 'must be auto or shard ids such as 0,1 or 0-3')
    .default('auto'),
  QUESTION_LOG: z.enum(['on', 'off']).default('on'),
  QUESTION_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  PSEUDONYM_SECRET: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  FEEDBACK_VOTERS: z.enum(['asker', 'anyone']).default('asker'),
  ADD_MAX_MB: z.coerce.number().min(0.1).max(100).default(10),
  ADD_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(20),
});

/** Names discord.js's ShardingManager sets in its shard processes; outside one they are a leftover setting. */
const RESERVED = { SHARDS: 'TOTAL_SHARDS', SHARD_COUNT: 'TOTAL_SHARDS' } as const;

/** Zod's issues in an operator's words: "must be one of hybrid, dense, lexical", not "Invalid enum value". */
const plainError: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === z.ZodIssueCode.invalid_enum_value) return { message: `must be one of ${issue.options.join(', ')}` };
  if (issue.code === z.ZodIssueCode.invalid_type && (issue.received === 'nan' || issue.expected === 'number')) return { message: 'must be a number' };
  if (issue.code === z.ZodIssueCode.too_small && issue.type === 'number') return { message: `must be at least ${issue.minimum}` };
  if (issue.code === z.ZodIssueCode.too_big && issue.type === 'number') return { message: `must be at most ${issue.maximum}` };
  if (issue.code === z.ZodIssueCode.invalid_union) return { message: 'is not a valid value' };
  return { message: ctx.defaultError };
};

const SETTINGS = Object.keys(schema.shape);

/**
 * Names in the environment that look like a setting but are not one: "retrieval_mode" (settings are upper case) or
 * "RETREIVAL_MODE". Otherwise the setting is silently left at its default.
 */
function misspelt(env: Record<string, string | undefined>): string[] {
  const known = new Set(SETTINGS);
  const out: string[] = [];
  for (const name of Object.keys(env)) {
    if (known.has(name) || env[name] === undefined) continue;
    const meant = SETTINGS.find((s) => s === name.toUpperCase() || (name.length >= 8 && s.slice(0, 3) === name.slice(0, 3) && distance(s, name) <= 2));
    if (meant) out.push(`${name}: not a setting; did you mean ${meant}?`);
  }
  return out;
}

/** "0,2-4" -> [0, 2, 3, 4]; "auto" stays; a backwards range ("3-1") gives undefined. */
function shardIds(list: string): number[] | 'auto' | undefined {
  if (list === 'auto') return 'auto';
  const ids: number[] = [];
  for (const part of list.split(',')) {
    const [from = 0, to = from] = part.trim().split('-').map(Number);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Cross-setting rules: SHARD_LIST needs a fixed TOTAL_SHARDS (every machine must agree on it) and ids below it. */
function shardingProblems(total: number | 'auto', list: number[] | 'auto' | undefined): string[] {
  if (list === undefined) return ['SHARD_LIST: write ranges low-high, e.g. 0-3'];
  if (list === 'auto') return [];
  if (total === 'auto') return ['SHARD_LIST: set TOTAL_SHARDS to a number too, the same on every machine'];
  const over = list.filter((id) => id >= total);
  return over.length ? [`SHARD_LIST: shard ids go from 0 to ${total - 1} (TOTAL_SHARDS=${total}), not ${over.join(', ')}`] : [];
}

export interface Config {
  corpusDir: string;
  /** Corpus files larger than this are skipped by name (CORPUS_MAX_FILE_MB). */
  corpusMaxFileBytes: number;
  dataDir: string;
  indexDir: string;
  /** A Hugging Face model id or a folder under `localModelPath`, with cache and batching settings. */
  embedding: TransformersOptions;

  retrievalMode: 'hybrid' | 'dense' | 'lexical';
  hnsw: { m: number; efConstruction: number; efSearch: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  discord: {
    token?: string;
    clientId?: string;
    guildId?: string;
    apiUrl?: string;
    cooldownSeconds: number;
    /** Seconds between two /reindex runs in one server. */
    reindexCooldownSeconds: number;
    /** Read replies in the bot's own threads without a mention (the privileged Message Content intent). */
    messageContent: boolean;
  };
  contextTtlMs: number;
  /** `npm run start:sharded`: the shard count of the whole bot and the shards this machine runs. */
  sharding: { totalShards: number | 'auto'; shardList: number[] | 'auto' };
  /** What is kept about questions and votes (see the README's "What is stored"). */
  privacy: {
    /** QUESTION_LOG=off: no question and no vote is stored. */
    questionLog: boolean;
    questionLogPath: string;
    /** Questions (and their votes) older than this are deleted. */
    retentionDays: number;
    /** HMAC key for user pseudonyms; when unset one is generated under the data dir. */
    pseudonymSecret?: string;
    pseudonymKeyPath: string;
    /** Who may rate an answer: only the person who asked, or anyone who sees it. */
    voters: 'asker' | 'anyone';
  };
  /** Limits for `npm run add` fetching a page. */
  add: { maxBytes: number; timeoutMs: number };
}

/** Reads `.env` (if present) into the environment and returns it. The only reader of `process.env`. */
export function readEnvironment(): Record<string, string | undefined> {
  loadDotenv({ quiet: true } as Parameters<typeof loadDotenv>[0]);
  return process.env;
}

/**
 * Parses settings from an environment map; throws one CONFIG_INVALID error naming every bad setting.
 * Values are never echoed back, so a mistyped token cannot leak into logs.
 */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment(), cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env, { errorMap: plainError });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  problems.push(...misspelt(env));
  // In a shard process discord.js itself set these names; anywhere else they are an old setting that would
  // silently make discord.js identify as the wrong shard.
  if (!env.SHARDING_MANAGER) {
    for (const [name, now] of Object.entries(RESERVED)) if (env[name] !== undefined) problems.push(`${name}: renamed to ${now} (discord.js reserves ${name})`);
  }
  const shardList = parsed.success ? shardIds(parsed.data.SHARD_LIST) : 'auto';
  if (parsed.success) problems.push(...shardingProblems(parsed.data.TOTAL_SHARDS, shardList));
  if (!parsed.success || shardList === undefined || problems.length) {
    throw new AppError('CONFIG_INVALID', `Invalid settings (check .env and the environment): ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.DATA_DIR);
  const looksLocal = isAbsolute(e.EMBED_MODEL) || e.EMBED_MODEL.startsWith('.');
  const modelPath = looksLocal ? resolve(cwd, e.EMBED_MODEL) : undefined;
  return {
    corpusDir: resolve(cwd, e.CORPUS_DIR),
    corpusMaxFileBytes: Math.round(e.CORPUS_MAX_FILE_MB * 1024 * 1024),
    dataDir,
    indexDir: resolve(dataDir, 'index'),
    embedding: {
      model: modelPath ? (modelPath.split(/[\\/]/).pop() ?? modelPath) : e.EMBED_MODEL,
      localModelPath: modelPath ? resolve(modelPath, '..') : undefined,
      cacheDir: e.EMBED_CACHE_DIR ? resolve(cwd, e.EMBED_CACHE_DIR) : resolve(dataDir, 'models'),
      allowRemote: modelPath ? false : e.EMBED_ALLOW_REMOTE,
      quantized: e.EMBED_QUANTIZED,
      batchSize: e.EMBED_BATCH_SIZE,
    },
    retrievalMode: e.RETRIEVAL_MODE,
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    logLevel: e.LOG_LEVEL,
    discord: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      cooldownSeconds: e.COOLDOWN_SECONDS,
      reindexCooldownSeconds: e.REINDEX_COOLDOWN_SECONDS,
      messageContent: e.DISCORD_MESSAGE_CONTENT,
    },
    contextTtlMs: e.CONTEXT_TTL_MINUTES * 60_000,
    sharding: { totalShards: e.TOTAL_SHARDS, shardList },
    privacy: {
      questionLog: e.QUESTION_LOG === 'on',
      questionLogPath: resolve(dataDir, 'questions.sqlite'),
      retentionDays: e.QUESTION_LOG_DAYS,
      pseudonymSecret: e.PSEUDONYM_SECRET,
      pseudonymKeyPath: resolve(dataDir, 'pseudonym.key'),
      voters: e.FEEDBACK_VOTERS,
    },
    add: { maxBytes: Math.round(e.ADD_MAX_MB * 1024 * 1024), timeoutMs: e.ADD_TIMEOUT_SECONDS * 1000 },
  };
}

/** Discord's REST base when DISCORD_API_URL is empty. */
export const DEFAULT_DISCORD_API = 'https://discord.com/api';

/** The settings that hold paths and URLs, so that an operating-system error can name the one to fix. */
export function settingRefs(config: Config): SettingRef[] {
  const refs: SettingRef[] = [
    { name: 'DATA_DIR', value: config.dataDir, kind: 'path' },
    { name: 'CORPUS_DIR', value: config.corpusDir, kind: 'path' },
    { name: 'DISCORD_API_URL', value: config.discord.apiUrl ?? DEFAULT_DISCORD_API, kind: 'url' },
  ];
  const { cacheDir, localModelPath, model } = config.embedding;
  if (cacheDir && cacheDir !== resolve(config.dataDir, 'models')) refs.push({ name: 'EMBED_CACHE_DIR', value: cacheDir, kind: 'path' });
  if (localModelPath) refs.push({ name: 'EMBED_MODEL', value: resolve(localModelPath, model), kind: 'path' });
  return refs;
}
