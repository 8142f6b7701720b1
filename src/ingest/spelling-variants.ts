// Ingest vocabulary "spelling variants" (pure, loads bundled data once): a British spelling read as its American
// one ("licence" -> license, "programme" -> program, "centre" -> center, "organise" -> organize, "travelling" ->
// traveling), from the word list of the american-british-english-translator package, so a question and a page
// that spell a word the other way still meet.
import { createRequire } from 'node:module';
import { z } from 'zod';

/** Pairs the package's list lacks because both spellings are correct in both countries, but pages favour one. */
const EXTRA: Record<string, string> = { adviser: 'advisor', advisers: 'advisors' };

let american: Map<string, string> | undefined;

function variants(): Map<string, string> {
  if (!american) {
    const list = z.record(z.string(), z.string()).parse(createRequire(import.meta.url)('american-british-english-translator/data/british_spellings.json'));
    american = new Map([...Object.entries(list), ...Object.entries(EXTRA)]);
  }
  return american;
}

/** The American spelling of a lower-case word, or the word itself ("licence" -> "license", "salary" -> "salary"). */
export function americanSpelling(word: string): string {
  return variants().get(word) ?? word;
}
