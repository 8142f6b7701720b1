// Ingest stage "parse" (pure): a raw scraped career page -> one SourceDoc per page and per "More Careers" role.
import type { Block, Section, SourceDoc } from '../../domain/types.js';
import { slugify, trailingProseStart } from '../text.js';
import { isValueOfLabel, pageStructure } from './page-structure.js';

class DocBuilder {
  readonly blocks: Block[] = [];
  readonly sections: Section[] = [{ path: [] }];
  private topHeading: string | undefined;
  private listStack: { indent: number; block: number }[] = [];
  private lastItem = -1;

  constructor(
    readonly title: string,
    readonly start: number,
  ) {}

  heading(start: number, end: number, title: string, level: 1 | 2): void {
    this.endList();
    if (level === 1) this.topHeading = title;
    const path = level === 1 || !this.topHeading ? [title] : [this.topHeading, title];
    this.sections.push({ path });
    this.blocks.push({ kind: 'heading', start, end, depth: path.length, section: this.sections.length - 1 });
  }

  /** Starts a section with no heading (the page lost it): cited by the document title alone. */
  untitled(): void {
    this.endList();
    this.topHeading = undefined;
    this.sections.push({ path: [] });
  }

  /** True when the current section already holds a list and the last block is not its heading. */
  get afterList(): boolean {
    const section = this.sections.length - 1;
    const last = this.blocks[this.blocks.length - 1];
    return !!last && last.kind !== 'heading' && this.blocks.some((b) => b.section === section && b.kind === 'bullet');
  }

  paragraph(start: number, end: number): void {
    this.endList();
    this.blocks.push({ kind: 'paragraph', start, end, depth: 0, section: this.sections.length - 1 });
  }

  /**
   * Runs the value on the next line into its label's paragraph ("Typical hours (a week)" then "37 to 40 variable"), so
   * a quote of the label carries its value; false when the last block is not that label's one-line paragraph.
   */
  valueOf(labelStart: number, labelEnd: number, end: number): boolean {
    const last = this.blocks[this.blocks.length - 1];
    if (!last || last.kind !== 'paragraph' || last.start !== labelStart || last.end !== labelEnd) return false;
    last.end = end;
    return true;
  }

  item(start: number, end: number, indent: number): void {
    while ((this.listStack.at(-1)?.indent ?? -1) >= indent) this.listStack.pop();
    const parent = this.listStack[this.listStack.length - 1]?.block;
    this.blocks.push({
      kind: 'bullet',
      start,
      end,
      depth: this.listStack.length,
      section: this.sections.length - 1,
      ...(parent === undefined ? {} : { parent }),
    });
    this.lastItem = this.blocks.length - 1;
    this.listStack.push({ indent, block: this.lastItem });
  }

  /** Closes the open list, splitting a closing paragraph off its last item. */
  endList(text?: string): void {
    const last = this.blocks[this.lastItem];
    if (last && text !== undefined) {
      const at = trailingProseStart(text.slice(last.start, last.end));
      if (at > 0) {
        const tailStart = last.start + at;
        const tailEnd = last.end;
        last.end = last.start + text.slice(last.start, tailStart).trimEnd().length;
        this.blocks.push({ kind: 'paragraph', start: tailStart, end: tailEnd, depth: 0, section: last.section });
      }
    }
    this.listStack = [];
    this.lastItem = -1;
  }
}

/**
 * Parses an inline role summary ("intro: ### Key Responsibilities - a - b ### Skills - c ...") into
 * sections, paragraphs and bullets. Offsets stay exact positions in the page text.
 */
function parseInline(doc: DocBuilder, text: string, start: number, end: number): void {
  const markers = [...text.slice(start, end).matchAll(/(?:^|\s)###\s+/g)];
  const segments: { start: number; end: number; heading: boolean }[] = [];
  let from = start;
  let heading = false;
  for (const m of markers) {
    const at = start + m.index;
    segments.push({ start: from, end: at, heading });
    from = at + m[0].length;
    heading = true;
  }
  segments.push({ start: from, end, heading });
  for (const seg of segments) {
    let bodyStart = seg.start;
    if (seg.heading) {
      const headingEnd = inlineHeadingEnd(text.slice(seg.start, seg.end), doc.title);
      doc.heading(seg.start, seg.start + headingEnd, text.slice(seg.start, seg.start + headingEnd), 2);
      bodyStart = seg.start + headingEnd;
    }
    parseInlineList(doc, text, bodyStart, seg.end);
  }
}

function parseInlineList(doc: DocBuilder, text: string, start: number, end: number): void {
  const body = text.slice(start, end);
  const dashes = [...body.matchAll(/(?:^|\s)-\s+/g)];
  const introEnd = dashes[0] ? start + dashes[0].index : end;
  if (text.slice(start, introEnd).trim()) doc.paragraph(...trim(text, start, introEnd));
  dashes.forEach((m, i) => {
    const itemStart = start + m.index + m[0].length;
    const next = dashes[i + 1];
    const itemEnd = next ? start + next.index : end;
    const [s, e] = trim(text, itemStart, itemEnd);
    const tail = trailingProseStart(text.slice(s, e));
    if (tail > 0) {
      doc.item(...trim(text, s, s + tail), 0);
      doc.paragraph(...trim(text, s + tail, e));
    } else doc.item(s, e, 0);
  });
}

/** Where an inline "### Heading" ends: before its first list dash, or before the sentence that follows it. */
function inlineHeadingEnd(segment: string, docTitle: string): number {
  const dash = segment.search(/\s-\s/);
  if (dash > 0 && segment.slice(0, dash).split(/\s+/).length <= 8) return dash;
  const words = [...segment.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: m.index }));
  const connectors = new Set(['and', 'of', 'for', 'in', '&', 'to']);
  let run = 0;
  for (const { word } of words) {
    if (!/^[A-Z]/.test(word) && !connectors.has(word)) break;
    run++;
  }
  const titleWords = docTitle.toLowerCase().split(/\s+/);
  for (let i = 1; i < run; i++) {
    const here = words[i];
    if (!here) break;
    const startsTitle = words
      .slice(i, i + titleWords.length)
      .map((w) => w.word.toLowerCase().replace(/s$/, ''))
      .join(' ')
      .startsWith(titleWords.join(' ').replace(/s$/, ''));
    if (/^(?:The|A|An|This|These|Its)$/.test(here.word) || startsTitle) return here.at - 1;
  }
  const last = words[Math.max(1, run - 1)] ?? words[words.length - 1];
  return last ? last.at - 1 : segment.length;
}

function trim(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * A one-line entry of a "Related careers" block: a short job title, a dash or colon, then what it says of it; or the
 * title and its pay set apart by a run of spaces, as copied boxes lay them out ("Building surveyor   Average salary £25,000…").
 */
const CAREER_ENTRY = /^(\p{Lu}[\p{L} /&'-]{1,38}?)(?:\s+[-–—:]\s+\S|\s{2,}(?:[Aa]verage|[Tt]ypical|[Ss]tarting|[Mm]edian)?\s*(?:[Ss]alary|[Pp]ay)\b)/u;

/** Parses a raw scraped career page into documents: the page itself plus one per "More Careers" role. */
export function parsePage(file: string, text: string): SourceDoc[] {
  const { lines, headingAt, levels, careers: careersAt } = pageStructure(text);

  const builders: DocBuilder[] = [];
  let doc: DocBuilder | undefined;
  let careers = false;
  let lastHeading = '';

  lines.forEach((line, i) => {
    if (line.kind === 'blank' || line.kind === 'chrome') {
      doc?.endList(text);
      return;
    }
    const content = text.slice(line.contentStart, line.end);
    if (headingAt.has(i)) {
      if (careersAt.has(i)) {
        careers = true;
        return;
      }
      if (!doc || careers) {
        if (careers && content === lastHeading && doc?.blocks.length === 0) return;
        doc = new DocBuilder(content, line.start);
        builders.push(doc);
        lastHeading = content;
        return;
      }
      doc.heading(line.contentStart, line.end, content, levels.get(i) ?? 1);
      lastHeading = content;
      return;
    }
    const entry = careers && line.kind !== 'bullet' ? CAREER_ENTRY.exec(content) : null;
    if (entry?.[1] || !doc) {
      // "Data analyst - Average salary £30,000 to £55,000": an entry of its own, not more of the page's last section.
      doc = new DocBuilder(entry?.[1] ?? file.replace(/\.[^.]+$/, ''), entry ? line.start : 0);
      builders.push(doc);
    }
    if (line.kind === 'bullet' || (line.kind === 'numbered' && line.indent > 0)) doc.item(line.contentStart, line.end, line.indent);
    else if (/\s###\s|:\s+-\s/.test(content)) parseInline(doc, text, line.contentStart, line.end);
    else {
      const above = lines[i - 1];
      if (!careers && above && isValueOfLabel(text, lines, i) && doc.valueOf(above.contentStart, above.end, line.end)) return;
      if (content.endsWith(':') && doc.afterList) doc.untitled();
      doc.paragraph(line.contentStart, line.end);
    }
  });
  doc?.endList(text);

  const fileSlug = slugify(file.replace(/\.[^.]+$/, ''));
  return builders.map((b, i) => {
    const end = builders[i + 1]?.start ?? text.length;
    const shift = (n: number) => n - b.start;
    return {
      id: i === 0 ? fileSlug : `${fileSlug}/${slugify(b.title)}`,
      title: b.title,
      file,
      text: text.slice(b.start, end),
      roles: i === 0 ? [] : [b.title],
      sections: b.sections,
      blocks: b.blocks.map((bl) => ({ ...bl, start: shift(bl.start), end: shift(bl.end) })),
    };
  });
}
