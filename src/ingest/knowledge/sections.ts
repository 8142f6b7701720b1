// Ingest stage "knowledge: sections" (pure, no I/O): which roles a section of a document is about.
import type { Role } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { pageRoleName, roleKey, rolesMentioned } from './role-names.js';

/**
 * Roles a section is about: named in its headings, else the role whose page the document is, else named in
 * its top section's introduction, else the document's role.
 */
export function sectionRoles(roles: Role[], doc: SourceDoc, section: number, primary: Role | undefined): Role[] {
  const path = doc.sections[section]?.path ?? [];
  const inHeading = rolesMentioned(roles, path.join(' \n '));
  if (inHeading.length) return inHeading;
  const page = pageRoleName(doc);
  const pageRole = page ? roles.find((r) => roleKey(r.name) === roleKey(page)) : undefined;
  if (pageRole) return [pageRole];
  const top = path[0];
  const intro = doc.blocks.find((b) => b.kind === 'paragraph' && doc.sections[b.section]?.path[0] === top && doc.sections[b.section]?.path.length === 1);
  const inIntro = top && intro ? rolesMentioned(roles, doc.text.slice(intro.start, intro.end)) : [];
  if (inIntro.length) return inIntro;
  return primary ? [primary] : [];
}
