import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { resolveRole } from '../../src/ingest/knowledge/roles.js';
import { corpusText, writes } from '../../src/ingest/knowledge/written-names.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { listRoles } from '../../src/query/roles.js';

/** The aliases the roles listing shows for each role of one Markdown page. */
function listed(markdown: string, operator: Record<string, string[]> = {}): [string, string[]][] {
  return listRoles(buildKnowledge(parseMarkdown('page.md', markdown), operator)).catalog.map((r) => [r.name, r.aliases]);
}

const tester = '# Video Game QA Tester\n\nQA testers play unfinished builds and report bugs. Most testers start on contract.\n';

describe('the names the roles listing shows', () => {
  it('leaves out initials made up from the role’s name that no page writes ("VGQAT"), yet questions still find the role by them', () => {
    expect(listed(tester)).toEqual([['Video Game QA Tester', []]]);
    const { roles } = buildKnowledge(parseMarkdown('page.md', tester), {});
    expect(resolveRole(roles, 'VGQAT').role?.name).toBe('Video Game QA Tester');
  });

  it('shows made-up initials a page does write ("SREs")', () => {
    const sre = '# Site Reliability Engineer\n\nSite reliability engineers keep services running. Most SREs share an on-call rota.\n';
    expect(listed(sre)).toEqual([['Site Reliability Engineer', ['SRE']]]);
  });

  it('shows a head noun only when a page writes it on its own ("most hygienists"), not inside the full name', () => {
    const inName = '---\nroles: Dental Hygienist\n---\n# Dental Hygienist\n\nA dental hygienist cleans teeth. Dental hygienists work in practices.\n';
    expect(listed(inName)).toEqual([['Dental Hygienist', []]]);
    const alone = '# Dental Hygienist\n\nNew hygienists train on the job. Experienced hygienists earn more.\n';
    expect(listed(alone)).toEqual([['Dental Hygienist', ['Hygienist']]]);
  });

  it('always shows the names the operator gives', () => {
    expect(listed(tester, { 'Video Game QA Tester': ['VGQAT', 'games tester'] })).toEqual([['Video Game QA Tester', ['VGQAT', 'games tester']]]);
  });
});

describe('whether the corpus writes a name', () => {
  const corpus = corpusText(
    parseMarkdown('page.md', '# Court Reporter\n\nCourt reporters (stenographers) take the record. CRs work in court. Back-end engineers differ.\n'),
  );

  it.each([
    ['CR', 'Court Reporter', true],
    ['CCR', 'Court Reporter', false],
    ['stenographer', 'Court Reporter', true],
    ['Reporter', 'Court Reporter', false],
    ['backend engineer', 'Backend Engineer', false],
    ['Back-end Engineer', 'Backend Engineer', true],
  ])('"%s" (for %s): %s', (alias, role, written) => {
    expect(writes(corpus, alias, role)).toBe(written);
  });
});
