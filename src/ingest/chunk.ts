// Ingest stage "chunk" (pure): documents -> section-aware chunks of quotable spans within a token budget.
import { createHash } from 'node:crypto';
import type { Block, Chunk, SourceDoc, Span } from '../domain/types.js';
import { sentenceSpans } from './text.js';

export interface ChunkOptions {
  /** Approximate word-piece budget per chunk (all-MiniLM-L6-v2 reads at most 256). */
  maxTokens: number;
  /** Trailing spans up to this many tokens are repeated at the start of the next chunk. */
  overlapTokens: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { maxTokens: 160, overlapTokens: 40 };

/** Rough word-piece count: words, numbers and punctuation, plus a share for sub-word splits. */
export function estimateTokens(text: string): number {
  const pieces = text.match(/[A-Za-z]+|\d+|[^\sA-Za-z\d]/g);
  if (!pieces) return 0;
  let n = 0;
  for (const p of pieces) n += p.length > 8 ? 2 : 1;
  return n;
}

/** Quotable spans of one block: sentences of a paragraph, a bullet whole unless it is long. */
function blockSpans(doc: SourceDoc, block: Block): Span[] {
  const parent = block.parent === undefined ? undefined : doc.blocks[block.parent];
  const context = parent ? { start: parent.start, end: parent.end } : undefined;
  const pieces =
    block.kind === 'paragraph' || block.end - block.start > 400 ? sentenceSpans(doc.text, block.start, block.end) : [{ start: block.start, end: block.end }];
  return pieces.map((p) => (context ? { ...p, context } : p));
}

/** Groups a section's blocks so that a top-level bullet stays with its nested bullets. */
function groups(doc: SourceDoc, blocks: Block[]): Span[][] {
  const out: Span[][] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const spans = blockSpans(doc, block);
    const previous = out.at(-1);
    if (block.kind === 'bullet' && block.parent !== undefined && previous) previous.push(...spans);
    else if (block.kind === 'paragraph') out.push(...spans.map((s) => [s]));
    else out.push(spans);
  }
  return out;
}

function spanText(doc: SourceDoc, span: Span, withContext: boolean): string {
  const own = doc.text.slice(span.start, span.end);
  return withContext && span.context ? `${doc.text.slice(span.context.start, span.context.end)} ${own}` : own;
}

/**
 * The text a chunk is embedded and indexed under: title and heading path, then its spans, each after its parent
 * bullet unless an earlier span of the chunk is that parent. A pure function of the document and the spans, so the
 * chunk store derives it instead of storing it twice.
 */
export function chunkText(doc: SourceDoc, section: number, spans: readonly Span[]): string {
  const path = doc.sections[section]?.path ?? [];
  const header = [doc.title, ...path].join(' › ');
  // A set, not a rescan per span.
  const starts = new Set<number>();
  const lines = spans.map((s) => {
    const line = spanText(doc, s, !(s.context && starts.has(s.context.start)));
    starts.add(s.start);
    return line;
  });
  return `${header}\n${lines.join('\n')}`;
}

function makeChunk(doc: SourceDoc, section: number, spans: Span[], ordinal: number): Chunk {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const s of spans) {
    start = Math.min(start, s.context?.start ?? s.start);
    end = Math.max(end, s.end);
  }
  const text = chunkText(doc, section, spans);
  const id = createHash('sha256').update(`${doc.id}\0${section}\0${ordinal}\0${text}`).digest('hex').slice(0, 16);
  return {
    id,
    docId: doc.id,
    section,
    start,
    end,
    spans,
    text,
  };
}

/** Splits documents into chunks that never cross a heading and stay within the token budget. */
export function chunkDocs(docs: SourceDoc[], options: ChunkOptions = DEFAULT_CHUNKING): Chunk[] {
  const chunks: Chunk[] = [];
  for (const doc of docs) {
    const bySection = new Map<number, Block[]>();
    for (const block of doc.blocks) {
      const list = bySection.get(block.section);
      if (list) list.push(block);
      else bySection.set(block.section, [block]);
    }
    for (const [section, blocks] of bySection) {
      const header = estimateTokens([doc.title, ...(doc.sections[section]?.path ?? [])].join(' '));
      let current: Span[][] = [];
      let tokens = header;
      let ordinal = 0;
      const cost = (g: Span[]) => g.reduce((n, s) => n + estimateTokens(spanText(doc, s, true)), 0);
      for (const group of groups(doc, blocks)) {
        const groupTokens = cost(group);
        if (current.length && tokens + groupTokens > options.maxTokens) {
          chunks.push(makeChunk(doc, section, current.flat(), ordinal++));
          const last = current.at(-1) ?? [];
          const overlap = last.length > 0 && cost(last) <= options.overlapTokens && cost(last) + groupTokens + header <= options.maxTokens;
          current = overlap ? [last] : [];
          tokens = header + (overlap ? cost(last) : 0);
        }
        current.push(group);
        tokens += groupTokens;
      }
      if (current.length) chunks.push(makeChunk(doc, section, current.flat(), ordinal));
    }
  }
  return chunks;
}
