import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';
import { salaryLookup } from '../../src/query/salary.js';

const page = [
  '# Physiotherapist',
  '',
  'Physiotherapists help people recover movement in the UK.',
  '',
  '## Pay: NHS bands and private practice',
  '',
  'NHS physiotherapists are paid on the Agenda for Change scale. Newly qualified physiotherapists start at Band 5, which runs from £29,970 to £36,483 a year in England in 2024/25. Band 6 (specialist physiotherapist) pays £37,338 to £44,962, and Band 7 (highly specialist or team lead) pays £46,148 to £52,809.',
  '',
  '- In private practice, employed junior physiotherapists typically earn £26,000 to £32,000, rising to £40,000 to £55,000 for experienced clinicians',
  '',
].join('\n');
const knowledge = buildKnowledge(parseMarkdown('physiotherapist.md', page), {});
const asked = (question: string) => {
  const answer = salaryLookup(knowledge, { role: 'Physiotherapist', question });
  return answer.kind === 'salary' ? answer.figures.map((f) => f.min) : [];
};

describe('figures picked by the words of a pay question', () => {
  it('gives the band a question names ("band 5 physio salary"), and every band when it names none', () => {
    expect(asked('band 5 physio salary')).toEqual([29970]);
    expect(asked('band 6 or band 7 pay?')).toEqual([37338, 46148]);
    expect(asked('physiotherapist salary')).toEqual([29970, 37338, 46148, 26000, 40000]);
  });

  it('leads with the figures whose label uses a word of the question ("private clinics" -> "private practice")', () => {
    expect(asked('how much do physios in private clinics make')).toEqual([26000, 40000, 29970, 37338, 46148]);
  });
});
