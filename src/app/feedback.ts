// Feedback votes (I/O through the question log): 👍/👎 on an answer, one vote per user per answer, and by
// default only from the person who asked (FEEDBACK_VOTERS=anyone lets everyone who sees the answer rate it).
import type { Pseudonymize } from './pseudonym.js';
import type { QuestionLog } from './question-log.js';

/** What happened to a vote, so the surface can say so. */
export type VoteResult = 'recorded' | 'replaced' | 'not-asker' | 'unknown' | 'off';

/** Records votes in the question log under the voter's pseudonym; the raw user id is never stored. */
export class Feedback {
  constructor(
    private readonly questions: QuestionLog,
    private readonly pseudonym: Pseudonymize,
    readonly voters: 'asker' | 'anyone',
  ) {}

  /** A vote on a logged answer; a later vote by the same user on the same answer replaces the earlier one. */
  vote(answerId: string, userId: string, vote: 'up' | 'down'): VoteResult {
    if (!this.questions.enabled) return 'off';
    const asker = this.questions.askerOf(answerId);
    if (asker === undefined) return 'unknown';
    const voter = this.pseudonym(userId);
    if (this.voters === 'asker' && asker !== voter) return 'not-asker';
    return this.questions.vote(answerId, voter, vote);
  }
}
