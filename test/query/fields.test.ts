import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import { fieldRole, namesField } from '../../src/query/fields.js';

const role = (name: string): Role => ({ name, aliases: [], sources: [], documents: [] });
const ROLES = [role('Dental Hygienist'), role('Dental Assistant'), role('Plumber'), role('Mechanical Engineer'), role('Data Analyst'), role('Nurse')];

describe('the role a question names by its field', () => {
  it.each([
    ['how long is dental hygiene school', 'Dental Hygienist'],
    ['plumbing tools equipment used', 'Plumber'],
    ['is mechanical engineering hard', 'Mechanical Engineer'],
    ['what is data analysis', 'Data Analyst'],
    ['is nursing stressful', 'Nurse'],
  ])('reads "%s" as about %s', (question, name) => {
    expect(fieldRole(question, ROLES)?.role.name).toBe(name);
  });

  it.each(['how long is dental school', 'is engineering hard', 'what is data quality', 'what does a dental office pay'])(
    'names no role for "%s", where the field word is missing or its qualifier differs',
    (question) => {
      expect(fieldRole(question, ROLES)).toBeNull();
    },
  );

  it('names no role when the field words fit several', () => {
    expect(fieldRole('dental hygiene or dental assisting', [role('Dental Hygienist'), role('Dental Assistant')])).toBeNull();
  });

  it('tells a phrase naming a role by its field from a topic', () => {
    expect(namesField(ROLES, ['data', 'analysis'])).toBe(true);
    expect(namesField(ROLES, ['data', 'quality'])).toBe(false);
  });
});
