// Ingest stage "knowledge: pay labels" (pure, no I/O): how running text names a figure, in its own words: who
// earns it ("Fully qualified plumbers, median"), what a "which" clause refers back to ("Band 5, which runs from …"),
// the setting a sentence opens with ("In private practice, …", "In the NHS, …"), and the places it names.
import { type PlaceMention, findPlaces } from '../places.js';

const REMOTE = /\bremote\b/i;

/** The places a text names, plus "Remote" when it says remote (not a place, but where the figure applies). */
export function placesIn(text: string): PlaceMention[] {
  const found = findPlaces(text);
  const remote = REMOTE.exec(text);
  if (remote && !found.length)
    found.push({ place: { name: 'Remote', kind: 'region', country: null }, surface: 'Remote', start: remote.index, end: remote.index + 6 });
  return found;
}

/** A verb of earning (or, for the self-employed, of charging): what stands before it says who earns the figure after it. */
const EARN_VERB = /\b(?:earns?|earning|makes?|gets?|receives?|(?:is|are)\s+paid|takes?\s+home|charges?|charging|bills?|billing)\b/gi;
/** Words that open a sentence without naming anyone ("In practice", "Once licensed"). */
const OPENING_ASIDE =
  /^\s*(?:in\s+practice|in\s+general|in\s+reality|in\s+fact|overall|generally|typically|usually|today|nowadays|currently|however|once\s+\w+)\b,?\s*/i;
/** Connectives, articles and quantities before who earns ("and most qualified electricians"), and hedges after ("can", "commonly"). */
const SUBJECT_LEAD = /^(?:(?:and|but|or|while|whereas|a|an|the|most|many|some|all|typical|new)\s+)+/i;
const SUBJECT_TAIL = /(?:\s+(?:can|could|may|might|will|would|typically|usually|often|commonly|generally|normally|still|also))+$/i;
/** The longest who-earns phrase kept as a label: longer ones are sentences, not names. */
const SUBJECT_WORDS = 6;
/** Where a long who-earns phrase stops naming people ("Interim HR business partners | working through agencies"). */
const SUBJECT_QUALIFIER = /^(?:\p{L}+ing|in|on|at|with|through|from|for|of|who|that|whose)$/iu;
/** Words that point at people named before, not a name: "… and each can earn $80,000". */
const POINTER = /^(?:they|you|we|he|she|it|this|that|these|those|one|who|which|each|both)$/i;
/** A kind of figure said right after the verb: "earn a median of about $1,850", "earns a minimum of …". */
const KIND_AFTER_VERB = /^\s*(?:an?|the)\s+(minimum|maximum|median|average|mean)\b/i;

/**
 * Who a sentence says earns its figure, as a label: "In practice most qualified electricians earn between …" ->
 * "qualified electricians"; "an electrician under the award earns a minimum of about …" -> "electrician under the
 * award, minimum"; "Electricians on mining sites in WA and Queensland can earn …" -> "Electricians on mining sites";
 * "Interim HR business partners working through agencies earn …" -> "Interim HR business partners".
 */
export function subjectLabel(own: string): string | null {
  const verb = [...own.matchAll(EARN_VERB)].at(-1);
  if (!verb) return null;
  let who = own.slice(0, verb.index).replace(/\([^)]*\)/g, ' ');
  // Places are the figure's place, said apart: drop them with the preposition that brings them in.
  for (const p of [...placesIn(who)].sort((a, b) => b.start - a.start)) who = who.slice(0, p.start) + who.slice(p.end);
  who = who
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SUBJECT_TAIL, '')
    .replace(/\s*\b(?:in|across|at|for)\s+(?:the\s+)?(?:(?:and|or|,)\s*)*$/i, '')
    .replace(OPENING_ASIDE, '')
    .replace(SUBJECT_LEAD, '')
    .trim();
  let words = who.split(' ').filter(Boolean);
  if (words.length > SUBJECT_WORDS) {
    const cut = words.findIndex((w, i) => i > 0 && SUBJECT_QUALIFIER.test(w));
    if (cut > 0) words = words.slice(0, cut);
  }
  if (!words.length || words.length > SUBJECT_WORDS || words.some((w) => /[^\p{L}'’-]/u.test(w)) || POINTER.test(words[0] ?? '')) return null;
  const label = words.join(' ');
  const kind = KIND_AFTER_VERB.exec(own.slice((verb.index ?? 0) + verb[0].length));
  return kind?.[1] ? `${label}, ${kind[1].toLowerCase()}` : label;
}

/** A clause that refers back to what the clause before it names: "…start at Band 5, which runs from £29,970". */
export const REFERS_BACK = /^\s*which\b/i;
/** Small words inside a capitalised name ("Agenda for Change", "Chartered Institute of Personnel and Development"). */
const NAME_JOINER = /^(?:for|of|and|&)$/i;
/** Words that end a lower-case name read leftwards: articles, prepositions, verbs and the like. */
const NOT_NAME_WORD =
  /^(?:the|a|an|on|at|in|to|for|of|from|with|by|as|is|are|was|were|be|been|start|starts|started|join|joins|employed|paid|placed|put|and|or|their|its|this|that|your|our)$/i;
/** The longest name a "which" clause refers back to. */
const ANTECEDENT_WORDS = 6;

/**
 * The name at the end of the clause a "which" clause refers back to: a capitalised name with its numbers ("Band 5",
 * "Agenda for Change Band 7", "NHS Learning Support Fund"), else the last few lower-case words ("graduate scheme").
 */
export function antecedentLabel(before: string): string | null {
  const words = before
    .replace(/[,;:\s]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const capitalised = (w: string | undefined) => !!w && (/^\p{Lu}/u.test(w) || /^\d+[a-z]?$/.test(w));
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < ANTECEDENT_WORDS; i--) {
    const w = words[i] ?? '';
    if (capitalised(w) || (NAME_JOINER.test(w) && kept.length > 0 && capitalised(words[i - 1]))) kept.unshift(w);
    else break;
  }
  if (kept.length && kept.some((w) => /^\p{Lu}/u.test(w))) return kept.join(' ');
  const plain: string[] = [];
  for (let i = words.length - 1; i >= 0 && plain.length < 3; i--) {
    const w = words[i] ?? '';
    if (NOT_NAME_WORD.test(w) || /[^\p{L}-]/u.test(w)) break;
    plain.unshift(w);
  }
  return plain.length ? plain.join(' ') : null;
}

/** Nouns of a place of work a sentence may open with: "In private practice", "In the public sector", "In hospitals". */
const SETTING_NOUN =
  /\b(?:practice|sector|service|industry|government|hospitals?|clinics?|firms?|agencies|companies|startups?|schools?|universities|academia|consultancies|banks?)$/i;
/** A sentence opening with the setting its figures are for: "In private practice, …", "In the NHS, …". */
const SETTING_OPENING = /^\s*(?:In|Within|At)\s+(?:the\s+)?([\p{L}&' -]{2,40}?)\s*,/u;

/**
 * The setting a sentence opens with, when it names a place of work rather than a place or an aside: "private practice",
 * "NHS" (an organisation written in capitals); null for "In practice,", "In Germany,", "In most states,".
 */
export function settingOf(sentence: string): string | null {
  const m = SETTING_OPENING.exec(sentence);
  const setting = m?.[1]?.trim();
  if (!setting || placesIn(setting).length || OPENING_ASIDE.test(`in ${setting}`)) return null;
  return /^\p{Lu}{2,}$/u.test(setting) || SETTING_NOUN.test(setting) ? setting : null;
}

/** Verbs left at the end of a label read from running text ("Band 6 pays" -> "Band 6"); "pay" is also a noun and stays. */
const LABEL_TAIL_VERB = /\s+(?:pays|paid|earns|earned|makes|made|charges|charged)$/i;
/** Connectives left at the start of one ("and Band 7" -> "Band 7"). */
const LABEL_LEAD_CONNECTIVE = /^(?:and|but|or|while|whereas|with)\s+/i;

/** A label read from running text without the connective before it or the verb after it. */
export function tidyLabel(label: string): string {
  const tidy = label.replace(LABEL_LEAD_CONNECTIVE, '').replace(LABEL_TAIL_VERB, '').trim();
  return tidy || label;
}

/**
 * Money for students that is not pay: a grant, bursary, scholarship or fund (a loan is repaid from pay, so it is no sign), or money that "does not have to be paid
 * back" ("the NHS Learning Support Fund, which pays at least £5,000 a year that does not have to be paid back").
 */
const FUNDING_BEFORE = /\b(?:grants?|bursar(?:y|ies)|scholarships?|(?:support|hardship|learning|student)\s+funds?)\b[^.;]*$/i;
const FUNDING_AFTER = /^[^.;]{0,40}\b(?:do(?:es)?\s+not|doesn't|don't)\s+(?:have|need)\s+to\s+be\s+(?:paid|repaid)\s+back|^[^.;]{0,40}\bnon-repayable\b/i;

/** Whether a figure is student funding rather than pay, from the sentence before it and the words after it. */
export function isFunding(before: string, after: string): boolean {
  return FUNDING_BEFORE.test(before) || FUNDING_AFTER.test(after);
}
