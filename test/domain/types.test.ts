import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/domain/types.js';

describe('source labels', () => {
  it('name the document once, then the section path', () => {
    const doc = { title: 'Data Engineer', sections: [{ path: [] }, { path: ['Salary', 'United States'] }] };
    expect(sourceLabel(doc, 0)).toBe('Data Engineer');
    expect(sourceLabel(doc, 1)).toBe('Data Engineer › Salary › United States');
  });

  it('do not repeat a first heading that only repeats the title', () => {
    const doc = { title: 'Veterinary Technician', sections: [{ path: ['Veterinary technician', 'Salary'] }] };
    expect(sourceLabel(doc, 0)).toBe('Veterinary Technician › Salary');
  });
});
