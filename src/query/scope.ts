// Query stage "corpus scope" (pure over parsed documents): the places, currencies and years the documents
// mention anywhere, so a question about another one can be told apart from one they answer.
import type { SourceDoc } from '../domain/types.js';
import { currenciesIn, findPlaces, placeKey } from '../ingest/places.js';
import { jobPhrases } from './question.js';
import { type CorpusScope, jobKeys } from './relevance.js';

const YEAR = /\b(?:19[89]\d|20\d\d)\b/g;

/** Collects the scope of a corpus in one pass over its text. */
export function corpusScope(docs: SourceDoc[]): CorpusScope {
  const scope: CorpusScope = { places: new Set(), currencies: new Set(), years: new Set(), jobs: new Set() };
  for (const doc of docs) {
    for (const m of findPlaces(doc.text)) {
      scope.places.add(placeKey(m.place.name));
      scope.places.add(placeKey(m.surface));
    }
    for (const c of currenciesIn(doc.text)) scope.currencies.add(c);
    for (const m of doc.text.matchAll(YEAR)) scope.years.add(Number(m[0]));
    for (const job of jobPhrases(doc.text)) for (const k of jobKeys(job)) scope.jobs.add(k);
  }
  return scope;
}
