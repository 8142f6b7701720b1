// Discord renderer (pure; builds payloads with discord.js builders): Answer -> one embed within every Discord
// limit, with escaped quotes, short source labels, buttons and mentions disabled.
import { type APIEmbed, ActionRowBuilder, ButtonBuilder, ButtonStyle, type InteractionReplyOptions, MessageFlags } from 'discord.js';
import { type Answer, type CompareAnswer, yearOf } from '../../domain/answer.js';
import type { Citation } from '../../domain/types.js';
import {
  MISSING_FOR_BOTH,
  cellText,
  compareRows,
  groupBySource,
  groupLines,
  noAnswerText,
  noAnswerTitle,
  pickQuotes,
  quoteLine,
  salaryComparisonTitle,
  salarySummary,
  salaryTitle,
  trimAtBoundary,
} from '../format.js';

export const LIMITS = { content: 2000, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };

/** Never ping anyone: not @everyone, roles, users, nor the replied-to author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

const COLOURS = { answered: 0x2f855a, unanswered: 0xb7791f, error: 0xc53030 };

/** Escapes markdown and neutralises mentions and masked links so quoted corpus text renders literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|[\]])/g, '\\$1')
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>')
    .replace(/^([#>-])/gm, '\\$1');
}

export interface RenderMeta {
  answerId: string;
  /** ISO time the index was built. */
  builtAt: string;
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Quotes as blockquotes grouped by source, the label once per group, and a pointer to the rest. */
export function renderQuotes(citations: Citation[]): string {
  const { shown, hidden } = pickQuotes(citations);
  const blocks = groupBySource(shown).map(
    (g) =>
      `${groupLines(g.quotes)
        .map((line) => `> ${escapeMarkdown(line)}`)
        .join('\n')}\n— *${escapeMarkdown(g.label)}*`,
  );
  const more = hidden > 0 ? `\n*(+${hidden} more quote${hidden === 1 ? '' : 's'}: see Sources)*` : '';
  return `${blocks.join('\n\n')}${more}`;
}

function describe(answer: Answer): { title: string; description: string } {
  switch (answer.kind) {
    case 'ask': {
      const lead = answer.topic ? `**${answer.topic.aspect} — ${escapeMarkdown(answer.topic.role)}**\n` : '';
      return { title: answer.question, description: `${lead}${renderQuotes(answer.citations)}` };
    }
    case 'salary':
      return { title: salaryTitle(answer), description: `${salarySummary(answer, escapeMarkdown)}\n\n${renderQuotes(answer.citations)}` };
    case 'salary-compare':
      return {
        title: salaryComparisonTitle(answer),
        description: answer.sides.map((s) => `${salarySummary(s, escapeMarkdown)}\n${renderQuotes(s.citations.slice(0, 2))}`).join('\n\n'),
      };
    case 'compare':
      return { title: `${answer.a} vs ${answer.b}`, description: compareDescription(answer) };
    case 'roles': {
      const lines = answer.catalog.map((r) => {
        const aka = r.aliases.slice(0, 4).join(', ');
        return `• **${escapeMarkdown(r.name)}**${r.hasSalary ? ' 💰' : ''}${aka ? ` — also: ${escapeMarkdown(aka)}` : ''}`;
      });
      return { title: 'Roles', description: `**Roles in the career documents** (💰 = salary data)\n${lines.join('\n')}` };
    }
    case 'none':
      return { title: noAnswerTitle(answer), description: noAnswerText(answer, escapeMarkdown) };
  }
}

function compareDescription(a: CompareAnswer): string {
  const { shared } = compareRows(a);
  const sources = [...new Set(a.citations.map((c) => c.section))];
  return [
    a.differences.length ? `**How they differ:**\n${a.differences.map((d) => `> ${escapeMarkdown(quoteLine(d))}`).join('\n')}` : '',
    shared === null ? '' : `**Shared skills:** ${escapeMarkdown(shared)}`,
    sources.length ? `**Sources:** ${escapeMarkdown(sources.slice(0, 6).join(' · '))}${sources.length > 6 ? ` (+${sources.length - 6} more)` : ''}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Trims an embed so that Discord accepts it: per-field limits first, then the 6,000 total. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const more = '\n… (see Sources for the full quotes)';
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = trimAtBoundary(out.title, LIMITS.title);
  if (out.description && out.description.length > LIMITS.description)
    out.description = `${trimAtBoundary(out.description, LIMITS.description - more.length)}${more}`;
  if (out.footer) out.footer = { ...out.footer, text: trimAtBoundary(out.footer.text, LIMITS.footer) };
  const fields = (out.fields ?? []).slice(0, LIMITS.fields).map((f) => ({
    ...f,
    name: trimAtBoundary(f.name, LIMITS.fieldName),
    value: trimAtBoundary(f.value || '—', LIMITS.fieldValue),
  }));
  const size = () =>
    (out.title?.length ?? 0) + (out.description?.length ?? 0) + (out.footer?.text.length ?? 0) + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (size() > LIMITS.total && fields.length) fields.pop();
  if (size() > LIMITS.total && out.description) {
    const room = LIMITS.total - (size() - out.description.length);
    out.description = `${trimAtBoundary(out.description, Math.max(0, room - more.length))}${more}`;
  }
  const { fields: _, ...rest } = out;
  return fields.length ? { ...rest, fields } : rest;
}

function buttons(answerId: string, withSources: boolean): ActionRowBuilder<ButtonBuilder> {
  const row = new ActionRowBuilder<ButtonBuilder>();
  if (withSources) row.addComponents(new ButtonBuilder().setCustomId(`sources:${answerId}`).setLabel('Sources').setStyle(ButtonStyle.Secondary));
  row.addComponents(
    new ButtonBuilder().setCustomId(`vote:up:${answerId}`).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(`vote:down:${answerId}`).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  );
  return row;
}

/** The public reply for an answer: one embed (one field per aspect for comparisons), buttons, no mentions. */
export function renderAnswer(answer: Answer, meta: RenderMeta) {
  const { title, description } = describe(answer);
  const year = yearOf(answer);
  const embed: APIEmbed = {
    title,
    description,
    color: answer.answered ? COLOURS.answered : COLOURS.unanswered,
    footer: { text: `Index built ${when(meta.builtAt)}${year ? ` · data year ${year}` : ''}` },
  };
  if (answer.kind === 'compare') {
    const shown = compareRows(answer);
    embed.fields = shown.rows.map((r) => ({
      name: r.aspect,
      value: `**${escapeMarkdown(answer.a)}:** ${escapeMarkdown(cellText(r, 'a'))}\n**${escapeMarkdown(answer.b)}:** ${escapeMarkdown(cellText(r, 'b'))}`,
    }));
    if (shown.missing) embed.fields.push({ name: MISSING_FOR_BOTH, value: escapeMarkdown(shown.missing) });
  }
  return {
    embeds: [fitEmbed(embed)],
    components: answer.answered || answer.citations.length ? [buttons(meta.answerId, answer.citations.length > 0)] : [],
    allowedMentions: NO_MENTIONS,
  };
}

/** The full quotes behind an answer, shown only to the person who asked: several embeds within 6,000 characters. */
export function renderSources(answer: Answer): InteractionReplyOptions {
  const blocks = answer.citations.map((c) => `> ${escapeMarkdown(quoteLine(c, 1000))}\n— *${escapeMarkdown(c.section)}*`);
  const embeds: APIEmbed[] = [];
  let budget = LIMITS.total - 200;
  let shown = 0;
  for (const block of blocks) {
    const last = embeds[embeds.length - 1];
    if (block.length + 2 > budget) break;
    if (last && (last.description?.length ?? 0) + block.length + 2 <= LIMITS.description) last.description = `${last.description}\n\n${block}`;
    else if (embeds.length < 10) embeds.push({ description: block });
    else break;
    budget -= block.length + 2;
    shown++;
  }
  const [first] = embeds;
  if (first) first.title = 'Sources';
  else embeds.push({ title: 'Sources', description: 'No quotes.' });
  const left = blocks.length - shown;
  const last = embeds[embeds.length - 1];
  if (left > 0 && last) last.footer = { text: `${left} more quote${left === 1 ? '' : 's'} not shown (Discord's size limit).` };
  return { embeds: embeds.map(fitEmbed), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}

/** A short private notice (errors, cooldown, validation); `escaped` when the text is already Discord-safe. */
export function renderNotice(text: string, options: { escaped?: boolean } = {}): InteractionReplyOptions {
  const content = options.escaped ? text : escapeMarkdown(text);
  return { content: trimAtBoundary(content, LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}

/** A refusal as a private notice (compare refuses privately; the text is already escaped). */
export function renderRefusal(answer: Answer): InteractionReplyOptions {
  return renderNotice(describe(answer).description, { escaped: true });
}
