// Index stage "store" (I/O: reads and writes the data directory): each build goes to its own folder, then a
// `CURRENT` pointer is swapped by rename, so readers only ever see a complete index. Every file is checksummed in
// the manifest and validated on load; one writer at a time across processes (the `LOCK` file, see index-lock.ts).
import { lstat, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Xxh64, xxh64 } from '@node-rs/xxhash';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import type { Knowledge } from '../domain/knowledge.js';
import type { Chunk, SourceDoc } from '../domain/types.js';
import { Bm25Index } from './bm25.js';
import { ChunkStore, packChunks } from './chunk-store.js';
import { packDocs, readDocs } from './doc-store.js';
import { HnswIndex, type HnswParams, type VectorIndex } from './hnsw.js';

/** Bumped whenever the on-disk layout changes; older indexes are rebuilt. 5: salary facts as written; 6: per-file checksums in the manifest; 7: corpus scope in the knowledge; 8: binary lexical index, documents and chunks in columns; 9: role profiles in the knowledge, xxh64 checksums; 10: knowledge
 * re-extracted (tables, day and week rates, jobs without a role noun, chrome-free pages) and "-isation" folded; 12: codes
 * ("AZ-305") and "percentage" folded, figures' places and HTML tables and asides re-read, more job nouns in the scope; 13: numbered grades ("CRA II" -> cra2) folded, initials of names written in full in the scope; 14: lines of labelled figures kept, pages titled by two job titles,
 * columns headed by several places or "Fully remote (US)"; 15: entry requirements kept out of a role's key skills when its pages head a section as skills;
 * 16: a figure's period from the words right after it and from its table column, "WA" beside Australian places; 17: titles "X in the UK" name
 * their role, "vet" folded to "veterinary", acronym and "advertised as" aliases, "You might also like" job boxes split off; 18: "oz" read as Australia in lower case, another job's pay
 * compared with the role's ("Vets earn considerably more: …") not filed under the role; 19: pages titled by a job ending in any noun for a person
 * ("Long-Haul Truck Driver") name their role, a licence a heading names ("licensed Professional Engineer (PE)") is no role,
 * initials keep acronyms whole ("HRBP") and skip places, pay words and credentials, "also called" after another job is not the role's,
 * British spellings folded onto American ones ("licence", "programme", "centre"); 20: a bare "$" on a page plainly about
 * one country is that country's dollar, pay per km and per mile; 21: a page's country is its placeless figures' place too,
 * labels from who earns a figure, what a "which" clause refers back to and the setting a sentence opens with, student
 * funding and prices of a session not pay, another job a pay list gives stored with that job; 22: profiles keep a role's
 * career-progression sections, and a section about its pay never defines it; names no page writes kept apart from those
 * it does, a city's university counts toward its page's country, a .txt label joined to its value on the next line,
 * related-careers lines laid out with spaces read as other jobs, "Remote X" pages are X's, a page's shorter name for
 * its job names the role unless the page sets the two apart. */
export const SCHEMA_VERSION = 22;

const fileEntry = z.object({ bytes: z.number().int().min(0), xxh64: z.string().regex(/^[0-9a-f]{16}$/) });

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
  /** Size and checksum of every other file of the build, checked before it is parsed. */
  files: z.record(z.string(), fileEntry).default({}),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Everything a running advisor needs, loaded in memory. */
export interface IndexData {
  manifest: Manifest;
  docs: SourceDoc[];
  chunks: Chunk[];
  /** Chunk vectors in chunk order (null when built without a model, or not read: only a re-ingest reuses them). */
  vectors: Float32Array[] | null;
  /** The HNSW index (null when built without a model, or not read: lexical retrieval never searches it). */
  dense: VectorIndex | null;
  bm25: Bm25Index;
  knowledge: Knowledge;
}

/** The file operations a build writes with; tests pass failing ones to play a full or read-only disk. */
export interface StoreIo {
  mkdir(path: string): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

const fsIo: StoreIo = { mkdir: (path) => mkdir(path), writeFile: (path, data) => writeFile(path, data) };

const POINTER = 'CURRENT';
/** Build folder names this store writes (`build-<time36>-<pid>`); the pointer may name nothing else. */
const BUILD_NAME = /^build-[a-z0-9]+-\d+$/;
/** Errors that mean "the disk will not take it", as opposed to a bug: the previous index stays in use. */
const UNWRITABLE = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EFBIG', 'EMFILE', 'ENFILE']);

/**
 * The checksum of a file of the index: xxh64 (a native, maintained implementation) reads 160 MiB in about 12 ms
 * where SHA-256 took 100 ms here, and the manifest beside the files is no tamper seal either way: the checksum
 * is there to catch a damaged or half-copied file, which a 64-bit hash does.
 */
export const checksum = (data: string | Uint8Array) => hex(xxh64(typeof data === 'string' ? Buffer.from(data) : data));
const hex = (hash: bigint) => hash.toString(16).padStart(16, '0');
/** Piece size for checking a file that another reader (hnswlib) reads itself, so it is never held whole twice. */
const CHECK_PIECE = 4 << 20;

/** A write failure the operator must fix (disk full, read-only, permissions), as one line naming the path. */
export function unwritable(path: string, error: unknown): AppError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !UNWRITABLE.has(code)) return null;
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  const why = full
    ? 'the disk is full'
    : code === 'EROFS'
      ? 'the file system is read-only'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'a file stands where a folder should be'
          : null;
  const fix = full ? 'free space or point DATA_DIR elsewhere' : 'fix DATA_DIR';
  return new AppError('INDEX_UNWRITABLE', `Cannot write the index to ${path} (${why ? `${why}, ` : ''}${code}); ${fix}, then re-index.`, {
    cause: error,
  });
}

async function writeAtomic(path: string, data: string | Uint8Array, io: StoreIo): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await io.writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * Removes every build folder and temporary file except `keep`: partial builds left by a killed ingest and replaced
 * builds. Only call it while holding the index lock, or it could delete another process's build in progress.
 */
export async function removeStaleBuilds(root: string, keep: (string | null)[]): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    if ((entry.startsWith('build-') && !keep.includes(entry)) || entry.endsWith('.tmp')) {
      await rm(join(root, entry), { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

/**
 * Writes a complete index into a fresh folder, records each file's checksum in the manifest, then points `CURRENT`
 * at it and removes older builds. The caller holds the index lock. A full or read-only disk is INDEX_UNWRITABLE and
 * leaves the previous index in place.
 */
export async function writeIndex(root: string, data: IndexData, options: { io?: StoreIo } = {}): Promise<string> {
  const io = options.io ?? fsIo;
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const dir = join(root, name);
  const files: Manifest['files'] = {};
  const put = async (file: string, bytes: string | Uint8Array) => {
    await io.writeFile(join(dir, file), bytes);
    files[file] = { bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength, xxh64: checksum(bytes) };
  };
  try {
    await mkdir(root, { recursive: true });
    await io.mkdir(dir);
    const corpus = packDocs(data.docs, data.knowledge);
    await put('corpus.json', corpus.json);
    await put('docs.bin', corpus.bytes);
    await put('chunks.bin', packChunks(data.chunks, data.docs));
    await put('lexical.bin', data.bm25.toBytes());
    if (data.vectors && data.dense instanceof HnswIndex) {
      const flat = new Float32Array(data.vectors.length * data.manifest.dim);
      data.vectors.forEach((v, i) => flat.set(v, i * data.manifest.dim));
      await put('vectors.f32', new Uint8Array(flat.buffer));
      await data.dense.save(join(dir, 'hnsw.bin'));
      const hnsw = await readFile(join(dir, 'hnsw.bin'));
      files['hnsw.bin'] = { bytes: hnsw.byteLength, xxh64: checksum(hnsw) };
    }
    data.manifest.files = files;
    await io.writeFile(join(dir, 'manifest.json'), JSON.stringify(data.manifest, null, 2));
    await writeAtomic(join(root, POINTER), name, io);
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw unwritable(dir, error) ?? error;
  }
  await removeStaleBuilds(root, [name]);
  return dir;
}

/**
 * The build folder `CURRENT` names, confined to `root`: anything but a `build-*` folder name (a path, `..`, an
 * absolute path, a link) is INDEX_CORRUPT. Null when no index was built yet.
 */
export async function currentBuild(root: string): Promise<string | null> {
  const raw = await readFile(join(root, POINTER), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    // A data dir that is a file or not ours is the operator's to fix, not damage to rebuild over.
    if (error.code === 'ENOTDIR' || error.code === 'EACCES' || error.code === 'EPERM')
      throw new AppError('INDEX_UNWRITABLE', `Cannot use ${join(root, POINTER)}`, { cause: error });
    throw new AppError('INDEX_CORRUPT', `The index pointer ${join(root, POINTER)} is unreadable (${error.code ?? error.message}).`, { cause: error });
  });
  if (raw === null) return null;
  const name = raw.trim();
  if (!BUILD_NAME.test(name)) {
    throw new AppError(
      'INDEX_CORRUPT',
      `The index pointer ${join(root, POINTER)} names ${JSON.stringify(name.slice(0, 80))}, which is not a build folder of this index.`,
    );
  }
  const info = await lstat(join(root, name)).catch(() => null);
  if (!info?.isDirectory()) throw new AppError('INDEX_CORRUPT', `The index pointer ${join(root, POINTER)} names ${name}, which is not a folder in ${root}.`);
  return name;
}

/** Reads only the manifest of the current index, or null when there is none. */
export async function readManifest(root: string): Promise<Manifest | null> {
  const name = await currentBuild(root);
  if (name === null) return null;
  try {
    return manifestSchema.parse(JSON.parse(await readFile(join(root, name, 'manifest.json'), 'utf8')));
  } catch (cause) {
    throw new AppError('INDEX_CORRUPT', `The index manifest in ${join(root, name)} is unreadable.`, { cause });
  }
}

/** Reads one file of a build, checking its size and checksum against the manifest before anything parses it. */
async function verified(dir: string, manifest: Manifest, file: string): Promise<Buffer> {
  const expected = manifest.files[file];
  if (!expected) throw new Error(`the manifest has no checksum for ${file}`);
  const bytes = await readFile(join(dir, file)).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${file} is missing` : `${file} is unreadable (${error.code ?? error.message})`);
  });
  if (bytes.byteLength !== expected.bytes) throw new Error(`${file} has ${bytes.byteLength} bytes, the manifest says ${expected.bytes}`);
  if (checksum(bytes) !== expected.xxh64) throw new Error(`${file} does not match its checksum`);
  return bytes;
}

/** Checks a file that something else will read, in pieces, so that it is never in memory whole. */
async function verifiedInPlace(dir: string, manifest: Manifest, file: string): Promise<void> {
  await present(dir, manifest, file);
  const handle = await open(join(dir, file), 'r');
  try {
    const hash = new Xxh64();
    const piece = Buffer.allocUnsafe(CHECK_PIECE);
    for (;;) {
      const { bytesRead } = await handle.read(piece, 0, piece.byteLength, null);
      if (!bytesRead) break;
      hash.update(piece.subarray(0, bytesRead));
    }
    if (hex(hash.digest()) !== manifest.files[file]?.xxh64) throw new Error(`${file} does not match its checksum`);
  } finally {
    await handle.close();
  }
}

/** A file of a build that is not read now: only its presence and size are checked against the manifest. */
async function present(dir: string, manifest: Manifest, file: string): Promise<void> {
  const expected = manifest.files[file];
  if (!expected) throw new Error(`the manifest has no checksum for ${file}`);
  const info = await stat(join(dir, file)).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${file} is missing` : `${file} is unreadable (${error.code ?? error.message})`);
  });
  if (info.size !== expected.bytes) throw new Error(`${file} has ${info.size} bytes, the manifest says ${expected.bytes}`);
}

/** What to read besides the documents, chunks and lexical index. */
export interface ReadOptions {
  /** The chunk vectors, which only a re-ingest reuses (default false: only their file's size is checked). */
  vectors?: boolean;
  /** The HNSW index, which only dense and hybrid retrieval search (default true). */
  dense?: boolean;
}

async function readBuild(root: string, name: string, efSearch: number, options: ReadOptions): Promise<IndexData> {
  const dir = join(root, name);
  try {
    const raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    // The version first, so an index of an older layout is reported as such rather than as a damaged manifest.
    const schema = z.object({ schema: z.number() }).safeParse(raw);
    if (schema.success && schema.data.schema !== SCHEMA_VERSION) {
      throw new AppError('INDEX_CORRUPT', `The index in ${dir} has schema ${schema.data.schema}; this version reads ${SCHEMA_VERSION}.`);
    }
    const manifest = manifestSchema.parse(raw);
    // Documents and knowledge (corpus.json + docs.bin), then the chunks, checked against the documents (chunks.bin).
    const { docs, knowledge, textBounds } = readDocs(
      JSON.parse((await verified(dir, manifest, 'corpus.json')).toString('utf8')),
      await verified(dir, manifest, 'docs.bin'),
    );
    if (docs.length !== manifest.docCount) throw new Error(`corpus.json holds ${docs.length} documents, the manifest says ${manifest.docCount}`);
    const chunks = ChunkStore.read(await verified(dir, manifest, 'chunks.bin'), docs, textBounds);
    if (chunks.length !== manifest.chunkCount) throw new Error(`chunks.bin holds ${chunks.length} chunks, the manifest says ${manifest.chunkCount}`);
    const bm25 = Bm25Index.fromBytes(await verified(dir, manifest, 'lexical.bin'));
    if (bm25.size !== manifest.chunkCount) throw new Error(`lexical.bin indexes ${bm25.size} chunks, the manifest says ${manifest.chunkCount}`);
    let vectors: Float32Array[] | null = null;
    let dense: VectorIndex | null = null;
    if (manifest.model && manifest.hnsw) {
      if (manifest.files['vectors.f32']?.bytes !== manifest.chunkCount * manifest.dim * 4) throw new Error('vectors.f32 has the wrong size');
      if (options.vectors) {
        const bytes = await verified(dir, manifest, 'vectors.f32');
        const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
        vectors = Array.from({ length: manifest.chunkCount }, (_, i) => flat.slice(i * manifest.dim, (i + 1) * manifest.dim));
      } else await present(dir, manifest, 'vectors.f32');
      if (options.dense ?? true) {
        // hnswlib reads the file itself, so it is checked first: a damaged graph could crash the native code.
        await verifiedInPlace(dir, manifest, 'hnsw.bin');
        dense = await HnswIndex.load(join(dir, 'hnsw.bin'), manifest.dim, efSearch);
        if (dense.size !== manifest.chunkCount) throw new Error(`hnsw.bin holds ${dense.size} vectors, expected ${manifest.chunkCount}`);
      }
    }
    return { manifest, docs, knowledge, chunks: chunks.asArray(), vectors, dense, bm25 };
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    const reason =
      cause instanceof z.ZodError
        ? `manifest.json: ${cause.issues[0]?.path.join('.') || '(root)'} ${cause.issues[0]?.message}`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    throw new AppError('INDEX_CORRUPT', `The index in ${dir} is damaged (${reason}).`, { cause });
  }
}

/**
 * Loads the current index; INDEX_MISSING when none was built, INDEX_CORRUPT when any file read is damaged. A build
 * replaced (and removed) by another process while it was being read is read again from the new pointer.
 */
export async function readIndex(root: string, efSearch: number, options: ReadOptions = {}): Promise<IndexData> {
  for (let attempt = 0; ; attempt++) {
    const name = await currentBuild(root);
    if (!name) throw new AppError('INDEX_MISSING', `No index has been built in ${root} yet.`);
    try {
      return await readBuild(root, name, efSearch, options);
    } catch (error) {
      if (attempt < 2 && (await currentBuild(root).catch(() => null)) !== name) continue;
      throw error;
    }
  }
}

export type { HnswParams };
