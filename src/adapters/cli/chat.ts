// Terminal chat (I/O: stdin/stdout): the same advisor as the bot, one question per line; works when piped.
import { createInterface } from 'node:readline';
import type { Turn } from '../../query/ask.js';
import { toAppError } from '../../domain/errors.js';
import type { App } from '../../main.js';
import { openAdvisor } from '../../main.js';
import { toTerminal } from './output.js';

export async function run(app: App): Promise<number> {
  const { advisor } = await openAdvisor(app);
  const status = advisor.status();
  const interactive = process.stdin.isTTY;
  if (interactive) {
    process.stdout.write(
      `Career advisor: ${status.docs} documents, ${status.roles} roles, ${status.mode} search${status.degraded ? ' (model unavailable)' : ''}.\n` +
        'Ask a question (e.g. "How much do ML engineers make?"), or type "exit".\n',
    );
  }
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  let previous: Turn | undefined;
  const prompt = () => interactive && process.stdout.write('> ');
  prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (/^(?:exit|quit)$/i.test(question)) break;
    if (question) {
      try {
        const answer = await advisor.ask(question, previous);
        previous = { intent: answer.intent, roles: answer.roles ?? [] };
        process.stdout.write(`${toTerminal(answer.text)}\n\n`);
      } catch (error) {
        process.stdout.write(`Sorry, that failed: ${toAppError(error).message}\n\n`);
      }
    }
    prompt();
  }
  return 0;
}
