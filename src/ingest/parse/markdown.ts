// Ingest stage "parse: markdown" (pure, no I/O): a Markdown career document -> SourceDoc, parsed by mdast
// (micromark) so that every block keeps its exact source offsets; YAML front matter read by `yaml`.
import type { List, ListItem, RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Block, Section, SourceDoc } from '../../domain/types.js';
import { slugify } from '../text.js';
import { markdownNodes } from './markdown-pieces.js';

const nonEmpty = z.string().trim().min(1);
/** YAML reads `title: 2024` as a number; any scalar but null counts as text. */
const text_ = z.union([z.string(), z.number()]).transform(String).pipe(nonEmpty);

/** The front matter keys the loader understands; anything else is kept out of the index. */
const frontMatterSchema = z
  .object({
    title: text_.optional(),
    roles: z.union([text_.transform((r) => [r]), z.array(text_)]).optional(),
    source: text_.optional(),
  })
  .passthrough();

type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Reads YAML front matter; broken YAML or wrong types throw with the reason, so the file is skipped by name. */
function readFrontMatter(yaml: string): FrontMatter {
  let raw: unknown;
  try {
    raw = parseYaml(yaml) ?? {};
  } catch (error) {
    throw new Error(`front matter is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const r = frontMatterSchema.safeParse(raw);
  if (!r.success) throw new Error(`front matter: ${r.error.issues.map((i) => `${i.path.join('.') || 'it'} ${i.message}`).join('; ')}`);
  return r.data;
}

interface Span {
  start: number;
  end: number;
}

/** The source range of a node, from its first to its last character. */
function rangeOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** A table cell's range without its pipes and padding. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /[|\s]/.test(text.charAt(start))) start++;
  while (end > start && /[|\s]/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/** Parses Markdown into one document; front matter `title`, else the first `#` heading, else the file name, is its title. */
export function parseMarkdown(file: string, text: string): SourceDoc[] {
  const blocks: Block[] = [];
  const sections: Section[] = [{ path: [] }];
  const headings: string[] = [];
  const headingDepths: number[] = [];
  let meta: FrontMatter = {};
  let title: string | undefined;
  const section = () => sections.length - 1;

  const listItems = (list: List, depth: number, parent: number | undefined) => {
    for (const item of list.children) listItem(item, depth, parent);
  };
  const listItem = (item: ListItem, depth: number, parent: number | undefined) => {
    const own = item.children.filter((c) => c.type !== 'list');
    const first = own[0] ? rangeOf(own[0]) : null;
    const last = own[own.length - 1];
    const lastRange = last ? rangeOf(last) : null;
    let self = parent;
    if (first && lastRange) {
      blocks.push({ kind: 'bullet', start: first.start, end: lastRange.end, depth, section: section(), ...(parent === undefined ? {} : { parent }) });
      self = blocks.length - 1;
    }
    for (const child of item.children) if (child.type === 'list') listItems(child, depth + 1, self);
  };
  const visit = (node: RootContent) => {
    const range = rangeOf(node);
    switch (node.type) {
      case 'yaml':
        meta = readFrontMatter(node.value);
        return;
      case 'heading': {
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        const a = first ? rangeOf(first) : null;
        const b = last ? rangeOf(last) : null;
        if (!a || !b) return;
        const name = text.slice(a.start, b.end);
        if (node.depth === 1 && !title && !meta.title) {
          title = name;
          return;
        }
        // A heading closes every open one at its level or deeper: "###" after "###" is a sibling even when the
        // page never used "##" (an FAQ of "###" questions under its "#" title).
        while (headingDepths.length && (headingDepths.at(-1) ?? 0) >= node.depth) {
          headingDepths.pop();
          headings.pop();
        }
        headingDepths.push(node.depth);
        headings.push(name);
        sections.push({ path: [...headings] });
        blocks.push({ kind: 'heading', start: a.start, end: b.end, depth: headings.length, section: section() });
        return;
      }
      case 'list':
        listItems(node, 0, undefined);
        return;
      case 'table': {
        // A row is a bullet under the header row, so every figure is quoted with the column names above it.
        let header: number | undefined;
        for (const row of node.children) {
          const first = row.children[0] ? rangeOf(row.children[0]) : null;
          const last = row.children.at(-1);
          const lastRange = last ? rangeOf(last) : null;
          if (!first || !lastRange) continue;
          const [start, end] = trimmed(text, first.start, lastRange.end);
          blocks.push({
            kind: 'bullet',
            start,
            end,
            depth: header === undefined ? 0 : 1,
            section: section(),
            ...(header === undefined ? {} : { parent: header }),
          });
          header ??= blocks.length - 1;
        }
        return;
      }
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      case 'paragraph':
      case 'code':
      case 'html':
        if (range && text.slice(range.start, range.end).trim()) blocks.push({ kind: 'paragraph', ...range, depth: 0, section: section() });
        return;
      default:
        return;
    }
  };
  for (const node of markdownNodes(text)) visit(node);

  const name = file.replace(/\.[^.]+$/, '');
  return [
    {
      id: slugify(name),
      title: meta.title ?? title ?? name,
      file,
      text,
      roles: meta.roles ?? [],
      ...(meta.source ? { source: meta.source } : {}),
      sections,
      blocks,
    },
  ];
}
