// Query state "conversations" (pure, in memory): the last turn per user and place, short-lived and bounded.
import { LRUCache } from 'lru-cache';
import type { Turn } from '../domain/answer.js';
import type { Role } from '../domain/knowledge.js';
import { levelIn } from '../domain/vocabulary.js';
import { roleKey } from '../ingest/knowledge/roles.js';
import { findPlaces } from '../ingest/places.js';

/** Remembers the previous turn for follow-ups; entries expire after `ttlMs`, at most `max` are kept. */
export class Conversations {
  private readonly turns: LRUCache<string, Turn>;

  constructor(ttlMs: number, max = 5000, now: () => number = performance.now.bind(performance)) {
    this.turns = new LRUCache({ max, ttl: ttlMs, ttlResolution: 0, perf: { now } });
  }

  get(key: string): Turn | undefined {
    return this.turns.get(key);
  }

  set(key: string, turn: Turn): void {
    this.turns.set(key, turn);
  }

  get size(): number {
    return this.turns.size;
  }
}

/**
 * The turn to remember after an answer: a refusal that named no other role keeps the turn before it,
 * and the place and level asked stay until a question about the same roles names others.
 */
export function nextTurn(previous: Turn | undefined, answer: { question: string; intent: Turn['intent']; roles: string[]; answered: boolean }): Turn {
  const same = previous && previous.roles.join('\0') === answer.roles.join('\0');
  // "how many vacation days" refused about the same role leaves the conversation where it was: "and for juniors?"
  // after it still asks for the pay asked before.
  if (!answer.answered && (!answer.roles.length || same) && previous) return previous;
  // The roles asked before, never those asked now: after going back to the first role, "the other one" is the second again.
  const now = new Set(answer.roles);
  const before = same ? previous.earlier : previous?.roles.length ? previous.roles : previous?.earlier;
  const earlier = before?.filter((r) => !now.has(r));
  const place = findPlaces(answer.question)[0]?.surface ?? (same ? previous.place : undefined);
  const level = levelIn(answer.question) ?? (same ? previous.level : undefined);
  const asked = answer.answered && answer.intent !== 'salary' ? answer.question : undefined;
  return {
    intent: answer.intent,
    roles: answer.roles,
    ...(earlier?.length ? { earlier } : {}),
    ...(place ? { place } : {}),
    ...(level ? { level } : {}),
    ...(asked ? { asked } : {}),
  };
}

/** A follow-up that is only a short word after "and", "what about" or "in": "and bc", "what about qld?". */
const BARE_FOLLOW_UP = /^(\s*(?:and(?:\s+(?:in|for))?|what\s+about(?:\s+in)?|how\s+about(?:\s+in)?|in)\s+)(\p{Ll}{2,3})(\s*[?!.]*\s*)$/u;

/**
 * A follow-up naming a region by its abbreviation in lower case ("and bc" after "in ontario?"), with the
 * abbreviation written as a place: in running text "bc" is "because", but nothing else can be asked by "and bc".
 */
export function withPlaceAbbreviation(question: string): string {
  const m = BARE_FOLLOW_UP.exec(question);
  const short = m?.[2]?.toUpperCase();
  if (!m || !short || findPlaces(short)[0]?.surface !== short) return question;
  return `${m[1]}${short}${m[3]}`;
}

/**
 * A job named by its bare noun in a conversation about a role that shares the rest of its name: "an assistant"
 * while talking about dental hygienists is the Dental Assistant (not the Emergency Care Assistant), and so are
 * "assistants" after comparing the two. Returns the question with the noun written as that role, or null: when no
 * role or more than one fits, or when the one role the conversation is about has that noun itself ("engineers"
 * after the Backend Engineer are still backend engineers).
 */
export function roleInContext(question: string, roles: Role[], about: string[]): string | null {
  const current = about.map((name) => roleKey(name).split(' '));
  const words = question.split(/(\s+)/);
  for (const [i, word] of words.entries()) {
    const noun = roleKey(word);
    if (!noun || noun.includes(' ') || (current.length === 1 && current[0]?.at(-1) === noun)) continue;
    const fits = roles.filter((r) => {
      const name = roleKey(r.name).split(' ');
      if (name.at(-1) !== noun) return false;
      // A qualifier of three letters or more: "of" in "Head of HR" is shared with every "X of Y".
      return about.includes(r.name) || name.slice(0, -1).some((q) => q.length > 2 && current.some((c) => c.slice(0, -1).includes(q)));
    });
    const [only] = fits;
    if (fits.length !== 1 || !only) continue;
    const written = only.name.split(/\s+/).slice(0, -1).join(' ');
    const qualifier = word === word.toLowerCase() ? written.toLowerCase() : written;
    return [...words.slice(0, i), `${qualifier} ${word}`, ...words.slice(i + 1)].join('');
  }
  return null;
}

/** "how much is that", "and how much does it cost?": the price of what the last question asked about. */
const PRICE_OF_THAT =
  /^\s*(?:(?:and|so|ok|okay)\s*,?\s+)?how\s+much\s+(?:is|are|does|do|would|will|did)\s+(?:that|it|this|those|these|they)(?:\s+(?:cost|costs|be|set\s+me\s+back))?\s*[?!.]*\s*$/i;

/** Whether a follow-up asks the price of what the last question asked about ("how much is that"). */
export function pricesThat(question: string): boolean {
  return PRICE_OF_THAT.test(question);
}

/**
 * The question a follow-up that prices what was asked before stands for: "how much is that" after "what quals
 * do I need" asks "how much do qualifications cost". Null when nothing was asked about.
 */
export function priceOf(subject: string[]): string | null {
  return subject.length ? `how much do ${subject.join(' ')} cost` : null;
}
