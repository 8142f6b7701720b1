// Index stage "chunk store" (pure, no I/O): chunks in columns of one binary file (numbers in typed arrays, ids as a
// UTF-8 blob), so opening an index of 100k chunks reads one buffer and builds a chunk object only when it is used. A
// chunk's text is not stored: it is derived from its document when read (`chunkText`), which halves the file and its memory.
import type { Chunk, SourceDoc, Span } from '../domain/types.js';
import { chunkText } from '../ingest/chunk.js';
import { Sections, checkOffsets, packSections } from './binary-file.js';

const KIND = 'chunk-store';
/** 2: texts derived from the documents, no longer stored. */
const VERSION = 2;
/** Span columns: start, end, context start, context end (-1 when the span has no parent bullet). */
const SPAN_WIDTH = 4;

function blob(texts: string[]): { bytes: Uint8Array; offsets: Uint32Array } {
  const parts = texts.map((t) => Buffer.from(t, 'utf8'));
  const offsets = new Uint32Array(texts.length + 1);
  parts.forEach((p, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + p.byteLength;
  });
  return { bytes: new Uint8Array(Buffer.concat(parts)), offsets };
}

/** Packs chunks (whose documents are `docs`, in that order) into the chunk-store file format. */
export function packChunks(chunks: readonly Chunk[], docs: readonly SourceDoc[]): Uint8Array {
  const docIndex = new Map(docs.map((d, i) => [d.id, i]));
  const n = chunks.length;
  const doc = new Uint32Array(n);
  const section = new Uint32Array(n);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  const spanStart = new Uint32Array(n + 1);
  const spans: number[] = [];
  chunks.forEach((c, i) => {
    const d = docIndex.get(c.docId);
    if (d === undefined) throw new Error(`chunk ${c.id} belongs to no document`);
    doc[i] = d;
    section[i] = c.section;
    start[i] = c.start;
    end[i] = c.end;
    for (const s of c.spans) spans.push(s.start, s.end, s.context?.start ?? -1, s.context?.end ?? -1);
    spanStart[i + 1] = spans.length / SPAN_WIDTH;
  });
  const ids = blob(chunks.map((c) => c.id));
  return packSections(
    KIND,
    VERSION,
    { chunks: n, docs: docs.length },
    { doc, section, start, end, spanStart, spans: Int32Array.from(spans), ids: ids.bytes, idStart: ids.offsets },
  );
}

/** Chunks read from a chunk-store file; each is decoded on first use and then kept. */
export class ChunkStore {
  private readonly cache: (Chunk | undefined)[];

  private constructor(
    private readonly s: {
      doc: Uint32Array;
      section: Uint32Array;
      start: Uint32Array;
      end: Uint32Array;
      spanStart: Uint32Array;
      spans: Int32Array;
      ids: Uint8Array;
      idStart: Uint32Array;
    },
    private readonly docs: readonly SourceDoc[],
    readonly length: number,
  ) {
    this.cache = new Array(length);
  }

  /**
   * Reads a chunk-store file written for `docs`; throws with the reason when it is damaged or does not fit them
   * (every offset is checked against its document's text length, or `textBounds` when given, so no quote can point
   * outside a document).
   */
  static read(bytes: Uint8Array, docs: readonly SourceDoc[], textBounds: ArrayLike<number> = docs.map((d) => d.text.length)): ChunkStore {
    const f = Sections.read(bytes, KIND, VERSION);
    const n = f.num('chunks');
    if (f.num('docs') !== docs.length) throw new Error(`the chunk store was written for ${f.num('docs')} documents, the corpus has ${docs.length}`);
    const s = {
      doc: f.u32('doc'),
      section: f.u32('section'),
      start: f.u32('start'),
      end: f.u32('end'),
      spanStart: f.u32('spanStart'),
      spans: f.i32('spans'),
      ids: f.u8('ids'),
      idStart: f.u32('idStart'),
    };
    if ([s.doc, s.section, s.start, s.end].some((column) => column.length !== n)) throw new Error('chunk store columns disagree in length');
    if (s.spans.length % SPAN_WIDTH) throw new Error('chunk store spans are cut short');
    checkOffsets(s.spanStart, n, s.spans.length / SPAN_WIDTH, 'span');
    checkOffsets(s.idStart, n, s.ids.length, 'chunk id');
    const sections = docs.map((d) => d.sections.length);
    for (let i = 0; i < n; i++) {
      const d = s.doc[i] ?? 0;
      const limit = d < docs.length ? textBounds[d] : undefined;
      if (limit === undefined) throw new Error(`chunk ${i} belongs to no document`);
      if ((s.end[i] ?? 0) > limit || (s.section[i] ?? 0) >= Math.max(1, sections[d] ?? 0)) throw new Error(`chunk ${i} points outside its document`);
      for (let k = s.spanStart[i] ?? 0; k < (s.spanStart[i + 1] ?? 0); k++) {
        const b = k * SPAN_WIDTH;
        const [start, end, cs, ce] = [s.spans[b] ?? -1, s.spans[b + 1] ?? -1, s.spans[b + 2] ?? -1, s.spans[b + 3] ?? -1];
        const ok = 0 <= start && start <= end && end <= limit && ((cs === -1 && ce === -1) || (0 <= cs && cs <= ce && ce <= limit));
        if (!ok) throw new Error(`chunk ${i} points outside its document`);
      }
    }
    return new ChunkStore(s, docs, n);
  }

  /** Chunk `i`, decoded on first use; undefined out of range. */
  get(i: number): Chunk | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    const cached = this.cache[i];
    if (cached) return cached;
    const s = this.s;
    const spans: Span[] = [];
    for (let k = s.spanStart[i] ?? 0; k < (s.spanStart[i + 1] ?? 0); k++) {
      const b = k * SPAN_WIDTH;
      const [start, end, cs, ce] = [s.spans[b] ?? 0, s.spans[b + 1] ?? 0, s.spans[b + 2] ?? -1, s.spans[b + 3] ?? -1];
      spans.push(cs >= 0 ? { start, end, context: { start: cs, end: ce } } : { start, end });
    }
    const doc = this.docs[s.doc[i] ?? 0];
    const section = s.section[i] ?? 0;
    const chunk: Chunk = {
      id: Buffer.from(s.ids.buffer, s.ids.byteOffset + (s.idStart[i] ?? 0), (s.idStart[i + 1] ?? 0) - (s.idStart[i] ?? 0)).toString('utf8'),
      docId: doc?.id ?? '',
      section,
      start: s.start[i] ?? 0,
      end: s.end[i] ?? 0,
      spans,
      // Derived on each read: answering never reads it, a re-ingest reads it once per chunk.
      get text() {
        return doc ? chunkText(doc, section, spans) : '';
      },
    };
    this.cache[i] = chunk;
    return chunk;
  }

  /**
   * The chunks as an ordinary-looking array for code that indexes, iterates or maps `Chunk[]`: an element is decoded
   * when it is read, so building the view costs nothing and a search decodes only the chunks it returns.
   */
  asArray(): Chunk[] {
    const target: Chunk[] = new Array(this.length);
    const index = (key: string | symbol) => (typeof key === 'string' && /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : -1);
    return new Proxy(target, {
      get: (t, key, receiver) => {
        const i = index(key);
        return i >= 0 ? this.get(i) : Reflect.get(t, key, receiver);
      },
      has: (t, key) => {
        const i = index(key);
        return i >= 0 ? i < this.length : Reflect.has(t, key);
      },
      getOwnPropertyDescriptor: (t, key) => {
        const i = index(key);
        if (i < 0 || i >= this.length) return Reflect.getOwnPropertyDescriptor(t, key);
        return { value: this.get(i), writable: true, enumerable: true, configurable: true };
      },
      ownKeys: (t) => [...Array.from({ length: this.length }, (_, i) => String(i)), ...Reflect.ownKeys(t).filter((k) => index(k) < 0)],
      set: () => false,
    });
  }
}
