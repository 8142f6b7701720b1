import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { markdownNodes } from '../../src/ingest/parse/markdown-pieces.js';
import { linearConsumeInstalled, upstreamConsume } from '../../src/ingest/parse/micromark-linear.js';
import { ROOT } from '../helpers.js';

const FM = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };
/**
 * Node types the Markdown parser reads; `list` is left out because a cut may split one list into two, and inline
 * nodes because a link reference defined in another piece stays text (same offsets, a different node type).
 */
const READ = new Set(['yaml', 'heading', 'paragraph', 'code', 'html', 'listItem', 'thematicBreak', 'definition']);

/** Every block the project could read, with its list depth and exact offsets (a heading's text range too). */
function blocks(nodes: Iterable<Nodes>, depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    if (!READ.has(n.type)) {
      if (n.type === 'list' || n.type === 'blockquote' || n.type === 'root') blocks(n.children as Nodes[], depth + (n.type === 'list' ? 1 : 0), out);
      continue;
    }
    out.push(`${n.type}@${depth}:${n.position?.start.offset}-${n.position?.end.offset}`);
    if (n.type === 'heading') out.push(`  text:${n.children[0]?.position?.start.offset}-${n.children.at(-1)?.position?.end.offset}`);
    if (n.type === 'listItem') blocks(n.children as Nodes[], depth, out);
  }
  return out;
}

const whole = (text: string) => blocks(fromMarkdown(text, FM).children);
/** Cutting at every possible place (pieces of 1 byte) is the harshest check of where the cuts land. */
const cut = (text: string) => blocks(markdownNodes(text, 1));

const TRICKY: Record<string, string> = {
  'fenced code holding headings, bullets and blank lines': '# T\n\nText\n\n```sh\n# not a heading\n\n- not a bullet\n\nplain\n```\n\n## After\n\n- a\n',
  'tilde fence and a longer closing fence': '~~~\n# x\n\n- y\n~~~~\n# Real\n',
  'an unclosed fence runs to the end': 'Intro\n\n```\n# code\n\n- code\n',
  'HTML blocks of every kind':
    '<div>\n# inside div\n- inside\n</div>\n\n# out\n\n<pre>\n\n# in pre\n\n</pre>\n# after pre\n\n<!-- note\n\n# in comment\n-->\n- b\n',
  'front matter with a YAML list at column 0': '---\ntitle: X\nroles:\n- Data Engineer\n- Analyst\n---\n\n## Skills\n- SQL\n',
  'front matter never closed': '---\ntitle: X\n\n# not a heading\n',
  'tight nested lists and ordered lists': '- a\n  - b\n    - c\n- d\n1. one\n2. two\n   - x\n3. three\n\n10. ten\n- e\n',
  'block quotes, lazy lines and setext headings': '> quote\nlazy\n- item\n\nTitle\n=====\n\nSub\n---\n- - -\n* * *\n+ plus\n',
  'list items holding fences closed at column 0': '- item\n  ```\n  code\n```\n# inside the top-level fence\n```\n\n- next\n',
  'indented code and tabs': '    code\n# h\n\tcode\n- x\n\n\t- y\n',
  'link reference definitions': '[a]: /one\n# [a]\n\n- [a]\n[b]: /two\n',
};

describe('parsing Markdown piece by piece', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`reads the same blocks as one whole parse: ${name}`, () => {
      expect(cut(text)).toEqual(whole(text));
    });
  }

  it('reads the same blocks as one whole parse for every Markdown fixture', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'corpus-b');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(cut(text), f).toEqual(whole(text));
    }
  });

  it('reads the same blocks as one whole parse for 300 random mixes of Markdown lines', () => {
    const palette = [
      '# H',
      '## H2',
      '- a',
      '  - b',
      '    - c',
      '* s',
      '1. o',
      '2. t',
      '',
      '',
      'text',
      'more text',
      '> q',
      '```',
      '~~~',
      '    ind',
      '<div>',
      '</div>',
      '<pre>',
      '</pre>',
      '<!--',
      '-->',
      '---',
      '===',
      '+ p',
      '[r]: /u',
      '\t- tab',
      '- ```',
      '  ```',
      '- [r]',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 5 + (next() % 40) }, () => palette[next() % palette.length]).join('\n');
      expect(cut(text), JSON.stringify(text)).toEqual(whole(text));
    }
  });

  it('gives micromark a tail-only EditMap.consume that produces the same events as upstream', () => {
    expect(linearConsumeInstalled()).toBe(true);
    const text = `${'- a\n  - b\n    > q\n'.repeat(50)}\n${readFileSync(join(ROOT, 'test', 'fixtures', 'corpus-b', 'data-engineer.md'), 'utf8')}`;
    const fast = JSON.stringify(fromMarkdown(text, FM));
    const patched = EditMap.prototype.consume;
    EditMap.prototype.consume = upstreamConsume;
    try {
      expect(JSON.stringify(fromMarkdown(text, FM))).toBe(fast);
    } finally {
      EditMap.prototype.consume = patched;
    }
  });
});
