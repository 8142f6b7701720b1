// Query facade (pure over one loaded index): every use case over that index, with the caches that belong to
// it (quote terms, query vectors); building one costs nothing per chunk or document. The runtime swaps in a new Advisor for a rebuilt index.
import { type Answer, type CompareAnswer, type NoAnswer, type RolesAnswer, type SalaryAnswer, type Turn, distinctQuotes } from '../domain/answer.js';
import { type Profile, hasOwnContent } from '../domain/knowledge.js';
import { INPUT_LIMITS } from '../domain/limits.js';
import type { Embedder } from '../embed/embedder.js';
import type { IndexData } from '../index/store.js';
import { stem } from '../index/terms.js';
import { ask } from './ask.js';
import { compareRoles } from './compare.js';
import { QuoteSelector } from './quote.js';
import { type ScopeSets, scopeSets } from './relevance.js';
import { type Mode, Retriever } from './retriever.js';
import { listRoles, suggestRoles } from './roles.js';
import { type SalaryQuery, salaryLookup } from './salary.js';
import { NameSpelling } from './spelling.js';

export interface AdvisorStatus {
  builtAt: string;
  docs: number;
  chunks: number;
  roles: number;
  model: string | null;
  mode: Mode;
  /** Set when answers are lexical-only because the embedding model is unavailable. */
  degraded?: string;
}

/** Answers questions from one loaded index. */
export class Advisor {
  readonly retriever: Retriever;
  private readonly quotes: QuoteSelector;
  private readonly profiles: Map<string, Profile>;
  private readonly retrievers = new Map<Mode, Retriever>();
  private readonly scope: ScopeSets;
  private readonly spelling: NameSpelling;

  constructor(
    readonly index: IndexData,
    private readonly embedder: Embedder | null,
    mode: Mode,
    private readonly degraded?: string,
    private readonly queryCacheSize = 512,
  ) {
    this.retriever = new Retriever(index, embedder, mode, queryCacheSize);
    this.retrievers.set(mode, this.retriever);
    this.quotes = new QuoteSelector(index);
    this.profiles = new Map(index.knowledge.profiles.map((p) => [p.role, p]));
    this.scope = scopeSets(index.knowledge.scope);
    const { roles, scope } = index.knowledge;
    this.spelling = new NameSpelling(
      [...roles.flatMap((r) => [r.name, ...r.aliases]), ...scope.places].flatMap((n) => n.split(/\s+/)),
      (word) => this.quotes.idf(stem(word)) !== null,
    );
  }

  /**
   * Answers a free question; `mode` overrides the retrieval mode for this question (evaluation, CLI). Every answer
   * here shows each quote once (see `distinctQuotes`).
   */
  async ask(question: string, previous?: Turn, mode?: Mode): Promise<Answer> {
    // Surfaces refuse longer input with a message; this keeps any other caller's work bounded too.
    question = question.slice(0, INPUT_LIMITS.question);
    const answer = await ask(
      {
        retriever: this.retrieverFor(mode),
        quotes: this.quotes,
        knowledge: this.index.knowledge,
        profiles: this.profiles,
        docs: this.index.docs,
        scope: this.scope,
        spelling: this.spelling,
      },
      question,
      previous,
    );
    return distinctQuotes(answer);
  }

  salary(query: SalaryQuery): SalaryAnswer | NoAnswer {
    return distinctQuotes(
      salaryLookup(this.index.knowledge, {
        ...query,
        role: query.role.slice(0, INPUT_LIMITS.role),
        ...(query.location ? { location: query.location.slice(0, INPUT_LIMITS.location) } : {}),
      }),
    );
  }

  compare(a: string, b: string): CompareAnswer | NoAnswer {
    return distinctQuotes(compareRoles(this.index.knowledge, this.profiles, this.index.docs, a.slice(0, INPUT_LIMITS.role), b.slice(0, INPUT_LIMITS.role)));
  }

  roles(): RolesAnswer {
    return listRoles(this.index.knowledge);
  }

  /** Role names and aliases matching what is typed so far, for autocomplete; roles without content of their own are not offered. */
  suggestRoles(prefix: string, limit = 25): { name: string; value: string }[] {
    const { salaries } = this.index.knowledge;
    return suggestRoles(this.index.knowledge, prefix, limit, (role) => hasOwnContent(this.profiles.get(role), salaries));
  }

  /** A role's profile (what it is, responsibilities, skills, education), if the catalog has the role. */
  profile(role: string): Profile | undefined {
    return this.profiles.get(role);
  }

  status(): AdvisorStatus {
    const m = this.index.manifest;
    return {
      builtAt: m.builtAt,
      docs: m.docCount,
      chunks: m.chunkCount,
      roles: this.index.knowledge.roles.length,
      model: m.model,
      mode: this.retriever.denseAvailable ? this.retriever.mode : 'lexical',
      ...(this.degraded ? { degraded: this.degraded } : {}),
    };
  }

  private retrieverFor(mode: Mode | undefined): Retriever {
    if (!mode) return this.retriever;
    let r = this.retrievers.get(mode);
    if (!r) {
      r = new Retriever(this.index, this.embedder, mode, this.queryCacheSize);
      this.retrievers.set(mode, r);
    }
    return r;
  }
}
