// Query stage "pay questions" (pure, no I/O): what a pay question's words say beyond the role — words no salary
// passage uses, a follow-up that narrows the figures to those its words label, the figures its words lead with.
import type { Answer, NoAnswer, SalaryAnswer } from '../domain/answer.js';
import type { Knowledge, Role } from '../domain/knowledge.js';
import { PAY_WORDS } from '../domain/vocabulary.js';
import { normaliseChat, terms } from '../index/terms.js';
import { roleKey } from '../ingest/knowledge/roles.js';
import { refusal } from './no-answer.js';
import { PAY_SCOPE_WORDS } from './pay-prose.js';
import { type QuestionAnalysis, askedPart } from './question.js';
import { givenIn, paidElsewhere, salaryLookup } from './salary.js';

/** Known words this specific, in a pay question, must appear in the role's salary passages ("google" does not). */
const STRAY_MIN_WEIGHT = 2.5;

/**
 * The words of the roles' salary passages: their figures' quotes, labels, sections and places. Worked out once per
 * role and index: every pay question reads them, a pay follow-up twice.
 */
function payTerms(knowledge: Knowledge, roles: string[]): Set<string> {
  let byRole = payTermsOf.get(knowledge);
  if (!byRole) {
    byRole = new Map();
    payTermsOf.set(knowledge, byRole);
  }
  const sets = roles.map((role) => {
    let words = byRole.get(role);
    if (!words) {
      const facts = knowledge.salaries.filter((f) => f.role === role);
      words = new Set(terms(facts.map((f) => [f.quote, f.context ?? '', f.section, f.label, f.location ?? '', f.market ?? ''].join(' ')).join('\n')));
      byRole.set(role, words);
    }
    return words;
  });
  return sets.length === 1 && sets[0] ? sets[0] : new Set(sets.flatMap((words) => [...words]));
}

const payTermsOf = new WeakMap<Knowledge, Map<string, Set<string>>>();

/**
 * Whether a follow-up's words all label the roles' pay figures ("what about hospital ones" where the table has
 * "Hospital pharmacy"): it narrows the last pay question rather than asking something new.
 */
export function narrowsPay(knowledge: Knowledge, roles: string[], analysis: QuestionAnalysis): boolean {
  const words = payTerms(knowledge, roles);
  return analysis.unknown.length === 0 && analysis.topic.length > 0 && analysis.topic.every((t) => words.has(t.term));
}

/**
 * Specific words of a pay question that none of the roles' salary passages use: an employer, a sector, a word
 * the documents never use ("google", "h1b"). Places, currencies and years are checked by the salary lookup.
 * Before the part that asks, only naming words count: "I'm relocating to Seattle - what's typical there?" asks
 * nothing about relocating, while "I have an offer from OpenAI. What's their typical comp?" asks about OpenAI.
 */
export function strayPayWords(knowledge: Knowledge, roles: string[], analysis: QuestionAnalysis): string[] {
  const words = payTerms(knowledge, roles);
  const asked = new Set(terms(normaliseChat(askedPart(analysis.text))));
  // "WA" is held by a passage on "Western Australia": every word it stands for, not any one ("RAF" is no "air").
  const spelledOut = (term: string) => {
    const alternatives = analysis.terms.alternatives[term] ?? [];
    return words.has(term) || (alternatives.length > 0 && alternatives.every((a) => words.has(a)));
  };
  return [...analysis.unknown, ...analysis.topic]
    .filter((t) => t.weight >= STRAY_MIN_WEIGHT && !PAY_SCOPE_WORDS.has(t.term) && !spelledOut(t.term) && (asked.has(t.term) || t.names))
    .map((t) => t.word);
}

/**
 * Whether a job phrase the documents lack is a kind or level of a role the question names: "journeyman electrician",
 * "first year apprentice electrician", or one that runs into the role's short name ("senior vet" in "senior vet tech").
 */
export function kindOfRole(job: string, roles: Role[], question: string): boolean {
  const gap = roleKey(job);
  const asked = ` ${roleKey(question)} `;
  return roles.some((r) =>
    [r.name, ...r.aliases].some((n) => {
      const [head = '', ...rest] = roleKey(n).split(' ');
      return ` ${gap}`.endsWith(` ${roleKey(n)}`) || (gap.split(' ').at(-1) === head && asked.includes(` ${gap} ${rest.join(' ')} `));
    }),
  );
}

/**
 * Keeps the figures whose label holds every word of a narrowing follow-up ("hospital ones" -> "Hospital pharmacy"),
 * else those whose sentence does ("what about the nhs" -> "In the NHS, HR business partners are … Band 7, which
 * paid …"), with their quotes; null when none does.
 */
export function narrowFigures(answer: Answer, analysis: QuestionAnalysis): SalaryAnswer | null {
  if (answer.kind !== 'salary') return null;
  const holding = (text: (f: SalaryAnswer['figures'][number]) => string) =>
    answer.figures.filter((f) => {
      const words = new Set(terms(text(f)));
      return analysis.topic.every((t) => words.has(t.term));
    });
  const byLabel = holding((f) => f.label);
  const figures = byLabel.length ? byLabel : holding((f) => `${f.context ?? ''} ${f.quote}`);
  if (!figures.length) return null;
  const kept = new Set(figures.map((f) => `${f.docId}:${f.start}`));
  const citations = answer.citations.filter((c) => kept.has(`${c.docId}:${c.start}`));
  return { ...answer, figures, citations: citations.length ? citations : answer.citations };
}

/** Words that only say the period of pay asked ("hourly rate", "per year"). */
const PERIOD_WORDS = /^(?:hourly|hours?|weekly|weeks?|monthly|months?|yearly|years?|annual|annually|daily|days?|rates?|per)$/i;

/**
 * Puts the figures whose own words match the question first ("median base pay" leads with the median), keeping
 * the documents' order otherwise; a ranking answer ("which city pays most") keeps its order.
 */
export function focusFigures<A extends Answer>(answer: A, analysis: QuestionAnalysis): A {
  if (answer.kind !== 'salary' || answer.ranking) return answer;
  // Places asked about count too: "Manchester and Edinburgh" leads with those two, not with London.
  // Pay words say nothing of which figure: "how much do hygienists earn" should not lead with "can earn £35 an hour".
  // Nor do words for the period, which the lookup already picks by: "electrician hourly rate" should not lead with the
  // apprentice table because its column is headed "Hourly rate".
  const wanted = [
    ...analysis.topic.filter((t) => !PAY_WORDS.test(t.word) && !PERIOD_WORDS.test(t.word)).map((t) => t.term),
    ...analysis.scope.places.flatMap((p) => terms(p.surface)),
  ];
  const score = (c: { quote: string; context?: string; section: string }) => {
    const words = new Set(terms(`${c.context ?? ''} ${c.quote} ${c.section}`));
    return wanted.filter((t) => words.has(t)).length;
  };
  const figures = answer.figures.map((f, i) => ({ f, i, s: score(f) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const citations = answer.citations.map((c, i) => ({ c, i, s: score(c) })).sort((a, b) => b.s - a.s || a.i - b.i);
  return { ...answer, figures: figures.map((x) => x.f), citations: citations.map((x) => x.c) };
}

/**
 * The figures a role's page gives for a job it only lists ("Council tree officer" in the Arborist pay table), for a
 * pay question naming that job by two words or more; null when no figure is labelled with it, and a refusal naming
 * the job when every one of its figures is for somewhere apart from the place asked ("civil engineer … in the US"
 * where the related-careers box gives UK pay).
 */
export function listedJobPay(knowledge: Knowledge, question: string, job: string, place: string | null): SalaryAnswer | NoAnswer | null {
  const key = roleKey(job);
  if (key.split(' ').length < 2) return null;
  const facts = knowledge.salaries.filter((f) => f.role && ` ${roleKey(f.label)} `.includes(` ${key} `));
  const role = facts[0]?.role;
  if (!role) return null;
  if (place && facts.every((f) => paidElsewhere(f, place)))
    return refusal(question, 'salary', [], { code: 'no-salary-for', role: job, location: place, currency: null, year: null, available: givenIn(facts) });
  const answer = salaryLookup(knowledge, { role, question });
  if (answer.kind !== 'salary') return null;
  const labelled = new Set(facts.map((f) => `${f.docId}:${f.start}`));
  const figures = answer.figures.filter((f) => facts.includes(f));
  const citations = answer.citations.filter((c) => labelled.has(`${c.docId}:${c.start}`));
  return figures.length ? { ...answer, figures, citations } : null;
}
