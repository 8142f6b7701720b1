// Ingest stage "parse: page structure" (pure): the lines of a scraped career page, which of them are chrome or
// headings, and each heading's level, inferred from the page's own pattern.
import { findPlaces } from '../places.js';

/** One line of the page, classified. */
export interface Line {
  start: number;
  end: number;
  indent: number;
  /** Offset where the content starts (after indentation and any list marker). */
  contentStart: number;
  kind: 'blank' | 'chrome' | 'bullet' | 'numbered' | 'text';
}

const CHROME = /^(?:logo\S*|(?:\w+ )?image|advertisement|cookie settings|skip to (?:main )?content|skip navigation|[-=_*~#.•·\s]{3,})$/i;
/** A cookie banner ("We use cookies… Accept all | Manage preferences"): chrome wherever it stands. */
const COOKIE_BANNER = /\bcookies?\b.*\b(?:accept|agree|consent|preferences|settings)\b/i;
/** A cookie banner's buttons on a line of their own ("Accept all   Manage preferences"): chrome, never the page title. */
const CONSENT_BUTTON = /^(?:accept|reject|decline|allow|deny|manage|customi[sz]e|agree|got it|ok)\b[\p{L} ]{0,25}$/iu;
function isConsentButtons(content: string): boolean {
  return (
    content.split(/\s{2,}|\s[|·/]\s/).every((item) => CONSENT_BUTTON.test(item.trim())) && /\b(?:accept|reject|decline|allow|deny|manage)\b/i.test(content)
  );
}
/** A breadcrumb or menu bar: three or more short items between separators ("Home | Careers | Cyber Security"). */
const MENU_SEPARATOR = /\s[|›»>]\s|\s{3,}/;
const MENU_BAR = new RegExp(`^[^|›»>]{1,40}(?:(?:${MENU_SEPARATOR.source})[^|›»>]{1,40}){2,}$`);
/** An item that labels a figure ("Trainee: £18,000 to £26,000", "Hours: 37"): a line of them is data, never a menu. */
const LABELLED_FIGURE = /^[^:]{2,40}:\s+\S*\d/;

/** True for a breadcrumb or menu bar, not a line of labelled figures side by side. */
function isMenuBar(content: string): boolean {
  return MENU_BAR.test(content) && !content.split(MENU_SEPARATOR).every((item) => LABELLED_FIGURE.test(item.trim()));
}
/** Where a page's own content ends: links to other pages, sharing, feedback and copyright follow. */
const FOOTER =
  /^(?:related (?:articles|profiles|posts|reading|links|guides|pages|content)|you may also like|see also|read next|share this (?:article|page|guide)|(?:was|is) this (?:page|guide|article) (?:helpful|useful)|©|\(c\)\s|copyright\b)/i;
/** The line under a related career's title that gives its pay ("Average salary £45,000 to £100,000"). */
const ENTRY_PAY = /^(?:average|typical|starting|median)?\s*(?:salary|pay)\b/i;
/** The heading of a block of other roles' pages, each becoming a document of its own. */
export const MORE_CAREERS = /^(?:more|related|other|similar) (?:careers|jobs)$/i;
/** A box of links that holds other jobs only when its lines are jobs with their pay ("Dog groomer - Average salary £18,000…"). */
const ALSO_LIKE = /^you (?:may|might) also like$/i;
/** A one-line job entry with its pay: a short job title, a dash or colon, then its salary. */
const PAID_ENTRY = /^\p{Lu}[\p{L} /&'-]{1,38}?\s+[-–—:]\s+(?:average|typical|starting|median)?\s*(?:salary|pay)\b/iu;
const BULLET = /^([•·▪◦*-])\s+/;
const NUMBERED = /^(\d{1,2})[.)]\s+/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    const body = raw.replace(/\s+$/, '');
    const end = start + body.length;
    const indent = body.length - body.trimStart().length;
    const content = body.trimStart();
    let kind: Line['kind'] = 'text';
    let contentStart = start + indent;
    const marker = BULLET.exec(content) ?? NUMBERED.exec(content);
    if (!content) kind = 'blank';
    else if (CHROME.test(content) || isMenuBar(content) || (content.length <= 400 && COOKIE_BANNER.test(content)) || isConsentButtons(content)) kind = 'chrome';
    else if (marker) {
      kind = BULLET.test(content) ? 'bullet' : 'numbered';
      contentStart += marker[0].length;
    }
    lines.push({ start, end, indent, contentStart, kind });
  }
  return lines;
}

/** The text of a line after its indentation and list marker. */
function content(text: string, line: Line | undefined): string {
  return line ? text.slice(line.contentStart, line.end) : '';
}

/** Blank lines and site chrome separate blocks. */
export function isBlankish(line: Line | undefined): boolean {
  return !line || line.kind === 'blank' || line.kind === 'chrome';
}

/** A line that opens with a number or a range and goes on in lower case: a value, not a title. */
const VALUE_LINE = /^\d[\d,.]*(?:\s*(?:to|-|–)\s*\d[\d,.]*)?\s+[a-z]/;

/** Longest label a value may sit under on the next line ("Typical hours (a week)", "You could work"). */
const LABEL_WORDS = 8;

/**
 * Whether line `i` is the value of a label on the line just above it, as copied job profiles set them ("Typical
 * hours (a week)" then "37 to 40 variable"; "You could work" then "between 9am and 5pm…"): the label is short, has no
 * final punctuation and is a line of text; the value opens with a number, an amount or a lower-case word.
 */
export function isValueOfLabel(text: string, lines: Line[], i: number): boolean {
  const line = lines[i];
  const above = lines[i - 1];
  if (!line || !above || line.kind !== 'text' || above.kind !== 'text' || line.indent > 0 || above.indent > 0) return false;
  const label = text.slice(above.contentStart, above.end);
  if (label.length > 60 || label.split(/\s+/).length > LABEL_WORDS || /[.,;:!?]$/.test(label) || !/^\p{Lu}/u.test(label)) return false;
  const value = text.slice(line.contentStart, line.end);
  return VALUE_LINE.test(value) || /^[$€£¥₹]\s?\d/.test(value) || /^\p{Ll}/u.test(value);
}

/** A heading is a short, unindented line without final punctuation, set apart by blank lines. */
function isHeading(text: string, lines: Line[], i: number): boolean {
  const line = lines[i];
  if (!line || line.indent > 0 || (line.kind !== 'text' && line.kind !== 'numbered')) return false;
  const content = text.slice(line.contentStart, line.end);
  if (content.length > 90 || /[.,;:!]$/.test(content) || content.split(/\s+/).length > 12) return false;
  // "Also known as: ethical hacker, pentester" is a labelled list, not a heading.
  if (/:\s.*,/.test(content)) return false;
  // "Median salary: $145,000" on a line of its own is a figure, not a heading.
  if (/[$€£¥₹]\s?\d|:\s+\S*\d/.test(content)) return false;
  // Nor is a value under a label ("Typical hours (a week)" then "37 to 45 variable, including evenings").
  if (VALUE_LINE.test(content)) return false;
  return isBlankish(lines[i - 1]) && isBlankish(lines[i + 1]);
}

/**
 * A heading with its content straight below it, no blank line between ("What does a business analyst do?"
 * then its paragraph): a short capitalised line after a blank one, followed by a longer line, an
 * introduction or a list. Read only on pages that never set headings apart (see `pageStructure`).
 */
function isRunInHeading(text: string, lines: Line[], i: number): boolean {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line || line.indent > 0 || line.kind !== 'text' || !isBlankish(lines[i - 1]) || !next || isBlankish(next)) return false;
  const content = text.slice(line.contentStart, line.end);
  if (content.length > RUN_IN_HEADING_CHARS || !/^\p{Lu}/u.test(content) || /[.,;:!]$/.test(content) || /:\s.*,/.test(content)) return false;
  if (/[$€£¥₹]\s?\d|:\s+\S*\d/.test(content)) return false;
  const below = text.slice(next.contentStart, next.end);
  return next.kind !== 'text' || below.length > content.length || below.endsWith(':');
}

/** Longest run-in heading: a title or a question, not the first line of a paragraph. */
const RUN_IN_HEADING_CHARS = 60;

/** Longest line a site header's run of lines may have (a cookie banner sentence fits; a paragraph does not). */
const HEADER_LINE_CHARS = 120;

/** A byline ("Updated March 2024 · 7 min read"): page chrome, never a heading. */
const BYLINE = /^(?:updated|published|last (?:updated|reviewed)|posted|written by|reviewed by)\b|\b\d+\s*min(?:ute)?s?\s+read\b/i;
/** An introduction that announces the sub-sections below it ("Here are the key requirements:"). */
export const ANNOUNCES =
  /:\s*$|\bhere(?:'s|’s| is| are)\b|\b(?:below|the following|as follows)\b|\bthis (?:overview|guide|section|page|article) (?:explores|covers|outlines|describes|provides)\b/i;

/** What follows a heading: prose, a list, another heading, or nothing. */
type Body = 'prose' | 'list' | 'heading' | 'none';

interface HeadingLine {
  numbered: boolean;
  body: Body;
  /** The heading's introduction announces what follows (see ANNOUNCES). */
  announces: boolean;
  /** The heading names nothing but a place ("Seattle", "New York"): a city sub-section. */
  placeOnly: boolean;
}

/** Navigation before the page title: short lines without sentence punctuation ("Skip to content", "Sign in"). */
function isNavigation(content: string): boolean {
  return content.length <= 40 && content.split(/\s+/).length <= 5 && !/[.!?:]$/.test(content);
}

function bodyOf(text: string, lines: Line[], i: number, headings: Set<number>): { body: Body; announces: boolean } {
  let intro = '';
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j];
    if (!l || isBlankish(l)) continue;
    if (headings.has(j)) return { body: intro ? 'prose' : 'heading', announces: !intro || ANNOUNCES.test(intro) };
    if (l.kind === 'bullet' || (l.kind === 'numbered' && l.indent > 0)) return { body: intro ? 'prose' : 'list', announces: !!intro && ANNOUNCES.test(intro) };
    intro = text.slice(l.contentStart, l.end);
  }
  return { body: intro ? 'prose' : 'none', announces: false };
}

/**
 * Heading levels from the page's own pattern, not from the previous heading: a heading whose introduction
 * announces what follows (or that has no body of its own) opens sub-sections; list-led headings, numbered
 * headings and headings with no body after it are its sub-sections until the next prose-led heading. A
 * heading that names only a place ("Seattle") is a sub-section of the section before it. On a page without
 * announcing introductions every other heading is a section of its own (Education, Skills, Soft Skills are
 * siblings), and a run of numbered headings with no announcing heading above it is a run of sections.
 */
function headingLevels(headings: HeadingLine[]): (1 | 2)[] {
  let parent: HeadingLine | undefined;
  let top: HeadingLine | undefined;
  return headings.map((h) => {
    if (h.placeOnly && top) return 2;
    const child = parent && !parent.numbered && (h.numbered || h.body === 'list' || h.body === 'heading' || h.body === 'none');
    if (child) return 2;
    parent = h.announces ? h : undefined;
    top = h;
    return 1;
  });
}

/**
 * The page's lines, the lines that are headings, the level of each heading after the title (1 or 2), and the
 * headings that open a block of other roles' pages (see MORE_CAREERS, ALSO_LIKE).
 */
export function pageStructure(text: string): { lines: Line[]; headingAt: Set<number>; levels: Map<number, 1 | 2>; careers: Set<number> } {
  const lines = splitLines(text);
  lines.forEach((line) => {
    if (!isBlankish(line) && BYLINE.test(text.slice(line.contentStart, line.end)) && line.end - line.contentStart < 80) line.kind = 'chrome';
  });
  // A run of two or more short lines opening the page, before its first blank line, is the site's header
  // (brand, menu, breadcrumb, cookie banner): chrome, so neither a breadcrumb nor "Accept all cookies" is a title.
  const firstBlank = lines.findIndex((l) => l.kind === 'blank');
  const header = lines.slice(0, Math.max(0, firstBlank));
  if (header.length >= 2 && header.every((l) => l.end - l.contentStart <= HEADER_LINE_CHARS)) for (const l of header) l.kind = 'chrome';
  // "You might also like" over jobs and their pay is a related-careers block (a review's dog groomer pay was cited
  // under the page's last section); over articles it is where the page ends.
  const nextLine = (i: number) => lines.slice(i + 1).find((l) => !isBlankish(l));
  const careersBox = (i: number) => {
    const here = content(text, lines[i]);
    return MORE_CAREERS.test(here) || (ALSO_LIKE.test(here) && PAID_ENTRY.test(content(text, nextLine(i))));
  };
  const footer = lines.findIndex((l, i) => !isBlankish(l) && FOOTER.test(text.slice(l.contentStart, l.end)) && !careersBox(i));
  if (footer > 0) for (const l of lines.slice(footer)) if (l.kind !== 'blank') l.kind = 'chrome';
  const title = lines.findIndex((_, i) => isHeading(text, lines, i));
  for (const line of lines.slice(0, Math.max(0, title))) {
    if (line.kind === 'text' && isNavigation(text.slice(line.contentStart, line.end))) line.kind = 'chrome';
  }
  let headingAt = new Set(lines.flatMap((_, i) => (isHeading(text, lines, i) ? [i] : [])));
  // A page that never sets its headings apart with blank lines runs each into its content.
  if (headingAt.size < 3) headingAt = new Set(lines.flatMap((_, i) => (isHeading(text, lines, i) || isRunInHeading(text, lines, i) ? [i] : [])));
  // In a "More Careers" block an entry's title may run straight into its description ("Underwriter" then
  // "Insurance underwriters decide…"): a short line after a blank one, followed by text, is the entry's heading.
  // A block heading set straight above its first entry, no blank line between, heads the block all the same.
  lines.forEach((line, i) => {
    if (line.kind === 'text' && line.indent === 0 && isBlankish(lines[i - 1]) && careersBox(i)) headingAt.add(i);
  });
  const careersHeading = [...headingAt].find((i) => careersBox(i));
  if (careersHeading !== undefined)
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      const entry = content(text, line);
      if (i <= careersHeading || line.kind !== 'text' || !next || next.kind !== 'text') return;
      // Entries stacked without blank lines ("Site reliability engineer" then "Average salary £45,000…") too.
      if (!isBlankish(lines[i - 1]) && !ENTRY_PAY.test(content(text, next))) return;
      if (entry.length <= 40 && entry.split(/\s+/).length <= 5 && !/[.,;:!?]$/.test(entry) && !/\d/.test(entry)) headingAt.add(i);
    });

  const infos = new Map<number, HeadingLine>();
  let careersAt = lines.length;
  const ordered = [...headingAt].sort((a, b) => a - b);
  for (const i of ordered) {
    const line = lines[i];
    if (!line) continue;
    const content = text.slice(line.contentStart, line.end);
    if (careersBox(i)) careersAt = Math.min(careersAt, i);
    const places = findPlaces(content);
    const placeOnly = places.length > 0 && content.replace(/[()]/g, ' ').trim().length <= places.reduce((n, p) => n + p.surface.length, 0) + 2;
    infos.set(i, { numbered: line.kind === 'numbered', ...bodyOf(text, lines, i, headingAt), placeOnly });
  }
  // The first heading is the page title; "More Careers" pages are titled by their own first heading.
  const pageHeadings = ordered.filter((i) => i < careersAt).slice(1);
  const levelList = headingLevels(pageHeadings.flatMap((i) => infos.get(i) ?? []));
  const levels = new Map<number, 1 | 2>();
  pageHeadings.forEach((i, n) => levels.set(i, levelList[n] ?? 1));
  return { lines, headingAt, levels, careers: new Set([...headingAt].filter(careersBox)) };
}
