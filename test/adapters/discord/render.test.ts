import { describe, expect, it } from 'vitest';
import { LIMITS, escapeMarkdown, fitEmbed, renderAnswer, renderQuotes, renderSources } from '../../../src/adapters/discord/render.js';
import { ANSWER_BUDGET } from '../../../src/adapters/format.js';
import type { AskAnswer } from '../../../src/domain/answer.js';
import type { Citation } from '../../../src/domain/types.js';

const cite = (quote: string, section = 'Doc › Section'): Citation => ({ doc: 'Doc', section, quote, score: 1, docId: 'doc', start: 0, end: quote.length });
const sentence = (i: number) => `Sentence number ${i} explains a responsibility of the role in some detail.`;
const ask = (citations: Citation[]): AskAnswer => ({ kind: 'ask', answered: true, question: 'q', intent: 'general', roles: [], citations });

describe('rendering answers for Discord', () => {
  it('escapes markdown and neutralises mentions and masked links in quoted text', () => {
    const out = escapeMarkdown('Ping @everyone and <@123456789012345678>, **bold** _it_ `code` [click](https://evil.example)');
    expect(out).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(out).toContain('<\u200b@123456789012345678>');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\[click\\](https://evil.example)');
  });

  it('shows at most the answer budget of quotes, names each source once, and points to the rest', () => {
    const citations = Array.from({ length: 40 }, (_, i) => cite(sentence(i), `Doc › Section ${Math.floor(i / 2)}`));
    const text = renderQuotes(citations);
    expect(text.match(/^> /gm)).toHaveLength(ANSWER_BUDGET.quotes);
    expect(text.match(/— \*/g)).toHaveLength(2);
    expect(text).toContain('— *Doc › Section 0*');
    expect(text).toContain('— *Section 1*');
    expect(text).toMatch(/\(\+36 more quotes: see Sources\)/);
  });

  it('trims an oversized embed at a word boundary within every limit', () => {
    const long = Array.from({ length: 900 }, (_, i) => sentence(i)).join(' ');
    const embed = fitEmbed({
      title: long,
      description: long,
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `Field ${i}`, value: long })),
      footer: { text: 'Index built' },
    });
    expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.fields?.length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.total);
    expect(embed.title).toMatch(/[a-z.]…$/);
    expect(embed.description).toMatch(/see Sources for the full quotes\)$/);
  });

  it('spreads many quotes over embeds within the 6,000-character message total', () => {
    const many = ask(Array.from({ length: 60 }, (_, i) => cite(`${sentence(i)} ${sentence(i + 1)}`)));
    const { embeds } = renderSources(many) as { embeds: { description?: string; footer?: { text: string } }[] };
    const total = embeds.reduce((n, e) => n + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(LIMITS.total);
    for (const e of embeds) expect(e.description?.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embeds.at(-1)?.footer?.text).toMatch(/^\d+ more quotes not shown/);
  });

  it('shows every quote in the private Sources view and never allows mentions', () => {
    const answer = ask([cite('@everyone look', 'A › B')]);
    const sources = renderSources(answer);
    expect(sources.embeds?.[0]).toMatchObject({ title: 'Sources' });
    expect(sources.embeds?.[0] && 'description' in sources.embeds[0] ? sources.embeds[0].description : '').toContain('@\u200beveryone');
    expect(renderAnswer(answer, { answerId: 'a1', builtAt: '2026-11-25T06:00:00.000Z' }).allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});
