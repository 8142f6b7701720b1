// CLI "compare" (I/O: prints one comparison): `npm run compare -- "<role A>" "<role B>" [--json]`.
import { privacyFor } from '../../app/privacy.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { checkInput } from '../../domain/limits.js';
import { parseCommandLine } from '../args.js';
import { compareJson, renderText } from './render.js';

const USAGE = 'npm run compare -- "<role A>" "<role B>" [--json]';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } }, USAGE);
  const [first = '', second = ''] = positionals;
  if (positionals.length !== 2 || !first.trim() || !second.trim()) throw new AppError('BAD_INPUT', `Usage: ${USAGE}`);
  const a = checkInput('role', first);
  const b = checkInput('role', second);
  await runtime.open();
  const started = performance.now();
  const answer = runtime.advisor().compare(a, b);
  process.stdout.write(values.json ? `${JSON.stringify(compareJson(a, b, answer), null, 2)}\n` : `${renderText(answer)}\n`);
  privacyFor(runtime.config, runtime.log).questions.record({ surface: 'cli', via: 'compare', answer, ms: performance.now() - started });
  return 0;
}
