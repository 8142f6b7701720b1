// CLI "roles" (I/O: prints the catalog): `npm run roles [-- --json]`.
import type { Runtime } from '../../app/runtime.js';
import { sourceLabel } from '../../domain/types.js';
import { parseCommandLine } from '../args.js';
import { renderText } from './render.js';

const USAGE = 'npm run roles [-- --json]';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseCommandLine(args, { json: { type: 'boolean' } }, USAGE, false);
  await runtime.open();
  const advisor = runtime.advisor();
  if (!values.json) {
    process.stdout.write(`${renderText(advisor.roles())}\n`);
    return 0;
  }
  const { knowledge, docs } = advisor.index;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const roles = knowledge.roles.map((r) => ({
    name: r.name,
    aliases: r.aliases,
    documents: r.documents,
    salaryFigures: knowledge.salaries.filter((f) => f.role === r.name).length,
    sources: [
      ...new Set(
        r.sources.map(([docId, s]) => {
          const doc = byId.get(docId);
          return doc ? sourceLabel(doc, s) : docId;
        }),
      ),
    ],
  }));
  process.stdout.write(`${JSON.stringify({ roles }, null, 2)}\n`);
  return 0;
}
