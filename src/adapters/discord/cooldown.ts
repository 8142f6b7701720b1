// Per-user cooldown (pure, in memory): answers floods with "slow down" instead of work.
import { LRUCache } from 'lru-cache';

/** Tracks when each user may ask again; bounded so that a flood of users cannot grow it forever. */
export class Cooldown {
  private readonly waiting: LRUCache<string, true> | null;

  constructor(seconds: number, now: () => number = performance.now.bind(performance), max = 10_000) {
    this.waiting = seconds > 0 ? new LRUCache({ max, ttl: seconds * 1000, ttlResolution: 0, perf: { now } }) : null;
  }

  /** Returns 0 and starts the cooldown when the user may go ahead, else the whole seconds left to wait. */
  take(userId: string): number {
    if (!this.waiting) return 0;
    const left = this.waiting.getRemainingTTL(userId);
    if (left > 0) return Math.ceil(left / 1000);
    this.waiting.set(userId, true);
    return 0;
  }
}
