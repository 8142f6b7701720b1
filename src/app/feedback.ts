// Feedback log (I/O: appends to DATA_DIR/feedback.jsonl): one JSON line per vote, user ids hashed.
import { createHash } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Vote {
  question: string;
  answerId: string;
  vote: 'up' | 'down';
  userId: string;
  intent?: string;
  answered?: boolean;
}

/** Appends votes as JSON lines; the raw user id never reaches the file. */
export class FeedbackLog {
  constructor(readonly path: string) {}

  async record(vote: Vote): Promise<void> {
    const user = createHash('sha256').update(`career-advisor:${vote.userId}`).digest('hex').slice(0, 16);
    const line = JSON.stringify({
      at: new Date().toISOString(),
      answerId: vote.answerId,
      question: vote.question,
      vote: vote.vote,
      user,
      intent: vote.intent,
      answered: vote.answered,
    });
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${line}\n`);
  }
}
