import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { Sections, packSections } from '../../src/index/binary-file.js';
import { ChunkStore, packChunks } from '../../src/index/chunk-store.js';
import { packDocs, readDocs } from '../../src/index/doc-store.js';
import { buildIndex } from '../../src/index/pipeline.js';
import type { IndexData } from '../../src/index/store.js';
import { CORPUS, seedIndex, tempDir } from '../helpers.js';

let index: IndexData;
/** Plain copies, so comparisons do not depend on how the stores build their objects. */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

beforeAll(async () => {
  index = await seedIndex();
});

describe('the binary stores', () => {
  it('give back the same chunks, decoding each only when it is read', () => {
    const store = ChunkStore.read(packChunks(index.chunks, index.docs), index.docs);
    expect(store.length).toBe(index.chunks.length);
    expect(plain(store.get(3))).toEqual(plain(index.chunks[3]));
    expect(store.get(-1)).toBeUndefined();
    expect(store.get(store.length)).toBeUndefined();
    const view = store.asArray();
    expect(view.length).toBe(index.chunks.length);
    expect(view.map((c) => c.id)).toEqual(index.chunks.map((c) => c.id));
    expect([...view].map((c) => c.text)).toEqual(index.chunks.map((c) => c.text));
    expect(plain(view)).toEqual(plain(index.chunks));
    expect(view[5]).toBe(view[5]);
    expect(view[view.length]).toBeUndefined();
  });

  it('give back the same documents and knowledge', () => {
    const { json, bytes } = packDocs(index.docs, index.knowledge);
    const read = readDocs(JSON.parse(json), bytes);
    expect(plain(read.docs)).toEqual(plain(index.docs));
    expect(read.knowledge).toEqual(plain(index.knowledge));
    expect(read.docs[0]!.blocks).toBe(read.docs[0]!.blocks);
  });

  it('reject chunks that point outside their documents', () => {
    const [first] = index.chunks;
    const broken = { ...first!, end: index.docs.find((d) => d.id === first!.docId)!.text.length + 10 };
    expect(() => ChunkStore.read(packChunks([broken], index.docs), index.docs)).toThrow(/points outside its document/);
    expect(() => ChunkStore.read(packChunks(index.chunks, index.docs), index.docs.slice(1))).toThrow(/written for/);
  });

  it('reject documents whose two parts disagree or whose JSON part has the wrong shape', () => {
    const { json, bytes } = packDocs(index.docs, index.knowledge);
    const meta = JSON.parse(json);
    expect(() => readDocs({ ...meta, docs: meta.docs.slice(1) }, bytes)).toThrow(/documents/);
    expect(() => readDocs({ ...meta, knowledge: null }, bytes)).toThrow(/corpus.json: knowledge/);
  });

  it('name the problem with a file of the wrong kind, version or length', () => {
    const bytes = packSections('demo', 1, { n: 2 }, { a: new Uint32Array([1, 2]), b: new Float32Array([0.5]) });
    const s = Sections.read(bytes, 'demo', 1);
    expect(Array.from(s.u32('a'))).toEqual([1, 2]);
    expect(Array.from(s.f32('b'))).toEqual([0.5]);
    expect(s.num('n')).toBe(2);
    expect(() => s.u32('b')).toThrow(/missing/);
    expect(() => Sections.read(bytes, 'other', 1)).toThrow(/expected a other file/);
    expect(() => Sections.read(bytes, 'demo', 2)).toThrow(/version 1/);
    expect(() => Sections.read(bytes.slice(0, bytes.length - 8), 'demo', 1)).toThrow(/truncated/);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(Sections.read(shifted.subarray(1), 'demo', 1).u32('a'))).toEqual([1, 2]);
  });
});
