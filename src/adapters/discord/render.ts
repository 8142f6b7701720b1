// Discord presentation (pure; builds payloads with discord.js builders): Answer -> message payload within
// every Discord limit, with escaped quotes, a sources footer, buttons and mentions disabled.
import { type APIEmbed, ActionRowBuilder, ButtonBuilder, ButtonStyle, type InteractionReplyOptions, MessageFlags } from 'discord.js';
import { escapeMarkdown, trimAtBoundary } from '../format.js';
import type { Answer } from '../../domain/types.js';

export const LIMITS = { content: 2000, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };

/** Never ping anyone: not @everyone, roles, users, nor the replied-to author. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

const COLOURS = { answered: 0x2f855a, unanswered: 0xb7791f, error: 0xc53030 };

export interface RenderMeta {
  answerId: string;
  /** ISO time the index was built. */
  builtAt: string;
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Trims an embed so that Discord accepts it: per-field limits first, then the 6,000 total. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const more = '\n… (see Sources for the full quotes)';
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = trimAtBoundary(out.title, LIMITS.title);
  if (out.description && out.description.length > LIMITS.description) out.description = `${trimAtBoundary(out.description, LIMITS.description - more.length)}${more}`;
  if (out.footer) out.footer = { ...out.footer, text: trimAtBoundary(out.footer.text, LIMITS.footer) };
  out.fields = (out.fields ?? []).slice(0, LIMITS.fields).map((f) => ({
    ...f,
    name: trimAtBoundary(f.name, LIMITS.fieldName),
    value: trimAtBoundary(f.value || '—', LIMITS.fieldValue),
  }));
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (size(out) > LIMITS.total && out.fields!.length) out.fields!.pop();
  if (size(out) > LIMITS.total && out.description) {
    const room = LIMITS.total - (size(out) - out.description.length);
    out.description = `${trimAtBoundary(out.description, Math.max(0, room - more.length))}${more}`;
  }
  if (!out.fields!.length) {
    const { fields: _, ...rest } = out;
    return rest;
  }
  return out;
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

/** The public reply for an answer: one embed (fields for comparisons), buttons, no mentions. */
export function renderAnswer(answer: Answer, meta: RenderMeta) {
  const sources = [...new Set(answer.citations.map((c) => c.section))];
  const footer = `Index built ${when(meta.builtAt)}${answer.year ? ` · data year ${answer.year}` : ''}`;
  const embed: APIEmbed = { title: answer.title, color: answer.answered ? COLOURS.answered : COLOURS.unanswered, footer: { text: footer } };
  if (answer.rows?.length && answer.roles?.length === 2) {
    const [a, b] = answer.roles as [string, string];
    embed.description = [
      `**Shared skills:** ${answer.shared?.length ? escapeMarkdown(answer.shared.join(', ')) : 'none listed for both'}`,
      sources.length ? `**Sources:** ${escapeMarkdown(sources.slice(0, 6).join(' · '))}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    embed.fields = answer.rows.map((r) => ({ name: r.aspect, value: `**${escapeMarkdown(a)}:** ${escapeMarkdown(r.a)}\n**${escapeMarkdown(b)}:** ${escapeMarkdown(r.b)}` }));
  } else embed.description = answer.text;
  return {
    embeds: [fitEmbed(embed)],
    components: answer.answered || answer.citations.length ? [buttons(meta.answerId, answer.citations.length > 0)] : [],
    allowedMentions: NO_MENTIONS,
  };
}

/** The full quotes behind an answer, shown only to the person who asked: several embeds within 6,000 characters. */
export function renderSources(answer: Answer): InteractionReplyOptions {
  const blocks = answer.citations.map((c) => {
    const quote = c.context ? `${c.context} ${c.quote}` : c.quote;
    return `> ${escapeMarkdown(trimAtBoundary(quote.replace(/\s*\n\s*/g, ' '), 1000))}\n— *${escapeMarkdown(c.section)}*`;
  });
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
  if (!embeds.length) embeds.push({ description: 'No quotes.' });
  embeds[0]!.title = 'Sources';
  const left = blocks.length - shown;
  if (left > 0) embeds[embeds.length - 1]!.footer = { text: `${left} more quote${left === 1 ? '' : 's'} not shown (Discord's size limit).` };
  return { embeds: embeds.map(fitEmbed), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}

/** A short private notice (errors, cooldown, validation); `escaped` when the text is already Discord-safe. */
export function renderNotice(text: string, options: { escaped?: boolean } = {}): InteractionReplyOptions {
  const content = options.escaped ? text : escapeMarkdown(text);
  return { content: trimAtBoundary(content, LIMITS.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS };
}
