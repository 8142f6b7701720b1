// Ingest stage "knowledge: scope" (pure, no I/O): the places, currencies, years and job titles the documents
// mention anywhere, found once at ingest (in the build thread) so no question pays for a scan of the corpus.
import type { CorpusScope, Role } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { JOB_NOUN } from '../../domain/vocabulary.js';
import { currenciesIn, findPlaces, placeKey } from '../places.js';
import { abridgedNames } from './role-names.js';
import { roleKey } from './roles.js';

/**
 * Words that end a job title's qualifiers ("and", "a", "for", "what does a"), and judgements that are never part
 * of a title ("good researchers", "driving into analyst work"), chat filler ("money tbh solicitor") and levels, which
 * the question's level says ("mid level fe developer").
 */
const STOP_BEFORE_JOB =
  /^(?:and|or|a|an|the|for|to|of|as|at|in|on|with|vs|versus|between|than|from|my|our|your|their|his|her|its|is|are|was|were|be|do|does|did|what|which|who|how|why|when|where|i|you|we|they|it|this|that|these|those|much|many|any|some|can|could|would|should|will|get|become|being|like|about|into|onto|towards?|after|before|by|if|just|only|even|also|really|actually|not|no|good|great|best|better|bad|successful|typical|average|decent|real|fellow|tbh|lol|ngl|imo|imho|idk|btw|tho|though|so|but|then|now|rn|junior|senior|mid|level|entry|graduate|grad|trainee)$/i;

/** A job title with the (at most two) content words before it, as written ("registered nurse", "ML engineers"). */
export function jobPhrases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(JOB_NOUN)) {
    // Apostrophes stay inside words so that "you'll architect" ends at "you'll", not at a qualifier "ll".
    const before = text.slice(Math.max(0, m.index - 60), m.index).split(/[^\p{L}\p{N}+#'’-]+/u);
    const words: string[] = [];
    for (let i = before.length - 1; i >= 0 && words.length < 2; i--) {
      const w = (before[i] ?? '').replace(/^['’]+|['’]+$/g, '');
      if (!w && i === before.length - 1) continue;
      if (!w || STOP_BEFORE_JOB.test(w) || /\w['’]\w/.test(w)) break;
      words.unshift(w);
    }
    out.push([...words, m[0]].join(' '));
  }
  return out;
}

/**
 * The keys a job phrase may be known by: with both qualifying words and with the last one; `bare` adds the job
 * noun alone. The corpus knows its nouns bare ("developer" in "integration developer"), so a question's bare
 * "devs" or "my manager" is no gap, while its "registered nurse" must match with the qualifier.
 */
export function jobKeys(phrase: string, bare = false): string[] {
  const words = roleKey(phrase).split(' ').filter(Boolean);
  const keys = [words.join(' '), words.slice(-3).join(' '), words.slice(-2).join(' '), ...(bare ? [words.slice(-1).join(' ')] : [])];
  return keys.filter((k, i, all) => k && all.indexOf(k) === i);
}

const YEAR = /\b(?:19[89]\d|20\d\d)\b/g;

/** Collects the scope of a corpus in one pass over its text; a role's own names count as job titles it knows. */
export function buildScope(docs: SourceDoc[], roles: Role[]): CorpusScope {
  const places = new Set<string>();
  const currencies = new Set<string>();
  const years = new Set<number>();
  const jobs = new Set<string>();
  for (const doc of docs) {
    for (const m of findPlaces(doc.text)) {
      places.add(placeKey(m.place.name));
      places.add(placeKey(m.surface));
    }
    for (const c of currenciesIn(doc.text)) currencies.add(c);
    for (const m of doc.text.matchAll(YEAR)) years.add(Number(m[0]));
    for (const job of jobPhrases(doc.text)) for (const k of jobKeys(job, true)) jobs.add(k);
  }
  for (const r of roles) for (const name of [r.name, ...r.aliases]) for (const k of jobKeys(name, true)) jobs.add(k);
  // "cloud architect" names the Cloud Solutions Architect (see `abridges`): no job the documents lack.
  for (const name of abridgedNames(roles)) jobs.add(name);
  return {
    places: [...places].sort(),
    currencies: [...currencies].sort(),
    years: [...years].sort(),
    jobs: [...jobs].sort(),
    acronyms: acronymsOf(docs.map((d) => d.text)),
  };
}

/** A name in capitals of two to five words, with the small words names keep inside ("Royal Air Force", "Health Service Executive"). */
const CAPITALISED_NAME = /\b[A-Z][a-z]+(?:\s+(?:(?:of|and|for|&)\s+)?[A-Z][a-z]+){1,4}\b/g;

/**
 * The initials of the names the documents write out in full, for the names they never shorten: a question's
 * "RAF" is the page's "Royal Air Force". Initials two names share say neither, and are left out.
 */
export function acronymsOf(texts: string[]): Record<string, string> {
  const found = new Map<string, Set<string>>();
  const written = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b[A-Z]{2,5}\b/g)) written.add(m[0].toLowerCase());
    for (const m of text.matchAll(CAPITALISED_NAME)) {
      const words = m[0].split(/\s+/);
      // A sentence's first word has its capital from the sentence ("Join Royal Air Force cadets"): the name may start after it.
      const opens = /(?:^|[.!?:]\s*|\n\s*)$/.test(text.slice(Math.max(0, m.index - 3), m.index));
      // Two letters from a sentence's start ("In London" -> "il") are too likely an accident.
      for (const [name, least] of opens
        ? ([
            [words, 3],
            [words.slice(1), 2],
          ] as const)
        : ([[words, 2]] as const)) {
        const initials = name
          .filter((w) => /^[A-Z]/.test(w))
          .map((w) => w[0])
          .join('')
          .toLowerCase();
        if (initials.length < least || initials.length > 5 || !/^[A-Z]/.test(name[0] ?? '')) continue;
        found.set(initials, (found.get(initials) ?? new Set()).add(name.join(' ')));
      }
    }
  }
  const out: Record<string, string> = {};
  for (const [initials, names] of [...found].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [name, other] = [...names];
    if (name && !other && !written.has(initials)) out[initials] = name;
  }
  return out;
}
