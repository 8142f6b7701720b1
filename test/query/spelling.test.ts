import { describe, expect, it } from 'vitest';
import { NameSpelling } from '../../src/query/spelling.js';

describe('misspelt names of roles and places', () => {
  const spelling = new NameSpelling(['Pharmacist', 'Ontario', 'Quebec', 'Analyst', 'Analysis'], (w) => w === 'consultancy');

  it('writes a misspelt role or place right, a swap of two letters counting as one typo', () => {
    expect(spelling.write('pharamcist salary in ontairo')).toBe('pharmacist salary in ontario');
    expect(spelling.write('what do pharmacsts do')).toBe('what do pharmacists do');
  });

  it('leaves English words, the corpus own words and words two names are equally near alone', () => {
    expect(spelling.write('is a consultancy a good place to start')).toBe('is a consultancy a good place to start');
    expect(spelling.write('the analysis managed by analysts')).toBe('the analysis managed by analysts');
    expect(new NameSpelling(['Austin', 'Austen']).write('jobs in austun')).toBe('jobs in austun');
  });
});
