// Terminal chat (I/O: stdin/stdout): the same advisor as the bot, one question per line; works when piped.
import { createInterface } from 'node:readline';
import { privacyFor } from '../../app/privacy.js';
import type { Runtime } from '../../app/runtime.js';
import type { Answer, RolesAnswer, Turn } from '../../domain/answer.js';
import { toAppError } from '../../domain/errors.js';
import { INPUT_LIMITS, isTooLong, preview, tooLongMessage } from '../../domain/limits.js';
import { nextTurn } from '../../query/conversation.js';
import { parseCommandLine } from '../args.js';
import { withArticle } from '../format.js';
import { renderSources, renderText } from './render.js';

const PROMPT = 'you› ';
/** Help with examples from the roles this corpus has (the example role, and another). */
function help({ catalog, example }: RolesAnswer): string {
  const paid = catalog.find((r) => r.name === example) ?? catalog[0];
  const other = catalog.find((r) => r !== paid);
  const examples = paid
    ? [
        `How much does ${withArticle(paid.name)} make?`,
        `What skills does ${withArticle((other ?? paid).name)} need?`,
        ...(other ? [`${paid.name} vs ${other.name}`] : []),
      ]
    : ['What roles do you know?'];
  return [
    'Ask a career question in your own words, e.g.:',
    `  ${examples.join('   ')}`,
    'Follow-ups such as "and for senior roles?" use your previous question. "roles" lists the roles, "sources" shows every quote of the last answer; "exit" leaves.',
  ].join('\n');
}

/** Indents an answer so that it never looks like the prompt. */
const indent = (text: string) => text.replace(/^/gm, '   ');

const USAGE = 'npm start (the terminal chat, or the bot when DISCORD_TOKEN is set), or npm run ingest|ask|salary|compare|roles|chat -- ...';

export async function run(runtime: Runtime, args: string[] = []): Promise<number> {
  parseCommandLine(args, {}, USAGE, false);
  await runtime.open();
  const status = runtime.advisor().status();
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    process.stdout.write(
      `Career advisor: ${status.docs} documents, ${status.roles} roles, ${status.mode} search${status.degraded ? ' (model unavailable)' : ''}.\n` +
        'Type a question, "help" or "exit".\n',
    );
  }
  const { questions } = privacyFor(runtime.config, runtime.log);
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  let previous: Turn | undefined;
  let last: Answer | undefined;
  const prompt = () => interactive && process.stdout.write(PROMPT);
  prompt();
  for await (const line of rl) {
    const question = line.trim();
    // Discord habits carry over: "/help", "/roles" and "/exit" are the commands too.
    const command = question.replace(/^\//, '');
    if (/^(?:exit|quit|bye)$/i.test(command)) break;
    if (!interactive && question) process.stdout.write(`${PROMPT}${preview(question, INPUT_LIMITS.question)}\n`);
    if (/^(?:help|\?)$/i.test(command)) process.stdout.write(`${indent(help(runtime.advisor().roles()))}\n\n`);
    else if (/^roles$/i.test(command)) process.stdout.write(`${indent(renderText(runtime.advisor().roles()))}\n\n`);
    else if (/^(?:sources?|more)$/i.test(command)) process.stdout.write(`${indent(last ? renderSources(last) : 'Ask a question first.')}\n\n`);
    else if (question.startsWith('/')) process.stdout.write(`${indent('Commands here are help, roles, sources and exit; anything else is a question.')}\n\n`);
    // An over-long line is refused before any work; the chat goes on.
    else if (isTooLong('question', question)) process.stdout.write(`${indent(tooLongMessage('question', question.length))}\n\n`);
    else if (question) {
      try {
        const started = performance.now();
        const answer = await runtime.advisor().ask(question, previous);
        previous = nextTurn(previous, answer);
        last = answer;
        process.stdout.write(`${indent(renderText(answer, 'type “sources” to see them all'))}\n\n`);
        questions.record({ surface: 'chat', via: 'chat', answer, ms: performance.now() - started });
      } catch (error) {
        process.stdout.write(`${indent(`Sorry, that failed: ${toAppError(error).message}`)}\n\n`);
      }
    }
    prompt();
  }
  return 0;
}
