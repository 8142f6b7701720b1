// Query stage "question analysis" (pure, no I/O): splits a question into what it is about (topic terms the
// corpus knows, weighted by IDF), what it names that the corpus has never seen, the roles it names, and the
// places, currencies and years that scope it. Plain data in, plain data out: the relevance decision reads it.
import { createRequire } from 'node:module';
import type { Term } from 'compromise/misc';
import type nlpType from 'compromise/two';
import { LRUCache } from 'lru-cache';
import type { Role } from '../domain/knowledge.js';
import { escapeRegExp } from '../domain/regexp.js';
import { PAY_WORDS } from '../domain/vocabulary.js';
import { type QueryTerms, isAdverb, isFraming, normaliseChat, queryTerms, queryWords, rawWords, stem, terms } from '../index/terms.js';
import { SHORT_NOUNS, rolesByDoer, rolesShortened, shortenedWords } from '../ingest/knowledge/role-names.js';
import { jobPhrases } from '../ingest/knowledge/scope.js';
import { type PlaceMention, currenciesIn, findPlaces } from '../ingest/places.js';
import { specificity } from '../ingest/specificity.js';

/** What the corpus knows about a term: its IDF, or null when no chunk contains it. */
export type Idf = (term: string) => number | null;

export interface WeightedTerm {
  term: string;
  word: string;
  /** How much the term says about what is asked: corpus IDF (or UNKNOWN_IDF) times the word's English specificity. */
  weight: number;
}

/** A question word, and whether it names something (a noun: "visa", "pipelines") or only describes (a verb or adjective: "gluing", "joining"). */
export interface TaggedTerm extends WeightedTerm {
  /** Tagged on first read: most questions are decided without it, and tagging costs about 0.1 ms a word. */
  readonly names: boolean;
}

/** A word no chunk contains. */
export type UnknownTerm = TaggedTerm;

export interface QuestionAnalysis {
  /** The question as asked. */
  text: string;
  terms: QueryTerms;
  /** Topic terms the corpus knows (role names and framing removed), with their IDF. */
  topic: TaggedTerm[];
  /** Topic words no chunk contains ("nurses", "visa", "google"): a subject the documents may not cover. */
  unknown: UnknownTerm[];
  /** Places, currencies and years the question is scoped to. */
  scope: { places: PlaceMention[]; currencies: string[]; years: number[] };
  /** Places the askers say they come from or trained in ("a hygienist trained in India"): their situation, not the scope. */
  origins: PlaceMention[];
  /** "What is X?", "define X": the answer should lead with X's definition. */
  asksDefinition: boolean;
  /** The kind of answer a "how many / how long / how much does it cost" question needs, or null for any passage. */
  wants: Quantity | null;
  /** For a cost question, the terms of what it prices ("the CBAP exam" -> cbap, exam): a price of anything else is no answer. */
  priced: string[];
  /** Job titles the question names, with up to two qualifying words ("registered nurse", "ML engineers"). */
  jobs: string[];
}

/**
 * What a word no chunk contains weighs, in IDF units: as much as a rare corpus term. Calibrated on the dev
 * split of test/fixtures/eval (`npm run eval -- --misses`).
 */
export const UNKNOWN_IDF = 4;

/** Where a question's situation ends and its ask begins: a sentence end or a dash ("I'm relocating to Seattle - what's typical?"). */
const CLAUSE_BREAK = /(?<=[.?!])\s+|\s+[-–—]+\s+/;

/**
 * The part of a question that asks, without the situation told before it: its last sentence or dash-separated
 * clause ("I'm relocating to Seattle as a PM - what base salary is typical there?" asks the second).
 */
export function askedPart(question: string): string {
  const parts = question.split(CLAUSE_BREAK).filter((p) => /\p{L}/u.test(p));
  return parts.at(-1) ?? question;
}

/** Quantities a question can ask for: a passage without one does not answer it. */
export type Quantity = 'duration' | 'count' | 'cost' | 'age';

/** "judged by how many posts I write": a "how many" after a preposition is part of the story, not what is asked. */
const ASKED_HOW = String.raw`(?<!\b(?:by|on|of|about|from|in)\s+)\bhow\s+`;

const WANTS: [Quantity, RegExp][] = [
  // "junior to senior timeline", "how quickly can I…": a time asked for without "how long".
  [
    'duration',
    new RegExp(String.raw`${ASKED_HOW}(?:long|many\s+(?:months|years|weeks|days|hours)|quickly|fast|soon)\b|\b(?:timelines?|time\s*frames?)\b`, 'i'),
  ],
  ['cost', new RegExp(String.raw`${ASKED_HOW}much\b.*\b(?:cost|costs|charge|fee|fees|price)\b|\b(?:cost|price)\s+of\b`, 'i')],
  // "cipd level 5 how much", "how much is it": a price asked with nothing after it (pay questions never get here: see below).
  ['cost', new RegExp(String.raw`${ASKED_HOW}much(?:\s+(?:is|are|does|for)\s+(?:it|that|this|one))?\s*[?!.]*\s*$`, 'i')],
  // Not "is there an age limit": "there is no upper age limit" answers it without a number.
  ['age', /\bhow\s+old\b|\bwhat\s+age\b|\b(?:minimum|youngest)\s+age\b|\bold\s+enough\b/i],
  ['count', new RegExp(String.raw`${ASKED_HOW}many\b`, 'i')],
];

/** The thing a cost question prices: "how much does the CBAP exam cost" -> "CBAP exam". */
const PRICED = /\bhow\s+much\s+(?:does|do|is|are|will|would|did)\s+(?:an?\s+|the\s+|my\s+|your\s+)?(.+?)\s+(?:cost|costs|charge|fee|fees)\b/i;

/** Words before a job title that make it the asker's own ("I'm a", "as an", "I've been a"). */
const SELF = String.raw`\b(?:i'?m|i\s+am|i\s+work\s+as|as|i'?ve\s+been|been|i\s+was|i\s+used\s+to\s+be|i\s+worked\s+as)\s+(?:an?\s+)?`;

/**
 * Words before a place that make it where the askers come from, not what they ask about: "I'm a pharmacist from
 * India, how do I get licensed in Canada?" asks about Canada; so does "I'm a hygienist trained in India…".
 */
const ORIGIN =
  /\b(?:i'?m|i\s+am|i|we'?re|we|my)\b[^.?!]*?\b(?:from|(?:moved|moving|relocating|relocated|coming|came)\s+(?:over\s+)?from|(?:trained|qualified|studied|educated|licensed|registered|certified)\s+(?:in|at))\s+(?:the\s+)?$/i;

/** Whether the asker says they come from this place ("I'm from India", "moving from Lagos"). */
function isOrigin(question: string, place: PlaceMention): boolean {
  return ORIGIN.test(question.slice(Math.max(0, place.start - 120), place.start));
}

/** Questions that ask what something is. */
const DEFINITION = /^\s*(?:(?:so|hey|hi|hello|ok|okay|yo)\b[\s,!]*)*(?:what(?:'s|\s+is|\s+are|\s+does)|whats|define|definition of|meaning of|explain)\b/i;

const YEAR = /\b(?:19[89]\d|20\d\d)\b/g;

/** Terms of the role names the question mentions: they say who, not what, so they are not topic terms. */
export function roleTerms(roles: Role[]): Set<string> {
  const names = roles.flatMap((r) => [r.name, ...r.aliases]);
  // The forms chat writes them in: "BAs" for BA, "admin" for administrator.
  const plurals = names.filter((n) => /^[A-Z]{2,5}$/.test(n)).map((n) => `${n}s`);
  const words = new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const short = Object.entries(SHORT_NOUNS).flatMap(([abbr, noun]) => (words.has(noun) ? [abbr] : []));
  return new Set([...names, ...plurals, ...short].flatMap((n) => terms(n)));
}

/** Part-of-speech tags that describe rather than name: "gluing", "rusty", "pushes" are not what a question is about. */
const DESCRIBING = new Set(['Verb', 'Adjective', 'Adverb', 'Gerund', 'Comparable']);

let nlp: typeof nlpType | undefined;

/**
 * compromise's tagger, loaded on first use from its one-file CommonJS build: 165 ms and 31 MiB that most
 * questions, and every start, never pay (its ES modules took 300 ms and 40 MiB, at every start).
 */
function tagger(): typeof nlpType {
  nlp ??= createRequire(import.meta.url)('compromise/two') as typeof nlpType;
  return nlp;
}

/**
 * compromise's steps up to its word-by-word tagger, leaving out the pass of context rules after it. For a whole
 * question that pass took five sixths of the time (0.6 ms against 0.1 ms) and changed no dev outcome (seed, corpus-b,
 * -f, -h); the short windows `tagsOf` reads keep it: there it changed three dev outcomes, and they are cached.
 */
const TAG_STEPS = ['contractions', 'alias', 'machine', 'index', 'id', 'lexicon', 'preTagger', 'contractionTwo'];

/** The words of a text with their part-of-speech tags (see TAG_STEPS). */
function tag(text: string): Term[] {
  const doc = tagger().tokenize(text);
  doc.compute(TAG_STEPS);
  return doc.docs.flat();
}

/** Windows already tagged: tagging one costs about 0.1 ms, and casual questions reuse the same phrasings. */
const tagCache = new LRUCache<string, Set<string>>({ max: 4096 });

/**
 * compromise's part-of-speech tags for a word of the question, read with two words either side ("interview
 * questions" is a noun, "vesting schedule" too). Tagging the whole sentence reads a little more context but
 * costs 0.6 ms a question, which the warm answer budget cannot spare.
 */
function tagsOf(question: string, word: string): Set<string> {
  const tokens = rawWords(question);
  const at = tokens.indexOf(word);
  const window = at < 0 ? word : tokens.slice(Math.max(0, at - 2), at + 3).join(' ');
  const key = `${word}\u0000${window}`;
  let tags = tagCache.get(key);
  if (tags === undefined) {
    const terms = tagger()(window).docs.flat();
    tags = (terms.find((t) => t.normal === word) ?? terms[0])?.tags ?? new Set<string>();
    tagCache.set(key, tags);
  }
  return tags;
}

/** Whether a word names something rather than describing; untagged words count as names (jargon, "h1b"). */
function names(question: string, word: string): boolean {
  const tags = tagsOf(question, word);
  return tags.has('Noun') || ![...tags].some((tag) => DESCRIBING.has(tag));
}

/**
 * A job phrase without the words before the title that only act or qualify an action: "actually hire analysts"
 * names analysts, not a kind of analyst ("registered nurses" and "ML engineers" keep their qualifiers).
 */
export function jobTitle(question: string, job: string): string {
  const words = job.split(' ');
  const at = words.findIndex((w, i) => {
    const tags = i === words.length - 1 ? new Set(['Noun']) : tagsOf(question, w.toLowerCase());
    return tags.has('Noun') || tags.has('Adjective') || tags.has('Acronym') || !(tags.has('Verb') || tags.has('Adverb'));
  });
  return words.slice(Math.max(0, at)).join(' ');
}

function taggedTerm(question: string, term: string, word: string, weight: number): TaggedTerm {
  let tagged: boolean | undefined;
  return {
    term,
    word,
    weight,
    get names() {
      tagged ??= names(question, word.toLowerCase());
      return tagged;
    },
  };
}

/** Words a question may open with before what it asks about. */
const LEAD_WORDS = /^(?:what|whats|wats|what's|hows|how's|which|is|are|the|a|an|so|ok|hey)$/;

/**
 * Nouns that relate the question's subject to something else ("the impact of AutoML on…") or only hold a
 * place for it (shell nouns: "the process", "the basics"), rather than name it.
 */
const RELATIONAL = new Set(
  terms(
    'impact effect influence importance relevance difference relationship comparison use usage way kind type sort example list tip advice idea thing ' +
      'process step approach option aspect part area detail info information basics overview stuff matter question reason fact',
  ),
);

/** Tags a noun phrase may hold: nouns and the words that modify them ("standard notice period", "passing score"). */
const IN_NOUN_PHRASE = new Set(['Noun', 'Adjective', 'Gerund', 'Acronym']);

/**
 * The stem of the noun the question is about: the last noun of its first noun phrase that is not the asker's
 * framing, a role or a word in `ignore` ("the passing score for the AWS exam" -> score, "standard notice period"
 * -> period). Null when no phrase qualifies. Tags the whole question (about 0.4 ms), so callers ask only when
 * they are about to answer and cannot tell otherwise.
 */
export function headNoun(question: string, ignore: (head: string, words: string[]) => boolean): string | null {
  return subjectNouns(question, ignore)?.at(-1) ?? null;
}

/**
 * The stems of the nouns of the phrase `headNoun` finds, its head last ("the CBAP exam" -> cbap, exam; "stock option
 * vesting schedule" -> stock, option, schedul), leaving out those `ignore` says are no topic (a role's words).
 */
export function subjectNouns(question: string, ignore: (head: string, words: string[]) => boolean): string[] | null {
  const tokens = tag(normaliseChat(question));
  let run: { word: string; term: string; noun: boolean }[] = [];
  const headOf = (r: typeof run) => [...r].reverse().find((t) => t.noun)?.term ?? null;
  // Only a question that opens with what it asks about ("whats the passing score…", "stock option vesting
  // schedule"); "I'm an analyst who…" or "will going remote…" open with the asker's situation.
  // "what's" is two terms for the tagger, the second an implicit "is" with no text.
  const lead = tokens.findIndex(
    (t) => !(!t.normal || LEAD_WORDS.test(t.normal) || t.tags?.has('QuestionWord') || t.tags?.has('Determiner') || t.tags?.has('Copula')),
  );
  const first = tokens[lead];
  const firstTags = first?.tags ?? new Set<string>();
  // Reading past "how much does the" or a framing word opens more questions to the check, and refused 3-4 points
  // more of the dev questions answered right (seed, corpus-b, corpus-f) than the near-misses it caught.
  if (!first || firstTags.has('Pronoun') || firstTags.has('Possessive') || isFraming(first.normal)) return null;
  if (![...firstTags].some((tag) => IN_NOUN_PHRASE.has(tag))) return null;
  for (const t of [...tokens.slice(lead), null]) {
    const word = t?.normal.replace(/'s$|'/g, '') ?? '';
    const tags = t?.tags ?? new Set<string>();
    const inPhrase = [...tags].some((tag) => IN_NOUN_PHRASE.has(tag)) && !tags.has('QuestionWord') && !tags.has('Pronoun');
    if (inPhrase && word && !isFraming(word) && /^[a-z0-9]/.test(word)) {
      run.push({ word, term: stem(word), noun: tags.has('Noun') && !tags.has('Gerund') });
      if (!/[,;:?!.]\s*$/.test(t?.post ?? '')) continue;
    }
    const head = headOf(run);
    const words = run.map((r) => r.word);
    // "the impact of AutoML on …", "the difference between …": the subject is in the phrase that follows.
    if (head && !RELATIONAL.has(head) && !ignore(head, words))
      return [
        ...run
          .slice(0, -1)
          .filter((r) => r.noun && r.term !== head && !RELATIONAL.has(r.term) && !ignore(r.term, [r.word]))
          .map((r) => r.term),
        head,
      ];
    run = [];
  }
  return null;
}

/** A sentence in which the askers speak of themselves: "I'm applying to ML roles in fintech.", "Our apps don't talk". */
const FIRST_PERSON = /\b(?:i|i'm|im|i've|ive|my|me|we|we're|our|us)\b/i;

/**
 * Terms only found in the statements before the question: the asker's situation ("I'm applying to ML roles in
 * healthcare and fintech. Does knowing the industry matter?"), not what is asked.
 */
function situationTerms(question: string): Set<string> {
  const sentences = question.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [];
  if (sentences.length < 2) return new Set();
  const asked = new Set<string>();
  const told = new Set<string>();
  // "do firmware engineers travel much? heard smth about factories in asia": what follows the last question asked is an aside.
  const lastAsked = sentences.findLastIndex((s) => s.trim().endsWith('?'));
  sentences.forEach((sentence, i) => {
    const aside = lastAsked >= 0 && i > lastAsked;
    const statement = aside || (i < sentences.length - 1 && !sentence.trim().endsWith('?') && FIRST_PERSON.test(sentence));
    for (const t of terms(sentence)) (statement ? told : asked).add(t);
  });
  return new Set([...told].filter((t) => !asked.has(t)));
}

/**
 * Suffixes of one field's person, practice and subject ("journalist", "journalism"; "librarian", "library"), and
 * of a role and its standing ("partner", "partnership"), which Porter's stemmer keeps apart.
 */
const RELATED_SUFFIXES: [string, string][] = [
  ['', 'ship'],
  ['ship', ''],
  ['ist', 'ism'],
  ['ism', 'ist'],
  ['ist', 'y'],
  ['y', 'ist'],
  ['ian', 'y'],
  ['ician', 'ics'],
];

/** The stems of a word's forms in RELATED_SUFFIXES. */
function relatedForms(word: string): string[] {
  return RELATED_SUFFIXES.flatMap(([from, to]) =>
    word.length > from.length + 3 && word.endsWith(from) ? [stem(word.slice(0, word.length - from.length) + to)] : [],
  );
}

/** The shortest part of a word written as two (a compound) that `compoundOf` tries. */
const MIN_COMPOUND_PART = 3;

/** The stems of the two words the corpus knows that a word it does not know is written from ("colourblind"), or null. */
function compoundOf(word: string, idf: Idf): [string, string] | null {
  for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_COMPOUND_PART; i++) {
    const [head, tail] = [stem(word.slice(0, i)), stem(word.slice(i))];
    if (idf(head) !== null && idf(tail) !== null && !isFraming(word.slice(0, i)) && !isFraming(word.slice(i))) return [head, tail];
  }
  return null;
}

/**
 * Analyses a question against the corpus vocabulary; `roles` are the roles it names, `roleWords` other words that
 * name them ("dental hygiene" for Dental Hygienist, see `fieldRole`).
 */
export function analyseQuestion(
  question: string,
  idf: Idf,
  roles: Role[] = [],
  nearTerms: (term: string) => string[] = () => [],
  acronyms: ReadonlyMap<string, string> = new Map(),
  roleWords: string[] = [],
): QuestionAnalysis {
  const qt = queryTerms(question);
  const found = findPlaces(question);
  // Where the asker comes from is their situation, not the place asked about.
  const scope = {
    places: found.filter((p) => !isOrigin(question, p)),
    currencies: currenciesIn(question),
    years: [...question.matchAll(YEAR)].map((m) => Number(m[0])),
  };
  const skip = roleTerms(roles);
  // "pharm techs" names Pharmacy Technician: its words say who, like the name's own.
  for (const w of [...shortenedWords(roles, question), ...roleWords]) skip.add(stem(w));
  for (const p of found) for (const t of terms(p.surface)) skip.add(t);
  for (const y of scope.years) skip.add(String(y));
  // Currency words ("euros", "quid") scope the question like places; they are not its topic.
  for (const w of queryWords(question)) if (currenciesIn(w.word).length) skip.add(w.term);
  const topic: TaggedTerm[] = [];
  const unknown: QuestionAnalysis['unknown'] = [];
  const seen = new Set<string>();
  const situation = situationTerms(question);
  const chat = normaliseChat(question);
  // "I'm a Java developer, could I…" says who is asking, not what is asked about.
  const own = (job: string) => new RegExp(`${SELF}${escapeRegExp(job)}`, 'i').test(chat);
  const phrases = jobPhrases(chat);
  // "im a carpenter, could i become a quantity surveyor?": the asker's own job is no subject the documents must know.
  for (const job of phrases) if (own(job)) for (const t of terms(job)) situation.add(t);
  for (const { word, term, framing: framed } of queryWords(question)) {
    // "too physically demanding": an adverb made from a word the documents use ("physical") says what is asked.
    const framing = framed && !(isAdverb(word) && idf(term) !== null && idf(stem(word.slice(0, -2))) !== null);
    // Numbers and amounts ("140k") scope a question; they are not what it is about.
    if (framing || skip.has(term) || seen.has(term) || /^\d+k?$/.test(term)) continue;
    seen.add(term);
    let known = idf(term) ?? Math.max(0, ...(qt.alternatives[term] ?? []).map((a) => idf(a) ?? 0));
    // "a journalist" meets "journalism", "partner" meets "partnership": the same thing in another form. And "RAF" is
    // the "Royal Air Force" the page writes out.
    const spelt = known ? undefined : acronyms.get(word);
    const kin = (spelt ? terms(spelt) : relatedForms(word)).filter((k) => k !== term && idf(k) !== null);
    if (kin.length) qt.alternatives[term] = [...(qt.alternatives[term] ?? []), ...kin];
    if (!known) known = Math.max(0, ...kin.map((k) => idf(k) ?? 0));
    // "colourblind" is the page's "colour blind", "pentesting" its "pen testing": two words it uses, written as one.
    const halves = known ? null : compoundOf(word, idf);
    if (halves) {
      qt.alternatives[term] = [...(qt.alternatives[term] ?? []), ...halves];
      known = Math.min(...halves.map((h) => idf(h) ?? 0));
    }
    if (!known && specificity(word) === 1) {
      // A misspelling ("requst") stands for the corpus words it is one typo from, and is held by them; an English
      // word the corpus lacks ("translating") is no misspelling.
      // Chat drops the g of "-ing" ("pilot trainin", "lookin for"): one letter, but two from the stem ("train").
      const dropped = /[a-z]{3}in$/.test(word) ? stem(`${word}g`) : null;
      const near = dropped && idf(dropped) !== null ? [dropped] : nearTerms(term);
      if (near.length) qt.alternatives[term] = [...(qt.alternatives[term] ?? []), ...near];
      known = Math.max(0, ...near.map((a) => idf(a) ?? 0));
    }
    if (known > 0) topic.push(taggedTerm(question, term, word, known * specificity(word)));
    // What the asker says of themselves ("We have a legacy app.") is no subject the documents must know; weighing
    // its known words down as well answered fewer dev questions (seed 70.5% -> 67.6%) and more near-misses.
    else if (!situation.has(term)) unknown.push(taggedTerm(question, term, word, UNKNOWN_IDF * specificity(word)));
  }
  // "paramedic how much" asks the pay, which the pay engine answers; only a price is a cost.
  const wants = WANTS.find(([kind, re]) => re.test(question) && !(kind === 'cost' && PAY_WORDS.test(question)))?.[0] ?? null;
  // "mech eng salary", "contract mech engineer", "automation testers": a role the question names short is that role, no
  // job the documents lack.
  const jobs = phrases.filter((job) => !own(job) && !rolesShortened(roles, job).length && !rolesByDoer(roles, job).length);
  const pricedPhrase = wants === 'cost' ? (PRICED.exec(question)?.[1] ?? '') : '';
  const priced = terms(pricedPhrase).filter((t) => !skip.has(t) && !isFraming(t));
  const origins = found.filter((p) => !scope.places.includes(p));
  return { text: question, terms: qt, topic, unknown, scope, origins, wants, priced, jobs, asksDefinition: DEFINITION.test(question) && topic.length <= 4 };
}
