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
});
