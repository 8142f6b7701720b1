// Benchmark lexical engines "registry" (pure): every engine compared, by key; optional ones report why they are absent.
import type { LexicalEngine } from './types.js';

/** Engine keys in report order. */
export const ENGINE_KEYS = ['typed', 'minisearch', 'flexsearch', 'fts5'] as const;
export type EngineKey = (typeof ENGINE_KEYS)[number];

/** Loads one engine; `{ missing }` names the package to install when it is not there. */
export async function loadEngine(key: EngineKey): Promise<LexicalEngine | { missing: string }> {
  try {
    if (key === 'typed') return (await import('./typed.js')).typedEngine;
    if (key === 'minisearch') return (await import('./minisearch.js')).miniSearchEngine;
    if (key === 'flexsearch') return (await import('./flexsearch.js')).flexSearchEngine;
    await import('better-sqlite3');
    return (await import('./fts5.js')).fts5Engine;
  } catch (error) {
    return { missing: `${key}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
