// Benchmark section "lexical ranking quality" (I/O: builds temporary indexes of the seed corpus): hit@3 and MRR of
// every lexical engine on the labelled questions, measured through the real retriever (and, for eval.json, through
// `ask` as `npm run eval` does), so the engines differ only in the lexical index.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/app/log.js';
import { withContext } from '../../src/domain/types.js';
import type { Bm25Index } from '../../src/index/bm25.js';
import { buildIndex } from '../../src/index/pipeline.js';
import type { IndexData } from '../../src/index/store.js';
import { Advisor } from '../../src/query/advisor.js';
import { ENGINE_KEYS, type EngineKey, loadEngine } from './engines/index.js';

/** A labelled question: answered when the passages ranked first hold every snippet of `allOf` or one of `anyOf`. */
export interface Labelled {
  question: string;
  anyOf?: string[];
  allOf?: string[];
}

export interface QualityRow {
  engine: string;
  /** Chunk level: labelled snippet inside one of the top 3 retrieved chunks (45 questions of eval.json). */
  eval: { hit3: number; mrr: number };
  /** Same, on the answerable items of test/fixtures/eval/seed.json. */
  seed: { hit3: number; mrr: number; n: number };
  /** Answer level, as `npm run eval` measures it: labelled snippet in the top 3 citations of `ask`. */
  evalAnswers: { hit3: number; mrr: number };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/** 1-based rank at which every required snippet has been seen (allOf) or the first snippet appears (anyOf); 0 if never. */
export function rankOf(texts: string[], item: Labelled): number {
  const seen = texts.map(squash);
  const first = (snippet: string) => seen.findIndex((t) => t.includes(squash(snippet))) + 1;
  if (item.allOf?.length) {
    const ranks = item.allOf.map(first);
    return ranks.includes(0) ? 0 : Math.max(...ranks);
  }
  const ranks = (item.anyOf ?? []).map(first).filter((r) => r > 0);
  return ranks.length ? Math.min(...ranks) : 0;
}

function score(ranks: number[]): { hit3: number; mrr: number } {
  const n = ranks.length || 1;
  return { hit3: ranks.filter((r) => r > 0 && r <= 3).length / n, mrr: ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n };
}

/** The labelled questions of both fixtures. */
export function labelledQuestions(root: string): { evalSet: Labelled[]; seedSet: Labelled[] } {
  const evalSet = (JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'eval.json'), 'utf8')) as { question: string; expect: string }[]).map((c) => ({
    question: c.question,
    anyOf: [c.expect],
  }));
  const seed = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'eval', 'seed.json'), 'utf8')) as {
    items: { question: string; expect: 'none' | { anyOf?: string[]; allOf?: string[] } }[];
  };
  const seedSet = seed.items.flatMap((i) => (i.expect === 'none' ? [] : [{ question: i.question, ...i.expect }]));
  return { evalSet, seedSet };
}

/** hit@3 and MRR of each available engine on the seed corpus; missing engines are listed with the reason. */
export async function lexicalQuality(root: string, corpusDir: string): Promise<{ rows: QualityRow[]; missing: string[] }> {
  const { evalSet, seedSet } = labelledQuestions(root);
  const indexDir = join(mkdtempSync(join(tmpdir(), 'bench-quality-')), 'index');
  const { index } = await buildIndex({ corpusDir, indexDir, embedder: null, hnsw: { m: 16, efConstruction: 100, efSearch: 64 }, log: silentLogger });
  const docs = new Map(index.docs.map((d) => [d.id, d]));
  const rows: QualityRow[] = [];
  const missing: string[] = [];
  for (const key of ENGINE_KEYS as readonly EngineKey[]) {
    const engine = await loadEngine(key);
    if ('missing' in engine) {
      missing.push(engine.missing);
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), `bench-quality-${key}-`));
    await engine.build(index.chunks, docs, dir);
    const searcher = await engine.open(dir);
    // The engines share the retriever's contract (search(terms, k) -> hits) but not Bm25Index's private state. Quote
    // selection's term document frequencies stay the project's: they are the corpus's, whichever engine ranks.
    const lexical = { search: searcher.search.bind(searcher), docFreq: (term: string) => index.bm25.docFreq(term) };
    const data: IndexData = { ...index, bm25: lexical as unknown as Bm25Index };
    const advisor = new Advisor(data, null, 'lexical', undefined, 0);
    const chunkRanks = async (set: Labelled[]) =>
      Promise.all(
        set.map(async (q) =>
          rankOf(
            (await advisor.retriever.retrieve(q.question, 10)).hits.map((h) => index.chunks[h.chunk]?.text ?? ''),
            q,
          ),
        ),
      );
    const answerRanks = await Promise.all(
      evalSet.map(async (q) =>
        rankOf(((await advisor.ask(q.question)) as { citations?: { quote: string; context?: string }[] }).citations?.map(withContext) ?? [], q),
      ),
    );
    rows.push({
      engine: engine.name,
      eval: score(await chunkRanks(evalSet)),
      seed: { ...score(await chunkRanks(seedSet)), n: seedSet.length },
      evalAnswers: score(answerRanks),
    });
    searcher.close?.();
  }
  return { rows, missing };
}

if (process.argv[1]?.endsWith('quality.ts')) {
  const root = join(import.meta.dirname, '..', '..');
  const result = await lexicalQuality(root, join(root, 'corpus'));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
