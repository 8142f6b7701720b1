// Ingest vocabulary "specificity" (pure, loads bundled data once): how specific an English word is, from its
// rank among the 30,000 most frequent words of spoken English (src/ingest/data/english-ranks.json, made by
// scripts/gen-english-ranks.ts). Everyday words ("guy", "time", "job") say little about what a question asks;
// rare ones ("visa", "calculus") or unlisted ones (names, jargon) usually are its subject.
import { createRequire } from 'node:module';
import { z } from 'zod';

/** Words at least this frequent barely count (rank 500 ≈ "school", "city"). */
export const COMMON_RANK = 500;
/** Words at least this rare count fully. */
export const RARE_RANK = 20_000;
/** What the most everyday word still counts for. */
export const MIN_SPECIFICITY = 0.1;

let ranks: Map<string, number> | undefined;

function rankOf(word: string): number | undefined {
  if (!ranks) {
    const list = z.array(z.string()).parse(createRequire(import.meta.url)('./data/english-ranks.json'));
    ranks = new Map(list.map((w, i) => [w, i + 1]));
  }
  const w = word.toLowerCase();
  return ranks.get(w) ?? (w.endsWith('s') ? ranks.get(w.slice(0, -1)) : undefined);
}

/** 0.1 for everyday words up to 1 for rare or unlisted ones, on a log scale of frequency rank. */
export function specificity(word: string): number {
  const rank = rankOf(word);
  if (rank === undefined || rank >= RARE_RANK) return 1;
  if (rank <= COMMON_RANK) return MIN_SPECIFICITY;
  const t = (Math.log(rank) - Math.log(COMMON_RANK)) / (Math.log(RARE_RANK) - Math.log(COMMON_RANK));
  return MIN_SPECIFICITY + (1 - MIN_SPECIFICITY) * t;
}

/** Whether a word is one of the listed English words (a misspelling or a name is not). */
export function isEnglishWord(word: string): boolean {
  return rankOf(word) !== undefined;
}
