// Ingest stage "knowledge" (pure, no I/O): the structured layer derived from parsed documents.
import type { Knowledge } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { buildProfiles } from './profiles.js';
import { addSources, buildCatalog, mentionedRoles } from './roles.js';
import { extractFacts } from './salary-facts.js';
import { buildScope } from './scope.js';

/** Derives the roles catalog, the salary and market facts, the role-like names the documents only mention, and each role's profile. */
export function buildKnowledge(docs: SourceDoc[], aliases: Record<string, string[]>): Knowledge {
  const roles = buildCatalog(docs, aliases);
  const facts = extractFacts(docs, roles);
  const profiles = buildProfiles(docs, roles);
  const sectionOf = new Map(docs.map((d) => [d.id, new Map(d.sections.map((_, i) => [[d.title, ...(d.sections[i]?.path ?? [])].join(' › '), i]))]));
  for (const role of roles) {
    const p = profiles.get(role.name);
    const cited = [...(p ? [p.what, ...Object.values(p.aspects).flat(), ...p.outlook] : []), ...facts.salaries.filter((f) => f.role === role.name)];
    const sections = cited.flatMap((c): [string, number][] => {
      const i = c ? sectionOf.get(c.docId)?.get(c.section) : undefined;
      return c && i !== undefined ? [[c.docId, i]] : [];
    });
    addSources(role, docs, sections);
  }
  return {
    roles,
    ...facts,
    mentioned: mentionedRoles(docs, roles),
    scope: buildScope(docs, roles),
    profiles: roles.flatMap((r) => profiles.get(r.name) ?? []),
  };
}
