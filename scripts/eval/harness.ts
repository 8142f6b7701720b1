// Evaluation harness (pure over an advisor): asks every labelled question and scores what the user is shown,
// not what was retrieved: answered correctly, false refusals, wrong answers, near-miss false answers, whether
// the first quote is the right one, and answer length.
import { z } from 'zod';
import { renderText } from '../../src/adapters/cli/render.js';
import { pickQuotes } from '../../src/adapters/format.js';
import type { Answer } from '../../src/domain/answer.js';
import { withContext } from '../../src/domain/types.js';
import type { Advisor } from '../../src/query/advisor.js';
import type { Mode } from '../../src/query/retriever.js';

const expectSchema = z.union([
  z.literal('none'),
  z.object({ anyOf: z.array(z.string().min(1)).min(1) }),
  z.object({ allOf: z.array(z.string().min(1)).min(1) }),
]);

const itemSchema = z.object({
  id: z.string(),
  section: z.string(),
  style: z.enum(['terse', 'casual', 'indirect', 'near-miss']),
  question: z.string().min(1),
  expect: expectSchema,
  split: z.enum(['dev', 'test']),
});

/** A labelled evaluation file (test/fixtures/eval/*.json). */
export const evalFileSchema = z.object({ corpus: z.string(), note: z.string().optional(), items: z.array(itemSchema).min(1) });
export type EvalItem = z.infer<typeof itemSchema>;

export interface Outcome {
  item: EvalItem;
  answered: boolean;
  correct: boolean;
  firstQuoteCorrect: boolean;
  length: number;
  shown: string;
}

export interface Scores {
  items: number;
  answerable: number;
  nearMisses: number;
  /** Share of answerable questions whose shown answer contains the expected passage(s). */
  answeredCorrectly: number;
  /** Share of answerable questions refused. */
  falseRefusals: number;
  /** Share of answerable questions answered with the wrong passages. */
  wrongAnswers: number;
  /** Share of near-miss questions answered instead of refused. */
  nearMissFalseAnswers: number;
  /** Share of correctly answered questions whose first quote is an expected passage. */
  firstQuoteCorrect: number;
  medianLength: number;
  p95Length: number;
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

function matches(text: string, expected: EvalItem['expect']): boolean {
  if (expected === 'none') return false;
  const t = fold(text);
  return 'anyOf' in expected ? expected.anyOf.some((s) => t.includes(fold(s))) : expected.allOf.every((s) => t.includes(fold(s)));
}

/** The first quote the user sees, with its parent bullet. */
function firstQuote(answer: Answer): string {
  const first = pickQuotes(answer.citations).shown[0];
  return first ? withContext(first) : '';
}

/** Asks one question and scores the answer as shown on a terminal (Discord shows the same quotes). */
export async function judge(advisor: Advisor, item: EvalItem, mode?: Mode): Promise<Outcome> {
  const answer = await advisor.ask(item.question, undefined, mode);
  const shown = answer.answered ? renderText(answer) : '';
  const correct = answer.answered && matches(shown, item.expect);
  const expected = item.expect;
  const firstQuoteCorrect =
    correct && expected !== 'none' && ('anyOf' in expected ? expected.anyOf : expected.allOf).some((s) => fold(firstQuote(answer)).includes(fold(s)));
  return { item, answered: answer.answered, correct, firstQuoteCorrect, length: shown.length, shown };
}

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const share = (n: number, of: number) => (of ? n / of : 0);

/** Aggregates outcomes into the figures the README reports. */
export function score(outcomes: Outcome[]): Scores {
  const answerable = outcomes.filter((o) => o.item.expect !== 'none');
  const near = outcomes.filter((o) => o.item.expect === 'none');
  const correct = answerable.filter((o) => o.correct);
  const lengths = outcomes.filter((o) => o.answered).map((o) => o.length);
  return {
    items: outcomes.length,
    answerable: answerable.length,
    nearMisses: near.length,
    answeredCorrectly: share(correct.length, answerable.length),
    falseRefusals: share(answerable.filter((o) => !o.answered).length, answerable.length),
    wrongAnswers: share(answerable.filter((o) => o.answered && !o.correct).length, answerable.length),
    nearMissFalseAnswers: share(near.filter((o) => o.answered).length, near.length),
    firstQuoteCorrect: share(correct.filter((o) => o.firstQuoteCorrect).length, correct.length),
    medianLength: quantile(lengths, 0.5),
    p95Length: quantile(lengths, 0.95),
  };
}
