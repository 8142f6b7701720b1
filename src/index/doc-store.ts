// Index stage "document store" (pure, no I/O): documents split into a small JSON part (ids, titles, roles, section
// paths, with the knowledge) and a binary part (texts as UTF-8, blocks in typed-array columns), so a large corpus opens
// without parsing or validating an object per block; a document's text and blocks are decoded when read, and only the
// most recently read documents' stay decoded.
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Knowledge } from '../domain/knowledge.js';
import type { Block, SourceDoc } from '../domain/types.js';
import { Sections, checkOffsets, packSections } from './binary-file.js';
import { corpusFileSchema } from './corpus-schema.js';

const KIND = 'doc-store';
const VERSION = 1;
const BLOCK_KINDS = ['heading', 'paragraph', 'bullet'] as const;
/**
 * Documents whose decoded text and blocks are kept: an answer quotes from at most 8 chunks, so this covers the
 * documents of many recent questions, while memory stays bounded however much of a large corpus gets quoted over time.
 */
const DECODED_DOCS = 256;

/** The JSON part: everything about a document except its text and blocks, and the knowledge. */
const storedCorpusSchema = z.object({
  docs: z.array(corpusFileSchema.shape.docs.element.omit({ text: true, blocks: true })),
  knowledge: corpusFileSchema.shape.knowledge,
});

/** Splits documents and knowledge into the JSON part and the binary part. */
export function packDocs(docs: readonly SourceDoc[], knowledge: Knowledge): { json: string; bytes: Uint8Array } {
  const meta = docs.map(({ text: _t, blocks: _b, ...rest }) => rest);
  const texts = docs.map((d) => Buffer.from(d.text, 'utf8'));
  const textStart = new Uint32Array(docs.length + 1);
  texts.forEach((t, i) => {
    textStart[i + 1] = (textStart[i] ?? 0) + t.byteLength;
  });
  const blockStart = new Uint32Array(docs.length + 1);
  const all = docs.flatMap((d) => d.blocks);
  docs.forEach((d, i) => {
    blockStart[i + 1] = (blockStart[i] ?? 0) + d.blocks.length;
  });
  const bytes = packSections(
    KIND,
    VERSION,
    { docs: docs.length },
    {
      text: new Uint8Array(Buffer.concat(texts)),
      textStart,
      blockStart,
      kind: Uint8Array.from(all, (b) => BLOCK_KINDS.indexOf(b.kind)),
      start: Uint32Array.from(all, (b) => b.start),
      end: Uint32Array.from(all, (b) => b.end),
      depth: Int32Array.from(all, (b) => b.depth),
      section: Uint32Array.from(all, (b) => b.section),
      parent: Int32Array.from(all, (b) => b.parent ?? -1),
    },
  );
  return { json: JSON.stringify({ docs: meta, knowledge }), bytes };
}

/**
 * Reads documents and knowledge back; throws with the reason when either part is damaged or they disagree.
 * Block offsets are checked against each document's stored text.
 */
export function readDocs(json: unknown, bytes: Uint8Array): { docs: SourceDoc[]; knowledge: Knowledge; textBounds: Uint32Array } {
  const parsed = storedCorpusSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`corpus.json: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'wrong shape'}`);
  }
  const { docs: meta, knowledge } = parsed.data;
  const f = Sections.read(bytes, KIND, VERSION);
  if (f.num('docs') !== meta.length) throw new Error(`docs.bin holds ${f.num('docs')} documents, corpus.json ${meta.length}`);
  const text = f.u8('text');
  const textStart = f.u32('textStart');
  const blockStart = f.u32('blockStart');
  const c = { kind: f.u8('kind'), start: f.u32('start'), end: f.u32('end'), depth: f.i32('depth'), section: f.u32('section'), parent: f.i32('parent') };
  checkOffsets(textStart, meta.length, text.length, 'document text');
  checkOffsets(blockStart, meta.length, c.kind.length, 'block');
  if (Object.values(c).some((column) => column.length !== c.kind.length)) throw new Error('docs.bin block columns disagree in length');
  const decoded = new LRUCache<number, { text?: string; blocks?: Block[] }>({ max: DECODED_DOCS });
  const docs = meta.map((m, i): SourceDoc => {
    const from = blockStart[i] ?? 0;
    const to = blockStart[i + 1] ?? 0;
    const byteStart = textStart[i] ?? 0;
    const bytes = (textStart[i + 1] ?? 0) - byteStart;
    // A UTF-16 offset never exceeds the UTF-8 byte length, so blocks are bounded without decoding the text now.
    for (let b = from; b < to; b++) {
      const ok =
        (c.kind[b] ?? 9) < BLOCK_KINDS.length &&
        (c.start[b] ?? 0) <= (c.end[b] ?? 0) &&
        (c.end[b] ?? 0) <= bytes &&
        (c.section[b] ?? 0) < Math.max(1, m.sections.length) &&
        (c.parent[b] ?? 0) < to - from;
      if (!ok) throw new Error(`document ${m.id} has a block outside its text`);
    }
    const decodeText = () => Buffer.from(text.buffer, text.byteOffset + byteStart, bytes).toString('utf8');
    const decodeBlocks = () =>
      Array.from({ length: to - from }, (_, k): Block => {
        const b = from + k;
        const parent = c.parent[b] ?? -1;
        const block: Block = {
          kind: BLOCK_KINDS[c.kind[b] ?? 0] ?? 'paragraph',
          start: c.start[b] ?? 0,
          end: c.end[b] ?? 0,
          depth: c.depth[b] ?? 0,
          section: c.section[b] ?? 0,
        };
        return parent >= 0 ? { ...block, parent } : block;
      });
    const entry = () => {
      let e = decoded.get(i);
      if (!e) {
        e = {};
        decoded.set(i, e);
      }
      return e;
    };
    return {
      ...m,
      get text() {
        const e = entry();
        e.text ??= decodeText();
        return e.text;
      },
      get blocks() {
        const e = entry();
        e.blocks ??= decodeBlocks();
        return e.blocks;
      },
    };
  });
  // Upper bounds of each text's length, for checking chunk offsets without decoding the texts.
  const textBounds = Uint32Array.from(meta, (_, i) => (textStart[i + 1] ?? 0) - (textStart[i] ?? 0));
  return { docs, knowledge, textBounds };
}
