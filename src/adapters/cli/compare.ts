// CLI "compare" (I/O: prints one comparison): `npm run compare -- "<role A>" "<role B>" [--json]`.
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { App } from '../../main.js';
import { openAdvisor } from '../../main.js';
import { compareJson, toTerminal } from './output.js';

export async function run(app: App, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [a, b] = positionals;
  if (!a?.trim() || !b?.trim()) throw new AppError('BAD_INPUT', 'Usage: npm run compare -- "<role A>" "<role B>" [--json]');
  const { advisor } = await openAdvisor(app);
  const answer = advisor.compare(a, b);
  process.stdout.write(values.json ? `${JSON.stringify(compareJson(a, b, answer), null, 2)}\n` : `${toTerminal(answer.text)}\n`);
  return 0;
}
