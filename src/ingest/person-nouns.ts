// Ingest vocabulary "person nouns" (pure, loads bundled data once): whether an English noun names a person, from the
// nouns whose commonest WordNet sense is a person (src/ingest/data/person-nouns.json, made by
// scripts/gen-person-nouns.ts): "driver", "plumber", "hygienist", "partner" do; "letter", "heater", "computer" do not.
import { createRequire } from 'node:module';
import { z } from 'zod';
import { isEnglishWord } from './specificity.js';

let people: Set<string> | undefined;

/** Endings of English nouns for people, for words WordNet lacks ("zookeeper", "transcriptionist", "groomer"). */
const PERSON_ENDING = /(?:er|or|ist|ian|ant|ent|wife|man|woman|person)$/;

/** The singular of a plural noun, as far as job titles need it ("drivers", "secretaries", "midwives", "firemen"). */
function singularNoun(word: string): string[] {
  const w = word.toLowerCase();
  if (w.endsWith('ies')) return [w, `${w.slice(0, -3)}y`];
  if (w.endsWith('wives')) return [w, `${w.slice(0, -5)}wife`];
  if (w.endsWith('men')) return [w, `${w.slice(0, -3)}man`];
  if (w.endsWith('s') && !w.endsWith('ss')) return [w, w.slice(0, -1)];
  return [w];
}

/**
 * Whether a noun names a person: its commonest WordNet sense is one, or WordNet lacks it (nor is it a common English
 * word) and it ends like a noun for people ("zookeeper"). Plurals are read as their singular.
 */
export function isPersonNoun(word: string): boolean {
  if (!people) people = new Set(z.array(z.string()).parse(createRequire(import.meta.url)('./data/person-nouns.json')));
  const forms = singularNoun(word);
  if (forms.some((f) => people?.has(f))) return true;
  const bare = forms.at(-1) ?? '';
  return PERSON_ENDING.test(bare) && !forms.some(isEnglishWord);
}
