// Index stage "typo lookup" (pure, no I/O): the vocabulary terms within a small edit distance of an unknown term, so
// "salray" still finds "salary" (swapping neighbouring letters counts as one edit). Only terms that share the first or
// the last letter and have a close length are compared: one edit cannot change both ends of a word.
import { distance } from 'fastest-levenshtein';

/**
 * Shorter terms are left alone: at 4 letters one edit mostly reaches other real words ("make" -> "take", "math" -> "path"),
 * which cost the eval questions more than typo tolerance gained (`npm run bench`, ranking quality).
 */
const MIN_LENGTH = 5;
/** From this length two edits are allowed (one below it). */
const TWO_EDITS_FROM = 8;
/** At most this many replacements per unknown term, the nearest first. */
const MAX_MATCHES = 3;

/** True when `b` is `a` with two neighbouring letters swapped ("salray" / "salary"): one typo, though two edits. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** A typo-tolerant lookup over a fixed vocabulary. */
export class FuzzyVocabulary {
  private readonly buckets = new Map<string, number[]>();

  /** `terms[i]` is term id `i`; `weightOf(i)` breaks ties between equally near terms (e.g. document frequency). */
  constructor(
    private readonly terms: readonly string[],
    private readonly weightOf: (id: number) => number,
  ) {
    terms.forEach((t, id) => {
      if (t.length < MIN_LENGTH - 1 || /\d/.test(t)) return;
      this.add(`^${t[0]}${t.length}`, id);
      this.add(`$${t[t.length - 1]}${t.length}`, id);
    });
  }

  private add(key: string, id: number): void {
    const list = this.buckets.get(key);
    if (list) list.push(id);
    else this.buckets.set(key, [id]);
  }

  /** Ids of the nearest terms within the allowed distance (none for short or numeric terms). */
  lookup(term: string): number[] {
    return this.candidates(term)
      .slice(0, MAX_MATCHES)
      .map((f) => f.id);
  }

  /** The id of the one nearest term, or null when there is none or another is as near ("analist": analyst, analysis). */
  nearest(term: string): number | null {
    const [first, second] = this.candidates(term);
    return first && (!second || second.d > first.d) ? first.id : null;
  }

  private candidates(term: string): { id: number; d: number }[] {
    if (term.length < MIN_LENGTH || /\d/.test(term)) return [];
    const max = term.length >= TWO_EDITS_FROM ? 2 : 1;
    const found: { id: number; d: number }[] = [];
    const seen = new Set<number>();
    for (let len = term.length - max; len <= term.length + max; len++) {
      for (const key of [`^${term[0]}${len}`, `$${term[term.length - 1]}${len}`]) {
        for (const id of this.buckets.get(key) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const candidate = this.terms[id] ?? '';
          const d = swapped(term, candidate) ? 1 : distance(term, candidate);
          if (d > 0 && d <= max) found.push({ id, d });
        }
      }
    }
    found.sort((a, b) => a.d - b.d || this.weightOf(b.id) - this.weightOf(a.id) || a.id - b.id);
    return found;
  }
}
