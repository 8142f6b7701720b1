// Query stage "passages" (pure, no I/O): where a quote sits in its page — its whole section, whether it is a list item,
// and the text just before it — for checks that need more of the page than the quote itself.
import { type Citation, type SourceDoc, withContext } from '../domain/types.js';

type Block = SourceDoc['blocks'][number];

/** The quote's page and the index of the block it starts in, or null when the page is not among `docs`. */
function blockOf(docs: SourceDoc[], c: Citation): { doc: SourceDoc; at: number; block: Block } | null {
  const doc = docs.find((d) => d.id === c.docId);
  const at = doc?.blocks.findIndex((b) => b.start <= c.start && c.start < b.end) ?? -1;
  const block = doc?.blocks[at];
  return doc && block ? { doc, at, block } : null;
}

/** The whole section a quote comes from: the question's noun may be a sentence away from the quoted one. */
export function sectionText(docs: SourceDoc[], c: Citation): string {
  const found = blockOf(docs, c);
  if (!found) return withContext(c);
  const { doc, block } = found;
  return doc.blocks
    .filter((b) => b.section === block.section)
    .map((b) => doc.text.slice(b.start, b.end))
    .join('\n');
}

/** Whether a quote is an item of a list rather than a sentence of prose. */
export function isListItem(docs: SourceDoc[], c: Citation): boolean {
  return !!docs.find((d) => d.id === c.docId)?.blocks.some((b) => b.kind === 'bullet' && b.start <= c.start && c.end <= b.end);
}

/** The text of a quote's section from the start of the block before the quote's up to the quote: what it may refer back to. */
export function textBefore(docs: SourceDoc[], c: Citation): string {
  const found = blockOf(docs, c);
  if (!found) return '';
  const { doc, at, block } = found;
  const previous = doc.blocks[at - 1];
  const from = previous && previous.section === block.section && previous.kind !== 'heading' ? previous.start : block.start;
  return doc.text.slice(from, c.start);
}
