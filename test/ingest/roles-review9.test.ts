import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleAliases } from '../../src/ingest/knowledge/role-names.js';
import { buildCatalog, resolveRole } from '../../src/ingest/knowledge/roles.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { ROOT } from '../helpers.js';

const page = (name: string) => readFileSync(join(ROOT, 'test/fixtures/pages', name), 'utf8');
const vetDocs = parsePage('vet-nurse-uk.txt', page('vet-nurse-uk.txt'));
const vetRoles = buildCatalog(vetDocs);
const socRoles = buildCatalog(parseMarkdown('soc-analyst.md', page('soc-analyst.md')));

describe('roles a page names in its title and its text', () => {
  it('finds the role of a page titled by its job and a place in lower case ("Veterinary nurse in the UK")', () => {
    expect(vetRoles.map((r) => r.name)).toContain('Veterinary Nurse');
  });

  it('resolves "vet nurse" to the Veterinary Nurse, "vet" being the everyday form of "veterinary"', () => {
    expect(resolveRole(vetRoles, 'vet nurse').role?.name).toBe('Veterinary Nurse');
    expect(resolveRole(vetRoles, 'vet nurses').role?.name).toBe('Veterinary Nurse');
  });

  it('takes initials that include a licence word ("registered veterinary nurse (RVN)") as the role’s', () => {
    expect(vetRoles.find((r) => r.name === 'Veterinary Nurse')?.aliases).toContain('RVN');
  });

  it('names the job by the acronym its title qualifies it with ("Cybersecurity analyst (SOC)" is a SOC Analyst)', () => {
    expect(socRoles.find((r) => r.name === 'Cybersecurity Analyst')?.aliases).toContain('SOC Analyst');
    expect(resolveRole(socRoles, 'soc analyst').role?.name).toBe('Cybersecurity Analyst');
  });

  it('takes no acronym alias from a title’s own initials or a place ("Site Reliability Engineer (SRE)", "Nurse (UK)")', () => {
    expect(titleAliases('Site Reliability Engineer (SRE)')).toEqual([]);
    expect(titleAliases('Dental nurse (UK)')).toEqual([]);
  });

  it('takes every job title a sentence quotes after "advertised as" as another name of the role', () => {
    const aliases = socRoles.find((r) => r.name === 'Cybersecurity Analyst')?.aliases ?? [];
    expect(aliases).toEqual(expect.arrayContaining(['IT-Security Analyst', 'Security Analyst']));
    expect(aliases).not.toContain('SOC Analist');
  });
});

describe('"vet" alone', () => {
  it('stays a job of its own: "Vet" is not the Veterinary Nurse', () => {
    expect(resolveRole(vetRoles, 'Vet').role).toBeUndefined();
  });
});
