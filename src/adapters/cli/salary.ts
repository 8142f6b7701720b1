// CLI "salary" (I/O: prints one lookup): `npm run salary -- "<role>" [--level L] [--location P] [--json]`.
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { App } from '../../main.js';
import { openAdvisor } from '../../main.js';
import { salaryJson, toTerminal } from './output.js';

const LEVELS = ['junior', 'mid', 'senior'] as const;

export async function run(app: App, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, level: { type: 'string' }, location: { type: 'string' } },
  });
  const role = positionals.join(' ').trim();
  if (!role) throw new AppError('BAD_INPUT', 'Usage: npm run salary -- "<role>" [--level junior|mid|senior] [--location "<place>"] [--json]');
  const level = values.level?.toLowerCase();
  if (level && !LEVELS.includes(level as (typeof LEVELS)[number])) throw new AppError('BAD_INPUT', '--level must be junior, mid or senior.');
  const { advisor } = await openAdvisor(app);
  const answer = advisor.salary({ role, level: level as (typeof LEVELS)[number] | undefined, location: values.location ?? null });
  process.stdout.write(values.json ? `${JSON.stringify(salaryJson(role, answer), null, 2)}\n` : `${toTerminal(answer.text)}\n`);
  return 0;
}
