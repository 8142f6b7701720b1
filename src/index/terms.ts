// Index stage "terms" (pure, no I/O): tokenising, light stemming and the career-domain query expansions.
import { PAY_WORDS } from '../domain/vocabulary.js';

const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own
same she should so some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours tell know want
need needs please thanks thank hi hello hey get got like im ive id dont also much many really matter matters
important become becoming someone anyone whats`.split(/\s+/),
);

/** Spellings folded before tokenising, on both the index and the query side. */
const FOLDS: [RegExp, string][] = [
  [/\bback[\s-]end\b/gi, 'backend'],
  [/\bfront[\s-]end\b/gi, 'frontend'],
  [/\bph\.?\s?d\.?(?=\s|$|[,;:)])/gi, 'phd'],
  [/\bc\+\+/gi, 'cplusplus'],
  [/\bc#/gi, 'csharp'],
  [/\bmlops\b/gi, 'mlops machine learning operations'],
  [/\bml\b/gi, 'machine learning'],
  [/\bmles?\b/gi, 'machine learning engineer'],
  [/\bk8s\b/gi, 'kubernetes'],
];

/** Query-only rewrites of phrasings the corpus never uses. */
const REWRITES: [RegExp, string][] = [
  [/\b(?:people|interpersonal|social|communication)\s+skills?\b/gi, 'soft skills'],
  [/\bjob\s+outlook\b/gi, 'outlook demand'],
];

/** Query-only expansions: how people ask -> how the corpus says it. */
const EXPANSIONS: [RegExp, string][] = [
  [PAY_WORDS, 'salary compensation'],
  [/\b(?:phd|doctorate|masters?|degree|degrees|diploma|university|college)\b/i, 'degree advanced education bachelor phd'],
  [/\b(?:people|interpersonal|social)\s+skills?\b/i, 'soft skills communication collaboration'],
  [/\b(?:outlook|future|prospects?|demand|hiring|growth|growing)\b/i, 'demand growth outlook'],
  [/\b(?:requirements?|qualifications?|need to know|prerequisites?)\b/i, 'requirements skills qualifications'],
  [/\b(?:tools?|stack|frameworks?|technolog(?:y|ies))\b/i, 'tools frameworks technologies'],
  [/\b(?:duties|responsibilit(?:y|ies)|day[\s-]to[\s-]day|job)\b/i, 'responsibilities'],
  [/\b(?:switch|transition|move|moving|pivot)\b/i, 'transition transitioning'],
  [/\b(?:carry over|carries over|transferable|transfer|reuse)\b/i, 'overlapping leveraging existing'],
  [/\b(?:maths?|calculus|algebra)\b/i, 'mathematics mathematical statistics algebra'],
  [/\b(?:remote|wfh)\b/i, 'remote positions'],
  [/\b(?:good at|strengths?|abilit(?:y|ies)|capabilit(?:y|ies))\b/i, 'skills abilities'],
  [/\b(?:industr(?:y|ies)|sectors?|hire|hiring|employers?)\b/i, 'sectors industries'],
];

/** Light suffix stripping so that "salaries"/"salary" and "engineering"/"engineer" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ional')) w = w.slice(0, -2);
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Index-side terms: folded, tokenised, stop words removed, stemmed. */
export function terms(text: string): string[] {
  let t = text;
  for (const [re, to] of FOLDS) t = t.replace(re, to);
  const out: string[] = [];
  for (const raw of t.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) {
    const word = raw.replace(/'s$|'/g, '');
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOPWORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

export interface QueryTerms {
  /** The user's own terms. */
  own: string[];
  /** Domain expansions (weighed less when ranking). */
  expanded: string[];
  /** For an own term, the corpus terms that stand for it ("pay" -> salary, compensation). */
  alternatives: Record<string, string[]>;
}

/** Query-side terms: the user's own terms plus domain expansions and the alternatives behind them. */
export function queryTerms(question: string): QueryTerms {
  const own = [...new Set(terms(REWRITES.reduce((q, [re, to]) => q.replace(re, to), question)))];
  const extra = new Set<string>();
  const alternatives: Record<string, string[]> = {};
  for (const [re, to] of EXPANSIONS) {
    const m = re.exec(question);
    if (!m) continue;
    const expansion = terms(to);
    for (const t of expansion) if (!own.includes(t)) extra.add(t);
    for (const t of terms(m[0])) alternatives[t] = [...(alternatives[t] ?? []), ...expansion];
  }
  return { own, expanded: [...extra], alternatives };
}
