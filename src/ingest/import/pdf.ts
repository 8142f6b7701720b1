// Ingest stage "import: PDF" (pure computation over bytes, no I/O): a PDF -> Markdown. pdf.js gives positioned
// text runs; lines are rebuilt from them, headings recovered from font size (larger than the body text), bullets
// from their markers, and wrapped lines joined back into paragraphs.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Extracted } from './document.js';

/** A line counts as a heading when its font is this much larger than the body text. */
export const HEADING_RATIO = 1.15;
/** A vertical gap larger than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;
const BULLET = /^\s*(?:[•◦▪▫●○■□‣⁃∙·*–-])\s+/;
/** "Senior Roles (7+ years): $…" — a labelled line stands on its own, as salary lines must for the extractor. */
const LABELLED = /^[^:]{2,60}:\s/;
/** A line ending this far short of the text's right edge ends its paragraph. */
const SHORT_LINE = 0.8;

interface Line {
  page: number;
  x: number;
  /** Where the line's last run ends, to tell a wrapped line (full width) from a paragraph's last one. */
  end: number;
  y: number;
  size: number;
  text: string;
}

interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const isRun = (item: unknown): item is TextRun => typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;

/** Groups a page's text runs into lines (same baseline), left to right. */
function pageLines(items: TextRun[], page: number): Line[] {
  const lines: Line[] = [];
  const runs = items
    .filter((r) => r.str.trim())
    .map((r) => ({
      r,
      x: r.transform[4] ?? 0,
      y: r.transform[5] ?? 0,
      size: Math.round(Math.hypot(r.transform[2] ?? 0, r.transform[3] ?? 0) * 10) / 10 || r.height,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  let current: Line | undefined;
  for (const { r, x, y, size } of runs) {
    if (current && Math.abs(current.y - y) <= Math.max(2, size * 0.3)) {
      const gap = x - current.end;
      current.text += `${gap > size * 0.15 && !current.text.endsWith(' ') && !r.str.startsWith(' ') ? ' ' : ''}${r.str}`;
      current.end = x + r.width;
      current.size = Math.max(current.size, size);
      continue;
    }
    current = { page, x, y, size, text: r.str, end: x + r.width };
    lines.push(current);
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

/** The font size most characters are set in. */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** Rebuilds Markdown from positioned lines: headings by size, bullets by marker, wrapped lines joined. */
export function linesToMarkdown(lines: Line[]): Extracted {
  const body = bodySize(lines);
  const right = Math.max(0, ...lines.map((l) => l.end));
  const headingSizes = [...new Set(lines.filter((l) => l.size >= body * HEADING_RATIO).map((l) => l.size))].sort((a, b) => b - a);
  const blocks: string[] = [];
  let title = '';
  let open: { kind: 'p' | 'li'; text: string; last: Line } | null = null;
  const flush = () => {
    if (open) blocks.push(open.kind === 'li' ? `- ${open.text}` : open.text);
    open = null;
  };
  for (const line of lines) {
    const rank = headingSizes.indexOf(line.size);
    if (rank >= 0) {
      flush();
      // The largest size, first used at the top of the document, is its title.
      if (!title && rank === 0 && !blocks.length) title = line.text;
      else blocks.push(`${'#'.repeat(Math.min(4, Math.max(2, rank + (title ? 1 : 2))))} ${line.text}`);
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const text = bullet ? line.text.slice(bullet[0].length) : line.text;
    const last: Line | undefined = open ? (open as { last: Line }).last : undefined;
    const gap = last && last.page === line.page ? last.y - line.y : Number.POSITIVE_INFINITY;
    const ended = !!last && /[.!?:]$/.test(last.text) && last.end < right * SHORT_LINE;
    const continues =
      open && !bullet && !LABELLED.test(line.text) && !ended && gap <= line.size * PARAGRAPH_GAP && (open.kind === 'p' || line.x > (last?.x ?? 0) - 1);
    if (open && continues) {
      open.text = open.text.endsWith('-') ? `${open.text.slice(0, -1)}${text}` : `${open.text} ${text}`;
      open.last = line;
      continue;
    }
    flush();
    open = { kind: bullet ? 'li' : 'p', text, last: line };
  }
  flush();
  // Markdown reads "1. " or "# " at a line start as structure; such text in a PDF is just text.
  const markdown = blocks
    .map((b) => (b.startsWith('#') || b.startsWith('- ') ? b : b.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3').replace(/^([#>+])/, '\\$1')))
    .reduce((md, b, i, all) => (i === 0 ? b : `${md}${b.startsWith('- ') && all[i - 1]?.startsWith('- ') ? '\n' : '\n\n'}${b}`), '');
  return { title, markdown };
}

/** Extracts a PDF's text as Markdown; throws when the bytes are not a readable PDF (the message says why). */
export async function pdfToMarkdown(bytes: Uint8Array): Promise<Extracted> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const lines: Line[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      lines.push(
        ...pageLines(
          content.items.flatMap((i: unknown) => (isRun(i) ? [i] : [])),
          n,
        ),
      );
      page.cleanup();
    }
    const meta = await pdf.getMetadata().catch(() => null);
    const info = meta?.info as { Title?: unknown } | undefined;
    const extracted = linesToMarkdown(lines);
    const metaTitle = typeof info?.Title === 'string' ? info.Title.trim() : '';
    return { ...extracted, title: extracted.title || metaTitle };
  } finally {
    await task.destroy();
  }
}
