// Query state "conversations" (pure, in memory): the last turn per user and place, short-lived and bounded.
import { LRUCache } from 'lru-cache';
import type { Turn } from '../domain/answer.js';
import { levelIn } from '../domain/vocabulary.js';
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
 * The turn to remember after an answer: a refusal that named no role keeps the roles the conversation was about,
 * and the place and level asked stay until a question about the same roles names others.
 */
export function nextTurn(previous: Turn | undefined, answer: { question: string; intent: Turn['intent']; roles: string[]; answered: boolean }): Turn {
  if (!answer.answered && !answer.roles.length && previous) return previous;
  const same = previous && previous.roles.join('\0') === answer.roles.join('\0');
  // The roles asked before, never those asked now: after going back to the first role, "the other one" is the second again.
  const asked = new Set(answer.roles);
  const before = same ? previous.earlier : previous?.roles.length ? previous.roles : previous?.earlier;
  const earlier = before?.filter((r) => !asked.has(r));
  const place = findPlaces(answer.question)[0]?.surface ?? (same ? previous.place : undefined);
  const level = levelIn(answer.question) ?? (same ? previous.level : undefined);
  return { intent: answer.intent, roles: answer.roles, ...(earlier?.length ? { earlier } : {}), ...(place ? { place } : {}), ...(level ? { level } : {}) };
}
