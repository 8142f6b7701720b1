// CLI "ask" (I/O: prints one answer): `npm run ask -- "<question>" [--json] [--mode lexical|dense|hybrid]`.
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { App } from '../../main.js';
import { openAdvisor } from '../../main.js';
import type { Mode } from '../../query/retriever.js';
import { askJson, toTerminal } from './output.js';

export async function run(app: App, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, mode: { type: 'string' } } });
  const question = positionals.join(' ').trim();
  if (!question) throw new AppError('BAD_INPUT', 'Usage: npm run ask -- "<question>" [--json] [--mode lexical|dense|hybrid]');
  const mode = values.mode as Mode | undefined;
  if (mode && !['lexical', 'dense', 'hybrid'].includes(mode)) throw new AppError('BAD_INPUT', '--mode must be lexical, dense or hybrid.');
  const { advisor } = await openAdvisor(app);
  const answer = await advisor.ask(question, undefined, mode);
  process.stdout.write(values.json ? `${JSON.stringify(askJson(answer), null, 2)}\n` : `${toTerminal(answer.text)}\n`);
  return 0;
}
