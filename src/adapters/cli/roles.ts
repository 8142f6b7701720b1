// CLI "roles" (I/O: prints the catalog): `npm run roles [-- --json]`.
import type { App } from '../../main.js';
import { openAdvisor } from '../../main.js';
import { toTerminal } from './output.js';

export async function run(app: App, args: string[]): Promise<number> {
  const { advisor } = await openAdvisor(app);
  if (args.includes('--json')) {
    const k = advisor.index.knowledge;
    const roles = k.roles.map((r) => ({
      name: r.name,
      aliases: r.aliases,
      salaryFigures: k.salaries.filter((f) => f.role === r.name).length,
      sources: [...new Set(r.sources.map(([docId, s]) => {
        const doc = advisor.index.docs.find((d) => d.id === docId);
        return doc ? [doc.title, ...(doc.sections[s]?.path ?? [])].join(' › ') : docId;
      }))],
    }));
    process.stdout.write(`${JSON.stringify({ roles }, null, 2)}\n`);
  } else process.stdout.write(`${toTerminal(advisor.roles().text)}\n`);
  return 0;
}
