// Query stage "quote selection" (pure, no I/O): picks the sentences and bullets that answer a question from retrieved chunks,
// and decides, by how much of the question they cover, whether the corpus answers it at all.
import { LRUCache } from 'lru-cache';
import type { Role } from '../domain/knowledge.js';
import { type Citation, type Intent, type Span, citeSpan, sourceLabel, withContext } from '../domain/types.js';
import type { IndexData } from '../index/store.js';
import { terms } from '../index/terms.js';
import { sectionRoles } from '../ingest/knowledge/profiles.js';
import { primaryRole, rolesMentioned } from '../ingest/knowledge/roles.js';
import { tableCells } from '../ingest/text.js';
import type { QuestionAnalysis } from './question.js';
import { HEADING_CREDIT, MIN_COVERAGE, coverage, holds, statesQuantity } from './relevance.js';
import type { Hit } from './retriever.js';

/** Section headings that say which kind of question a passage answers ("Salary in Germany", "Key Skills"). */
export const INTENT_HEADINGS: Partial<Record<Intent, RegExp>> = {
  skills: /skill|competenc|requirement|proficien|qualification|knowledge|tools|technolog/i,
  education: /education|degree|background|qualification/i,
  outlook: /demand|outlook|growth|trend|market|prospect/i,
  progression: /progression|career path|career ladder|career development|move up|moving up|advancement|promotion|next step|where next/i,
  salary: /salar|compensation|pay|money|\bearn(?:s|ing|ings)?\b|\bwages?\b/i,
  role: /overview|responsibilit|role/i,
};

/**
 * What covering the question across a whole retrieved passage (a section's sentences and list items together)
 * counts for, against covering it in one sentence. Calibrated on the dev split of test/fixtures/eval.
 */
const PASSAGE_CREDIT = 0.8;

/** "What is X?" leads with the passage that defines X ("MLOps: Combining…"), whatever else matches more words. */
const DEFINITION_LEAD = 1;

/**
 * "How long does the apprenticeship take?" is answered only by a passage that states a duration (see `statesQuantity`):
 * those lead, so the answer is not cut to passages that share the question's words but state none. Durations and
 * costs only: with counts too, "how many GPUs will I get" was answered from another count (a corpus-f dev near-miss).
 */
const QUANTITY_LEAD = 0.3;

const LIST_INTENTS = new Set<Intent>(['skills', 'education', 'role']);

/** A span scored for a question; made a `Citation` only if chosen (most are not, and building one allocates). */
interface Candidate {
  doc: IndexData['docs'][number];
  section: number;
  span: Span;
  score: number;
  coverage: number;
  /** Coverage of the whole passage the span belongs to (see PASSAGE_CREDIT). */
  passage: number;
  /** Whether the passage or its headings hold every deciding term of the question. */
  whole: boolean;
}

/** What quote selection reads of a chunk again and again, worked out when it is first quoted from. */
interface ChunkFacts {
  label: string;
  heading: Set<string>;
  spans: Set<string>[];
  /** Spans that only introduce others ("Salaries:" over its bullets, a table's header row over its rows). */
  introduces: boolean[];
  /** Per span, whether it names the given roles (by their names joined), filled in as asked. */
  mentions: Map<string, boolean>[];
}

/**
 * Chunks whose span terms are kept for reuse: a question quotes from its 8 retrieved chunks, so this holds those of the
 * last 64 questions or so (about 4 MiB), bounded whatever the corpus size; tokenising a chunk again costs well under a millisecond.
 */
const TERM_CACHE_CHUNKS = 512;

/**
 * Scores spans of retrieved chunks against a question; built once per index. Nothing is computed per chunk up front:
 * term document frequencies come from the lexical index, and a chunk's terms and roles when it is first quoted from.
 */
export class QuoteSelector {
  private readonly count: number;
  private readonly maxIdf: number;
  private readonly docs: Map<string, IndexData['docs'][number]>;
  /** Each document's own role (see `primaryRole`), computed on first use. */
  private readonly primaries = new Map<string, Role | undefined>();
  /** Roles each document section is about (see `sectionRoles`), by `docId\0section`, computed on first use. */
  private readonly sectionRoleNames = new Map<string, string[]>();
  /** Terms of each chunk's heading and of each of its spans, computed on first use. */
  private readonly termCache = new LRUCache<number, ChunkFacts>({ max: TERM_CACHE_CHUNKS });

  constructor(private readonly index: IndexData) {
    this.count = index.chunks.length;
    this.maxIdf = Math.log(1 + (this.count + 0.5) / 0.5);
    this.docs = new Map(index.docs.map((d) => [d.id, d]));
  }

  /** IDF of a term in this index, or null when no chunk contains it. */
  idf(term: string): number | null {
    // The lexical index counts a term in a chunk's heading or body, which together are the chunk's text.
    const df = this.index.bm25.docFreq(term);
    return df ? Math.log(1 + (this.count - df + 0.5) / (df + 0.5)) : null;
  }

  /** Indexed terms a term missing from the index is probably a misspelling of ("requst" -> request). */
  nearTerms(term: string): string[] {
    return this.index.bm25.nearTerms(term);
  }

  /**
   * Best quotes for the question, at most `max`, best first, plus the best coverage (0..1) reached by a passage
   * about the roles the question names (any passage when it names none).
   */
  select(question: QuestionAnalysis, hits: Hit[], intent: Intent, roles: string[] = [], max = 4): { citations: Citation[]; coverage: number } {
    const { expanded } = question.terms;
    const expWeight = expanded.reduce((s, t) => s + (this.idf(t) ?? this.maxIdf), 0);
    if (!question.topic.length) return { citations: [], coverage: 0 };
    const intentRe = INTENT_HEADINGS[intent];
    const definition = definitionPattern(question.asksDefinition ? [question.topic[0]?.word ?? ''] : question.terms.own, question.asksDefinition);
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    const named = this.index.knowledge.roles.filter((r) => roles.includes(r.name));
    const namedKey = named.map((r) => r.name).join('\0');
    let passage = 0;
    hits.forEach((hit, rank) => {
      const chunk = this.index.chunks[hit.chunk];
      const doc = chunk && this.docs.get(chunk.docId);
      if (!chunk || !doc) return;
      const sectionAbout = !roles.length || roles.some((r) => this.sectionRoles(doc, chunk.section).includes(r));
      const facts = this.chunkFacts(hit.chunk);
      const headingTerms = facts.heading;
      // A list answers together what no single item does ("Java, APIs and databases carry over").
      const inPassage = (t: string) => facts.spans.some((set) => holds(set, question, t));
      const passageCoverage = sectionAbout ? PASSAGE_CREDIT * coverage(question, (t) => (inPassage(t) ? 1 : headingTerms.has(t) ? HEADING_CREDIT : 0)) : 0;
      passage = Math.max(passage, passageCoverage);
      const whole = sectionAbout && coverage(question, (t) => (inPassage(t) || holds(headingTerms, question, t) ? 1 : 0)) >= 1 - 1e-9;
      const intentBonus = intentRe?.test(facts.label) ? 0.15 : 0;
      for (const [spanIndex, span] of chunk.spans.entries()) {
        if (facts.introduces[spanIndex]) continue;
        const key = `${doc.id}:${span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const spanTerms = facts.spans[spanIndex] ?? new Set<string>();
        // A passage is about a role when its section is, or when it names the role itself.
        // The role's name as written ("product managers"), not its words apart ("community managers … product groups").
        if (!sectionAbout && !this.mentions(facts, spanIndex, doc.text, span, named, namedKey)) continue;
        const states = !!question.wants && question.wants !== 'count' && statesQuantity(quoteText(doc.text, span), question.wants);
        const own = coverage(question, (t) => (holds(spanTerms, question, t) ? 1 : holds(headingTerms, question, t) ? HEADING_CREDIT : 0));
        // The quantity asked, stated in a passage about what is asked, answers it even when its sentence names that only
        // in part ("The CIPD Level 5 Associate Diploma is… A Level 5 diploma… costs £3,500 to £5,000").
        const covered = states && own > 0 ? Math.max(own, passageCoverage) : own;
        let exp = 0;
        for (const t of expanded) if (spanTerms.has(t) || headingTerms.has(t)) exp += this.idf(t) ?? this.maxIdf;
        const score =
          covered +
          (expWeight ? (0.25 * exp) / expWeight : 0) +
          0.15 / (1 + rank) +
          intentBonus +
          (definition?.test(doc.text.slice(span.start, span.end)) ? (question.asksDefinition ? DEFINITION_LEAD : 0.3) : 0) +
          (states ? QUANTITY_LEAD : 0) -
          (span.end - span.start > 350 ? 0.05 : 0);
        candidates.push({ doc, section: chunk.section, span, score: Math.round(score * 1000) / 1000, coverage: covered, passage: passageCoverage, whole });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (!best) return { citations: [], coverage: 0 };
    const limit = LIST_INTENTS.has(intent) ? Math.max(max, 6) : max;
    // The answer is the leading quote's page; another page's passage joins it only when it covers the question as well
    // ("class 1 school cost" is not also answered by an HR diploma's price, "head of hr salary" by an engineer's pay).
    // Only when the leading page answers every deciding term: otherwise the question may need several pages.
    const whole = candidates.some((c) => c.doc.id === best.doc.id && c.whole);
    const onPage = (c: Candidate) => !whole || c.doc.id === best.doc.id || c.whole;
    const chosen = candidates
      .filter((c) => (c.coverage >= MIN_COVERAGE * 0.8 || (c.passage >= MIN_COVERAGE && c.coverage > 0)) && c.score >= best.score * 0.6 && onPage(c))
      .slice(0, limit)
      .map((c) => citeSpan(c.doc, c.section, c.span.start, c.span.end, c.span.context, c.score));
    let bestCoverage = passage;
    for (const c of candidates) bestCoverage = Math.max(bestCoverage, c.coverage);
    return { citations: this.withListItems(chosen, limit + 4), coverage: bestCoverage };
  }

  /** How well one passage's own words cover the question (see `coverage`), counting the question's alternatives. */
  textCoverage(question: QuestionAnalysis, text: string): number {
    const own = new Set(terms(text));
    return coverage(question, (t) => (holds(own, question, t) ? 1 : 0));
  }

  private sectionRoles(doc: IndexData['docs'][number], section: number): string[] {
    const key = `${doc.id}\0${section}`;
    let names = this.sectionRoleNames.get(key);
    if (!names) {
      const roles = this.index.knowledge.roles;
      if (!this.primaries.has(doc.id)) this.primaries.set(doc.id, primaryRole(roles, doc));
      names = sectionRoles(roles, doc, section, this.primaries.get(doc.id)).map((r) => r.name);
      this.sectionRoleNames.set(key, names);
    }
    return names;
  }

  private chunkFacts(id: number): ChunkFacts {
    let cached = this.termCache.get(id);
    if (!cached) {
      const chunk = this.index.chunks[id];
      const doc = chunk && this.docs.get(chunk.docId);
      cached =
        chunk && doc
          ? {
              label: sourceLabel(doc, chunk.section),
              heading: new Set(terms(sourceLabel(doc, chunk.section))),
              spans: chunk.spans.map((s, i) => new Set(terms(referredText(doc.text, s, chunk.spans[i - 1])))),
              introduces: chunk.spans.map((span) => {
                const text = doc.text.slice(span.start, span.end);
                return (text.endsWith(':') || tableCells(text).length > 1) && chunk.spans.some((s) => s.context?.start === span.start);
              }),
              mentions: chunk.spans.map(() => new Map()),
            }
          : { label: '', heading: new Set(), spans: [], introduces: [], mentions: [] };
      this.termCache.set(id, cached);
    }
    return cached;
  }

  /** Whether a span names one of `named` (see `rolesMentioned`), remembered per chunk. */
  private mentions(facts: ChunkFacts, spanIndex: number, text: string, span: Span, named: Role[], key: string): boolean {
    const known = facts.mentions[spanIndex];
    let found = known?.get(key);
    if (found === undefined) {
      found = rolesMentioned(named, quoteText(text, span)).length > 0;
      known?.set(key, found);
    }
    return found;
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

/**
 * For "what is X" questions: a span that opens with X as its label ("MLOps: ...") or subject ("MLOps is ..."), or with
 * the name X stands for, X in brackets after it ("HR business partners (HRBPs) work alongside...").
 */
function definitionPattern(own: string[], asked: boolean): RegExp | null {
  const first = own[0]?.replace(/[^a-z0-9]/g, '');
  if (!first || own.length > 3) return null;
  // The bracketed form only when a definition is asked: "can u be a hrbp without a degree" does not ask what HRBPs are.
  const spelled = asked ? String.raw`|[^.:()]{2,60}\(${first}s?\)` : '';
  return new RegExp(String.raw`^(?:${first}[a-z]*\b[^.:]{0,40}(?::|\s(?:is|are)\b)${spelled})`, 'i');
}

/** A sentence that opens by pointing back ("It usually takes four years", "This needs…", "They…"). */
const POINTS_BACK = /^\s*(?:it|this|that|these|they|such)\b/i;

/**
 * What a span is about: its own text, and for a sentence that points back, the sentence before it in the same
 * paragraph ("The apprenticeship leads to… It usually takes four years" is about the apprenticeship).
 */
function referredText(text: string, span: Span, before: Span | undefined): string {
  const own = quoteText(text, span);
  if (!before || !POINTS_BACK.test(text.slice(span.start, span.end)) || before.end > span.start || /\n/.test(text.slice(before.end, span.start))) return own;
  return `${text.slice(before.start, before.end)}\n${own}`;
}

/** The exact source text of a span, preceded by its parent bullet when it has one. */
function quoteText(text: string, span: Span): string {
  return withContext({ quote: text.slice(span.start, span.end), ...(span.context ? { context: text.slice(span.context.start, span.context.end) } : {}) });
}
