// Index stage "store" (I/O: reads and writes the data directory): each build goes to its own folder, then a
// `CURRENT` pointer is swapped by rename, so readers only ever see a complete index.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Knowledge } from '../domain/knowledge.js';
import type { Chunk, SourceDoc } from '../domain/types.js';
import { Bm25Index } from './bm25.js';
import { ChunkStore, packChunks } from './chunk-store.js';
import { packDocs, readDocs } from './doc-store.js';
import { HnswIndex, type HnswParams, type VectorIndex } from './hnsw.js';

/** Bumped whenever the on-disk layout changes; older indexes are rebuilt. */
export const SCHEMA_VERSION = 4;

const manifestSchema = z.object({
  schema: z.number(),
  model: z.string().nullable(),
  dim: z.number().int().min(0),
  corpusHash: z.string(),
  chunkCount: z.number().int().min(0),
  docCount: z.number().int().min(0),
  builtAt: z.string(),
  buildMs: z.number(),
  hnsw: z.object({ m: z.number(), efConstruction: z.number(), efSearch: z.number() }).nullable(),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Everything a running advisor needs, loaded in memory. */
export interface IndexData {
  manifest: Manifest;
  docs: SourceDoc[];
  /** Chunks in index order; a loaded index decodes each from `chunks.bin` when it is first read. */
  chunks: Chunk[];
  /** Chunk vectors in chunk order (null when built without a model); a loaded index reads them on first use (re-ingest). */
  vectors: Float32Array[] | null;
  dense: VectorIndex | null;
  bm25: Bm25Index;
  knowledge: Knowledge;
}

const POINTER = 'CURRENT';

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Writes a complete index into a fresh folder, then points `CURRENT` at it and removes older builds. */
export async function writeIndex(root: string, data: IndexData): Promise<string> {
  await mkdir(root, { recursive: true });
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const dir = join(root, name);
  await mkdir(dir);
  try {
    const corpus = packDocs(data.docs, data.knowledge);
    await writeFile(join(dir, 'corpus.json'), corpus.json);
    await writeFile(join(dir, 'docs.bin'), corpus.bytes);
    await writeFile(join(dir, 'chunks.bin'), packChunks(data.chunks, data.docs));
    await writeFile(join(dir, 'lexical.bin'), data.bm25.toBytes());
    if (data.vectors && data.dense instanceof HnswIndex) {
      const flat = new Float32Array(data.vectors.length * data.manifest.dim);
      data.vectors.forEach((v, i) => flat.set(v, i * data.manifest.dim));
      await writeFile(join(dir, 'vectors.f32'), new Uint8Array(flat.buffer));
      await data.dense.save(join(dir, 'hnsw.bin'));
    }
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(data.manifest, null, 2));
    await writeAtomic(join(root, POINTER), name);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  for (const entry of await readdir(root)) {
    if (entry.startsWith('build-') && entry !== name) await rm(join(root, entry), { recursive: true, force: true });
  }
  return dir;
}

/** Reads only the manifest of the current index, or null when there is none. */
export async function readManifest(root: string): Promise<Manifest | null> {
  const name = await readFile(join(root, POINTER), 'utf8').catch(() => null);
  if (name === null) return null;
  try {
    return manifestSchema.parse(JSON.parse(await readFile(join(root, name.trim(), 'manifest.json'), 'utf8')));
  } catch (cause) {
    throw new AppError('INDEX_CORRUPT', `The index manifest in ${join(root, name.trim())} is unreadable.`, { cause });
  }
}

/** Loads the current index; INDEX_MISSING when none was built, INDEX_CORRUPT when its files are damaged. */
export async function readIndex(root: string, efSearch: number): Promise<IndexData> {
  const name = (await readFile(join(root, POINTER), 'utf8').catch(() => null))?.trim();
  if (!name) throw new AppError('INDEX_MISSING', `No index has been built in ${root} yet.`);
  const dir = join(root, name);
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    if (manifest.schema !== SCHEMA_VERSION) {
      throw new AppError('INDEX_CORRUPT', `The index in ${dir} has schema ${manifest.schema}; this version reads ${SCHEMA_VERSION}.`);
    }
    // Documents and knowledge (corpus.json + docs.bin), then the chunks, checked against the documents (chunks.bin).
    const { docs, knowledge, textBounds } = readDocs(JSON.parse(await readFile(join(dir, 'corpus.json'), 'utf8')), await readFile(join(dir, 'docs.bin')));
    const chunks = ChunkStore.read(await readFile(join(dir, 'chunks.bin')), docs, textBounds);
    if (chunks.length !== manifest.chunkCount) throw new Error(`chunks.bin holds ${chunks.length} chunks, the manifest says ${manifest.chunkCount}`);
    const bm25 = Bm25Index.fromBytes(await readFile(join(dir, 'lexical.bin')));
    if (bm25.size !== manifest.chunkCount) throw new Error(`lexical.bin indexes ${bm25.size} chunks, the manifest says ${manifest.chunkCount}`);
    let dense: VectorIndex | null = null;
    let vectorsFile: string | null = null;
    let vectors: Float32Array[] | null = null;
    if (manifest.model && manifest.hnsw) {
      vectorsFile = join(dir, 'vectors.f32');
      if ((await stat(vectorsFile)).size !== manifest.chunkCount * manifest.dim * 4) throw new Error('vectors.f32 has the wrong size');
      dense = await HnswIndex.load(join(dir, 'hnsw.bin'), manifest.dim, efSearch);
      if (dense.size !== manifest.chunkCount) throw new Error(`hnsw.bin holds ${dense.size} vectors, expected ${manifest.chunkCount}`);
    }
    return {
      manifest,
      docs,
      knowledge,
      chunks: chunks.asArray(),
      dense,
      bm25,
      get vectors() {
        if (vectorsFile && !vectors) vectors = readVectors(vectorsFile, manifest.chunkCount, manifest.dim);
        return vectors;
      },
    };
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError('INDEX_CORRUPT', `The index in ${dir} is damaged (${reason}).`, { cause });
  }
}

/** The stored chunk vectors as views over one read of vectors.f32 (only re-ingest needs them, so they are read late). */
function readVectors(file: string, count: number, dim: number): Float32Array[] {
  const bytes = readFileSync(file);
  if (bytes.byteLength !== count * dim * 4) throw new AppError('INDEX_CORRUPT', `${file} has the wrong size.`);
  const own = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const flat = new Float32Array(own.buffer, own.byteOffset, own.byteLength / 4);
  return Array.from({ length: count }, (_, i) => flat.subarray(i * dim, (i + 1) * dim));
}

export type { HnswParams };
