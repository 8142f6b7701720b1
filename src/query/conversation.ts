// Conversation memory (pure, in-memory): the last turn per user and channel, short-lived and bounded.
import type { Turn } from './ask.js';

/** Remembers the previous turn for follow-ups; entries expire after `ttlMs`, at most `max` are kept. */
export class Conversations {
  private readonly turns = new Map<string, { turn: Turn; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Turn | undefined {
    const entry = this.turns.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.turns.delete(key);
      return undefined;
    }
    return entry.turn;
  }

  set(key: string, turn: Turn): void {
    this.turns.delete(key);
    this.turns.set(key, { turn, at: this.now() });
    while (this.turns.size > this.max) this.turns.delete(this.turns.keys().next().value!);
  }

  get size(): number {
    return this.turns.size;
  }
}
