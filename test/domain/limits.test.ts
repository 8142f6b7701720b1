import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS, checkInput, checkOptionalInput, preview } from '../../src/domain/limits.js';

describe('input limits', () => {
  it('accepts input up to the cap once trimmed, and refuses longer input with the cap and the length only', () => {
    expect(checkInput('question', `  ${'a'.repeat(INPUT_LIMITS.question)}  `)).toHaveLength(INPUT_LIMITS.question);
    const huge = `secret-${'x'.repeat(100_000)}`;
    expect(() => checkInput('role', huge)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: 'Role names are at most 100 characters; this one has 100,007.' }),
    );
    expect(() => checkInput('location', huge)).toThrow(/^Locations are at most 60 characters/);
  });

  it('refuses blank required input and treats blank optional input as absent', () => {
    expect(() => checkInput('question', '  ')).toThrow(/at least a few characters/);
    expect(() => checkInput('role', '')).toThrow('Please name a role.');
    expect(checkOptionalInput('location', '   ')).toBeNull();
    expect(checkOptionalInput('location', undefined)).toBeNull();
    expect(checkOptionalInput('location', ' Berlin ')).toBe('Berlin');
  });

  it('previews a long input by its start and its length', () => {
    expect(preview('short')).toBe('short');
    expect(preview('y'.repeat(1_000), 10)).toBe('yyyyyyyyyy… (1,000 characters)');
  });
});
