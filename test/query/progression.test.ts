import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Advisor } from '../../src/query/advisor.js';
import { ROOT, folderAdvisor } from '../helpers.js';

let advisor: Advisor;
beforeAll(async () => {
  advisor = await folderAdvisor(join(ROOT, 'test/fixtures/review12'));
});

describe('questions about where a job leads', () => {
  it('answers "career progression" with the page\'s progression section in its own order', async () => {
    const a = await advisor.ask('technical writer career progression');
    expect(a.intent).toBe('progression');
    expect(a.citations.map((c) => c.section.split(' › ').at(-1))).toEqual(['Career progression', 'Career progression']);
    expect(a.citations[0]?.quote).toMatch(/^Junior technical writer, then technical writer, senior technical writer/);
  });

  it('answers "what\'s next after senior" with the next rung, not the senior pay', async () => {
    const a = await advisor.ask("what's next after senior quantity surveyor");
    expect(a.citations[0]?.quote).toBe('With experience you could become a senior quantity surveyor, then a commercial manager or commercial director.');
  });
});
