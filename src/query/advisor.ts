// The advisor (pure over a loaded index): one object with every use case, shared by CLI, chat and bot.
import { type Turn, ask, listRoles } from './ask.js';
import { compareRoles, profile } from './compare.js';
import { QuoteSelector } from './quote.js';
import { type SalaryQuery, salaryLookup } from './salary.js';
import type { Embedder } from '../embed/transformers.js';
import { type Mode, Retriever } from './retriever.js';
import type { IndexData } from '../index/store.js';
import type { Answer } from '../domain/types.js';

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

/** Answers questions from one loaded index. Swap in a new Advisor to serve a rebuilt index. */
export class Advisor {
  readonly retriever: Retriever;
  private readonly quotes: QuoteSelector;

  constructor(
    readonly index: IndexData,
    private readonly embedder: Embedder | null,
    mode: Mode,
    private readonly degraded?: string,
    private readonly queryCacheSize = 512,
  ) {
    this.retriever = new Retriever(index, embedder, mode, queryCacheSize);
    this.quotes = new QuoteSelector(index);
    for (const role of index.knowledge.roles) profile(index.docs, index.knowledge.roles, role);
  }

  ask(question: string, previous?: Turn, mode?: Mode): Promise<Answer> {
    const retriever = mode && mode !== this.retriever.mode ? new Retriever(this.index, this.embedder, mode, this.queryCacheSize) : this.retriever;
    return ask({ retriever, quotes: this.quotes, knowledge: this.index.knowledge, docs: this.index.docs }, question, previous);
  }

  salary(query: SalaryQuery): Answer {
    return salaryLookup(this.index.knowledge, query);
  }

  compare(a: string, b: string): Answer {
    return compareRoles(this.index.knowledge, this.index.docs, a, b);
  }

  roles(): Answer {
    return listRoles(this.index.knowledge);
  }

  /** Role names and aliases starting with or containing `prefix`, for autocomplete (at most `limit`). */
  suggestRoles(prefix: string, limit = 25): { name: string; value: string }[] {
    const p = prefix.trim().toLowerCase();
    const out: { name: string; value: string; rank: number }[] = [];
    for (const role of this.index.knowledge.roles) {
      const names = [role.name, ...role.aliases];
      const hit = names.map((n) => n.toLowerCase()).map((n) => (n.startsWith(p) ? 0 : n.includes(p) ? 1 : 2));
      const rank = Math.min(...hit);
      if (!p || rank < 2) {
        const alias = names[hit.indexOf(rank as 0 | 1 | 2)];
        out.push({ name: alias && alias !== role.name && p ? `${role.name} (${alias})` : role.name, value: role.name, rank });
      }
    }
    return out
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
      .slice(0, limit)
      .map(({ name, value }) => ({ name: name.slice(0, 100), value }));
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
}
