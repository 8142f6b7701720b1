// Query stage "spelling" (pure, no I/O): misspelt names of the corpus's roles and places written right before a
// question is read ("pharamcist salary in ontairo" -> "pharmacist salary in ontario"), so that role and place
// matching, which want the names as written, see them. The typo rule is the index's (`FuzzyVocabulary`).
import { FuzzyVocabulary } from '../index/fuzzy.js';
import { isEnglishWord } from '../ingest/specificity.js';

/**
 * The words of names ("pharmacist", "ontario"); `write` puts misspellings of them right in a text. Only words that
 * are neither English nor the corpus's own count as typos: "managed" is not a misspelt "manager".
 */
export class NameSpelling {
  private readonly names: Set<string>;
  private readonly words: string[];
  private readonly fuzzy: FuzzyVocabulary;

  /** `known` says whether the corpus uses a word: such a word is no typo, whatever name it is near ("consultancy"). */
  constructor(
    words: Iterable<string>,
    private readonly known: (word: string) => boolean = () => false,
  ) {
    this.names = new Set([...words].map((w) => w.toLowerCase()).filter((w) => /^[a-z]+$/.test(w)));
    this.words = [...this.names];
    this.fuzzy = new FuzzyVocabulary(this.words, () => 0);
  }

  /** The text with each misspelt name word written right, when one name word is nearest. */
  write(text: string): string {
    return text.replace(/[A-Za-z]{5,}/g, (word) => {
      const w = word.toLowerCase();
      const plural = w.endsWith('s') && !this.names.has(w) ? w.slice(0, -1) : w;
      if (this.names.has(plural) || isEnglishWord(w) || isEnglishWord(plural) || this.known(w)) return word;
      const at = this.fuzzy.nearest(plural);
      const name = at === null ? undefined : this.words[at];
      return name ? name + (plural === w ? '' : 's') : word;
    });
  }
}
