// Ingest stage "knowledge: written names" (pure, no I/O): whether the corpus writes a name the catalog made up for a
// role (initials such as "VGQAT", a head noun such as "Transcriptionist"), apart from inside the role's full name, so
// that the roles listing shows people only names a page uses.
import { escapeRegExp } from '../../domain/regexp.js';
import type { SourceDoc } from '../../domain/types.js';
import { roleKey } from './role-names.js';

/** The text of a corpus, joined once for looking names up (see `writes`). */
export interface CorpusText {
  text: string;
  /** The text in lower case with hyphens as spaces, for a quick first test. */
  lower: string;
}

/** Every document's title and text, as one text. */
export function corpusText(docs: SourceDoc[]): CorpusText {
  const text = docs.map((d) => `${d.title}\n${d.text}`).join('\n\n');
  return { text, lower: text.toLowerCase().replace(/-/g, ' ') };
}

/** Initials as written: capitals only, matched as written ("CR", "VGQAT"). */
const CAPITALS = /^[A-Z]{2,6}$/;

/**
 * Whether the corpus writes `alias` as a name of its own: initials in capitals exactly as written (with a plural
 * "s"), words in any case, with a hyphen or space between them and in the plural; never as the end of the role's full
 * name `roleName` ("Secretary" in "Legal Secretary" is the role's name, not the page calling it "secretary").
 */
export function writes(corpus: CorpusText, alias: string, roleName: string): boolean {
  const caps = CAPITALS.test(alias);
  const words = alias
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  const last = words.at(-1);
  if (!last) return false;
  // Most made-up names are written nowhere: a plain substring test saves a regex over the whole corpus.
  const stem = words.join(' ').slice(0, -1);
  if (caps ? !corpus.text.includes(alias) : !corpus.lower.includes(stem.toLowerCase())) return false;
  const ending = caps ? 's?' : /y$/i.test(last) ? '' : '(?:s|es)?';
  const lastWord = !caps && /y$/i.test(last) ? `${escapeRegExp(last.slice(0, -1))}(?:y|ies)` : escapeRegExp(last);
  const pattern = [...words.slice(0, -1).map(escapeRegExp), lastWord].join('[\\s-]+');
  const re = new RegExp(`\\b${pattern}${ending}\\b`, caps ? 'g' : 'gi');
  // "Legal Secretary" with the alias "Secretary": a match right after "Legal" is the full name.
  const nameWords = roleKey(roleName).split(' ');
  const aliasWords = roleKey(alias).split(' ');
  const ownEnd = nameWords.length > aliasWords.length && nameWords.slice(-aliasWords.length).join(' ') === aliasWords.join(' ');
  const before = ownEnd ? new RegExp(`\\b${nameWords.slice(0, -aliasWords.length).map(escapeRegExp).join('[\\s-]+')}[\\s-]+$`, 'i') : null;
  for (const m of corpus.text.matchAll(re)) if (!before?.test(corpus.text.slice(Math.max(0, m.index - 80), m.index))) return true;
  return false;
}
