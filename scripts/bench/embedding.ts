// Benchmark section "embedding" (I/O: loads the model twice): the project's embedder against raw
// onnxruntime-node on the same pre-tokenised, identically batched inputs, as the median of per-pair ratios over
// interleaved passes (one pass of each per pair, the order alternating), so machine load cancels out.
import { join } from 'node:path';
import type { Config } from '../../src/app/config.js';
import { MAX_TOKENS, loadTransformersEmbedder } from '../../src/embed/transformers.js';
import { type RatioSummary, interleave, pairedRatio, percentile } from './stats.js';

export interface ThroughputRow {
  batch: number;
  /** Median texts/second over the passes. */
  pipeline: number;
  raw: number;
  /** Project embedder throughput / raw ORT throughput, per interleaved pair. */
  ratio: RatioSummary;
}

/** Texts/second for batch sizes 1, 8 and 32 over `pairs` interleaved pairs of passes, after a warm-up pass of each. */
export async function embeddingThroughput(config: Config, texts: string[], pairs = 10): Promise<ThroughputRow[]> {
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
    const runs = await interleave({ pipeline: pipelinePass, raw: rawPass }, pairs);
    const p = runs.pipeline ?? [];
    const r = runs.raw ?? [];
    rows.push({
      batch,
      pipeline: percentile(p, 50),
      raw: percentile(r, 50),
      ratio: pairedRatio(p.map((x, i) => [x, r[i] ?? Number.NaN])),
    });
  }
  return rows;
}
