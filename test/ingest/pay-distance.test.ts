import { describe, expect, it } from 'vitest';
import type { SalaryFact } from '../../src/domain/knowledge.js';
import { parsePage } from '../../src/ingest/parse/page.js';
import { salaryLookup } from '../../src/query/salary.js';
import { brief, factsOf, payFacts } from '../fixtures/pay-facts.js';

describe('pay per distance driven', () => {
  const driver = (pay: string) =>
    factsOf(
      `# Truck Driver\n\nTruck drivers move freight.\n\n## Pay\n\nMost drivers are paid by distance. All figures below are in Canadian dollars for 2024.\n\n${pay}\n`,
    );

  it('reads a table column headed "per km" or "per mile" as pay of that distance', () => {
    const table = [
      '| Experience | Domestic (per km) | Cross-border (per mile) |',
      '|---|---|---|',
      '| New driver (0-1 year) | $0.50 - $0.55 | $0.58 - $0.63 |',
    ].join('\n');
    expect(driver(table).map((f) => [f.min, f.max, f.currency, f.period, f.level])).toEqual([
      [0.5, 0.55, 'CAD', 'km', 'New driver (0-1 year)'],
      [0.58, 0.63, 'CAD', 'mile', 'New driver (0-1 year)'],
    ]);
  });

  it("keeps a year's pay yearly in a section that says drivers are paid per kilometre, and names it by no pronoun", () => {
    const facts = factsOf(
      '# Truck Driver\n\nTruck drivers move freight.\n\n## Pay\n\nCanadian carriers pay per kilometre for domestic lanes.\n\nTeam drivers share one truck and split a higher rate, and each can earn $80,000 to $100,000.\n',
    );
    expect(facts.map((f) => [f.label, f.min, f.period])).toEqual([['Pay', 80000, 'year']]);
  });

  it('reads "per mile" and "per kilometre" after a figure in running text', () => {
    expect(driver('Owner-operators are paid around $2.00 to $2.40 per mile but cover their own fuel.').map((f) => [f.min, f.period])).toEqual([[2, 'mile']]);
    expect(driver('Company drivers earn about 55 cents to $0.60 per kilometre.').map((f) => f.period)).toEqual(['km']);
  });
});
