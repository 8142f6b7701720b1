import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/embed/embedder.js';
import { loadTransformersEmbedder } from '../../src/embed/transformers.js';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { tempDir } from '../helpers.js';

const WORDS = 'machine learning engineer salary backend skills python data api development the a of and'.split(' ');

describe('the transformers.js embedder (tiny local ONNX model, remote downloads disabled)', () => {
  const models = tempDir('models-');
  let embedder: Embedder;

  beforeAll(async () => {
    writeTinyModel(join(models, 'tiny-bert'), WORDS, 32);
    embedder = await loadTransformersEmbedder({
      model: 'tiny-bert',
      localModelPath: models,
      cacheDir: join(models, 'cache'),
      allowRemote: false,
      quantized: true,
      batchSize: 2,
    });
  });

  it('reports the model dimension and returns unit vectors', async () => {
    expect(embedder.dim).toBe(32);
    const [v] = await embedder.embed(['machine learning engineer salary']);
    expect(v).toHaveLength(32);
    expect(Math.hypot(...v!)).toBeCloseTo(1, 5);
  });

  it('keeps input order across batches and ignores padding', async () => {
    const texts = ['python', 'machine learning engineer salary backend skills', 'data api', 'the'];
    const batched = await embedder.embed(texts);
    for (const [i, t] of texts.entries()) {
      const [alone] = await embedder.embed([t]);
      for (let d = 0; d < 32; d++) expect(batched[i]![d]).toBeCloseTo(alone![d]!, 5);
    }
  });

  it('maps related texts closer than unrelated ones', async () => {
    const [a, b, c] = await embedder.embed(['machine learning engineer', 'machine learning', 'the a of']);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
  });

  it('fails with MODEL_UNAVAILABLE and a fix when the model is missing', async () => {
    await expect(
      loadTransformersEmbedder({
        model: 'no-such-model',
        localModelPath: models,
        cacheDir: join(models, 'cache'),
        allowRemote: false,
        quantized: true,
        batchSize: 2,
      }),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', message: expect.stringMatching(/EMBED_MODEL/) });
  });
});

describe('tokenisation limits', () => {
  it('truncates texts to 256 word pieces, so words past the limit do not change the vector', async () => {
    const models = tempDir('models-');
    writeTinyModel(join(models, 'tiny'), ['word', 'salary'], 16);
    const e = await loadTransformersEmbedder({
      model: 'tiny',
      localModelPath: models,
      cacheDir: join(models, 'c'),
      allowRemote: false,
      quantized: true,
      batchSize: 4,
    });
    const long = Array(300).fill('word').join(' ');
    const [a, b] = await e.embed([long, `${long} salary salary salary`]);
    expect(Array.from(b!)).toEqual(Array.from(a!));
    const [c, d] = await e.embed(['word word', 'word word salary']);
    expect(Array.from(d!)).not.toEqual(Array.from(c!));
  });
});
