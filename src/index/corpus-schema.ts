// Index stage "corpus file schema" (pure, no I/O): the zod shape of the stored documents, chunks and
// knowledge, so a damaged or foreign `corpus.json` is rejected as corrupt instead of crashing a query later.
import { z } from 'zod';
import { type Knowledge, SALARY_KINDS } from '../domain/knowledge.js';
import type { Chunk, SourceDoc } from '../domain/types.js';

const offset = z.number().int().min(0);
const range = z.object({ start: offset, end: offset });

const docSchema = z.object({
  id: z.string(),
  title: z.string(),
  file: z.string(),
  text: z.string(),
  roles: z.array(z.string()),
  source: z.string().optional(),
  sections: z.array(z.object({ path: z.array(z.string()) })),
  blocks: z.array(range.extend({ kind: z.enum(['heading', 'paragraph', 'bullet']), depth: z.number().int(), section: offset, parent: offset.optional() })),
});

const chunkSchema = range.extend({
  id: z.string(),
  docId: z.string(),
  section: offset,
  spans: z.array(range.extend({ context: range.optional() })),
  text: z.string(),
});

const quoted = range.extend({ quote: z.string(), context: z.string().optional(), docId: z.string(), doc: z.string(), section: z.string() });
const amount = z.number().nullable();
/** A citation, its keys in the order `citeSpan` writes them, so a stored profile reads back exactly as it was built. */
const cited = z.object({
  doc: z.string(),
  section: z.string(),
  quote: z.string(),
  context: z.string().optional(),
  score: z.number(),
  docId: z.string(),
  start: offset,
  end: offset,
});
const profileItems = z.array(cited.extend({ nested: z.boolean() }));

const knowledgeSchema = z.object({
  roles: z.array(
    z.object({
      name: z.string(),
      aliases: z.array(z.string()),
      unwritten: z.array(z.string()).optional(),
      sources: z.array(z.tuple([z.string(), offset])),
      documents: z.array(z.string()),
    }),
  ),
  salaries: z.array(
    quoted.extend({
      file: z.string(),
      role: z.string().nullable(),
      kind: z.enum(SALARY_KINDS),
      label: z.string(),
      level: z.string().nullable(),
      seniority: z.enum(['junior', 'mid', 'senior']).nullable(),
      min: amount,
      max: amount,
      value: amount,
      openEnded: z.boolean(),
      currency: z.string().regex(/^[A-Z]{3}$/),
      period: z.enum(['year', 'month', 'week', 'day', 'hour', 'km', 'mile']),
      location: z.string().nullable(),
      country: z.string().nullable(),
      market: z.string().nullable(),
      year: z.number().int().nullable(),
      job: z.string().optional(),
    }),
  ),
  market: z.array(quoted.extend({ percent: z.number(), roles: z.array(z.string()) })),
  mentioned: z.array(z.string()),
  scope: z.object({
    places: z.array(z.string()),
    currencies: z.array(z.string()),
    years: z.array(z.number().int()),
    jobs: z.array(z.string()),
    acronyms: z.record(z.string()),
  }),
  profiles: z.array(
    z.object({
      role: z.string(),
      // A definition taken from a list item keeps the item's `nested` flag.
      what: cited.extend({ nested: z.boolean().optional() }).nullable(),
      aspects: z.object({ Responsibilities: profileItems, 'Key skills': profileItems, Education: profileItems }),
      outlook: profileItems,
      progression: profileItems,
    }),
  ),
});

/** The stored `corpus.json`. */
export const corpusFileSchema = z.object({ docs: z.array(docSchema), chunks: z.array(chunkSchema), knowledge: knowledgeSchema });

export interface CorpusFile {
  docs: SourceDoc[];
  chunks: Chunk[];
  knowledge: Knowledge;
}

/** Parses a stored corpus file; throws with the first problem's path when its shape is wrong. */
export function parseCorpusFile(raw: unknown): CorpusFile {
  const r = corpusFileSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`corpus.json: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'wrong shape'}`);
  }
  const docs = new Map(r.data.docs.map((d) => [d.id, d]));
  for (const c of r.data.chunks) {
    const doc = docs.get(c.docId);
    if (!doc) throw new Error(`corpus.json: chunk ${c.id} belongs to no document`);
    if (c.end > doc.text.length || c.spans.some((s) => s.end > doc.text.length)) throw new Error(`corpus.json: chunk ${c.id} points outside its document`);
  }
  return r.data;
}
