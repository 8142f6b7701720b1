// Ingest stage "import: HTML" (pure, no I/O): a web page -> its main content as Markdown. Navigation, ads,
// cookie banners and pop-ups are removed, Readability picks the article, Turndown writes Markdown that keeps
// headings, lists and salary lines (tables stay pipe tables, or "label: value" bullets when they have no header row).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { stringify } from 'yaml';
import { escapeRegExp } from '../../domain/regexp.js';
import type { SourceDoc } from '../../domain/types.js';
import { parseMarkdown } from '../parse/markdown.js';
import { MORE_CAREERS } from '../parse/page-structure.js';
import { parsePage } from '../parse/page.js';
import type { Extracted } from './document.js';

/** Elements that are never main content. */
const NOISE_TAGS = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, nav, aside, footer, button, select, input, dialog';
const NOISE_ROLES =
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="dialog"], [role="alertdialog"], [role="complementary"], [aria-modal="true"], [hidden]';
/** Class or id words of cookie banners, ads, pop-ups and share bars. */
const NOISE_NAMES =
  /\b(?:cookies?|consent|gdpr|ccpa|banner|advert\w*|ads?|ad-\w+|sponsor\w*|promo\w*|newsletter|subscribe|signup|popup|modal|overlay|share|social|breadcrumbs?|skip-link)\b/i;

/** The part of the DOM this module uses (linkedom implements it; the project does not load the DOM typings). */
interface Node_ {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  remove(): void;
  closest(selector: string): Node_ | null;
  querySelector(selector: string): Node_ | null;
  querySelectorAll(selector: string): ArrayLike<Node_>;
  readonly children: ArrayLike<Node_>;
}

/** Escapes only what would change the Markdown structure at the start of a line; quotes stay verbatim. */
function escapeLineStarts(text: string): string {
  return text.replace(/^(\s*)([#>]|[-+*](?=\s)|\d+[.)](?=\s))/gm, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A GFM pipe table of a header row and body rows, every row as wide as the widest; a "|" in a cell is written "/". */
function pipeTable(header: string[], body: string[][]): string {
  const width = Math.max(header.length, ...body.map((r) => r.length));
  const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '/')).join(' | ')} |`;
  return [row(header), `|${' --- |'.repeat(width)}`, ...body.map(row)].join('\n');
}

function markdownService(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  service.escape = escapeLineStarts;
  // Links and images would only clutter quotes: keep a link's text, drop images.
  service.addRule('plain-links', { filter: 'a', replacement: (content) => content });
  service.addRule('no-images', { filter: ['img', 'picture', 'figure'], replacement: () => '' });
  // A table with a header row stays a Markdown pipe table, read as Markdown tables are (each figure named by its row and
  // its column: "Junior first officer" × "Short-haul"); one without becomes "First cell: value 2; value 3" bullets.
  service.addRule('table-rows', {
    filter: 'table',
    replacement: (_content, node) => {
      // Turndown's DOM (domino) returns array-like node lists that are not iterable.
      const rows = Array.from((node as unknown as Node_).querySelectorAll('tr')).map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((c) => clean(c.textContent ?? '')),
      );
      const first = (node as unknown as Node_).querySelector('tr');
      const hasHeader = !!first && first.querySelectorAll('th').length > 0 && first.querySelectorAll('td').length === 0;
      const header = hasHeader ? (rows.shift() ?? []) : [];
      const body = rows.filter((r) => r.some(Boolean));
      if (header.length >= 2 && body.length) return `\n\n${pipeTable(header, body)}\n\n`;
      const lines = body.map(([label = '', ...cells]) => {
        const values = cells.filter(Boolean);
        return `- ${escapeLineStarts(label)}${values.length ? `: ${values.join('; ')}` : ''}`;
      });
      return lines.length ? `\n\n${lines.join('\n')}\n\n` : '';
    },
  });
  return service;
}

/** What the raw page looks like before extraction, for the login-wall check. */
export interface PageSignals {
  hasPassword: boolean;
  title: string;
}

/** Removes every element that is navigation, an ad, a banner or a pop-up. */
function stripNoise(document: Node_): void {
  for (const el of Array.from(document.querySelectorAll(`${NOISE_TAGS}, ${NOISE_ROLES}`))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(/[_]/g, '-');
    if (NOISE_NAMES.test(names) && el.tagName !== 'BODY' && el.tagName !== 'MAIN' && el.tagName !== 'ARTICLE') el.remove();
  }
  // A page header holds the site's navigation; the article's own <header> (inside main/article) is kept.
  for (const el of Array.from(document.querySelectorAll('header'))) if (!el.closest('main, article')) el.remove();
}

/** Elements beside the article that may hold a "Related careers" block (removed as noise otherwise). */
const BESIDE = 'aside, [role="complementary"]';

/**
 * The "Related careers" blocks beside the article ("<aside><h2>Related careers</h2><li>Air traffic controller -
 * average salary £50,000 to £95,000</li>…"), as plain text under their heading, an entry a paragraph: other roles,
 * with their pay. An entry written in parts (a title, then its pay line) keeps a line per part. Any other aside stays noise.
 */
function relatedCareers(document: Node_): string[] {
  const blocks: string[] = [];
  for (const el of Array.from(document.querySelectorAll(BESIDE))) {
    const heading = clean(el.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '');
    if (!MORE_CAREERS.test(heading)) continue;
    const items = Array.from(el.querySelectorAll('li'));
    const entries = (items.length ? items : Array.from(el.querySelectorAll('p'))).map((item) => {
      const parts = Array.from(item.children).map((c) => clean(c.textContent ?? ''));
      const whole = clean(item.textContent ?? '');
      const bare = (t: string) => t.replace(/\s+/g, '');
      return parts.length >= 2 && bare(parts.join('')) === bare(whole) ? parts.join('\n') : whole;
    });
    if (entries.some(Boolean)) blocks.push(`${heading}\n\n${entries.filter(Boolean).join('\n\n')}`);
  }
  return blocks;
}

/** Extracts the main content of an HTML page as Markdown, with its title and what the login-wall check needs. */
export function htmlToMarkdown(html: string): Extracted & { signals: PageSignals; related: string[] } {
  const document = parseHTML(html).document as unknown as Node_;
  const signals: PageSignals = {
    hasPassword: !!document.querySelector('input[type="password" i]'),
    title: clean(document.querySelector('title')?.textContent ?? ''),
  };
  const h1 = clean(document.querySelector('main h1, article h1, h1')?.textContent ?? '');
  const related = relatedCareers(document);
  stripNoise(document);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200, keepClasses: false }).parse();
  const content = article?.content ?? document.querySelector('main, article, body')?.innerHTML ?? '';
  let markdown = markdownService()
    .turndown(content)
    .replace(/^(\s*)- {3}/gm, '$1- ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const title = clean(h1 || article?.title || signals.title.split(/\s+[|–—-]\s+/)[0] || '');
  // The title is stored in the front matter; a leading "# Title" would repeat it.
  if (title) markdown = markdown.replace(new RegExp(`^#{1,2} ${escapeRegExp(title)}\\s*\\n+`), '');
  return { title, markdown, signals, related };
}

/**
 * An HTML page dropped into the corpus, read as `npm run add` would write it: its main content as Markdown
 * under its title. Quotes are exact slices of that Markdown.
 */
export function parseHtmlFile(file: string, html: string): SourceDoc[] {
  const page = htmlToMarkdown(html);
  const front = page.title ? `---\n${stringify({ title: page.title }).trimEnd()}\n---\n\n` : '';
  // A related-careers block is read as in a plain-text page: one document per entry (the page's own title opens
  // the text so that the entries are not taken for the page).
  const related = page.related.flatMap((block) => parsePage(file, `${page.title || 'Page'}\n\n${block}\n`).slice(1));
  return [...parseMarkdown(file, `${front}${page.markdown.trim()}\n`), ...related];
}
