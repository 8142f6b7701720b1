import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/domain/types.js';
import { seedDocs } from '../helpers.js';

const docs = seedDocs();
const main = docs[0]!;
const text = (d: typeof main, i: number) => d.text.slice(d.blocks[i]!.start, d.blocks[i]!.end);
const find = (needle: string, d = main) => d.blocks.findIndex((b) => d.text.slice(b.start, b.end) === needle);

describe('parsing the raw career page', () => {
  it('splits the "More Careers" block into one document per role', () => {
    expect(docs.map((d) => d.title)).toEqual([
      'Backend Engineer Machine Learning Systems',
      'Analytics Manager',
      'Customer Analytics Manager',
      'Technical Business Analyst',
      'Integration Developer',
    ]);
    expect(docs.slice(1).map((d) => d.roles)).toEqual([
      ['Analytics Manager'],
      ['Customer Analytics Manager'],
      ['Technical Business Analyst'],
      ['Integration Developer'],
    ]);
  });

  it('drops site chrome such as the logo and image lines', () => {
    const all = docs.flatMap((d) => d.blocks.map((b) => d.text.slice(b.start, b.end)));
    expect(all.some((t) => /logoAiPathly|^first image$|^second image$/.test(t))).toBe(false);
  });

  it('keeps nested salary bullets attached to their parent role', () => {
    const child = find('Average base salary: $157,969');
    expect(child).toBeGreaterThan(0);
    expect(text(main, main.blocks[child]!.parent!)).toBe('Machine Learning Engineers:');
    expect(text(main, main.blocks[find('Top-paying markets: Vancouver ($175,000), New York ($165,000), Minneapolis ($153,000)')]!.parent!)).toBe(
      'Backend Engineers:',
    );
  });

  it('recognises headings and nests list-led headings under the previous section', () => {
    const salary = main.blocks[find('Average base salary: $157,969')]!;
    expect(sourceLabel(main, salary.section)).toBe('Backend Engineer Machine Learning Systems › Salary Ranges (US Market, 2024) › Comparative Salary Data');
    const numbered = main.blocks[find('Design, build, and refine ML systems for data analysis and prediction')]!;
    expect(main.sections[numbered.section]!.path).toEqual(['Core Responsibilities', 'ML Model Development and Implementation']);
  });

  it('splits a closing paragraph that the scrape glued onto the last bullet', () => {
    expect(find('Distributed computing')).toBeGreaterThan(0);
    const tail = main.blocks.find((b) => main.text.slice(b.start, b.end).startsWith('By understanding these aspects'));
    expect(tail?.kind).toBe('paragraph');
  });

  it('parses inline "###" sub-headings and dash lists of the role pages', () => {
    const dev = docs[4]!;
    expect(dev.sections.map((s) => s.path.join(' › '))).toEqual([
      '',
      'Key Responsibilities',
      'Required Skills and Knowledge',
      'Educational and Experience Requirements',
      'Career Context',
      'Salary and Growth Prospects',
    ]);
    const bullets = dev.blocks.filter((b) => b.kind === 'bullet').map((b) => dev.text.slice(b.start, b.end));
    expect(bullets).toContain('Keen attention to detail');
    expect(bullets).toContain('At least 2 years of experience in programming or a related field');
  });

  it('gives every block an exact, trimmed slice of the source text', () => {
    for (const d of docs) {
      for (const b of d.blocks) {
        const t = d.text.slice(b.start, b.end);
        expect(t.length).toBeGreaterThan(0);
        expect(t).toBe(t.trim());
        expect(t.startsWith('•')).toBe(false);
      }
    }
  });
});
