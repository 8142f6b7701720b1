// Per-user cooldown (pure, in-memory): answers floods with "slow down" instead of work.

/** Tracks when each user may ask again; bounded so that a flood of users cannot grow it forever. */
export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  /** Returns 0 and starts the cooldown when the user may go ahead, else the seconds left to wait. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const until = this.until.get(userId) ?? 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    this.until.delete(userId);
    this.until.set(userId, now + this.seconds * 1000);
    if (this.until.size > this.max) {
      for (const [k, t] of this.until) if (t <= now || this.until.size > this.max) this.until.delete(k);
    }
    return 0;
  }
}
