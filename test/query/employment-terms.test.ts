import { beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYMENT_TERMS } from '../../src/domain/vocabulary.js';
import type { Advisor } from '../../src/query/advisor.js';
import { pagesAdvisor } from '../helpers.js';

const asksAbout = (question: string) => EMPLOYMENT_TERMS.filter((re) => re.test(question)).length;

describe('terms of employment a question asks about', () => {
  it('finds visas, pensions (Australia\'s "super" too), leave, unions, equity and allowances', () => {
    expect(
      [
        'do uk law firms sponsor visas',
        'do apprentices get super on top of their hourly rate',
        'is there a pension',
        'how long is maternity leave',
        'are game devs unionised',
        'stock grants vesting schedule',
        'do they get a tool allowance',
        'how many vacation days',
        'how much super do employers pay on top',
      ].map(asksAbout),
    ).toEqual([1, 1, 1, 1, 1, 2, 1, 1, 1]);
  });

  it('leaves everyday words alone', () => {
    expect(['is the job super stressful', 'what does a plumber do', 'how do I get a licence', 'how long is the course'].map(asksAbout)).toEqual([0, 0, 0, 0]);
  });
});

describe('answering a question about a term of employment', () => {
  let advisor: Advisor;
  beforeAll(async () => {
    advisor = await pagesAdvisor({
      'plumber.md':
        '# Plumber\n\nPlumbers install and repair water systems.\n\n## Pay\n\n- First-year apprentice: $18 to $20 an hour\n- Qualified plumber: $1,850 a week\n\n## Conditions\n\nMost plumbers get a van and a tool allowance of $20 a week from their employer. Plumbers work for employers or run their own business, and some join a union.\n\n## Apprenticeships\n\nUnion apprenticeships are run through local chapters anywhere in the country.\n',
      'electrician.md':
        '# Electrician\n\nElectricians install wiring.\n\n## Benefits\n\nEmployers pay into a pension for every electrician, and many offer stock options.\n',
      'game-designer.md':
        '# Game Designer\n\nGame designers decide how a game plays.\n\n## Designer or developer?\n\nJob ads for a "game developer" usually mean a programmer, and game developers write the engine code.\n',
    });
  });

  it('answers from a passage that speaks of it', async () => {
    const a = await advisor.ask('do plumbers get a tool allowance');
    expect(a.citations[0]?.quote).toBe('Most plumbers get a van and a tool allowance of $20 a week from their employer.');
    expect((await advisor.ask('do plumbers join a union')).answered).toBe(true);
  });

  it("refuses when the role's passages never speak of it, however many other words they share", async () => {
    expect((await advisor.ask('do plumbers employers offer a pension')).answered).toBe(false);
    expect((await advisor.ask('plumber pay with pension')).answered).toBe(false);
  });

  it("does not count another job's page speaking of it as an answer about the job asked", async () => {
    expect((await advisor.ask('are game developers unionised anywhere?')).answered).toBe(false);
  });
});
