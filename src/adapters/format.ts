// Answer formatting (pure): Discord-safe markdown, quotes with sources, and length limits.
import type { Citation } from '../domain/types.js';

/** Discord's limit for a message's content. */
export const MESSAGE_LIMIT = 2000;

/** Escapes markdown and neutralises mentions so quoted corpus text renders literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|])/g, '\\$1')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>')
    .replace(/^([#>-])/gm, '\\$1');
}

/** Shortens text to `max` characters at a sentence, bullet or word boundary, ending with "…". */
export function trimAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  const cuts = [room.lastIndexOf('\n'), room.search(/[.!?](?=\s)[^.!?]*$/) + 1, room.lastIndexOf(' ')];
  const cut = cuts.find((c) => c > max * 0.5) ?? room.lastIndexOf(' ');
  return `${room.slice(0, cut > 0 ? cut : room.length).trimEnd()}…`;
}

/** Formats euros-free US dollar amounts: 157969 -> "$157,969". */
export function money(n: number): string {
  return `$${n.toLocaleString('en-US')}`;
}

/**
 * Groups citations by source, in order of first appearance, as blockquotes followed by their source, within
 * `budget` characters; quotes that do not fit are counted in a closing pointer to the Sources view.
 */
export function renderQuotes(citations: Citation[], budget: number): { text: string; used: Citation[] } {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) groups.set(c.section, [...(groups.get(c.section) ?? []), c]);
  let text = '';
  const used: Citation[] = [];
  const pointer = (left: number) => `\n*(+${left} more quote${left === 1 ? '' : 's'}: see Sources)*`;
  budget -= pointer(citations.length).length;
  for (const [source, quotes] of groups) {
    const footer = `— *${escapeMarkdown(source)}*`;
    let block = '';
    for (const q of quotes) {
      const shown = q.context && !quotes.some((o) => o.quote === q.context) ? `${q.context} ${q.quote}` : q.quote;
      const line = `> ${escapeMarkdown(trimAtBoundary(shown.replace(/\s*\n\s*/g, ' '), 500))}\n`;
      if (text.length + block.length + line.length + footer.length + 2 > budget) break;
      block += line;
      used.push(q);
    }
    if (!block) break;
    text += `${block}${footer}\n\n`;
  }
  const left = citations.length - used.length;
  return { text: `${text.trimEnd()}${left > 0 ? pointer(left) : ''}`, used };
}
