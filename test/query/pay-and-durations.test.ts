import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/domain/answer.js';
import { withContext } from '../../src/domain/types.js';
import { ROOT, tempDir, testRuntime } from '../helpers.js';

let advisor: ReturnType<Awaited<ReturnType<typeof testRuntime>>['advisor']>;
beforeAll(async () => {
  const corpus = tempDir('corpus-');
  cpSync(join(ROOT, 'test/fixtures/pay/au-electrician-pay.md'), join(corpus, 'au-electrician-pay.md'));
  const runtime = await testRuntime(null, corpus);
  await runtime.open();
  advisor = runtime.advisor();
});

const quotes = (a: Answer) => ('citations' in a ? a.citations.map(withContext) : []);

describe('a role’s own pay before its apprentices’', () => {
  it('leads with qualified pay when no level or apprentice is asked', () => {
    const a = advisor.salary({ role: 'Electrician' });
    expect(a.kind === 'salary' && a.figures[0]?.label).toBe('licensed electrician on the award, minimum');
  });

  it('leads with qualified pay for "hourly rate", though the apprentice table heads a column "Hourly rate"', async () => {
    const a = await advisor.ask('electrician hourly rate');
    expect(a.kind === 'salary' && a.figures[0]?.label).toBe('licensed electrician on the award, minimum');
  });

  it('keeps the apprentice table first when the question asks about apprentices', () => {
    const a = advisor.salary({ role: 'Electrician', question: 'electrician apprentice pay' });
    expect(a.kind === 'salary' && a.figures[0]?.label).toBe('1st year');
  });
});

describe('how long something takes', () => {
  it('quotes the sentence that states the duration of what is asked, not a comparison’s aside', async () => {
    const a = await advisor.ask('how long does an electrician apprenticeship take');
    expect(quotes(a)[0]).toMatch(/^It usually takes four years/);
  });
});
