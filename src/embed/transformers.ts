// Embedding with transformers.js (I/O: loads the model from disk or the Hugging Face hub): texts -> unit vectors.
import { AppError } from '../domain/errors.js';
import type { Embedder } from './embedder.js';

export interface TransformersOptions {
  model: string;
  localModelPath?: string;
  cacheDir: string;
  allowRemote: boolean;
  quantized: boolean;
  batchSize: number;
}

type Tensor = { data: ArrayLike<number | bigint>; dims: number[] };
type Tokenizer = ((texts: string[], options: Record<string, unknown>) => { input_ids: Tensor; attention_mask: Tensor }) & { model_max_length: number };

/** all-MiniLM-L6-v2 was trained on at most 256 word pieces; longer input is truncated. */
export const MAX_TOKENS = 256;
type Model = ((inputs: unknown) => Promise<{ last_hidden_state: Tensor }>) & { dispose?: () => Promise<void> };

/**
 * Mean-pools token vectors under the attention mask and L2-normalises each row. Written as one pass over
 * a Float32Array because transformers.js's own pooling converts every mask element from BigInt.
 */
export function meanPool(hidden: Tensor, mask: Tensor): Float32Array[] {
  const [batch = 0, seq = 0, dim = 0] = hidden.dims;
  const data = hidden.data as Float32Array;
  const m = mask.data as BigInt64Array;
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(dim);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (m[b * seq + t] === 0n) continue;
      count++;
      const base = (b * seq + t) * dim;
      for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) + (data[base + d] ?? 0);
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      v[d] = (v[d] ?? 0) / (count || 1);
      norm += (v[d] ?? 0) ** 2;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) v[d] = (v[d] ?? 0) / norm;
    out.push(v);
  }
  return out;
}

/**
 * Loads a feature-extraction model with transformers.js (tokenizer + ONNX model, the same files its
 * `pipeline()` uses). Throws MODEL_UNAVAILABLE, with how to fix it, when the model cannot be loaded.
 */
export async function loadTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  const { env, AutoModel, AutoTokenizer } = await import('@xenova/transformers');
  env.allowRemoteModels = options.allowRemote;
  env.allowLocalModels = true;
  env.cacheDir = options.cacheDir;
  if (options.localModelPath) env.localModelPath = `${options.localModelPath.replace(/[\\/]$/, '')}/`;
  let tokenizer: Tokenizer;
  let model: Model;
  try {
    tokenizer = (await AutoTokenizer.from_pretrained(options.model)) as unknown as Tokenizer;
    tokenizer.model_max_length = Math.min(tokenizer.model_max_length || MAX_TOKENS, MAX_TOKENS);
    model = (await AutoModel.from_pretrained(options.model, { quantized: options.quantized })) as unknown as Model;
  } catch (cause) {
    const where = options.localModelPath
      ? `the folder ${options.localModelPath}/${options.model} (it needs config.json, tokenizer.json and onnx/model${options.quantized ? '_quantized' : ''}.onnx)`
      : options.allowRemote
        ? `the Hugging Face hub or the cache in ${options.cacheDir}`
        : `the cache in ${options.cacheDir} (remote downloads are disabled by EMBED_ALLOW_REMOTE=false)`;
    throw new AppError(
      'MODEL_UNAVAILABLE',
      `Embedding model "${options.model}" could not be loaded from ${where}. ` +
        (options.localModelPath
          ? 'Put the model files there, or set EMBED_MODEL to the folder that has them.'
          : 'Run once with network access to cache it, or set EMBED_MODEL to a local model folder.'),
      { cause },
    );
  }

  const probe = await forward(tokenizer, model, ['dimension probe']);
  const dim = probe[0]?.length ?? 0;
  return {
    modelId: options.model,
    dim,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const order = texts.map((t, i) => ({ t, i })).sort((a, b) => a.t.length - b.t.length);
      const out = new Array<Float32Array>(texts.length);
      for (let s = 0; s < order.length; s += options.batchSize) {
        const batch = order.slice(s, s + options.batchSize);
        const vectors = await forward(
          tokenizer,
          model,
          batch.map((b) => b.t),
        );
        batch.forEach((b, k) => {
          const v = vectors[k];
          if (v) out[b.i] = v;
        });
      }
      return out;
    },
  };
}

async function forward(tokenizer: Tokenizer, model: Model, texts: string[]): Promise<Float32Array[]> {
  // No max_length here: with padding, transformers.js would pad every text to it instead of to the longest.
  const inputs = tokenizer(texts, { padding: true, truncation: true });
  const { last_hidden_state } = await model(inputs);
  return meanPool(last_hidden_state, inputs.attention_mask);
}
