// Query stage "quote selection" (pure, no I/O): picks the sentences and bullets that answer a question from retrieved chunks,
// and decides, by how much of the question they cover, whether the corpus answers it at all.
import { type Citation, type Intent, type Span, sourceLabel, withContext } from '../domain/types.js';
import type { IndexData } from '../index/store.js';
import { type QueryTerms, terms } from '../index/terms.js';
import { sectionRoles } from '../ingest/knowledge/profiles.js';
import { primaryRole } from '../ingest/knowledge/roles.js';
import type { Hit } from './retriever.js';

/** Share of the question's (IDF-weighted) terms a quote must cover for the corpus to count as answering. */
export const MIN_COVERAGE = 0.5;

const INTENT_HEADINGS: Partial<Record<Intent, RegExp>> = {
  skills: /skill|competenc|requirement|proficien|qualification|knowledge|tools|technolog/i,
  education: /education|degree|background|qualification/i,
  outlook: /demand|outlook|growth|trend|market|prospect/i,
  salary: /salar|compensation|pay/i,
  role: /overview|responsibilit|role/i,
};

const LIST_INTENTS = new Set<Intent>(['skills', 'education', 'role']);

interface Candidate extends Citation {
  coverage: number;
}

/** Up to this many chunks, span terms are computed at start-up so first questions pay no warm-up. */
const EAGER_TERMS_UP_TO = 20_000;

/** Scores spans of retrieved chunks against a question; built once per index. */
export class QuoteSelector {
  private readonly idfs = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly docs: Map<string, IndexData['docs'][number]>;

  /** Roles each chunk's section is about (see `sectionRoles`). */
  private readonly chunkRoles: string[][];
  /** Terms of each chunk's heading and of each of its spans, computed on first use. */
  private readonly termCache = new Map<number, { heading: Set<string>; spans: Set<string>[] }>();

  constructor(private readonly index: IndexData) {
    const df = new Map<string, number>();
    for (const c of index.chunks) for (const t of new Set(terms(c.text))) df.set(t, (df.get(t) ?? 0) + 1);
    const n = index.chunks.length;
    for (const [t, f] of df) this.idfs.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    this.docs = new Map(index.docs.map((d) => [d.id, d]));
    const roles = index.knowledge.roles;
    const primaries = new Map(index.docs.map((d) => [d.id, primaryRole(roles, d)]));
    this.chunkRoles = index.chunks.map((c) => {
      const doc = this.docs.get(c.docId);
      return doc ? sectionRoles(roles, doc, c.section, primaries.get(doc.id)).map((r) => r.name) : [];
    });
    if (index.chunks.length <= EAGER_TERMS_UP_TO) index.chunks.forEach((_, i) => this.chunkTerms(i));
  }

  private idf(term: string): number {
    return this.idfs.get(term) ?? this.maxIdf;
  }

  /** Best quotes for the question, at most `max`, plus the best coverage seen (0..1). */
  select(question: QueryTerms, hits: Hit[], intent: Intent, roles: string[] = [], max = 4): { citations: Citation[]; coverage: number } {
    const ownWeight = question.own.reduce((s, t) => s + this.idf(t), 0);
    const expWeight = question.expanded.reduce((s, t) => s + this.idf(t), 0);
    if (ownWeight === 0) return { citations: [], coverage: 0 };
    const intentRe = INTENT_HEADINGS[intent];
    const definition = definitionPattern(question.own);
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    hits.forEach((hit, rank) => {
      const chunk = this.index.chunks[hit.chunk];
      const doc = chunk && this.docs.get(chunk.docId);
      if (!chunk || !doc) return;
      const label = sourceLabel(doc, chunk.section);
      const cachedTerms = this.chunkTerms(hit.chunk);
      const aboutRole = roles.some((r) => this.chunkRoles[hit.chunk]?.includes(r));
      const headingTerms = cachedTerms.heading;
      for (const [spanIndex, span] of chunk.spans.entries()) {
        const key = `${doc.id}:${span.start}`;
        if (seen.has(key)) continue;
        const isLabel = doc.text[span.end - 1] === ':' && chunk.spans.some((s) => s.context?.start === span.start);
        if (isLabel) continue;
        seen.add(key);
        const spanTerms = cachedTerms.spans[spanIndex] ?? new Set<string>();
        const context = span.context ? doc.text.slice(span.context.start, span.context.end) : undefined;
        let covered = 0;
        const has = (set: Set<string>, t: string) => set.has(t) || !!question.alternatives[t]?.some((x) => set.has(x));
        for (const t of question.own) covered += has(spanTerms, t) ? this.idf(t) : has(headingTerms, t) ? 0.6 * this.idf(t) : 0;
        let expanded = 0;
        for (const t of question.expanded) if (spanTerms.has(t) || headingTerms.has(t)) expanded += this.idf(t);
        const coverage = covered / ownWeight;
        const score =
          coverage +
          (expWeight ? (0.25 * expanded) / expWeight : 0) +
          0.15 / (1 + rank) +
          (intentRe?.test(label) ? 0.15 : 0) +
          (aboutRole ? 0.2 : 0) +
          (definition?.test(doc.text.slice(span.start, span.end)) ? 0.3 : 0) -
          (span.end - span.start > 350 ? 0.05 : 0);
        candidates.push({
          doc: doc.title,
          section: label,
          quote: doc.text.slice(span.start, span.end),
          ...(context ? { context } : {}),
          score: Math.round(score * 1000) / 1000,
          docId: doc.id,
          start: span.start,
          end: span.end,
          coverage,
        });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (!best) return { citations: [], coverage: 0 };
    const limit = LIST_INTENTS.has(intent) ? Math.max(max, 6) : max;
    const chosen = candidates
      .filter((c) => c.coverage >= MIN_COVERAGE * 0.8 && c.score >= best.score * 0.6)
      .slice(0, limit)
      .map(({ coverage: _, ...c }) => c);
    return { citations: this.withListItems(chosen, limit + 4), coverage: Math.max(...candidates.map((c) => c.coverage)) };
  }

  private chunkTerms(id: number): { heading: Set<string>; spans: Set<string>[] } {
    let cached = this.termCache.get(id);
    if (!cached) {
      const chunk = this.index.chunks[id];
      const doc = chunk && this.docs.get(chunk.docId);
      cached =
        chunk && doc
          ? { heading: new Set(terms(sourceLabel(doc, chunk.section))), spans: chunk.spans.map((s) => new Set(terms(quoteText(doc.text, s)))) }
          : { heading: new Set(), spans: [] };
      this.termCache.set(id, cached);
    }
    return cached;
  }

  /** A chosen sentence that introduces a list ("...expertise in:") brings the list's top-level items along. */
  private withListItems(chosen: Citation[], limit: number): Citation[] {
    const out: Citation[] = [];
    for (const c of chosen) {
      if (out.some((o) => o.docId === c.docId && o.start === c.start)) continue;
      out.push(c);
      if (!c.quote.trimEnd().endsWith(':')) continue;
      const doc = this.docs.get(c.docId);
      if (!doc) continue;
      const at = doc.blocks.findIndex((b) => b.start <= c.start && c.end <= b.end);
      const items = doc.blocks.slice(at + 1);
      const end = items.findIndex((b) => b.kind !== 'bullet');
      for (const b of end < 0 ? items : items.slice(0, end)) {
        if (out.length >= limit) break;
        const parent = b.parent === undefined ? undefined : doc.blocks[b.parent];
        const quote = doc.text.slice(b.start, b.end);
        const isLabel = quote.endsWith(':') && doc.blocks.some((x) => x.parent !== undefined && doc.blocks[x.parent] === b);
        if (isLabel || out.some((o) => o.docId === doc.id && o.start === b.start)) continue;
        if (parent && out.filter((o) => o.context === doc.text.slice(parent.start, parent.end)).length >= 1) continue;
        const context = parent ? doc.text.slice(parent.start, parent.end) : undefined;
        const { context: _, ...rest } = c;
        out.push({ ...rest, ...(context ? { context } : {}), quote, start: b.start, end: b.end, section: sourceLabel(doc, b.section) });
      }
    }
    return out;
  }
}

/** For "what is X" questions: a span that opens with X as its label ("MLOps: ...") or subject ("MLOps is ..."). */
function definitionPattern(own: string[]): RegExp | null {
  const first = own[0];
  if (!first || own.length > 3) return null;
  return new RegExp(`^${first.replace(/[^a-z0-9]/g, '')}[a-z]*\\b[^.:]{0,40}(?::|\\s(?:is|are)\\b)`, 'i');
}

/** The exact source text of a span, preceded by its parent bullet when it has one. */
function quoteText(text: string, span: Span): string {
  return withContext({ quote: text.slice(span.start, span.end), ...(span.context ? { context: text.slice(span.context.start, span.context.end) } : {}) });
}
