import { describe, expect, it } from 'vitest';
import { isFraming, terms } from '../../src/index/terms.js';
import { roleKey } from '../../src/ingest/knowledge/role-names.js';

describe('terms', () => {
  it('folds British "-isation" spellings onto "-ization" on both sides', () => {
    expect(terms('localisation and organisations')).toEqual(terms('localization and organizations'));
    expect(terms('promise of precise work')).toEqual(['promis', 'precis', 'work']);
    expect(roleKey('Localisation Engineers')).toBe(roleKey('localization engineer'));
  });

  it('reads chat greetings inside a question as framing ("yo whats a TAM do")', () => {
    expect(['yo', 'ya', 'sup'].every(isFraming)).toBe(true);
    expect(isFraming('localization')).toBe(false);
  });
});
