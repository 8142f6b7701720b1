import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';

describe('privacy and add settings', () => {
  it('log questions for 90 days, let only the asker vote and generate the pseudonym key under the data dir by default', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.privacy).toEqual({
      questionLog: true,
      questionLogPath: '/srv/app/data/questions.sqlite',
      retentionDays: 90,
      pseudonymSecret: undefined,
      pseudonymKeyPath: '/srv/app/data/pseudonym.key',
      voters: 'asker',
    });
    expect(c.add).toEqual({ maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000 });
  });

  it('read QUESTION_LOG, QUESTION_LOG_DAYS, FEEDBACK_VOTERS and PSEUDONYM_SECRET, naming bad ones without echoing them', () => {
    const c = loadConfig({ QUESTION_LOG: 'off', QUESTION_LOG_DAYS: '7', FEEDBACK_VOTERS: 'anyone', PSEUDONYM_SECRET: 'a-long-enough-secret' });
    expect(c.privacy).toMatchObject({ questionLog: false, retentionDays: 7, voters: 'anyone', pseudonymSecret: 'a-long-enough-secret' });
    const bad = () => loadConfig({ QUESTION_LOG: 'maybe', QUESTION_LOG_DAYS: '0', PSEUDONYM_SECRET: 'short-SECRET' });
    expect(bad).toThrow(/QUESTION_LOG: .*QUESTION_LOG_DAYS: .*PSEUDONYM_SECRET: must be at least 16 characters/);
    expect(bad).not.toThrow(/short-SECRET/);
  });
});
