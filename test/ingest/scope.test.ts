import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import type { SourceDoc } from '../../src/domain/types.js';
import { buildScope } from '../../src/ingest/knowledge/scope.js';

const doc = (text: string): SourceDoc => ({ id: 'd', title: 'T', file: 't.md', text, roles: [], sections: [], blocks: [] });

describe('the scope of a corpus', () => {
  it('knows the job titles it names with their qualifiers and each job noun alone', () => {
    const { jobs } = buildScope([doc('Integration developers connect systems. Senior data engineers in London earn £90k in 2024.')], []);
    expect(jobs).toEqual(expect.arrayContaining(['integration developer', 'developer', 'data engineer', 'engineer']));
    // A level is read on its own, never as part of the title.
    expect(jobs).not.toContain('senior data engineer');
    expect(jobs).not.toContain('nurse');
  });

  it('knows a role\'s name with words left out that names only that role ("speech therapist")', () => {
    const role = (name: string): Role => ({ name, aliases: [], sources: [], documents: [] });
    const { jobs } = buildScope([doc('Therapists help people communicate.')], [role('Speech and Language Therapist'), role('Occupational Therapist')]);
    expect(jobs).toEqual(expect.arrayContaining(['speech therapist', 'speech language therapist']));
  });

  it('knows the places, currencies and years it mentions', () => {
    const scope = buildScope([doc('Senior data engineers in London earn £90k in 2024.')], []);
    expect(scope.currencies).toEqual(['GBP']);
    expect(scope.years).toEqual([2024]);
    expect(scope.places).toContain('london');
  });

  it('knows the initials of names the documents write only in full, and not those they shorten or two names share', () => {
    const { acronyms } = buildScope(
      [
        doc(
          'Join the Royal Air Force or apply to the Health Service Executive. Join Royal Air Force cadets. The National Air Traffic Services (NATS) train most.',
        ),
        doc('Ask Human Resources or Health and Safety (H&S). Our Hiring Rounds open in May. In London most train.'),
      ],
      [],
    );
    expect(acronyms.raf).toBe('Royal Air Force');
    expect(acronyms.hse).toBe('Health Service Executive');
    // Written short too: the corpus already knows "nats"; "hr" is both Human Resources and Hiring Rounds.
    expect(acronyms.nats).toBeUndefined();
    expect(acronyms.hr).toBeUndefined();
    // Two letters from a sentence's start are an accident.
    expect(acronyms.il).toBeUndefined();
  });
});
