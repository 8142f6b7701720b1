// Ingest stage "knowledge: outlook" (pure, no I/O): which roles a sentence about the job market is about, and the
// part of a sentence that states the outlook when the same sentence also gives pay.
import type { Role } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { hasMoney } from './money.js';
import { roleKey, rolesMentioned } from './role-names.js';
import { sectionRoles } from './sections.js';

/** Headings of sections about the job market ("Career Path and Growth" is about a person's path, not the market). */
export const OUTLOOK_HEADING =
  /^(?!.*\bcareer (?:path|development|growth)\b).*(?:outlook|demand|growth|prospects|job market|market trends|hiring|employment|future)/i;
/** Words of a sentence about the job market, so "a supplement of 20% of basic salary" or a bonus is no outlook. */
export const OUTLOOK_WORDS =
  /\b(?:grow|growth|growing|demand|openings?|jobs?|employment|employers|projected|increas|declin|shortage|vacanc|hiring|hires?|market|outlook)/i;

/** People nouns that stand for a role's field ("machine learning specialists" are ML engineers' market). */
const FIELD_PEOPLE = '(?:specialist|professional|expert|engineer|developer|practitioner|talent|role|position|job)';

/** Roles a text names, by name or alias, or by their field ("AI and ML specialists" -> Machine Learning Engineer). */
export function rolesOrFieldsMentioned(roles: Role[], text: string): Role[] {
  const named = rolesMentioned(roles, text);
  const hay = ` ${roleKey(text)} `;
  for (const role of roles) {
    if (named.includes(role)) continue;
    const field = roleKey(role.name).split(' ').slice(0, -1).join(' ');
    // One-word fields ("data", "backend") are too broad to stand for one role.
    if (field.split(' ').length < 2) continue;
    if (new RegExp(` ${field} ${FIELD_PEOPLE} `).test(hay)) named.push(role);
  }
  return named;
}

/** The roles a market sentence is about: named in it, else its section's roles, else the document's. */
export function outlookRoles(roles: Role[], doc: SourceDoc, section: number, sentence: string, primary: Role | undefined): string[] {
  const named = rolesOrFieldsMentioned(roles, sentence);
  if (named.length) return named.map((r) => r.name);
  const bySection = sectionRoles(roles, doc, section, primary);
  return bySection.map((r) => r.name);
}

/**
 * The span of a sentence that states the outlook around offset `at`: the whole sentence, or — when it also
 * gives a money figure — from the clause holding `at` to the sentence end, so pay is not repeated as outlook.
 */
export function outlookSlice(sentence: string, at: number): { start: number; end: number } {
  if (!hasMoney(sentence)) return { start: 0, end: sentence.length };
  const before = sentence.slice(0, at);
  const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '));
  if (cut < 0 || hasMoney(sentence.slice(cut, sentence.length))) return { start: 0, end: sentence.length };
  return { start: cut + 2, end: sentence.length };
}
