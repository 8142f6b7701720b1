// Benchmark baseline "LangChain.js" (I/O: reads the corpus, writes/reads an HNSWLib store; optional): the plain
// LangChain pipeline the project is compared with — RecursiveCharacterTextSplitter, HNSWLib and the same local model
// (wrapped from the project's compiled embedder, so both sides embed identically). Plain JavaScript, so its start-up
// is not charged for a TypeScript loader. Needs `npm i --no-save @langchain/community@1 @langchain/core@1
// @langchain/textsplitters@1` (see docs/benchmarks.md); exits with code 3 and a note when they are absent.
//   node scripts/bench/langchain-baseline.mjs --ingest CORPUS_DIR STORE_DIR MODEL_DIR
//   node scripts/bench/langchain-baseline.mjs --first-answer STORE_DIR MODEL_DIR "question"
//   node scripts/bench/langchain-baseline.mjs --queries STORE_DIR MODEL_DIR QUESTIONS_JSON
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const [mode, a, b, c] = process.argv.slice(2);

let lc;
try {
  const [{ HNSWLib }, { Embeddings }, { RecursiveCharacterTextSplitter }] = await Promise.all([
    import('@langchain/community/vectorstores/hnswlib'),
    import('@langchain/core/embeddings'),
    import('@langchain/textsplitters'),
  ]);
  lc = { HNSWLib, Embeddings, RecursiveCharacterTextSplitter };
} catch (error) {
  process.stderr.write(`LangChain.js packages are not installed (${String(error?.message ?? error).split('\n')[0]})\n`);
  process.exit(3);
}

/** The project's embedder (same model, tokenisation and pooling) behind LangChain's Embeddings interface. */
async function embeddings(modelDir) {
  const { loadTransformersEmbedder } = await import(join(ROOT, 'dist', 'embed', 'transformers.js'));
  const embedder = await loadTransformersEmbedder({
    model: basename(modelDir),
    localModelPath: dirname(modelDir),
    cacheDir: join(ROOT, 'data', 'models'),
    allowRemote: false,
    quantized: true,
    batchSize: 32,
  });
  class Local extends lc.Embeddings {
    async embedDocuments(texts) {
      const out = [];
      for (let i = 0; i < texts.length; i += 32) out.push(...(await embedder.embed(texts.slice(i, i + 32))).map((v) => Array.from(v)));
      return out;
    }
    async embedQuery(text) {
      return Array.from((await embedder.embed([text]))[0]);
    }
  }
  return new Local({});
}

if (mode === '--ingest') {
  const t = performance.now();
  const files = (await readdir(a)).filter((f) => ['.md', '.txt'].includes(extname(f)));
  const splitter = new lc.RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = [];
  for (const f of files) docs.push(...(await splitter.createDocuments([await readFile(join(a, f), 'utf8')], [{ source: f }])));
  const store = await lc.HNSWLib.fromDocuments(docs, await embeddings(c));
  await store.save(b);
  process.stdout.write(`${JSON.stringify({ chunks: docs.length, ms: performance.now() - t, rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`);
} else if (mode === '--first-answer') {
  const store = await lc.HNSWLib.load(a, await embeddings(b));
  const hits = await store.similaritySearch(c, 8);
  process.stdout.write(`${JSON.stringify({ readyMs: performance.now(), hits: hits.length, rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`);
} else if (mode === '--queries') {
  const store = await lc.HNSWLib.load(a, await embeddings(b));
  const questions = JSON.parse(await readFile(c, 'utf8'));
  for (const q of questions) await store.similaritySearch(q, 8);
  const times = [];
  for (let r = 0; r < 3; r++) {
    for (const q of questions) {
      const s = performance.now();
      await store.similaritySearch(q, 8);
      times.push(performance.now() - s);
    }
  }
  process.stdout.write(`${JSON.stringify({ times })}\n`);
} else {
  process.stderr.write('usage: langchain-baseline.mjs --ingest|--first-answer|--queries ...\n');
  process.exit(2);
}
