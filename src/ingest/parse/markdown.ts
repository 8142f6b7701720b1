// Ingest stage "parse" (pure): a Markdown career document (front matter, # headings, lists) -> SourceDoc.
import type { Block, Section, SourceDoc } from '../../domain/types.js';
import { slugify } from '../text.js';

interface FrontMatter {
  title?: string;
  roles: string[];
  source?: string;
}

/** Reads `---`-fenced `key: value` front matter; `roles` may be `[a, b]` or a `- item` list. */
function frontMatter(text: string): { meta: FrontMatter; bodyStart: number } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  const meta: FrontMatter = { roles: [] };
  if (!m) return { meta, bodyStart: 0 };
  let listKey: string | undefined;
  for (const line of m[1]!.split(/\r?\n/)) {
    const item = /^\s*-\s+(.+)$/.exec(line);
    if (item && listKey === 'roles') {
      meta.roles.push(unquote(item[1]!));
      continue;
    }
    const kv = /^(\w+)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const [, key, value = ''] = kv;
    listKey = key;
    if (key === 'title' && value) meta.title = unquote(value);
    if (key === 'source' && value) meta.source = unquote(value);
    if (key === 'roles' && value)
      meta.roles.push(
        ...value
          .replace(/^\[|\]$/g, '')
          .split(',')
          .map(unquote)
          .filter(Boolean),
      );
  }
  return { meta, bodyStart: m[0].length };
}

function unquote(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}

/** Parses Markdown into one document; the first `#` heading (or front matter `title`) is its title. */
export function parseMarkdown(file: string, text: string): SourceDoc[] {
  const { meta, bodyStart } = frontMatter(text);
  const blocks: Block[] = [];
  const sections: Section[] = [{ path: [] }];
  const headings: string[] = [];
  let title = meta.title;
  let paragraph: { start: number; end: number } | undefined;
  let list: { indent: number; block: number }[] = [];
  let inFence = false;

  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', ...paragraph, depth: 0, section: sections.length - 1 });
    paragraph = undefined;
  };

  let pos = bodyStart;
  for (const raw of text.slice(bodyStart).split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    const line = raw.replace(/\s+$/, '');
    const end = start + line.length;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    const item = inFence ? null : /^(\s*)([-*+]|\d{1,3}[.)])\s+(\S.*)$/.exec(line);
    if (!line.trim()) {
      flush();
      continue;
    }
    if (heading) {
      flush();
      list = [];
      const level = heading[1]!.length;
      const name = heading[2]!;
      const contentStart = start + line.indexOf(name);
      if (level === 1 && !title) {
        title = name;
        continue;
      }
      headings.length = Math.max(0, Math.min(headings.length, level - 2));
      headings.push(name);
      sections.push({ path: [...headings] });
      blocks.push({ kind: 'heading', start: contentStart, end: contentStart + name.length, depth: headings.length, section: sections.length - 1 });
      continue;
    }
    if (item) {
      flush();
      const indent = item[1]!.length;
      while (list.length && list[list.length - 1]!.indent >= indent) list.pop();
      const parent = list[list.length - 1]?.block;
      const contentStart = end - item[3]!.length;
      blocks.push({
        kind: 'bullet',
        start: contentStart,
        end,
        depth: list.length,
        section: sections.length - 1,
        ...(parent === undefined ? {} : { parent }),
      });
      list.push({ indent, block: blocks.length - 1 });
      continue;
    }
    const contentStart = start + (line.length - line.trimStart().length);
    if (paragraph) paragraph.end = end;
    else {
      list = [];
      paragraph = { start: contentStart, end };
    }
  }
  flush();

  const name = file.replace(/\.[^.]+$/, '');
  return [
    {
      id: slugify(name),
      title: title ?? name,
      file,
      text,
      roles: meta.roles,
      ...(meta.source ? { source: meta.source } : {}),
      sections,
      blocks,
    },
  ];
}
