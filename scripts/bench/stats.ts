// Benchmark statistics (pure, except `machineLoad`, which reads the OS load, and `settle`, which collects garbage): percentiles over repeated timings,
// interleaved A/B rounds and the median of their per-pair ratios.
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)));
}

export function summarise(values: number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    mean: values.reduce((s, v) => s + v, 0) / (values.length || 1),
  };
}

/** Times `fn` `runs` times after `warmup` untimed calls; milliseconds per call. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Times `count` operations `passes` times each. `all` summarises every timing after the warm-up; `best` summarises each
 * operation's fastest pass: on a shared machine that strips other tenants' preemptions and keeps the work's own cost.
 * The warm-up (two passes unless told) lets V8 finish optimising, and `settle` then collects what came before (an
 * index built in this process leaves hundreds of MiB to sweep), so "warm" times answers, not leftovers.
 */
export async function repeated(count: number, passes: number, op: (i: number) => unknown, warmup = 2 * count): Promise<Summary & { best: Summary }> {
  for (let i = 0; i < warmup; i++) await op(i % count);
  await settle();
  const all: number[] = [];
  const best = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < count; i++) {
      const s = performance.now();
      await op(i);
      const t = performance.now() - s;
      all.push(t);
      best[i] = Math.min(best[i] ?? t, t);
    }
  }
  return { ...summarise(all), best: summarise(best) };
}

/** A full garbage collection, then a pause for V8's background sweeping and compiling to finish. */
export async function settle(pauseMs = 200): Promise<void> {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

/** A deterministic pseudo-random generator (LCG) with a Gaussian helper. */
export function rng(seed: number): { next: () => number; gauss: () => number } {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return { next, gauss: () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next()) };
}

export const mib = (bytes: number) => bytes / 1024 / 1024;

/** `xs[i]`, for indexes known to be in range; throws rather than letting `undefined` skew a figure. */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i} of ${xs.length}`);
  return x;
}

/** The median of per-pair ratios a/b with their spread (interquartile range and extremes). */
export interface RatioSummary {
  pairs: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

/** Summarises interleaved A/B pairs as the median of per-pair ratios: robust to a machine whose load drifts. */
export function pairedRatio(pairs: [number, number][]): RatioSummary {
  const ratios = pairs.map(([a, b]) => a / b).filter(Number.isFinite);
  return {
    pairs: ratios.length,
    median: percentile(ratios, 50),
    q1: percentile(ratios, 25),
    q3: percentile(ratios, 75),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}

/**
 * Runs `rounds` interleaved rounds of every named job (the order rotates each round, so no job always runs first
 * or last) and returns each job's results in round order.
 */
export async function interleave<T>(jobs: Record<string, () => Promise<T>>, rounds: number): Promise<Record<string, T[]>> {
  const names = Object.keys(jobs);
  const out: Record<string, T[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < names.length; j++) {
      const name = at(names, (r + j) % names.length);
      const job = jobs[name];
      if (job) out[name]?.push(await job());
    }
  }
  return out;
}

/** The machine and how busy it was, to label absolute times with. */
export function machineLoad(): { loadavg: [number, number, number]; cores: number } {
  const [a = 0, b = 0, c = 0] = loadavg();
  return { loadavg: [a, b, c], cores: cpus().length };
}
