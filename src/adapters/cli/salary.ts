// CLI "salary" (I/O: prints one lookup): `npm run salary -- "<role>" [--level L] [--location P] [--json]`.
import { parseArgs } from 'node:util';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import type { Level } from '../../domain/knowledge.js';
import { renderText, salaryJson } from './render.js';

const LEVELS: readonly Level[] = ['junior', 'mid', 'senior'];
const isLevel = (l: string): l is Level => (LEVELS as readonly string[]).includes(l);

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, level: { type: 'string' }, location: { type: 'string' } },
  });
  const role = positionals.join(' ').trim();
  if (!role) throw new AppError('BAD_INPUT', 'Usage: npm run salary -- "<role>" [--level junior|mid|senior] [--location "<place>"] [--json]');
  const level = values.level?.toLowerCase();
  if (level !== undefined && !isLevel(level)) throw new AppError('BAD_INPUT', '--level must be junior, mid or senior.');
  await runtime.open();
  const answer = runtime.advisor().salary({ role, level: level ?? null, location: values.location ?? null });
  process.stdout.write(values.json ? `${JSON.stringify(salaryJson(role, answer), null, 2)}\n` : `${renderText(answer)}\n`);
  return 0;
}
