// Text helpers for parsing and quoting (pure): slugs, sentence spans, scraped-text repair.

/** Lower-case, dash-separated identifier. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-') || 'untitled'
  );
}

const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|Ph\.D|Dr|Mr|Ms|Mrs|Inc|Ltd|St|approx|U\.S)\.|\b[A-Z]\.)$/;

/**
 * Splits `text[start, end)` into sentence spans (offsets into `text`), never splitting after common
 * abbreviations such as "e.g." or "Ph.D.".
 */
export function sentenceSpans(text: string, start: number, end: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[.!?]["'”’)]?(?=\s+["“(]?[A-Z0-9$])/g;
  const slice = text.slice(start, end);
  let from = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const stop = m.index + m[0].length;
    if (ABBREVIATIONS.test(slice.slice(Math.max(from, stop - 8), stop))) continue;
    pushTrimmed(spans, text, start + from, start + stop);
    from = stop;
  }
  pushTrimmed(spans, text, start + from, end);
  return spans;
}

function pushTrimmed(spans: { start: number; end: number }[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}

const SENTENCE_OPENERS = new Set(['The', 'These', 'This', 'Those', 'By', 'In', 'As', 'With', 'While', 'Overall']);

/**
 * Scraped pages glue a closing paragraph onto the last list item ("Distributed computing By understanding
 * these aspects ..."). Returns the offset (within `text`) where such a trailing sentence starts, or -1.
 */
export function trailingProseStart(text: string): number {
  const re = /[A-Za-z0-9)] ([A-Z][a-z]+) (\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + 2;
    const tail = text.slice(at).trim();
    const sentenceLike = /^[a-z]/.test(m[2] ?? '') || SENTENCE_OPENERS.has(m[1] ?? '');
    if (sentenceLike && tail.split(/\s+/).length >= 6 && /[.:!?]$/.test(tail)) return at;
    re.lastIndex = m.index + 1;
  }
  return -1;
}

/** Collapses runs of white space (for display and matching, never for offsets). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The cells of a table row as the Markdown parser quotes it ("United States | $65,000-$80,000 | …"). */
export function tableCells(text: string): string[] {
  return text.split(/\s*\|\s*/).map((c) => c.trim());
}
