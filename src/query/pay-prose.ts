// Query stage "pay prose" (pure over a loaded index; the retriever may embed the query): a pay question about
// the figures themselves ("gross or net?", "what year are these from?", "agency vs in-house pay") is answered
// by what the role's salary section says in words, before (or, when the figures cannot answer it, instead of) its figures.
import type { SalaryAnswer } from '../domain/answer.js';
import { type Citation, withContext } from '../domain/types.js';
import { terms } from '../index/terms.js';
import { hasMoney } from '../ingest/knowledge/money.js';
import type { QuestionAnalysis } from './question.js';
import { INTENT_HEADINGS, type QuoteSelector } from './quote.js';
import { MIN_COVERAGE } from './relevance.js';
import type { Retriever } from './retriever.js';

/** Words a pay question may use without asking anything beyond the figures: a level, "total", "base", a place word. */
export const PAY_SCOPE_WORDS = new Set(
  terms(
    'salary salaries pay paid earn earning make compensation comp total base average range junior senior mid level entry starting remote ' +
      'city cities place places location locations market markets where most best highest top more less higher lower ' +
      // How pay is counted is not a subject of its own: "hourly rate" is asked of any pay.
      'rate rates hourly hour daily day weekly week monthly month yearly annual annually',
  ),
);

const PAY_HEADING = INTENT_HEADINGS.salary ?? /salar|compensation|pay/i;

/** Terms of a pay question that ask for more than figures ("gross", "agency"). */
function specificTerms(analysis: QuestionAnalysis): string[] {
  return analysis.topic.filter((t) => !PAY_SCOPE_WORDS.has(t.term)).map((t) => t.term);
}

/**
 * The sentences of the role's pay sections that answer what a pay question asks beyond the figures: none when
 * it asks for nothing more than figures or no sentence covers it. A sentence with an amount is a figure, which
 * the salary lookup already shows.
 */
export async function payProse(
  deps: { retriever: Retriever; quotes: QuoteSelector },
  analysis: QuestionAnalysis,
  question: string,
  role: string,
): Promise<Citation[]> {
  const specific = specificTerms(analysis);
  if (!specific.length) return [];
  const { hits } = await deps.retriever.retrieve(`${question} ${role}`, 8);
  const { citations } = deps.quotes.select(analysis, hits, 'salary', [role]);
  return citations.filter((c) => {
    const text = withContext(c);
    if (!PAY_HEADING.test(c.section) || hasMoney(text)) return false;
    const own = new Set(terms(text));
    return specific.some((t) => own.has(t)) && deps.quotes.textCoverage(analysis, text) >= MIN_COVERAGE;
  });
}

/**
 * A salary answer with the pay section's sentences added: before the figures when they say something asked that
 * no figure line says ("agency vs in-house"), after them otherwise ("German salaries are quoted as gross" when
 * the figures already read "Average gross annual salary").
 */
export function withProse(answer: SalaryAnswer, prose: Citation[], analysis: QuestionAnalysis): SalaryAnswer {
  if (!prose.length) return answer;
  const inFigures = new Set(terms(answer.figures.map((f) => `${f.label} ${withContext(f)}`).join('\n')));
  const adds = specificTerms(analysis).some((t) => !inFigures.has(t) && prose.some((c) => terms(withContext(c)).includes(t)));
  const [lead, ...rest] = answer.citations;
  return { ...answer, citations: adds || !lead ? [...prose, ...answer.citations] : [lead, ...prose, ...rest] };
}
