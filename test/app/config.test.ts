import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';

describe('configuration', () => {
  it('has working defaults for a fresh clone', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ corpusDir: '/srv/app/corpus', indexDir: '/srv/app/data/index', retrievalMode: 'hybrid' });
    expect(c.embedding).toMatchObject({ model: 'Xenova/all-MiniLM-L6-v2', allowRemote: true, quantized: true, cacheDir: '/srv/app/data/models' });
    expect(c.discord.token).toBeUndefined();
  });

  it('treats a path in EMBED_MODEL as a local model folder and never downloads it', () => {
    const c = loadConfig({ EMBED_MODEL: './models/minilm' }, '/srv/app');
    expect(c.embedding).toMatchObject({ model: 'minilm', localModelPath: '/srv/app/models', allowRemote: false });
  });

  it('names every malformed setting in one message without echoing values', () => {
    const secret = 'not-a-number-SECRET';
    expect(() => loadConfig({ RETRIEVAL_MODE: 'fuzzy', DISCORD_CLIENT_ID: '12ab', COOLDOWN_SECONDS: secret })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/RETRIEVAL_MODE.*DISCORD_CLIENT_ID.*COOLDOWN_SECONDS/s) }),
    );
    try {
      loadConfig({ COOLDOWN_SECONDS: secret });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(secret);
    }
  });

  it('says what a bad value must be in plain words', () => {
    expect(() => loadConfig({ RETRIEVAL_MODE: 'fuzzy', COOLDOWN_SECONDS: 'abc', HNSW_M: '1' })).toThrow(
      /RETRIEVAL_MODE: must be one of hybrid, dense, lexical; HNSW_M: must be at least 4; COOLDOWN_SECONDS: must be a number/,
    );
  });

  it('names a setting written in lower case or misspelt instead of silently ignoring it', () => {
    expect(() => loadConfig({ retrieval_mode: 'lexical' })).toThrow(/retrieval_mode: not a setting; did you mean RETRIEVAL_MODE\?/);
    expect(() => loadConfig({ RETREIVAL_MODE: 'lexical' })).toThrow(/RETREIVAL_MODE: not a setting; did you mean RETRIEVAL_MODE\?/);
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });

  it('reads the shard count and this machine’s slice of the shards, and the /reindex cooldown', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({ sharding: { totalShards: 'auto', shardList: 'auto' }, discord: { reindexCooldownSeconds: 60 } });
    expect(loadConfig({ TOTAL_SHARDS: '8', SHARD_LIST: '0-2, 6', REINDEX_COOLDOWN_SECONDS: '5' }, '/srv/app')).toMatchObject({
      sharding: { totalShards: 8, shardList: [0, 1, 2, 6] },
      discord: { reindexCooldownSeconds: 5 },
    });
  });

  it('refuses a shard slice that cannot work, and the names discord.js sets in shard processes', () => {
    expect(() => loadConfig({ SHARD_LIST: '0,1' })).toThrow(/SHARD_LIST: set TOTAL_SHARDS to a number too/);
    expect(() => loadConfig({ TOTAL_SHARDS: '2', SHARD_LIST: '1-3' })).toThrow(/SHARD_LIST: shard ids go from 0 to 1 \(TOTAL_SHARDS=2\), not 2, 3/);
    expect(() => loadConfig({ TOTAL_SHARDS: '4', SHARD_LIST: '3-1' })).toThrow(/SHARD_LIST: write ranges low-high/);
    expect(() => loadConfig({ SHARD_LIST: 'first' })).toThrow(/SHARD_LIST: must be auto or shard ids/);
    expect(() => loadConfig({ SHARDS: '2', SHARD_COUNT: '2' })).toThrow(/SHARDS: renamed to TOTAL_SHARDS .*SHARD_COUNT: renamed to TOTAL_SHARDS/);
    // Inside a shard process discord.js itself set them: no complaint there.
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' }).sharding.totalShards).toBe('auto');
  });
});
