// Use case "add a document" (I/O: fetches a URL or reads a local file, writes corpus/<slug>.md): a career web page
// or PDF becomes a Markdown corpus file with front matter; what is not a readable career page is refused in one line.
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { AppError } from '../domain/errors.js';
import { terms } from '../index/terms.js';
import { type Extracted, corpusFileName, corpusMarkdown, describeCorpusFile, wordCount } from '../ingest/import/document.js';
import { htmlToMarkdown } from '../ingest/import/html.js';
import { pdfToMarkdown } from '../ingest/import/pdf.js';
import type { Config } from './config.js';

/** Identifies the advisor to the sites it fetches from. */
export const USER_AGENT = "career-advisor/0.1 (npm run add; fetches one page on an operator's request)";
/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

type Kind = 'html' | 'pdf';

/** What `npm run add` reports (`--json`). */
export interface AddedDocument {
  file: string;
  title: string;
  source: string;
  sections: number;
  words: number;
}

/** Fewer words than this is an empty page (a shell that needs JavaScript, an error page). */
export const MIN_WORDS = 40;
/** A password form with fewer words than this around it is a login wall, not an article with a login box. */
export const LOGIN_WALL_MAX_WORDS = 150;
/** Distinct career terms a page must use to count as a career page. Calibrated on the seed page (30+) and news/recipe pages (0-2). */
export const MIN_CAREER_TERMS = 4;

const CAREER_TERMS = new Set(
  terms(
    'career careers job jobs role roles responsibilities duties skills skill salary salaries pay compensation wage education degree ' +
      'qualifications certification experience hiring employer employers employment occupation profession outlook interview ' +
      'engineer developer manager analyst scientist designer architect administrator specialist technician consultant nurse teacher',
  ),
);
const LOGIN_WORDS = /\b(?:sign[\s-]?in|log[\s-]?in|login|create an account|forgot (?:your )?password)\b/i;

/**
 * Refuses, with one line naming the source, a page with no readable text, a login wall or a page that is not
 * about careers. `hasPassword` says whether the raw page had a password field.
 */
export function checkImport(source: string, page: Extracted, hasPassword = false): void {
  const words = wordCount(page.markdown);
  const loginish = LOGIN_WORDS.test(`${page.title} ${page.markdown.slice(0, 2000)}`);
  if ((hasPassword && words < LOGIN_WALL_MAX_WORDS) || (loginish && words < MIN_WORDS)) {
    throw new AppError('BAD_INPUT', `Refused ${source}: it is a login page, not the content; save the page from a logged-in browser and add the .html file.`);
  }
  if (words < MIN_WORDS) throw new AppError('BAD_INPUT', `Refused ${source}: no readable main text (${words} words); nothing was added.`);
  const found = new Set(terms(`${page.title} ${page.markdown}`).filter((t) => CAREER_TERMS.has(t)));
  if (found.size < MIN_CAREER_TERMS) {
    throw new AppError('BAD_INPUT', `Refused ${source}: it does not look like a career page (no talk of roles, skills, pay or education); nothing was added.`);
  }
}

function kindOf(contentType: string, bytes: Uint8Array, name: string): Kind | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml' || /\.x?html?$/i.test(name)) return 'html';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (!type && /^\s*(?:<!doctype html|<html|<head|<body)/i.test(head)) return 'html';
  return null;
}

function unsupported(source: string, what: string): AppError {
  return new AppError('BAD_INPUT', `Refused ${source}: unsupported type (${what}); add an HTML page or a PDF (put .md and .txt files straight into corpus/).`);
}

/** Reads a response body up to `max` bytes; larger bodies are refused, never buffered. */
async function readLimited(response: Response, max: number, source: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooBig = () => new AppError('BAD_INPUT', `Refused ${source}: larger than ${(max / 1048576).toFixed(1)} MB (ADD_MAX_MB).`);
  if (declared > max) throw tooBig();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Fetches a page with a timeout, a size limit, a clear User-Agent and at most MAX_REDIRECTS redirects. */
export async function fetchPage(url: URL, limits: Config['add']): Promise<{ bytes: Uint8Array; contentType: string; url: URL }> {
  const source = url.href;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:')
        throw new AppError('BAD_INPUT', `Refused ${source}: only http and https URLs can be fetched.`);
      const response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        current = new URL(location, current);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new AppError(
          'BAD_INPUT',
          `Refused ${source}: the site asks for a login (HTTP ${response.status}); save the page from a logged-in browser and add the .html file.`,
        );
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new AppError('BAD_INPUT', `Could not fetch ${source}: HTTP ${response.status}.`);
      }
      return { bytes: await readLimited(response, limits.maxBytes, source), contentType: response.headers.get('content-type') ?? '', url: current };
    }
    throw new AppError('BAD_INPUT', `Could not fetch ${source}: more than ${MAX_REDIRECTS} redirects.`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new AppError('BAD_INPUT', `Could not fetch ${source}: no complete answer within ${limits.timeoutMs / 1000} s (ADD_TIMEOUT_SECONDS).`);
    }
    throw new AppError('BAD_INPUT', `Could not fetch ${source}: ${e.cause?.code ?? e.message}; check the URL and the network.`, { cause: error });
  }
}

/** Decodes HTML in the charset its Content-Type or <meta charset> names (UTF-8 when none, or an unknown one). */
function decodeHtml(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const label = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A readable title from a file or URL name: "data-engineer_guide.pdf" -> "Data engineer guide". */
function titleFromName(name: string): string {
  const base = (name.split(/[\\/]/).filter(Boolean).pop() ?? '')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_+.]+/g, ' ')
    .trim();
  return base ? `${base[0]?.toUpperCase()}${base.slice(1)}` : '';
}

/** Extracts a page's main content by its kind. */
async function extract(kind: Kind, bytes: Uint8Array, source: string, contentType: string): Promise<Extracted & { hasPassword: boolean }> {
  if (kind === 'pdf') {
    try {
      return { ...(await pdfToMarkdown(bytes)), hasPassword: false };
    } catch (error) {
      const name = (error as Error).name;
      const why = name === 'PasswordException' ? 'the PDF is password-protected' : `not a readable PDF (${(error as Error).message})`;
      throw new AppError('BAD_INPUT', `Refused ${source}: ${why}.`);
    }
  }
  const page = htmlToMarkdown(decodeHtml(bytes, contentType));
  return { title: page.title, markdown: page.markdown, hasPassword: page.signals.hasPassword };
}

/** A file name in the corpus for this title: reuses the file that came from the same source, else a free name. */
async function targetFile(corpusDir: string, title: string, source: string): Promise<string> {
  const base = corpusFileName(title).replace(/\.md$/, '');
  const existing = new Set(await readdir(corpusDir).catch(() => [] as string[]));
  for (let n = 1; ; n++) {
    const name = `${base}${n > 1 ? `-${n}` : ''}.md`;
    if (!existing.has(name)) return name;
    const text = await readFile(join(corpusDir, name), 'utf8').catch(() => '');
    const from = /^source:\s*(.+)$/m
      .exec(text)?.[1]
      ?.trim()
      .replace(/^["']|["']$/g, '');
    if (from === source) return name;
  }
}

/**
 * Adds a URL, an HTML file or a PDF to the corpus as Markdown, after checking it is a readable career page.
 * Does not re-index: the caller does that through the Runtime.
 */
export async function addDocument(config: Config, input: string, now = new Date()): Promise<AddedDocument> {
  let bytes: Uint8Array;
  let kind: Kind | null;
  let source: string;
  let contentType = '';
  let name: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new AppError('BAD_INPUT', `Refused ${input}: not a valid URL.`);
    }
    const page = await fetchPage(url, config.add);
    source = page.url.href;
    bytes = page.bytes;
    contentType = page.contentType;
    name = page.url.pathname;
    kind = kindOf(page.contentType, bytes, page.url.pathname);
    if (!kind) throw unsupported(source, page.contentType.split(';')[0] || 'no content type');
  } else {
    const path = resolve(input);
    source = input;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new AppError('BAD_INPUT', `Refused ${input}: no such file (give a URL, an .html file or a .pdf file).`);
    // An HTML page already in the corpus folder is read as it is; a Markdown copy beside it would quote everything twice.
    if (/\.html?$/i.test(path) && dirname(path) === resolve(config.corpusDir))
      throw new AppError('BAD_INPUT', `Refused ${input}: it is already in the corpus folder and read as it is; run npm run ingest to re-index it.`);
    if (info.size > config.add.maxBytes)
      throw new AppError('BAD_INPUT', `Refused ${input}: larger than ${(config.add.maxBytes / 1048576).toFixed(1)} MB (ADD_MAX_MB).`);
    bytes = await readFile(path);
    name = path;
    kind = kindOf('', bytes, path);
    if (!kind) throw unsupported(input, extname(path) || 'no extension');
    const inside = relative(process.cwd(), path);
    source = inside.startsWith('..') ? path : inside;
  }
  const page = await extract(kind, bytes, source, contentType);
  checkImport(source, page, page.hasPassword);
  const title = page.title || titleFromName(name) || 'Untitled career page';
  const file = await targetFile(config.corpusDir, title, source);
  const text = corpusMarkdown({ title, markdown: page.markdown }, source, now);
  try {
    await writeFile(join(config.corpusDir, file), text);
  } catch (cause) {
    throw new AppError(
      'BAD_INPUT',
      `Cannot write ${join(config.corpusDir, file)} (${(cause as NodeJS.ErrnoException).code ?? String(cause)}): check CORPUS_DIR.`,
      { cause },
    );
  }
  const dir = relative(process.cwd(), config.corpusDir);
  return { file: dir.startsWith('..') ? join(config.corpusDir, file) : join(dir, file), title, source, ...describeCorpusFile(file, text) };
}
