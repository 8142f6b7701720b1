import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/query/advisor.js';
import { tempDir, testRuntime } from '../helpers.js';

const PAGES = join(import.meta.dirname, '../fixtures/pages');

/** An advisor over two careers pages: a UX writer page titled by two job titles, and an air traffic controller page. */
let advisor: Advisor;
beforeAll(async () => {
  const corpus = tempDir('corpus-');
  for (const file of ['ux-writer.html', 'air-traffic-controller.txt']) copyFileSync(join(PAGES, file), join(corpus, file));
  const runtime = await testRuntime(null, corpus);
  await runtime.open();
  advisor = runtime.advisor();
});

describe('a page titled by two job titles, over the whole advisor', () => {
  it('lists the role by its first title, with the second as another name, and with salary data', () => {
    const ux = advisor.roles().catalog.find((r) => r.name === 'UX Writer');
    expect(ux).toMatchObject({ hasSalary: true, aliases: expect.arrayContaining(['Content Designer']) });
  });

  it('answers a pay question by the second title, for one of two places a column is headed by', async () => {
    const a = await advisor.ask('content designer salary new york');
    expect(a.kind === 'salary' && a.figures.map((f) => [a.role, f.location, f.min])).toEqual([
      ['UX Writer', 'San Francisco / New York', 85000],
      ['UX Writer', 'San Francisco / New York', 150000],
    ]);
  });

  it('answers remote pay with the remote column only', async () => {
    const a = await advisor.ask('remote ux writer pay');
    expect(a.kind === 'salary' && a.figures.map((f) => f.location)).toEqual(['Remote', 'Remote']);
  });

  it('gives salary and compare by the second title, with the three figures of a line of labelled levels', () => {
    const s = advisor.salary({ role: 'Content Designer' });
    expect(s.kind === 'salary' && s.role).toBe('UX Writer');
    const c = advisor.compare('content designer', 'air traffic controller');
    const pay = c.kind === 'compare' ? c.rows.find((r) => r.aspect === 'Salary') : undefined;
    expect(pay?.a.length).toBe(6);
    expect(pay?.aspect === 'Salary' && pay.b.map((f) => f.level)).toEqual(['Trainee', 'Valid controller', 'Senior controller']);
  });
});
