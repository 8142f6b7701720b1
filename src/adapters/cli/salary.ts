// CLI "salary" (I/O: prints one lookup): `npm run salary -- "<role>" [--level L] [--location P] [--json]`.
import { privacyFor } from '../../app/privacy.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import type { Level } from '../../domain/knowledge.js';
import { checkInput, checkOptionalInput } from '../../domain/limits.js';
import { parseCommandLine } from '../args.js';
import { renderText, salaryJson } from './render.js';

const LEVELS: readonly Level[] = ['junior', 'mid', 'senior'];
const isLevel = (l: string): l is Level => (LEVELS as readonly string[]).includes(l);
const USAGE = 'npm run salary -- "<role>" [--level junior|mid|senior] [--location "<place>"] [--json]';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' }, level: { type: 'string' }, location: { type: 'string' } }, USAGE);
  if (!positionals.join('').trim()) throw new AppError('BAD_INPUT', `Usage: ${USAGE}`);
  const role = checkInput('role', positionals.join(' '));
  const location = checkOptionalInput('location', values.location);
  const level = values.level?.toLowerCase();
  if (level !== undefined && !isLevel(level)) throw new AppError('BAD_INPUT', '--level must be junior, mid or senior.');
  await runtime.open();
  const started = performance.now();
  const answer = runtime.advisor().salary({ role, level: level ?? null, location });
  process.stdout.write(values.json ? `${JSON.stringify(salaryJson(role, answer), null, 2)}\n` : `${renderText(answer)}\n`);
  privacyFor(runtime.config, runtime.log).questions.record({ surface: 'cli', via: 'salary', answer, ms: performance.now() - started });
  return 0;
}
