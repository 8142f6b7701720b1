// CLI "ingest" (I/O: builds the index, prints progress to stderr and a summary to stdout).
import type { Runtime } from '../../app/runtime.js';
import { parseCommandLine } from '../args.js';

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY || total === 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\rEmbedding [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} chunks`);
  if (done === total) process.stderr.write('\n');
}

/** Builds or updates the index and prints documents, chunks, embedded vs reused, and time. */
export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseCommandLine(args, { json: { type: 'boolean' } }, 'npm run ingest [-- --json]', false);
  const { summary: s } = await runtime.rebuild(progressBar);
  if (!s) return 1;
  if (values.json) {
    const { index: _, ...rest } = s;
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    return 0;
  }
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `Indexed ${s.docs} documents into ${s.chunks} chunks (+${s.added} new, -${s.removed} removed).`,
    s.model
      ? `Embeddings (${s.model}): ${s.embedded} embedded, ${s.reused} reused.`
      : `Embeddings: none, keyword search only (${runtime.config.retrievalMode === 'lexical' ? 'RETRIEVAL_MODE=lexical' : 'the model is unavailable, see above'}).`,
    `Roles: ${s.index.knowledge.roles.length}, salary figures: ${s.index.knowledge.salaries.length}.`,
    `Time: ${secs(s.ms.total)} (parse+chunk ${secs(s.ms.parse)}, embed ${secs(s.ms.embed)}, write ${secs(s.ms.write)}).`,
    ...s.skipped.map((k) => `Skipped ${k.file}: ${k.reason}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
