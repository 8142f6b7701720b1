// Test helpers (I/O: temp folders, the repo's corpus): shared set-up for the suites.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Answer, Turn } from '../src/domain/answer.js';
import type { SourceDoc } from '../src/domain/types.js';
import type { Embedder } from '../src/embed/embedder.js';
import { parsePage } from '../src/ingest/parse/page.js';
import type { Advisor } from '../src/query/advisor.js';
import { nextTurn } from '../src/query/conversation.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const CORPUS = join(ROOT, 'corpus');
export const SEED_FILE = 'backend-engineer-machine-learning-systems.txt';
/** The roles the seed corpus describes, by name. */
export const SEED_ROLES = [
  'Analytics Manager',
  'Backend Engineer',
  'Backend Machine Learning Engineer',
  'Customer Analytics Manager',
  'Integration Developer',
  'Machine Learning Engineer',
  'Technical Business Analyst',
];

/** The seed page parsed as the product parses it. */
export function seedDocs(): SourceDoc[] {
  return parsePage(SEED_FILE, readFileSync(join(CORPUS, SEED_FILE), 'utf8'));
}

/** A fresh temp folder. */
export function tempDir(prefix = 'advisor-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A writable copy of the repo's corpus. */
export function corpusCopy(): string {
  const dir = tempDir('corpus-');
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

/** The environment a CLI child process gets in tests: a writable corpus copy, a fresh data folder, lexical search. */
export function cliEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    CORPUS_DIR: corpusCopy(),
    DATA_DIR: tempDir('data-'),
    RETRIEVAL_MODE: 'lexical',
    LOG_LEVEL: 'warn',
  };
}

/** A lexical index of the repo's corpus, built into a temp folder through the real pipeline. */
export async function seedIndex() {
  const { buildIndex } = await import('../src/index/pipeline.js');
  const { silentLogger } = await import('../src/app/log.js');
  const { index } = await buildIndex({
    corpusDir: CORPUS,
    indexDir: join(tempDir(), 'index'),
    embedder: null,
    hnsw: { m: 8, efConstruction: 50, efSearch: 50 },
    log: silentLogger,
  });
  return index;
}

/** Deterministic bag-of-words embedder (hashing trick) that counts its calls; good enough to test plumbing. */
export class HashEmbedder implements Embedder {
  readonly dim = 64;
  calls = 0;
  embeddedTexts = 0;
  constructor(readonly modelId = 'test/hash-64') {}
  async embed(texts: string[]): Promise<Float32Array[]> {
    this.calls++;
    this.embeddedTexts += texts.length;
    return texts.map((t) => {
      const v = new Float32Array(this.dim);
      for (const w of t.toLowerCase().match(/[a-z]+/g) ?? []) {
        const h = createHash('md5').update(w).digest();
        v[h[0]! % this.dim]! += 1;
        v[h[1]! % this.dim]! += 0.5;
      }
      const n = Math.hypot(...v) || 1;
      return v.map((x) => x / n);
    });
  }
}

/** A runtime over a writable copy of a corpus (lexical unless an embedder is given), not yet opened. */
export async function testRuntime(embedder: Embedder | null = null, corpus = corpusCopy(), extra: Record<string, string> = {}) {
  const { loadConfig } = await import('../src/app/config.js');
  const { Runtime } = await import('../src/app/runtime.js');
  const { silentLogger } = await import('../src/app/log.js');
  const config = loadConfig({
    CORPUS_DIR: corpus,
    DATA_DIR: tempDir('data-'),
    RETRIEVAL_MODE: embedder ? 'hybrid' : 'lexical',
    HNSW_EF_CONSTRUCTION: '100',
    HNSW_EF_SEARCH: '50',
    ...extra,
  });
  return Runtime.create(config, silentLogger, embedder);
}

/** An advisor over a fresh index of the repo's corpus (lexical unless an embedder is given). */
export async function testAdvisor(embedder: Embedder | null = null) {
  const runtime = await testRuntime(embedder);
  await runtime.open();
  return runtime.advisor();
}

/** An advisor over a folder of documents as they are, indexed as an operator would (real files, lexical mode). */
export async function folderAdvisor(corpusDir: string) {
  const runtime = await testRuntime(null, corpusDir);
  await runtime.open();
  return runtime.advisor();
}

/** An advisor over the given pages (file name to text), written to a fresh folder and indexed as an operator would. */
export async function pagesAdvisor(pages: Record<string, string>) {
  const dir = tempDir('page-');
  for (const [file, text] of Object.entries(pages)) writeFileSync(join(dir, file), text);
  return folderAdvisor(dir);
}

/** Asks the questions in turn, each a follow-up of the one before, as a chat or a Discord thread does. */
export async function chat(advisor: Advisor, questions: string[]): Promise<Answer[]> {
  let turn: Turn | undefined;
  const answers: Answer[] = [];
  for (const q of questions) {
    const answer = await advisor.ask(q, turn);
    answers.push(answer);
    turn = nextTurn(turn, answer);
  }
  return answers;
}
