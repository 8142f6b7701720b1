// Career knowledge (pure): the structured layer derived from the corpus at ingest time.
import type { SourceDoc } from '../../domain/types.js';
import { type Role, buildCatalog } from './roles.js';
import { type MarketFact, type SalaryFact, extractFacts } from './salary-facts.js';

export interface Knowledge {
  roles: Role[];
  salaries: SalaryFact[];
  market: MarketFact[];
}

/** Derives the roles catalog and the salary and market facts from parsed documents. */
export function buildKnowledge(docs: SourceDoc[], aliases: Record<string, string[]>): Knowledge {
  const roles = buildCatalog(docs, aliases);
  return { roles, ...extractFacts(docs, roles) };
}
