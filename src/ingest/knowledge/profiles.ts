// Ingest stage "knowledge: profiles" (pure, no I/O): for each role, its defining sentence and the bullets of
// its responsibilities, skills and education sections, each an exact quote.
import { PROFILE_ASPECTS, type Profile, type ProfileAspect, type ProfileItem, type Role } from '../../domain/knowledge.js';
import { type SourceDoc, citeSpan } from '../../domain/types.js';
import { primaryRole, rolesMentioned } from './roles.js';

/** Headings that hold each aspect (and headings that look alike but hold something else). */
const ASPECT_HEADINGS: Record<ProfileAspect, { heading: RegExp; exclude?: RegExp }> = {
  Responsibilities: { heading: /responsibilit|duties/i },
  'Key skills': { heading: /skill|competenc|proficien|tools|technolog|requirement/i, exclude: /soft|overlap|educat|market/i },
  Education: { heading: /educat|degree/i },
};

/** Sub-headings that never hold a role's own profile even under a matching top heading. */
const NOT_PROFILE = /soft|overlap|market/i;

/** Roles a section is about: named in its headings, else in its top section's introduction, else the document's role. */
export function sectionRoles(roles: Role[], doc: SourceDoc, section: number, primary: Role | undefined): Role[] {
  const path = doc.sections[section]?.path ?? [];
  const inHeading = rolesMentioned(roles, path.join(' \n '));
  if (inHeading.length) return inHeading;
  const top = path[0];
  const intro = doc.blocks.find((b) => b.kind === 'paragraph' && doc.sections[b.section]?.path[0] === top && doc.sections[b.section]?.path.length === 1);
  const inIntro = top && intro ? rolesMentioned(roles, doc.text.slice(intro.start, intro.end)) : [];
  if (inIntro.length) return inIntro;
  return primary ? [primary] : [];
}

/** Aspects a section holds: by its own heading, else by its top-level heading. */
function aspectsOf(path: string[]): ProfileAspect[] {
  const matching = (heading: string | undefined) =>
    heading ? PROFILE_ASPECTS.filter((a) => ASPECT_HEADINGS[a].heading.test(heading) && !ASPECT_HEADINGS[a].exclude?.test(heading)) : [];
  const last = path[path.length - 1];
  const own = matching(last);
  if (own.length || path.length < 2) return own;
  return last && NOT_PROFILE.test(last) ? [] : matching(path[0]);
}

/** Role facts of one document that do not depend on which role is asked about. */
interface DocRoles {
  primary: Role | undefined;
  /** Roles each section is about (see `sectionRoles`). */
  sections: Role[][];
  /** Per section: roles named by its own heading. */
  headingNames: Role[][];
  /** Per block: the role its first words name, and the role its "Label:" names. */
  opening: (Role | undefined)[];
  label: (Role | undefined)[];
}

function docRoles(roles: Role[], doc: SourceDoc): DocRoles {
  const primary = primaryRole(roles, doc);
  return {
    primary,
    sections: doc.sections.map((_, i) => sectionRoles(roles, doc, i, primary)),
    headingNames: doc.sections.map((s) => rolesMentioned(roles, s.path[s.path.length - 1] ?? '')),
    opening: doc.blocks.map((b) =>
      b.kind === 'heading' ? undefined : rolesMentioned(roles, doc.text.slice(b.start, b.end).split(/\s+/).slice(0, 6).join(' '))[0],
    ),
    label: doc.blocks.map((b) => {
      const labelled = /^([^:]{2,60}):/.exec(doc.text.slice(b.start, b.end))?.[1];
      return labelled ? rolesMentioned(roles, labelled)[0] : undefined;
    }),
  };
}

const DEFINING = /:|\b(?:is|are|plays?|focus(?:es)?|speciali[sz]es?|works?)\b/;

function profileOf(docs: SourceDoc[], facts: Map<SourceDoc, DocRoles>, role: Role): Profile {
  const profile: Profile = { role: role.name, what: null, aspects: { Responsibilities: [], 'Key skills': [], Education: [] } };
  for (const doc of docs) {
    const f = facts.get(doc);
    if (!f) continue;
    const isRoleDoc = f.primary === role && doc.roles.length > 0;
    doc.blocks.forEach((block, b) => {
      if (block.kind === 'heading') return;
      const text = doc.text.slice(block.start, block.end);
      if (!profile.what && f.opening[b] === role && DEFINING.test(text)) {
        const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
        profile.what = citeSpan(doc, block.section, block.start, block.start + sentence.length);
      }
      if (block.kind !== 'bullet') return;
      if (!isRoleDoc && !f.sections[block.section]?.includes(role)) return;
      const labelRole = f.label[b];
      if (labelRole && labelRole !== role) return;
      const parent = block.parent === undefined ? undefined : doc.blocks[block.parent];
      const item: ProfileItem = { ...citeSpan(doc, block.section, block.start, block.end, parent), nested: !!parent };
      const path = doc.sections[block.section]?.path ?? [];
      const named = f.headingNames[block.section]?.includes(role) ?? false;
      const matched = aspectsOf(path);
      for (const a of matched.length || !named ? matched : (['Responsibilities'] as const)) profile.aspects[a].push(item);
      if (isRoleDoc && !path.length) {
        const intro = doc.blocks.filter((x) => x.kind === 'paragraph' && x.section === block.section && x.end <= block.start).pop();
        const lead = intro ? doc.text.slice(intro.start, intro.end) : '';
        const lastSentence = lead.split(/[.!?]\s/).pop() ?? '';
        for (const a of PROFILE_ASPECTS) if (ASPECT_HEADINGS[a].heading.test(lastSentence)) profile.aspects[a].push(item);
      }
    });
  }
  return profile;
}

/** Profiles of every role in the catalog, by role name. */
export function buildProfiles(docs: SourceDoc[], roles: Role[]): Map<string, Profile> {
  const facts = new Map(docs.map((d) => [d, docRoles(roles, d)]));
  return new Map(roles.map((r) => [r.name, profileOf(docs, facts, r)]));
}
