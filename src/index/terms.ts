// Index stage "terms" (pure, no I/O): tokenising, Porter stemming, chat-speak normalisation and the
// career-domain query expansions, shared by the BM25 index and by question understanding.
import { LRUCache } from 'lru-cache';
import { stemmer } from 'stemmer';
import stopwordsIso from 'stopwords-iso' with { type: 'json' };
import { PAY_WORDS } from '../domain/vocabulary.js';
import { americanSpelling } from '../ingest/spelling-variants.js';

const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own
same she should so some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours tell know want
need needs please thanks thank hi hello hey get got like im ive id dont also much many really matter matters
important become becoming someone anyone whats`.split(/\s+/),
);

const ROMAN: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };

/**
 * A numbered grade after an acronym ("CRA II", "CRA 1s", "SQE 1"): the acronym stays and the grade becomes one term
 * ("cra2"), so "CRA I" and "CRA II" are told apart (apart, "i" and "ii" are stop words and "1" a bare number).
 * Capitals only: "as a CRA I would" is rare, "cra i" in chat is not an acronym the pages write.
 */
const GRADE = /\b([A-Z]{2,6})\s(III|II|IV|I|[1-4])(?:s|'s)?\b(?![\d,.%])/g;

/** The grade terms a text names ("US CRA II" -> cra2), for telling figures of one grade from another's. */
export function gradeTerms(text: string): string[] {
  return [...text.matchAll(GRADE)].map((m) => gradeTerm(m[1] ?? '', m[2] ?? ''));
}

function gradeTerm(acronym: string, grade: string): string {
  return `${acronym.toLowerCase()}${ROMAN[grade] ?? grade}`;
}

/** Spellings folded before tokenising, on both the index and the query side. */
const FOLDS: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [GRADE, (_m, acronym = '', grade = '') => `${acronym} ${gradeTerm(acronym, grade)}`],
  [/\bback[\s-]end\b/gi, 'backend'],
  [/\bfront[\s-]end\b/gi, 'frontend'],
  [/\bph\.?\s?d\.?(?=\s|$|[,;:)])/gi, 'phd'],
  [/\bc\+\+/gi, 'cplusplus'],
  [/\bc#/gi, 'csharp'],
  [/\bmlops\b/gi, 'mlops machine learning operations'],
  [/\bml\b/gi, 'machine learning'],
  [/\bmles?\b/gi, 'machine learning engineer'],
  [/\bk8s\b/gi, 'kubernetes'],
  // "on-call" is one thing; apart, "call" is a framing word ("what do you call…") and "on" a stop word.
  [/\bon[\s-]call\b/gi, 'oncall'],
  // Exam and form codes are one name: "AZ-305", "B-13" (apart, "az" is a stop word and "305" a bare number).
  [/\b([a-z]{1,5})-(\d{2,5})\b/gi, '$1$2'],
  // "travel percentage" meets "50 to 70 percent".
  [/\bpercentages?\b/gi, 'percent'],
  // British spelling: "localisation", "organisations" meet "localization", "organizations" (other words: `americanSpelling`).
  [/\b(\w{3,})isation(s?)\b/gi, '$1ization$2'],
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
  [/\b(?:good at|strengths?|abilit(?:y|ies)|capabilit(?:y|ies))\b/i, 'skills abilities'],
  [/\b(?:industr(?:y|ies)|sectors?|hire|hiring|employers?)\b/i, 'sectors industries'],
  [/\b(?:progression|progress|path|ladder|trajectory|advancement|promotions?|next steps?)\b/i, 'career path progression advance'],
  [/\b(?:other|alternative)\s+(?:job\s+)?(?:names?|titles?)\b|\baka\b/i, 'called known titles'],
  // Pages answer "can I work remotely" with how hybrid the work is ("office" alone says nothing of it).
  [/\b(?:remote(?:ly)?|wfh|work(?:ing)? from home)\b/i, 'remote remotely hybrid'],
  // "weekly tasks" are what "a typical week" lists; "hourly rate" is pay "an hour" (Porter keeps "weekli" apart).
  [/\bhourly\b/i, 'hour'],
  [/\bdaily\b/i, 'day'],
  [/\bweekly\b/i, 'week'],
  [/\bmonthly\b/i, 'month'],
  [/\b(?:yearly|annually)\b/i, 'year annual'],
  // Being called out at night is what pages call on-call: "do finops analysts get paged at 3am".
  [
    /\b(?:paged|pager|woken\s+up|wake\s+(?:me|you|them|us)\s+up|\d{1,2}\s?am|middle\s+of\s+the\s+night|after[\s-]hours|call[\s-]?outs?)\b/i,
    'on-call call overnight',
  ],
];

/** One fold; the two calls are for TypeScript, whose `replace` overloads take a string or a replacer, not either. */
function fold(text: string, re: RegExp, to: (typeof FOLDS)[number][1]): string {
  return typeof to === 'string' ? text.replace(re, to) : text.replace(re, to);
}

/** The lower-case words of a text as both index and query split it ("what's", "c++" folded beforehand). */
export function rawWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/**
 * Stems already computed. Porter's rules run a dozen regular expressions a word and were a tenth of a warm answer's
 * time (passages' words recur from question to question); see docs/benchmarks.md.
 */
const stems = new LRUCache<string, string>({ max: 20_000 });

/** Porter stemming (the `stemmer` package), so "salaries"/"salary" and "deployment"/"deploy" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    stems.set(word, s);
  }
  return s;
}

/** Index-side terms: folded, tokenised, stop words removed, stemmed. */
export function terms(text: string): string[] {
  let t = text;
  for (const [re, to] of FOLDS) t = fold(t, re, to);
  const out: string[] = [];
  for (const raw of rawWords(t)) {
    const word = americanSpelling(raw.replace(/'s$|'/g, ''));
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOPWORDS.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}

/**
 * Nouns the general stop-word list below carries that name what a career question is about: "from home", "a
 * test centre", "the course", "computer science", "got fired". ("numbers" and "problems" stay framing: "the guide's
 * numbers" asks about the figures, and reading it as a topic refused a corpus-b dev question.)
 */
const TOPIC_NOUNS = new Set(
  'home test tests system systems information computer computers course courses fire fired bill room member members interest amount group groups world state states area areas detail details'.split(
    ' ',
  ),
);

/**
 * Words of a general English stop-word list (stopwords-iso) and chat filler: on the query side they are
 * question framing, never what the question is about ("honestly", "do you think", "roughly", "lol").
 */
const FRAMING = new Set<string>([
  ...stopwordsIso.en.filter((w) => !TOPIC_NOUNS.has(w)),
  ...'lol lmao tbh ngl idk imo imho btw fyi pls plz thx ok okay yeah yep nah hmm wtf omg bro dude guys yo ya yall sup hiya heya stuff things kinda sorta gonna wanna gotta basically literally honestly roughly seriously genuinely curious wondering question questions'.split(
    ' ',
  ),
  // Judgements asked of the topic ("or is that overkill", "is that a myth", "worth it"): what the asker wants to
  // know about it, never a subject of its own.
  ...'overkill myth myths hype hyped overrated underrated legit scam worth worthwhile pointless realistic reasonable decent'.split(' '),
  // How precise an answer should be ("ballpark", "loads of"), not what it is about.
  ...'ballpark approx approximately loads'.split(' '),
  // Adverbs of frequency, degree and hedging: framing even where the documents use their adjective ("typical").
  ...'typically usually generally actually really normally mostly commonly probably possibly definitely certainly especially particularly exactly simply currently recently nearly fairly pretty likely ideally realistically'.split(
    ' ',
  ),
  // Asking for a time ("junior to senior timeline") says what kind of answer, like "how long".
  ...'timeline timelines timeframe timeframes'.split(' '),
  // Asking for a comparison ("compare vet tech and vet assistant") says how to answer, like "vs".
  ...'compare compared comparing comparison'.split(' '),
]);

/** Chat spellings and short forms, read as the words they stand for before anything else. */
const CHAT: [RegExp, string][] = [
  // "wait, do firmware engineers…": a leading interjection, not a noun the answer must hold.
  [/^\s*(?:wait|hold on|hang on)\b[\s,.!]*/i, ''],
  [/\bu\b/gi, 'you'],
  [/\bur\b/gi, 'your'],
  [/\br\b/gi, 'are'],
  [/\bppl\b/gi, 'people'],
  [/\babt\b/gi, 'about'],
  [/\bwud\b/gi, 'would'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\bn\b/gi, 'and'],
  [/\brn\b/gi, 'now'],
  [/\bbc\b|\bcuz\b/gi, 'because'],
  [/\bengs?\b/gi, 'engineer'],
  [/\bdevs?\b/gi, 'developer'],
  [/\bmgrs?\b/gi, 'manager'],
  [/\bbiz\b/gi, 'business'],
  [/\bprod\b/gi, 'production'],
  [/\binfra\b/gi, 'infrastructure'],
  [/\byrs\b/gi, 'years'],
  [/\byoe\b/gi, 'years of experience'],
  [/\bsal\b/gi, 'salary'],
  [/\bavg\b/gi, 'average'],
  [/\bcerts?\b/gi, 'certification'],
  [/\blvl\b/gi, 'level'],
  [/\bdiff\b/gi, 'different'],
  [/\bexp\b/gi, 'experience'],
  [/\bcomp\s*sci\b/gi, 'computer science'],
  [/\bsci\b/gi, 'science'],
  [/\bmgmt\b/gi, 'management'],
  [/\bdept\b/gi, 'department'],
  [/\borgs\b/gi, 'organisations'],
  [/\borg\b/gi, 'organisation'],
  [/\bcomp\b/gi, 'compensation'],
  [/\bxmas\b/gi, 'christmas'],
  [/\btryna\b/gi, 'trying to'],
  [/\bshud\b/gi, 'should'],
  [/\bw[ua]t\b/gi, 'what'],
  [/\bw[ua]ts\b/gi, "what's"],
  [/\bhav\b/gi, 'have'],
  [/\benuff\b/gi, 'enough'],
  [/\bdocs\b/gi, 'documentation'],
  [/\bstats\b/gi, 'statistics'],
  [/\bwfh\b/gi, 'remote'],
  [/\btho\b/gi, 'though'],
  [/\b(?:smth|sth|smthn)\b/gi, 'something'],
  [/\b(?:prolly|probs)\b/gi, 'probably'],
  [/\bofc\b/gi, 'of course'],
  [/\bcos\b/gi, 'companies'],
  [/\bgrads?\b/gi, 'graduate'],
  [/\bprep\b/gi, 'preparation'],
  [/\breqs?\b/gi, 'requirements'],
  [/\bsr\b/gi, 'senior'],
  [/\bjr\b/gi, 'junior'],
  [/\bhrs\b/gi, 'hours'],
  [/\buni\b/gi, 'university'],
  [/\bquals?\b/gi, 'qualifications'],
  [/\bgovt?\b/gi, 'government'],
  [/\bmeds\b/gi, 'medication'],
  [/\bincl\b\.?/gi, 'including'],
  // Trade nicknames for jobs ("sparkies", "a chippy"); "pentester" is read as a short form of its role (see role-names).
  [/\bspark(?:y|ie)\b/gi, 'electrician'],
  [/\bsparkies\b/gi, 'electricians'],
  [/\bchipp(?:y|ie)\b/gi, 'carpenter'],
  [/\bchippies\b/gi, 'carpenters'],
  [/\bbrickies?\b/gi, 'bricklayer'],
  [/\btruck(?:er|ie)s\b/gi, 'truck drivers'],
  [/\btruck(?:er|ie)\b/gi, 'truck driver'],
  // "next role", "where do they go next": what pages head "Career progression" ("next" alone is framing).
  [/\b(?:next|future)\s+(?:roles?|jobs?|steps?|moves?|positions?)\b|\bgo\s+next\b/gi, 'career progression'],
];

/** Rewrites chat-speak ("wud u", "ml ppl", "infra") into the words it stands for. */
export function normaliseChat(text: string): string {
  return CHAT.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** Words in -ly that are not adverbs of manner: "monthly salary" asks about the month, "apply" is a verb. */
const NOT_ADVERBS = new Set(
  'hourly daily weekly biweekly monthly quarterly yearly early family italy july apply supply reply rely comply assembly anomaly monopoly ally'.split(' '),
);

/** True for a question word that frames the question rather than naming its subject. */
export function isFraming(word: string): boolean {
  const w = word.toLowerCase().replace(/'s$|'/g, '');
  return FRAMING.has(w) || isAdverb(w);
}

/** An adverb of manner by its form ("physically", "usually"): framing unless the documents use its adjective. */
export function isAdverb(word: string): boolean {
  return word.length > 4 && word.endsWith('ly') && !NOT_ADVERBS.has(word) && !FRAMING.has(word);
}

/** A word of the question with its stem, and whether it only frames the question. */
export interface QueryWord {
  word: string;
  term: string;
  framing: boolean;
}

/** The question's own words (folded and normalised like the index), stop words removed, in order. */
export function queryWords(question: string): QueryWord[] {
  let t = normaliseChat(REWRITES.reduce((q, [re, to]) => q.replace(re, to), question));
  for (const [re, to] of FOLDS) t = fold(t, re, to);
  const out: QueryWord[] = [];
  for (const raw of rawWords(t)) {
    const word = americanSpelling(raw.replace(/'s$|'/g, ''));
    if ((word.length < 2 && !/\d/.test(word)) || STOPWORDS.has(word)) continue;
    out.push({ word, term: stem(word), framing: isFraming(word) });
  }
  return out;
}

export interface QueryTerms {
  /** The user's own terms. */
  own: string[];
  /** Own terms that say what the question is about (not framing such as "honestly" or "do you think"). */
  topic: string[];
  /** Domain expansions (weighed less when ranking). */
  expanded: string[];
  /** For an own term, the corpus terms that stand for it ("pay" -> salary, compensation). */
  alternatives: Record<string, string[]>;
}

/** Query-side terms: the user's own terms plus domain expansions and the alternatives behind them. */
export function queryTerms(question: string): QueryTerms {
  const words = queryWords(question);
  const own = [...new Set(words.map((w) => w.term))];
  const topic = [...new Set(words.filter((w) => !w.framing).map((w) => w.term))];
  question = normaliseChat(question);
  const extra = new Set<string>();
  const alternatives: Record<string, string[]> = {};
  for (const [re, to] of EXPANSIONS) {
    const m = re.exec(question);
    if (!m) continue;
    const expansion = terms(to);
    for (const t of expansion) if (!own.includes(t)) extra.add(t);
    for (const t of terms(m[0])) alternatives[t] = [...(alternatives[t] ?? []), ...expansion];
  }
  return { own, topic, expanded: [...extra], alternatives };
}
