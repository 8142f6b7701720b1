// Ingest stage "knowledge: profiles" (pure, no I/O): for each role, its defining sentence, the items and
// sentences of its responsibilities, skills and education sections, and what its pages say about the job
// market — each an exact quote.
import { PROFILE_ASPECTS, type Profile, type ProfileAspect, type ProfileItem, type Role } from '../../domain/knowledge.js';
import { type Block, type Citation, type SourceDoc, citeSpan } from '../../domain/types.js';
import { PAY_WORDS } from '../../domain/vocabulary.js';
import { ANNOUNCES } from '../parse/page-structure.js';
import { sentenceSpans } from '../text.js';
import { hasMoney } from './money.js';
import { OUTLOOK_HEADING, outlookSlice } from './outlook.js';
import { pageRoleName, roleKey, rolesMentioned } from './role-names.js';
import { isNamesList, primaryRole } from './roles.js';
import { sectionRoles } from './sections.js';

export { sectionRoles } from './sections.js';

/** Headings that hold each aspect (and headings that look alike but hold something else). */
const ASPECT_HEADINGS: Record<ProfileAspect, { heading: RegExp; exclude?: RegExp }> = {
  // "What HVAC Technicians Do", "What does a social media manager actually do?": a heading that ends asking what they do.
  Responsibilities: {
    heading:
      /responsibilit|duties|tasks|activities|what (?:the job|the role|the work|they|you|an? [\w -]{2,40}?)\b.*\b(?:involves?|do(?:es)?|looks? like)\b|^\s*what\b[\w\s'-]*\bdo(?:es)?\s*\??\s*$|day[\s-]to[\s-]day|day in the life|\ba day (?:on|in|at|as)\b|(?:typical|normal|usual|average) (?:day|week|shift)/i,
  },
  'Key skills': {
    heading:
      /skill|competenc|proficien|tool(?:s|box|kit)\b|technolog|requirement|qualificat|qualities|expect|know(?:ledge)?\b|what you(?:'ll| will)? need|what it takes/i,
    exclude: /soft|overlap|educat|market|nice to have/i,
  },
  // How people get into the job counts as its education: "Getting in", "Breaking in", "Certifications and routes in".
  Education: {
    heading:
      /educat|degree|training|certificat|getting (?:in|into|started|hired)|breaking in|\broutes?\b|ways? in|how to (?:become|get in)|apprenticeship|universit|college|\bcourses?\b/i,
  },
};
/**
 * Headings that name the duties themselves ("Typical duties"), not a question they answer among others ("What the role
 * involves"). Skills stay in page order: "Key Competencies" lists answer skill questions as well as "Skills" do.
 */
const NAMES_DUTIES = /responsibilit|dut(?:y|ies)|tasks/i;
/**
 * Headings that name skills themselves ("Skills and knowledge", "Skills you need"), beside those that hold them among
 * entry requirements ("Entry requirements": GCSEs, age): when a role's pages have the first, the second are its way in.
 */
const NAMES_SKILLS = /skill|competenc|proficien/i;
const NAMES_REQUIREMENTS = /requirement|qualificat|\bentry\b/i;
/** Sub-headings that never hold a role's own profile even under a matching top heading. */
const NOT_PROFILE = /soft|overlap|market/i;
/** An item about schooling or credentials, wherever the page lists it ("A bachelor's degree in a technical field"). */
const EDUCATION_CONTENT = /\b(?:degree|bachelor|master'?s|ph\.?\s?d|doctorate|diploma|apprenticeship|bootcamp|vocational|certifications?)\b/i;
/** A named certificate ("ISTQB Foundation Level certificate"), not "TLS and certificate management". */
const NAMED_CERTIFICATE = /\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+certificate\b/;
/**
 * What introduces a list of duties in passing, under a heading about something else ("Working life"): the occasion of
 * the work and what one might do in it ("On a shift you might:", "On a typical day a plumber might:"). "After a few
 * years you could:" introduces career steps, not duties.
 */
const DUTY_INTRO =
  /\b(?:on|in|during)\s+(?:an?|any|your|the)\s+(?:(?:typical|normal|usual|average|given|busy)\s+)?(?:shift|day|week|workday|working day|call[\s-]?out)\b[^.:]*\b(?:might|may|could|will|would|can)\b[^.:]*:\s*$/i;
const DEFINING = /:|\b(?:is|are|plays?|focus(?:es)?|speciali[sz]es?|works?|builds?|designs?|keeps?|turns?|owns?|helps?|writes?|creates?|runs?|leads?)\b/;

/**
 * Aspects a section holds: by its own heading, else by the nearest heading above it that names one ("Training and
 * certification" over "Apprenticeship", under a page-title heading "Electrician in Canada").
 */
function aspectsOf(path: string[]): ProfileAspect[] {
  const matching = (heading: string | undefined) =>
    heading ? PROFILE_ASPECTS.filter((a) => ASPECT_HEADINGS[a].heading.test(heading) && !ASPECT_HEADINGS[a].exclude?.test(heading)) : [];
  const last = path[path.length - 1];
  const own = matching(last);
  if (own.length || path.length < 2 || (last && NOT_PROFILE.test(last))) return own;
  for (const heading of path.slice(0, -1).reverse()) {
    const found = matching(heading);
    if (found.length) return found;
  }
  return [];
}

/** Role facts of one document that do not depend on which role is asked about. */
interface DocRoles {
  primary: Role | undefined;
  /** The role whose page the document is. */
  page: Role | undefined;
  /** Roles each section is about (see `sectionRoles`). */
  sections: Role[][];
  /** Per section: roles named by its own heading. */
  headingNames: Role[][];
  /** Per section: it has sub-sections (its paragraphs introduce them rather than describe the role). */
  parents: boolean[];
  /** Per block: the role its first words name, and the role its "Label:" names. */
  opening: (Role | undefined)[];
  label: (Role | undefined)[];
}

function docRoles(roles: Role[], doc: SourceDoc): DocRoles {
  const primary = primaryRole(roles, doc);
  const pageName = pageRoleName(doc);
  return {
    primary,
    page: pageName ? roles.find((r) => roleKey(r.name) === roleKey(pageName)) : undefined,
    sections: doc.sections.map((_, i) => sectionRoles(roles, doc, i, primary)),
    headingNames: doc.sections.map((s) => rolesMentioned(roles, s.path[s.path.length - 1] ?? '')),
    parents: doc.sections.map((s) => s.path.length > 0 && doc.sections.some((o) => o.path.length > s.path.length && s.path.every((p, i) => o.path[i] === p))),
    opening: doc.blocks.map((b) =>
      b.kind === 'heading' ? undefined : rolesMentioned(roles, doc.text.slice(b.start, b.end).split(/\s+/).slice(0, 6).join(' '))[0],
    ),
    label: doc.blocks.map((b) => {
      const labelled = /^([^:]{2,60}):/.exec(doc.text.slice(b.start, b.end))?.[1];
      return labelled ? rolesMentioned(roles, labelled)[0] : undefined;
    }),
  };
}

/** The quotable items of a block: a bullet whole, a paragraph by sentence (introductions ending in ":" left out). */
function items(doc: SourceDoc, block: Block): ProfileItem[] {
  const parent = block.parent === undefined ? undefined : doc.blocks[block.parent];
  if (block.kind === 'bullet') return [{ ...citeSpan(doc, block.section, block.start, block.end, parent), nested: !!parent }];
  return sentenceSpans(doc.text, block.start, block.end)
    .filter((s) => !/:\s*$/.test(doc.text.slice(s.start, s.end)))
    .map((s) => ({ ...citeSpan(doc, block.section, s.start, s.end), nested: false }));
}

/**
 * Headings of sections about where the job leads ("Career progression", "Career path and growth", "How do people move
 * up from QA?", "Beyond partner: other routes").
 */
const PROGRESSION_HEADING =
  /\b(?:progression|career (?:path|paths|ladder|development|growth|options)|move up|moving up|promotions?|advancement|where next|next steps?)\b/i;

function profileOf(docs: SourceDoc[], facts: Map<SourceDoc, DocRoles>, role: Role): Profile {
  const profile: Profile = { role: role.name, what: null, aspects: { Responsibilities: [], 'Key skills': [], Education: [] }, outlook: [], progression: [] };
  let fallbackWhat: Citation | null = null;
  // Key skills items from a section headed as skills, and from one headed as requirements.
  const namedSkills: ProfileItem[] = [];
  const requirements: ProfileItem[] = [];
  for (const doc of docs) {
    const f = facts.get(doc);
    if (!f) continue;
    const isRoleDoc = f.page === role;
    const sectionHasBullets = new Set(doc.blocks.filter((b) => b.kind === 'bullet').map((b) => b.section));
    doc.blocks.forEach((block, b) => {
      const text = doc.text.slice(block.start, block.end);
      if (block.kind === 'heading' || isNamesList(text)) return;
      const named = f.headingNames[block.section]?.includes(role) ?? false;
      const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
      // A line that gives pay ("Dental technician - Average salary £22,000…") says what it earns, not what it is.
      if (!profile.what && f.opening[b] === role && (isRoleDoc || DEFINING.test(text)) && !hasMoney(sentence)) {
        profile.what = citeSpan(doc, block.section, block.start, block.start + sentence.length);
      }
      if (!f.sections[block.section]?.includes(role)) return;
      const labelRole = f.label[b];
      if (labelRole && labelRole !== role) return;
      const path = doc.sections[block.section]?.path ?? [];
      const matched = aspectsOf(path);
      // A section whose heading is the role itself ("The Hybrid Role: …") describes it: its first item defines it. Not
      // one about its pay ("Salary: how much do remote technical writers earn?" opens "Pay depends heavily on…").
      const heading = path.at(-1) ?? '';
      const ownHeading = named && !matched.length && !OUTLOOK_HEADING.test(heading) && !PAY_WORDS.test(heading);
      // A section with sub-sections usually only introduces them ("Here's a guide to…"), unless its prose says something itself.
      // So does prose beside a list, unless it announces the list ("You will need:").
      const introduces = (f.parents[block.section] || sectionHasBullets.has(block.section)) && ANNOUNCES.test(text);
      const found = block.kind === 'bullet' || !introduces ? items(doc, block) : [];
      if (ownHeading && !fallbackWhat && found[0]) fallbackWhat = found[0];
      if (PROGRESSION_HEADING.test(heading) && !matched.length) {
        profile.progression.push(...found);
        return;
      }
      if (path.some((p) => OUTLOOK_HEADING.test(p)) && !matched.length) {
        for (const item of found) if (!hasMoney(item.quote) || /%/.test(item.quote)) profile.outlook.push(outlookItem(doc, block.section, item));
        return;
      }
      // Bullets under a heading that names the role are what the role does; its prose is its definition.
      // Not when they are pay ("How much do GRC analysts get paid per hour?" over its rates).
      const duties = named && block.kind === 'bullet' && !PAY_WORDS.test(path.at(-1) ?? '') && !hasMoney(text);
      const aspects = new Set<ProfileAspect>(matched.length || !duties ? matched : ['Responsibilities']);
      if (block.kind === 'bullet' && (isRoleDoc || !matched.length)) {
        const intro = doc.blocks.filter((x) => x.kind === 'paragraph' && x.section === block.section && x.end <= block.start).pop();
        const lead = intro ? doc.text.slice(intro.start, intro.end) : '';
        const lastSentence = lead.split(/[.!?]\s/).pop() ?? '';
        if (isRoleDoc && !path.length) for (const a of PROFILE_ASPECTS) if (ASPECT_HEADINGS[a].heading.test(lastSentence)) aspects.add(a);
        // Only the list that follows the introduction, not one further down the section.
        const follows = intro && doc.blocks.slice(doc.blocks.indexOf(intro) + 1, b).every((x) => x.kind === 'bullet');
        if (follows && !matched.length && DUTY_INTRO.test(lastSentence)) aspects.add('Responsibilities');
      }
      // The nearest heading that makes the section one of skills says which kind; only a section headed as requirements
      // itself is one ("Machine Learning Concepts" under "Requirements" lists skills).
      const skillsBy = path.findLast((p) => ASPECT_HEADINGS['Key skills'].heading.test(p) && !ASPECT_HEADINGS['Key skills'].exclude?.test(p)) ?? '';
      const skillsHeading = NAMES_SKILLS.test(skillsBy);
      const requirementsHeading = !skillsHeading && skillsBy === path.at(-1) && NAMES_REQUIREMENTS.test(skillsBy);
      for (const item of found) {
        const school = aspects.size > 0 && (EDUCATION_CONTENT.test(item.quote) || NAMED_CERTIFICATE.test(item.quote));
        for (const a of school ? (['Education'] as const) : aspects) profile.aspects[a].push(item);
        if (!school && aspects.has('Key skills') && skillsHeading) namedSkills.push(item);
        if (!school && aspects.has('Key skills') && requirementsHeading) requirements.push(item);
      }
    });
  }
  if (namedSkills.length && requirements.length) {
    // "Skills and knowledge" is what the role needs; "Entry requirements" (GCSEs, being 18) is how to get in.
    // They follow the route in the page describes, so what answers "do I need a degree" keeps its place.
    const moved = new Set(requirements);
    profile.aspects['Key skills'] = profile.aspects['Key skills'].filter((c) => !moved.has(c));
    profile.aspects.Education.push(...requirements.filter((c) => !profile.aspects.Education.includes(c)));
  }
  // "Typical duties" answers "what are the responsibilities" before "What the role involves" does.
  const direct = (c: Citation) => (NAMES_DUTIES.test(c.section.split(' › ').at(-1) ?? '') ? 0 : 1);
  profile.aspects.Responsibilities = profile.aspects.Responsibilities.map((c, i) => ({ c, i }))
    .sort((x, y) => direct(x.c) - direct(y.c) || x.i - y.i)
    .map((x) => x.c);
  if (!profile.what && fallbackWhat) {
    const what: Citation = fallbackWhat;
    profile.what = what;
    // The defining item is shown as the definition, not again as the first responsibility.
    profile.aspects.Responsibilities = profile.aspects.Responsibilities.filter((i) => i.docId !== what.docId || i.start !== what.start);
  }
  return profile;
}

/** An outlook item, cut to its outlook clause when the sentence also gives pay. */
function outlookItem(doc: SourceDoc, section: number, item: ProfileItem): ProfileItem {
  const slice = outlookSlice(item.quote, Math.max(0, item.quote.search(/\d+(?:\.\d+)?\s?%/)));
  if (slice.start === 0) return item;
  return { ...citeSpan(doc, section, item.start + slice.start, item.start + slice.end), nested: item.nested };
}

/** Profiles of every role in the catalog, by role name. */
export function buildProfiles(docs: SourceDoc[], roles: Role[]): Map<string, Profile> {
  const facts = new Map(docs.map((d) => [d, docRoles(roles, d)]));
  return new Map(roles.map((r) => [r.name, profileOf(docs, facts, r)]));
}
