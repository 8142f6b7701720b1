// CLI "add" (I/O: fetches or reads one page, writes it into the corpus, re-indexes through the runtime):
// `npm run add -- <url | file.html | file.pdf> [--json]`.
import { parseArgs } from 'node:util';
import { addDocument } from '../../app/add-document.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';

const USAGE = 'Usage: npm run add -- <url | file.html | file.pdf> [--json]';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  let parsed: { values: { json?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (error) {
    throw new AppError('BAD_INPUT', `${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
  }
  const [input, ...extra] = parsed.positionals;
  if (!input?.trim() || extra.length) throw new AppError('BAD_INPUT', USAGE);
  const added = await addDocument(runtime.config, input.trim());
  const r = await runtime.rebuild();
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify(added, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(
    [
      `Added ${added.file}: “${added.title}”, ${added.sections} sections, ${added.words} words (from ${added.source}).`,
      `Re-indexed ${r.docs} documents into ${r.chunks} chunks (+${r.added} new, -${r.removed} removed).`,
      'A running bot keeps its previous index until you run /reindex in Discord (or restart it).',
    ].join('\n') + '\n',
  );
  return 0;
}
