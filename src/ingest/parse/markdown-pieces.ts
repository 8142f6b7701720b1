// Ingest stage "parse: markdown pieces" (pure, no I/O): parses a Markdown source piece by piece, cutting only where a
// new top-level block must start, so micromark's memory and time stay proportional to the size of the source.
import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import './micromark-linear.js';

/**
 * Target size of one piece. micromark keeps every event of the text it parses in one list (about 40 bytes of
 * events per source byte); pieces of this size keep that list small, and a 16 MB file never holds it whole.
 */
export const PIECE_BYTES = 64 * 1024;

/** Pipe tables (GFM): salary guides often give their figures as a table. */
const TABLES = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };
const FRONT_MATTER = { extensions: [frontmatter(['yaml']), gfmTable()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()] };
/** Lines that always start a new top-level block: an ATX heading, or a non-empty bullet (which interrupts a paragraph). */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** End of the YAML front matter (the line after its closing `---`), or 0 when the text has none. */
function frontMatterEnd(text: string): number {
  if (!/^---[ \t]*\n/.test(text)) return 0;
  const close = /\n---[ \t]*(?:\n|$)/.exec(text);
  return close ? close.index + close[0].length : text.length;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';

/**
 * The first line start at or after `from` where a top-level block must begin whatever came before: a line at column 0
 * after a blank line, or a heading or bullet at column 0. Open fenced code or HTML across it is caught by `endsOpen`.
 */
function nextCut(text: string, from: number): number {
  let i = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  if (i < from) i = text.indexOf('\n', from) + 1 || text.length;
  while (i < text.length) {
    const next = text.indexOf('\n', i);
    const c = text[i];
    if (i > 0 && c !== '\n' && !isSpace(c)) {
      const prevStart = text.lastIndexOf('\n', i - 2) + 1;
      let blank = true;
      for (let k = prevStart; k < i - 1 && blank; k++) blank = isSpace(text[k]);
      if (blank || BLOCK_START.test(text.slice(i, i + 8))) return i;
    }
    if (next < 0) break;
    i = next + 1;
  }
  return text.length;
}

/**
 * Whether the piece's last block (the innermost last one, inside lists and quotes) may run on past the cut: unclosed
 * fenced code or HTML. Inside a container the cut would end it anyway, but its end offset would take in the newline.
 */
function endsOpen(nodes: RootContent[], piece: string): boolean {
  let last: Nodes | undefined = nodes.at(-1);
  while (last && (last.type === 'list' || last.type === 'listItem' || last.type === 'blockquote')) last = last.children.at(-1);
  const start = last?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (!last || start === undefined || end === undefined) return false;
  if (last.type === 'html') return !/\n[ \t]*\n/.test(piece.slice(end));
  if (last.type !== 'code') return false;
  const open = FENCE.exec(piece.slice(start, start + 40));
  if (!open?.[1]) return false;
  const lines = piece.slice(start, end).split('\n');
  const close = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1) ?? '') : null;
  return !(close?.[1] && close[1][0] === open[1][0] && close[1].length >= open[1].length);
}

function shift(node: Nodes, base: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += base;
    if (p.end.offset !== undefined) p.end.offset += base;
  }
  if ('children' in node) for (const child of node.children) shift(child, base);
}

/**
 * The top-level mdast nodes of `text` (front matter as a `yaml` node), with offsets into `text`, the same nodes a
 * single `fromMarkdown` call gives for the blocks the project reads. A piece whose last block may run on (an unclosed
 * fence, HTML) is parsed again twice as long, so a cut never lands inside one.
 */
export function* markdownNodes(text: string, pieceBytes = PIECE_BYTES): Generator<RootContent> {
  let start = 0;
  const matterEnd = frontMatterEnd(text);
  while (start < text.length) {
    let want = Math.max(start + pieceBytes, start === 0 ? matterEnd : 0);
    for (;;) {
      const end = nextCut(text, want);
      const piece = text.slice(start, end);
      const nodes = fromMarkdown(piece, start === 0 ? FRONT_MATTER : TABLES).children;
      if (end < text.length && endsOpen(nodes, piece)) {
        want = start + 2 * (end - start);
        continue;
      }
      for (const node of nodes) {
        shift(node, start);
        yield node;
      }
      start = end;
      break;
    }
  }
}
