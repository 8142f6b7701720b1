// CLI "ask" (I/O: prints one answer): `npm run ask -- "<question>" [--json] [--mode lexical|dense|hybrid]`.
import { privacyFor } from '../../app/privacy.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { checkInput } from '../../domain/limits.js';
import type { Mode } from '../../query/retriever.js';
import { parseCommandLine } from '../args.js';
import { askJson, renderText } from './render.js';

const MODES: readonly Mode[] = ['lexical', 'dense', 'hybrid'];
const isMode = (m: string): m is Mode => (MODES as readonly string[]).includes(m);
const USAGE = 'npm run ask -- "<question>" [--json] [--mode lexical|dense|hybrid]';

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' }, mode: { type: 'string' } }, USAGE);
  if (!positionals.join('').trim()) throw new AppError('BAD_INPUT', `Usage: ${USAGE}`);
  const question = checkInput('question', positionals.join(' '));
  if (values.mode !== undefined && !isMode(values.mode)) throw new AppError('BAD_INPUT', '--mode must be lexical, dense or hybrid.');
  await runtime.open();
  const started = performance.now();
  const answer = await runtime.advisor().ask(question, undefined, values.mode);
  process.stdout.write(values.json ? `${JSON.stringify(askJson(answer), null, 2)}\n` : `${renderText(answer)}\n`);
  privacyFor(runtime.config, runtime.log).questions.record({ surface: 'cli', via: 'ask', answer, ms: performance.now() - started });
  return 0;
}
