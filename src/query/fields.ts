// Query stage "fields" (pure, no I/O): the role a question names by its field of work rather than by its title:
// "dental hygiene" for Dental Hygienist, "plumbing" for Plumber, "mechanical engineering" for Mechanical Engineer.
import type { Role } from '../domain/knowledge.js';
import { stem } from '../index/terms.js';
import { roleKey } from '../ingest/knowledge/role-names.js';

/**
 * Letters a field word shares with the role's noun from its start ("hygie-ne", "hygie-nist"; "plumb-ing", "plumb-er"):
 * four made "engine" meet "engineer" but also "data" meet "database"; five keeps to one word family.
 */
const FIELD_PREFIX = 5;

/** Whether a word is the field of a role noun: the same stem ("nursing", "nurse") or the same first letters. */
function sameField(word: string, noun: string): boolean {
  if (stem(word) === stem(noun)) return true;
  return word.length >= FIELD_PREFIX && noun.length >= FIELD_PREFIX && word.slice(0, FIELD_PREFIX) === noun.slice(0, FIELD_PREFIX);
}

/** Whether the words end with the role's name, its last word written as its field ("data analysis" for Data Analyst). */
function fieldAt(words: string[], end: number, name: string[]): boolean {
  const start = end - name.length + 1;
  if (start < 0) return false;
  const last = words[end];
  const noun = name.at(-1);
  return !!last && !!noun && name.slice(0, -1).every((w, i) => words[start + i] === w) && sameField(last, noun);
}

/** A phrase that names a role's field rather than a topic: "data analysis" (Data Analyst), "UX design" (UX Designer). */
export function namesField(roles: Role[], words: string[]): boolean {
  if (words.length < 2) return false;
  const key = words.map((w) => w.toLowerCase());
  return roles.some((r) => {
    const name = r.name.toLowerCase().split(/\s+/);
    return name.length === key.length && fieldAt(key, key.length - 1, name);
  });
}

/**
 * The one role whose field the question names ("how long is dental hygiene school" -> Dental Hygienist) and the words
 * that name it, or null when it names none or several. Single-word roles count ("plumbing tools" -> Plumber): their field word is as telling.
 */
export function fieldRole(question: string, roles: Role[]): { role: Role; words: string[] } | null {
  const words = roleKey(question).split(' ');
  let names = namesOf.get(roles);
  if (!names) {
    names = roles.map((role) => ({ role, name: roleKey(role.name).split(' ') }));
    namesOf.set(roles, names);
  }
  const found = names.flatMap(({ role, name }) => {
    const end = words.findIndex((_, i) => fieldAt(words, i, name));
    return end < 0 ? [] : [{ role, words: words.slice(end - name.length + 1, end + 1) }];
  });
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** Each catalog's role names as keys, worked out once: every question that names no role asks for them. */
const namesOf = new WeakMap<Role[], { role: Role; name: string[] }[]>();
