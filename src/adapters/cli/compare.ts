// CLI "compare" (I/O: prints one comparison): `npm run compare -- "<role A>" "<role B>" [--json]`.
import { parseArgs } from 'node:util';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { compareJson, renderText } from './render.js';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [a, b] = positionals;
  if (!a?.trim() || !b?.trim()) throw new AppError('BAD_INPUT', 'Usage: npm run compare -- "<role A>" "<role B>" [--json]');
  await runtime.open();
  const answer = runtime.advisor().compare(a, b);
  process.stdout.write(values.json ? `${JSON.stringify(compareJson(a, b, answer), null, 2)}\n` : `${renderText(answer)}\n`);
  return 0;
}
