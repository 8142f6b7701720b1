// Ingest stage "load" (I/O: reads the corpus directory): files -> parsed documents, one bad file never aborts.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { AppError } from '../domain/errors.js';
import type { SourceDoc } from '../domain/types.js';
import { parsePage } from './parse/page.js';

/** File name (inside the corpus directory) where operators add role aliases. */
export const ALIASES_FILE = 'role-aliases.json';

type Parser = (file: string, text: string) => SourceDoc[];

/** The Markdown parser (mdast, micromark, yaml) is imported only when the corpus has Markdown: it is most of start-up's module loading. */
const markdown = async (): Promise<Parser> => (await import('./parse/markdown.js')).parseMarkdown;

const PARSERS: Record<string, () => Promise<Parser>> = {
  '.md': markdown,
  '.markdown': markdown,
  '.txt': async () => parsePage,
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

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(dir, join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name)))
    .sort();
}

/** Reads and parses every supported file under `dir`. */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (cause) {
    throw new AppError('CORPUS_EMPTY', `Cannot read the corpus directory ${dir}.`, { cause });
  }
  const hash = createHash('sha256');
  const docs: SourceDoc[] = [];
  const skipped: LoadedCorpus['skipped'] = [];
  let aliases: Record<string, string[]> = {};
  const decoder = new TextDecoder('utf-8', { fatal: true });

  for (const file of files) {
    const parser = PARSERS[extname(file).toLowerCase()];
    if (!parser && file !== ALIASES_FILE) continue;
    try {
      const bytes = await readFile(join(dir, file));
      hash.update(`${file}\0`).update(bytes);
      const text = decoder
        .decode(bytes)
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      if (file === ALIASES_FILE) {
        aliases = parseAliases(text);
        continue;
      }
      const parse = parser ? await parser() : parsePage;
      const parsed = parse(file, text).filter((d) => d.blocks.some((b) => b.kind !== 'heading'));
      if (!parsed.length) skipped.push({ file, reason: 'no readable text in it' });
      docs.push(...parsed);
    } catch (error) {
      const reason = error instanceof TypeError ? 'not valid UTF-8 text' : error instanceof Error ? error.message : String(error);
      skipped.push({ file, reason });
    }
  }
  dedupeIds(docs);
  return { docs, skipped, aliases, hash: hash.digest('hex').slice(0, 16) };
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
