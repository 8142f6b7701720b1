// Ingest stage "knowledge" (pure, no I/O): the structured layer derived from parsed documents.
import type { Knowledge } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { buildCatalog } from './roles.js';
import { extractFacts } from './salary-facts.js';

/** Derives the roles catalog and the salary and market facts from parsed documents. */
export function buildKnowledge(docs: SourceDoc[], aliases: Record<string, string[]>): Knowledge {
  const roles = buildCatalog(docs, aliases);
  return { roles, ...extractFacts(docs, roles) };
}
