// Query stage "question analysis" (pure, no I/O): splits a question into what it is about (topic terms the
// corpus knows, weighted by IDF), what it names that the corpus has never seen, the roles it names, and the
// places, currencies and years that scope it. Plain data in, plain data out: the relevance decision reads it.
import nlp from 'compromise';
import type { Role } from '../domain/knowledge.js';
import { specificity } from '../index/specificity.js';
import { type QueryTerms, normaliseChat, queryTerms, queryWords, terms } from '../index/terms.js';
import { jobPhrases } from '../ingest/knowledge/scope.js';
import { type PlaceMention, currenciesIn, findPlaces } from '../ingest/places.js';

/** What the corpus knows about a term: its IDF, or null when no chunk contains it. */
export type Idf = (term: string) => number | null;

export interface WeightedTerm {
  term: string;
  word: string;
  /** How much the term says about what is asked: corpus IDF (or UNKNOWN_IDF) times the word's English specificity. */
  weight: number;
}

/** A word no chunk contains, and whether it names something (a noun: "visa", "jax") or only describes (a verb or adjective: "gluing", "rusty"). */
export interface UnknownTerm extends WeightedTerm {
  names: boolean;
}

export interface QuestionAnalysis {
  terms: QueryTerms;
  /** Topic terms the corpus knows (role names and framing removed), with their IDF. */
  topic: WeightedTerm[];
  /** Topic words no chunk contains ("nurses", "visa", "google"): a subject the documents may not cover. */
  unknown: UnknownTerm[];
  /** Places, currencies and years the question is scoped to. */
  scope: { places: PlaceMention[]; currencies: string[]; years: number[] };
  /** "What is X?", "define X": the answer should lead with X's definition. */
  asksDefinition: boolean;
  /** The kind of answer a "how many / how long / how much does it cost" question needs, or null for any passage. */
  wants: Quantity | null;
  /** Job titles the question names, with up to two qualifying words ("registered nurse", "ML engineers"). */
  jobs: string[];
}

/**
 * What a word no chunk contains weighs, in IDF units: as much as a rare corpus term. Calibrated on the dev
 * split of test/fixtures/eval (`npm run eval -- --misses`).
 */
export const UNKNOWN_IDF = 4;

/** Quantities a question can ask for: a passage without one does not answer it. */
export type Quantity = 'duration' | 'count' | 'cost';

const WANTS: [Quantity, RegExp][] = [
  ['duration', /\bhow\s+(?:long|many\s+(?:months|years|weeks|days|hours))\b/i],
  ['cost', /\bhow\s+much\b.*\b(?:cost|costs|charge|fee|fees|price)\b|\b(?:cost|price)\s+of\b/i],
  ['count', /\bhow\s+many\b/i],
];

/** Questions that ask what something is. */
const DEFINITION = /^\s*(?:so\s+)?(?:what(?:'s|\s+is|\s+are|\s+does)|whats|define|definition of|meaning of|explain)\b/i;

const YEAR = /\b(?:19[89]\d|20\d\d)\b/g;

/** Terms of the role names the question mentions: they say who, not what, so they are not topic terms. */
function roleTerms(roles: Role[]): Set<string> {
  return new Set(roles.flatMap((r) => [r.name, ...r.aliases].flatMap((n) => terms(n))));
}

/** Part-of-speech tags that describe rather than name: "gluing", "rusty", "pushes" are not what a question is about. */
const DESCRIBING = new Set(['Verb', 'Adjective', 'Adverb', 'Gerund', 'Comparable']);

/**
 * Which of the question's words name something, by compromise's part-of-speech tagging of the whole sentence
 * (context decides: "plug" the verb, "plugs" the noun). Words it does not tag count as names (jargon, "h1b").
 */
function namingWords(question: string): (word: string) => boolean {
  const tags = new Map<string, string[]>();
  const doc = nlp(question).json() as { terms: { normal: string; tags: string[] }[] }[];
  for (const sentence of doc) for (const t of sentence.terms) tags.set(t.normal, t.tags);
  return (word) => {
    const t = tags.get(word.toLowerCase());
    return !t || !t.some((tag) => DESCRIBING.has(tag)) || t.includes('Noun');
  };
}

/** Analyses a question against the corpus vocabulary; `roles` are the roles it names. */
export function analyseQuestion(question: string, idf: Idf, roles: Role[] = []): QuestionAnalysis {
  const qt = queryTerms(question);
  const scope = { places: findPlaces(question), currencies: currenciesIn(question), years: [...question.matchAll(YEAR)].map((m) => Number(m[0])) };
  const skip = roleTerms(roles);
  for (const p of scope.places) for (const t of terms(p.surface)) skip.add(t);
  for (const y of scope.years) skip.add(String(y));
  // Currency words ("euros", "quid") scope the question like places; they are not its topic.
  for (const w of queryWords(question)) if (currenciesIn(w.word).length) skip.add(w.term);
  const topic: WeightedTerm[] = [];
  const unknown: QuestionAnalysis['unknown'] = [];
  const seen = new Set<string>();
  for (const { word, term, framing } of queryWords(question)) {
    if (framing || skip.has(term) || seen.has(term) || /^\d+$/.test(term)) continue;
    seen.add(term);
    const known = idf(term) ?? Math.max(0, ...(qt.alternatives[term] ?? []).map((a) => idf(a) ?? 0));
    if (known > 0) topic.push({ term, word, weight: known * specificity(word) });
    else unknown.push({ term, word, weight: UNKNOWN_IDF * specificity(word), names: true });
  }
  if (unknown.length) {
    const naming = namingWords(question);
    for (const u of unknown) u.names = naming(u.word);
  }
  const wants = WANTS.find(([, re]) => re.test(question))?.[0] ?? null;
  return { terms: qt, topic, unknown, scope, wants, jobs: jobPhrases(normaliseChat(question)), asksDefinition: DEFINITION.test(question) && topic.length <= 4 };
}
