import { beforeAll, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/query/advisor.js';
import { testAdvisor } from '../helpers.js';

let advisor: Advisor;
beforeAll(async () => {
  advisor = await testAdvisor();
});

describe('asking free questions', () => {
  it('quotes the salary bullets with their source for "How much do machine learning engineers make?"', async () => {
    const a = await advisor.ask('How much do machine learning engineers make?');
    expect(a.answered).toBe(true);
    expect(a.intent).toBe('salary');
    expect(a.citations.map((c) => c.quote)).toEqual(expect.arrayContaining(['Average base salary: $157,969', 'Average total compensation: $202,331']));
    expect(a.text).toContain('Salary Ranges (US Market, 2024) › Comparative Salary Data');
  });

  it.each(['best sourdough recipe', "what's the weather in Paris tomorrow", 'who won the world cup'])('gives an honest no-answer to off-topic "%s"', async (q) => {
    const a = await advisor.ask(q);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.text).toMatch(/couldn't find that/);
    expect(a.text).not.toMatch(/\$\d/);
  });

  it('quotes exact slices of the source documents', async () => {
    const a = await advisor.ask('What are common challenges when integrating ML into backend systems?');
    expect(a.answered).toBe(true);
    const docs = new Map(advisor.index.docs.map((d) => [d.id, d]));
    for (const c of a.citations) expect(docs.get(c.docId)!.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('answers skills questions with the role’s skill lists', async () => {
    const a = await advisor.ask('What skills do I need to become an ML engineer?');
    expect(a.intent).toBe('skills');
    expect(a.text).toContain('Key Competencies for ML Engineers');
    expect(a.citations.map((c) => c.quote)).toContain('Programming: Proficiency in languages like Python, Java, and C++.');
  });

  it('understands "PhD" and "people skills"', async () => {
    expect((await advisor.ask('Do I need a PhD?')).citations.map((c) => c.quote)).toContain("Advanced degree (Master's or Ph.D.) often preferred");
    const soft = await advisor.ask('What people skills matter for backend engineers?');
    expect(soft.text).toContain('Essential Soft Skills');
  });

  it('routes comparisons and salary questions to their engines', async () => {
    expect((await advisor.ask('backend vs ML engineer?')).rows?.length).toBeGreaterThan(4);
    const city = await advisor.ask('which city pays backend engineers the most?');
    expect(city.text).toMatch(/Vancouver \(\$175,000\)/);
    const total = await advisor.ask('total comp for hybrid roles?');
    expect(total.figures!.every((f) => f.kind === 'total_compensation')).toBe(true);
  });

  it('resolves follow-ups against the previous turn', async () => {
    const first = await advisor.ask('What does a backend machine learning engineer earn?');
    const next = await advisor.ask('and for senior roles?', { intent: first.intent, roles: first.roles ?? [] });
    expect(next.figures!.map((f) => f.level)).toEqual(['senior']);
    const skills = await advisor.ask('what about skills?', { intent: 'role', roles: ['Machine Learning Engineer'] });
    expect(skills.text).toContain('Key skills');
  });

  it('keeps every answer within Discord’s 2,000 characters', async () => {
    for (const q of ['What are the best practices?', 'Tell me everything about ML engineers skills', 'backend vs ML engineer?', 'roles?']) {
      expect((await advisor.ask(q)).text.length).toBeLessThanOrEqual(2000);
    }
  });
});
