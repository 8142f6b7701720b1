// Ingest stage "load" (I/O: reads the corpus directory): files -> parsed documents, one bad file never aborts.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { AppError } from '../domain/errors.js';
import type { SourceDoc } from '../domain/types.js';
import { parsePage } from './parse/page.js';

/** File name (inside the corpus directory) where operators add role aliases. */
export const ALIASES_FILE = 'role-aliases.json';

type Parser = (file: string, text: string) => SourceDoc[] | Promise<SourceDoc[]>;

/** The Markdown parser (mdast, micromark, yaml) is imported only when the corpus has Markdown: it is most of start-up's module loading. */
const markdown = async (): Promise<Parser> => (await import('./parse/markdown.js')).parseMarkdown;

/** HTML pages are read through the same extraction as `npm run add` (Readability, Turndown), loaded only when needed. */
const html = async (): Promise<Parser> => (await import('./import/html.js')).parseHtmlFile;

const PARSERS: Record<string, () => Promise<Parser>> = {
  '.md': markdown,
  '.markdown': markdown,
  '.txt': async () => parsePage,
  '.html': html,
  '.htm': html,
};

/** Documents the corpus cannot read as they are, with what to do instead. */
const CONVERT_FIRST: Record<string, string> = {
  '.pdf': 'a PDF; add it with `npm run add -- <file.pdf>`, which writes it to the corpus as Markdown',
  '.docx': 'a Word document; save it as Markdown or plain text (.md, .txt)',
  '.doc': 'a Word document; save it as Markdown or plain text (.md, .txt)',
  '.odt': 'an OpenDocument file; save it as Markdown or plain text (.md, .txt)',
  '.rtf': 'a rich-text file; save it as Markdown or plain text (.md, .txt)',
};

export interface LoadedCorpus {
  docs: SourceDoc[];
  /** Files that could not be read or parsed, with the reason; they are skipped. */
  skipped: { file: string; reason: string }[];
  /** Operator-provided aliases: canonical role name -> extra names. */
  aliases: Record<string, string[]>;
  /** Hash of every file's name and bytes: changes whenever the corpus does. */
  hash: string;
}

/** Default per-file size limit (CORPUS_MAX_FILE_MB): larger files are skipped by name instead of stalling an ingest. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /** Files larger than this are skipped with the reason (default 5 MB). */
  maxFileBytes?: number;
}

type Entry = { file: string; kind: 'file' } | { file: string; kind: 'skip'; reason: string };

const mb = (bytes: number) => (bytes < 100 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Every entry a parser would read, and the look-alikes (links, folders, special files) with why they are skipped. */
async function listEntries(dir: string): Promise<Entry[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const out: Entry[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const file = relative(dir, join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name));
    const readable = extname(e.name).toLowerCase() in PARSERS || file === ALIASES_FILE;
    const convert = CONVERT_FIRST[extname(e.name).toLowerCase()];
    if (e.isFile()) {
      if (readable) out.push({ file, kind: 'file' });
      else if (convert) out.push({ file, kind: 'skip', reason: convert });
    } else if (readable) {
      const reason = e.isSymbolicLink()
        ? 'a symbolic link; links are not followed (copy the file into the corpus)'
        : e.isDirectory()
          ? 'a folder named like a document; the files inside it are read on their own'
          : `not a regular file (${e.isFIFO() ? 'a FIFO' : e.isSocket() ? 'a socket' : 'a device'})`;
      out.push({ file, kind: 'skip', reason });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

type Scanned = { file: string; bytes: Buffer } | { file: string; skip: string };

/** Every entry in name order with its bytes, or why it is skipped before parsing; feeds the corpus hash as it goes. */
async function* scan(dir: string, options: LoadOptions, hash: ReturnType<typeof createHash>): AsyncGenerator<Scanned> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let entries: Entry[];
  try {
    entries = await listEntries(dir);
  } catch (cause) {
    throw new AppError('CORPUS_EMPTY', `Cannot read the corpus directory ${dir}.`, { cause });
  }
  for (const entry of entries) {
    const { file } = entry;
    if (entry.kind === 'skip') {
      hash.update(`${file}\0skipped:${entry.reason}\0`);
      yield { file, skip: entry.reason };
      continue;
    }
    try {
      const size = (await stat(join(dir, file))).size;
      if (size > maxBytes) {
        // The size stands in for the bytes, so raising the limit (or shrinking the file) still changes the hash.
        hash.update(`${file}\0skipped:size:${size}\0`);
        yield { file, skip: `${mb(size)}, larger than the ${mb(maxBytes)} limit (raise CORPUS_MAX_FILE_MB or split the file)` };
        continue;
      }
      const bytes = await readFile(join(dir, file));
      hash.update(`${file}\0`).update(bytes);
      yield bytes.includes(0) ? { file, skip: 'a binary file (it contains NUL bytes), not text' } : { file, bytes };
    } catch (error) {
      hash.update(`${file}\0unreadable\0`);
      yield { file, skip: error instanceof Error ? error.message : String(error) };
    }
  }
}

/**
 * The corpus hash `loadCorpus` would report, from the bytes alone (no parsing): cheap enough to decide at start-up
 * whether the stored index is stale.
 */
export async function corpusHash(dir: string, options: LoadOptions = {}): Promise<string> {
  const hash = createHash('sha256');
  for await (const _ of scan(dir, options, hash));
  return hash.digest('hex').slice(0, 16);
}

/** Reads and parses every supported file under `dir`; anything it cannot use is named in `skipped` with the reason. */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const hash = createHash('sha256');
  const docs: SourceDoc[] = [];
  const skipped: LoadedCorpus['skipped'] = [];
  let aliases: Record<string, string[]> = {};
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const read: { file: string; docs: SourceDoc[] }[] = [];

  for await (const entry of scan(dir, options, hash)) {
    const { file } = entry;
    if ('skip' in entry) {
      skipped.push({ file, reason: entry.skip });
      continue;
    }
    try {
      const text = decoder
        .decode(entry.bytes)
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      if (file === ALIASES_FILE) {
        aliases = parseAliases(text);
        continue;
      }
      const parser = PARSERS[extname(file).toLowerCase()];
      const parse = parser ? await parser() : parsePage;
      const parsed = (await parse(file, text)).filter((d) => d.blocks.some((b) => b.kind !== 'heading'));
      if (!parsed.length) skipped.push({ file, reason: 'no readable text in it' });
      else read.push({ file, docs: parsed });
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof Error ? error.message : String(error);
      skipped.push({ file, reason });
    }
  }
  const copies = duplicates(read);
  for (const { file, docs: parsed } of read) {
    const original = copies.get(file);
    if (original) skipped.push({ file, reason: `the same text as ${original}, which is read instead (remove one of them)` });
    else docs.push(...parsed);
  }
  dedupeIds(docs);
  return { docs, skipped, aliases, hash: hash.digest('hex').slice(0, 16) };
}

/**
 * Files whose documents are word for word those of another file ("pilot (copy).html" beside "pilot.html"), each
 * with the file read instead: the shortest name, then the first by name. Read twice, every quote would show twice.
 */
function duplicates(read: { file: string; docs: SourceDoc[] }[]): Map<string, string> {
  const byText = new Map<string, string[]>();
  for (const { file, docs } of read) {
    const key = createHash('sha256')
      .update(docs.map((d) => `${d.title}\0${d.text}`).join('\0\0'))
      .digest('hex');
    byText.set(key, [...(byText.get(key) ?? []), file]);
  }
  const copies = new Map<string, string>();
  for (const files of byText.values()) {
    const [kept, ...others] = [...files].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    if (kept) for (const file of others) copies.set(file, kept);
  }
  return copies;
}

function parseAliases(text: string): Record<string, string[]> {
  const raw: unknown = JSON.parse(text);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected an object of "Role": ["alias", ...]');
  const out: Record<string, string[]> = {};
  for (const [role, names] of Object.entries(raw)) {
    if (role.startsWith('$')) continue;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error(`aliases of "${role}" must be a list of strings`);
    out[role] = names;
  }
  return out;
}

function dedupeIds(docs: SourceDoc[]): void {
  const seen = new Map<string, number>();
  for (const doc of docs) {
    const n = seen.get(doc.id) ?? 0;
    seen.set(doc.id, n + 1);
    if (n > 0) doc.id = `${doc.id}-${n + 1}`;
  }
}
