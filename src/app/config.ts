// Configuration (reads the environment and `.env` once): every setting is parsed and validated here.
import { isAbsolute, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
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
  SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)]).default('auto'),
});

/** Validated settings with resolved paths. */
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
  };
  contextTtlMs: number;
  /** Shard count for `npm run start:sharded`. */
  shards: number | 'auto';
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
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid settings (check .env): ${problems.join('; ')}`);
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
    },
    contextTtlMs: e.CONTEXT_TTL_MINUTES * 60_000,
    shards: e.SHARDS,
  };
}
