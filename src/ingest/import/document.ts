// Ingest stage "import: document" (pure, no I/O): the corpus Markdown file written for an imported page (front
// matter title, source, fetched) and its size in sections and words.
import { stringify } from 'yaml';
import { parseMarkdown } from '../parse/markdown.js';
import { slugify } from '../text.js';

/** A page's main content as Markdown. */
export interface Extracted {
  title: string;
  markdown: string;
}

/** Words of the Markdown text (markup characters aside). */
export function wordCount(markdown: string): number {
  return markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’$.,%-]*/gu)?.length ?? 0;
}

/** The corpus file for an imported page: YAML front matter, then the Markdown body. */
export function corpusMarkdown(page: Extracted, source: string, fetched: Date): string {
  const front = stringify({ title: page.title, source, fetched: fetched.toISOString() }).trimEnd();
  return `---\n${front}\n---\n\n${page.markdown.trim()}\n`;
}

/** The corpus file name for a title: a slug of at most 80 characters. */
export function corpusFileName(title: string): string {
  return `${slugify(title).slice(0, 80).replace(/-+$/, '') || 'page'}.md`;
}

/** Sections and words of a corpus file, read with the corpus's own Markdown parser. */
export function describeCorpusFile(file: string, text: string): { sections: number; words: number } {
  const [doc] = parseMarkdown(file, text);
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return { sections: doc ? doc.sections.filter((s) => s.path.length > 0).length : 0, words: wordCount(body) };
}
