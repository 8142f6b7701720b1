import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../../src/adapters/discord/cooldown.js';
import { Conversations } from '../../../src/query/conversation.js';

describe('conversation memory', () => {
  it('forgets a turn after its time to live', () => {
    let now = 10_000;
    const c = new Conversations(60_000, 100, () => now);
    c.set('u:c', { intent: 'salary', roles: ['Backend Engineer'] });
    now = 69_000;
    expect(c.get('u:c')?.roles).toEqual(['Backend Engineer']);
    now = 71_000;
    expect(c.get('u:c')).toBeUndefined();
  });

  it('keeps at most the configured number of conversations, dropping the oldest', () => {
    const c = new Conversations(60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, { intent: 'general', roles: [] });
    expect(c.size).toBe(3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('d')).toBeDefined();
  });
});

describe('the per-user cooldown', () => {
  it('lets a user ask again once the cooldown has passed, and counts down the seconds left', () => {
    let now = 10_000;
    const cd = new Cooldown(3, () => now);
    expect(cd.take('u')).toBe(0);
    now = 11_000;
    expect(cd.take('u')).toBe(2);
    expect(cd.take('other')).toBe(0);
    now = 13_001;
    expect(cd.take('u')).toBe(0);
  });

  it('is off when configured to zero seconds', () => {
    const cd = new Cooldown(0);
    expect([cd.take('u'), cd.take('u')]).toEqual([0, 0]);
  });
});
