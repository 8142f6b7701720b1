import { describe, expect, it } from 'vitest';
import type { SalaryFact } from '../../src/domain/knowledge.js';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { buildProfiles } from '../../src/ingest/knowledge/profiles.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { compareRoles } from '../../src/query/compare.js';
import { salaryLookup } from '../../src/query/salary.js';
import { brief, factsOf, payFacts } from '../fixtures/pay-facts.js';

describe('figures of other jobs a pay list gives beside the role', () => {
  const page = [
    '# HR business partner',
    '',
    'HR business partners work alongside the leadership team.',
    '',
    '## Salary',
    '',
    '- HR adviser (the usual step before): £28,000 to £36,000',
    '- HR business partner: £45,000 to £60,000',
    '- Senior HR business partner: £60,000 to £80,000',
    '- Head of HR or HR director: £85,000 to £130,000',
    '',
  ].join('\n');

  it("are not shown as the role's own pay", () => {
    const knowledge = buildKnowledge(parseMarkdown('hrbp.md', page), {});
    const answer = salaryLookup(knowledge, { role: 'HR business partner' });
    expect(answer.kind === 'salary' && answer.figures.map((f) => f.min)).toEqual([45000, 60000]);
  });

  it('are named by the job, at no level of the role', () => {
    const knowledge = buildKnowledge(parseMarkdown('hrbp.md', page), {});
    expect(knowledge.salaries.filter((f) => f.job).map((f) => [f.job, f.label, f.level])).toEqual([
      ['HR adviser', 'HR adviser (the usual step before)', null],
      ['Head of HR or HR director', 'Head of HR or HR director', null],
    ]);
  });

  it("are left out of the role's side of a comparison", () => {
    const docs = [
      ...parseMarkdown('hrbp.md', page),
      ...parseMarkdown('recruiter.md', '# Recruitment consultant\n\nRecruitment consultants fill jobs.\n\n## Salary\n\n- Average salary: £24,000 to £45,000\n'),
    ];
    const knowledge = buildKnowledge(docs, {});
    const answer = compareRoles(knowledge, buildProfiles(docs, knowledge.roles), docs, 'HR business partner', 'Recruitment consultant');
    const salary = answer.kind === 'compare' ? answer.rows.find((r) => r.aspect === 'Salary') : undefined;
    expect(salary?.a.map((f) => ('min' in f ? f.min : null))).toEqual([45000, 60000]);
  });

  it('are still found by a question that names the job', () => {
    const knowledge = buildKnowledge(parseMarkdown('hrbp.md', page), {});
    const answer = salaryLookup(knowledge, { role: 'HR business partner', question: 'hr adviser salary' });
    expect(answer.kind === 'salary' && answer.figures.map((f) => f.min)).toContain(28000);
  });
});

describe("steps of the role's own ladder in a pay list", () => {
  it('stay the role\'s pay: a title sharing its job noun ("Principal engineer") or a level alone ("Associate"), where a manager is another job', () => {
    const page = [
      '# Software Engineer',
      '',
      'Software engineers build software.',
      '',
      '## Salary',
      '',
      '- Software engineer: $110,000 to $140,000',
      '- Principal engineer: $200,000 to $260,000',
      '- Associate: $90,000 to $105,000',
      '- Engineering manager: $180,000 to $230,000',
      '',
    ].join('\n');
    const knowledge = buildKnowledge(parseMarkdown('swe.md', page), {});
    const answer = salaryLookup(knowledge, { role: 'Software Engineer' });
    expect(answer.kind === 'salary' && answer.figures.map((f) => f.min)).toEqual([110000, 200000, 90000]);
  });
});
