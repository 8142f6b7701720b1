// Privacy wiring (I/O: the pseudonym key and the question log under the data dir): what a long-running surface
// (the bot) needs to log questions and votes without raw user ids.
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import { Feedback } from './feedback.js';
import type { Logger } from './log.js';
import { type Pseudonymize, lazyPseudonymizer, loadPseudonymSecret } from './pseudonym.js';
import { type QuestionLog, openQuestionLogOrWarn } from './question-log.js';

export interface Privacy {
  /** Raw user id -> keyed pseudonym; use it for every user id in a log line. */
  pseudonym: Pseudonymize;
  questions: QuestionLog;
  feedback: Feedback;
}

/**
 * The pseudonymizer, question log and feedback for one process. The key is loaded (or created) on first use;
 * when it cannot be, a random key for this process only is used (pseudonyms then change at restart) and one
 * warning says why.
 */
export function openPrivacy(config: Config, log: Logger): Privacy {
  const pseudonym = lazyPseudonymizer(() => {
    try {
      return loadPseudonymSecret({ secret: config.privacy.pseudonymSecret, keyPath: config.privacy.pseudonymKeyPath }, log);
    } catch (error) {
      log.warn(`${error instanceof Error ? error.message : String(error)} Using a key for this process only until then.`);
      return randomBytes(32).toString('hex');
    }
  });
  const questions = openQuestionLogOrWarn(config, log, { pseudonym });
  return { pseudonym, questions, feedback: new Feedback(questions, pseudonym, config.privacy.voters) };
}

const opened = new WeakMap<Config, Privacy>();

/** `openPrivacy` once per config object: the CLI surfaces share one question log per process. */
export function privacyFor(config: Config, log: Logger): Privacy {
  let p = opened.get(config);
  if (!p) {
    p = openPrivacy(config, log);
    opened.set(config, p);
  }
  return p;
}
