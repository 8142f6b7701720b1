import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/ingest/knowledge/index.js';
import { parseMarkdown } from '../../src/ingest/parse/markdown.js';

const md = `---
title: Data Engineer
roles: [Data Engineer, ETL Developer]
source: https://example.org/data-engineer
---
Intro paragraph about the role.
It continues on a second line.

## Skills
- SQL
  - Window functions
- Python

## Salary
1. Junior: $90,000 - $110,000 per year
`;

describe('parsing Markdown documents', () => {
  const [doc] = parseMarkdown('data-engineer.md', md);

  it('reads front matter title, roles and source', () => {
    expect(doc!.title).toBe('Data Engineer');
    expect(doc!.roles).toEqual(['Data Engineer', 'ETL Developer']);
    expect(doc!.source).toBe('https://example.org/data-engineer');
  });

  it('turns headings into sections and nested list items into child bullets', () => {
    const blocks = doc!.blocks.map((b) => ({
      kind: b.kind,
      text: doc!.text.slice(b.start, b.end),
      path: doc!.sections[b.section]!.path.join('/'),
      parent: b.parent,
    }));
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: 'Intro paragraph about the role.\nIt continues on a second line.', path: '', parent: undefined });
    const nested = blocks.find((b) => b.text === 'Window functions')!;
    expect(nested.path).toBe('Skills');
    expect(blocks[nested.parent!]!.text).toBe('SQL');
    expect(blocks.find((b) => b.text.startsWith('Junior'))!.path).toBe('Salary');
  });

  it('falls back to the first # heading, then the file name, for the title', () => {
    expect(parseMarkdown('x.md', '# Platform Engineer\n\nText.')[0]!.title).toBe('Platform Engineer');
    expect(parseMarkdown('site-reliability.md', 'Just text.')[0]!.title).toBe('site-reliability');
  });
});

describe('front matter problems', () => {
  it('rejects front matter that is not YAML with the reason, so the loader can name the file', () => {
    expect(() => parseMarkdown('bad.md', '---\ntitle: [unclosed\n---\n# X\n')).toThrow(/front matter is not valid YAML/);
  });

  it('rejects a title that is not text and accepts a single role written as a string', () => {
    expect(() => parseMarkdown('bad.md', '---\ntitle: \nroles: []\n---\nText.\n')).toThrow(/front matter: title/);
    expect(parseMarkdown('ok.md', '---\ntitle: SRE\nroles: Site Reliability Engineer\n---\nText.\n')[0]?.roles).toEqual(['Site Reliability Engineer']);
  });

  it('keeps quotes exact in documents with code fences, quotes and nested lists', () => {
    const text = '# Role\n\n> Quoted intro line.\n\n```\n## not a heading\n```\n\n- Top\n  - Child **bold**\n';
    const [doc] = parseMarkdown('x.md', text);
    expect(doc?.sections.map((s) => s.path.join('/'))).toEqual(['']);
    expect(doc?.blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Quoted intro line.', '```\n## not a heading\n```', 'Top', 'Child **bold**']);
  });
});

describe('tables', () => {
  const md = [
    '# Game Developer',
    '',
    '## Money',
    '',
    'Figures below are approximate base salaries from 2024 surveys.',
    '',
    '| Location | Junior | Senior |',
    '|---|---|---|',
    '| United States | $65,000-$80,000 | $130,000-$170,000 |',
    '| Canada (Montreal) | C$55,000 | C$105,000 |',
    '',
  ].join('\n');

  it('quotes each row exactly, under its header row', () => {
    const [doc] = parseMarkdown('g.md', md);
    const rows = doc?.blocks.filter((b) => b.kind === 'bullet') ?? [];
    expect(rows.map((b) => [doc?.text.slice(b.start, b.end), b.depth])).toEqual([
      ['Location | Junior | Senior', 0],
      ['United States | $65,000-$80,000 | $130,000-$170,000', 1],
      ['Canada (Montreal) | C$55,000 | C$105,000', 1],
    ]);
    expect(rows.slice(1).every((b) => b.parent === doc?.blocks.indexOf(rows[0] as (typeof rows)[number]))).toBe(true);
  });

  it('reads each cell of a salary table as a figure named by its row and column', () => {
    const docs = parseMarkdown('g.md', md);
    const { salaries } = buildKnowledge(docs, {});
    expect(salaries.map((f) => [f.location, f.level, f.min ?? f.value, f.currency, f.year])).toEqual([
      ['United States', 'Junior', 65000, 'USD', 2024],
      ['United States', 'Senior', 130000, 'USD', 2024],
      ['Montreal', 'Junior', 55000, 'CAD', 2024],
      ['Montreal', 'Senior', 105000, 'CAD', 2024],
    ]);
  });
});

describe('headings that skip a level', () => {
  it('reads "###" headings after a "#" title as siblings, not each nested in the one before', () => {
    const [faq] = parseMarkdown(
      'faq.md',
      '# GRC Analyst FAQ\n\n### What does a GRC analyst do?\n\nThey manage risk.\n\n### How much do they earn?\n\nA lot.\n\n#### In Toronto\n\nMore.\n\n### Is there on-call?\n\nNo.\n',
    );
    expect(faq!.sections.map((s) => s.path.join(' / '))).toEqual([
      '',
      'What does a GRC analyst do?',
      'How much do they earn?',
      'How much do they earn? / In Toronto',
      'Is there on-call?',
    ]);
  });
});
