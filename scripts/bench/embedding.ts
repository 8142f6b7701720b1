// Benchmark section "embedding" (I/O: loads the model twice): the project's embedder against raw
// onnxruntime-node on the same pre-tokenised, identically batched inputs.
import { join } from 'node:path';
import type { Config } from '../../src/app/config.js';
import { MAX_TOKENS, loadTransformersEmbedder } from '../../src/embed/transformers.js';

export interface ThroughputRow {
  batch: number;
  pipeline: number;
  raw: number;
  ratio: number;
}

/** Texts/second for batch sizes 1, 8 and 32 (median of `passes` passes after a warm-up pass). */
export async function embeddingThroughput(config: Config, texts: string[], passes = 3): Promise<ThroughputRow[]> {
  const { AutoTokenizer } = await import('@xenova/transformers');
  const ort = (await import('onnxruntime-node')) as unknown as {
    InferenceSession: { create(path: string): Promise<{ run(feeds: Record<string, unknown>): Promise<unknown> }> };
    Tensor: new (type: string, data: BigInt64Array, dims: number[]) => unknown;
  };
  const e = config.embedding;
  const file = e.quantized ? 'model_quantized.onnx' : 'model.onnx';
  const modelPath = e.localModelPath ? join(e.localModelPath, e.model, 'onnx', file) : join(e.cacheDir, e.model, 'onnx', file);
  const session = await ort.InferenceSession.create(modelPath);
  const tokenizer = (await AutoTokenizer.from_pretrained(e.model)) as unknown as (
    t: string[],
    o: object,
  ) => Record<'input_ids' | 'attention_mask' | 'token_type_ids', { data: BigInt64Array; dims: number[] }>;
  (tokenizer as unknown as { model_max_length: number }).model_max_length = MAX_TOKENS;
  const sorted = [...texts].sort((a, b) => a.length - b.length);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const rows: ThroughputRow[] = [];
  for (const batch of [1, 8, 32]) {
    const embedder = await loadTransformersEmbedder({ ...e, batchSize: batch });
    const batches: string[][] = [];
    for (let i = 0; i < sorted.length; i += batch) batches.push(sorted.slice(i, i + batch));
    const feeds = batches.map((b) => {
      const enc = tokenizer(b, { padding: true, truncation: true });
      return Object.fromEntries(Object.entries(enc).map(([k, t]) => [k, new ort.Tensor('int64', t.data, t.dims)]));
    });
    const pipelinePass = async () => {
      const t = performance.now();
      for (const b of batches) await embedder.embed(b);
      return sorted.length / ((performance.now() - t) / 1000);
    };
    const rawPass = async () => {
      const t = performance.now();
      for (const f of feeds) await session.run(f);
      return sorted.length / ((performance.now() - t) / 1000);
    };
    await pipelinePass();
    await rawPass();
    const p: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < passes; i++) {
      p.push(await pipelinePass());
      r.push(await rawPass());
    }
    rows.push({ batch, pipeline: median(p), raw: median(r), ratio: median(p) / median(r) });
  }
  return rows;
}
