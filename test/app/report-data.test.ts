import { describe, expect, it } from 'vitest';
import type { LoggedQuestion } from '../../src/app/question-log.js';
import { buildReport, citableSections, clusterTopics } from '../../src/app/report-data.js';
import { seedDocs } from '../helpers.js';

const DAY = 86_400_000;
const NOW = Date.parse('2024-06-10T12:00:00Z');
let n = 0;
const q = (over: Partial<LoggedQuestion>): LoggedQuestion => ({
  id: `q${n++}`,
  at: NOW - DAY,
  surface: 'discord',
  via: 'ask',
  question: 'What skills does a data engineer need?',
  intent: 'skills',
  roles: [],
  answered: true,
  citations: [],
  ms: 10,
  up: 0,
  down: 0,
  ...over,
});

describe('report figures', () => {
  it('groups questions that share a specific term into one topic, named as people wrote it', () => {
    const topics = clusterTopics([
      'How much does a pilot earn?',
      'pilot salaries',
      'How do I become a pilot?',
      'What skills does a robotics engineer need?',
      'robotics engineer salary',
      'best sourdough recipe',
      'pilot salaries',
    ]);
    expect(topics[0]).toEqual({ topic: 'pilot', count: 4, examples: ['pilot salaries', 'How do I become a pilot?', 'How much does a pilot earn?'] });
    expect(topics[1]).toMatchObject({ topic: 'robotics engineer', count: 2 });
    expect(topics.map((t) => t.count)).toEqual([4, 2, 1]);
  });

  it('counts questions per day and surface, answered rate, votes by intent and role, and cited sections', () => {
    const rows = [
      q({ at: NOW - 2 * DAY, surface: 'cli', answered: false, question: 'pilot salary', intent: 'salary' }),
      q({ at: NOW - DAY, citations: ['Doc › Skills'], up: 1, roles: ['Data Engineer'] }),
      q({ at: NOW - DAY, surface: 'chat', citations: ['Doc › Skills', 'Doc › Pay'], down: 1, intent: 'salary', roles: ['Data Engineer'] }),
      q({ at: NOW - 40 * DAY, question: 'too old' }),
    ];
    const r = buildReport(rows, ['Doc › Skills', 'Doc › Pay', 'Doc › Outlook'], { days: 30, now: NOW });
    expect(r).toMatchObject({ questions: 3, answered: 2, answeredRate: 2 / 3 });
    expect(r.byDay).toEqual([
      { day: '2024-06-08', total: 1, answered: 0, discord: 0, chat: 0, cli: 1 },
      { day: '2024-06-09', total: 2, answered: 2, discord: 1, chat: 1, cli: 0 },
      { day: '2024-06-10', total: 0, answered: 0, discord: 0, chat: 0, cli: 0 },
    ]);
    expect(r.unanswered).toEqual([{ topic: 'pilot', count: 1, examples: ['pilot salary'] }]);
    expect(r.downvoted).toHaveLength(1);
    expect(r.feedback).toMatchObject({ up: 1, down: 1 });
    expect(r.feedback.byIntent).toEqual([
      { name: 'salary', up: 0, down: 1 },
      { name: 'skills', up: 1, down: 0 },
    ]);
    expect(r.feedback.byRole).toEqual([{ name: 'Data Engineer', up: 1, down: 1 }]);
    expect(r.sections).toEqual({
      total: 3,
      mostCited: [
        { label: 'Doc › Skills', count: 2 },
        { label: 'Doc › Pay', count: 1 },
      ],
      neverCited: ['Doc › Outlook'],
    });
  });

  it('lists every section of the index that holds text, in the citation label format', () => {
    const docs = seedDocs();
    const chunks = docs.flatMap((d) =>
      d.blocks.map((b, i) => ({ id: `${d.id}-${i}`, docId: d.id, section: b.section, start: b.start, end: b.end, spans: [], text: '' })),
    );
    const labels = citableSections({ docs, chunks });
    expect(labels).toContain('Backend Engineer Machine Learning Systems › Salary Ranges (US Market, 2024) › Comparative Salary Data');
    expect(new Set(labels).size).toBe(labels.length);
  });
});
