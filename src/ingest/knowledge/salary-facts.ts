// Ingest stage "knowledge: salary facts" (pure, no I/O): every money figure in the corpus as a record that keeps
// the document's own words — label, kind, level band, place, currency, period and year — and its exact quote;
// and every market percentage as an outlook fact.
import type { MarketFact, Quoted, Role, SalaryFact } from '../../domain/knowledge.js';
import { type SourceDoc, sourceLabel } from '../../domain/types.js';
import { sentenceSpans, tableCells } from '../text.js';
import { comparedJob, listedJobs } from './figure-jobs.js';
import { KIND_OR_PAY, isLevelBand, kindOf, lastLevel, namingWords, nounLabel, ownWords, seniorityOf, shortLabel, yearIn } from './figure-labels.js';
import { dollarCountry, dollarOf, figureMarket } from './figure-market.js';
import {
  columnPlace,
  countryOf,
  figurePlace,
  onlyPlace,
  placeListCommas,
  placeSurface,
  splitLabelPlace,
  unbracketed,
  withoutPlace,
  withoutPlaces,
} from './figure-places.js';
import { type Where, whereOf } from './figure-where.js';
import { type Money, findMoney, hasMoney } from './money.js';
import { PAY_CONTEXT, isPriceClause, notPay } from './not-pay.js';
import { outlookRoles, outlookSlice } from './outlook.js';
import { pageCountry } from './page-country.js';
import { LINE_HEAD, REFERS_BACK, antecedentLabel, isFunding, placesIn, settingOf, subjectLabel, tidyLabel } from './pay-labels.js';
import { PAY_OF_PERIOD, PERIOD_AFTER_CHARS, PERIOD_BRACKET, periodAfter, periodIn, periodOf } from './pay-periods.js';
import { primaryRole, rolesMentioned } from './roles.js';

export { isLevelBand, kindOf, yearIn } from './figure-labels.js';
export { periodIn } from './pay-periods.js';

/** The sentence of `text` that holds position `at`, with where it starts. */
function sentenceAround(text: string, at: number): { start: number; text: string } {
  const dot = text.lastIndexOf('. ', at);
  const start = dot < 0 ? 0 : dot + 2;
  const end = text.indexOf('. ', at);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

/** A clause that goes on from the figure before it ("…, rising to £80,000 in London"). */
const RISING = /^\s*(?:rising|climbing|increasing|growing|going up)\s+to\s*$/i;

/** Splits text at commas/semicolons outside parentheses and money figures, keeping offsets. */
export function clauses(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const listed = placeListCommas(text);
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === ',' || ch === ';') && depth === 0 && /\s/.test(text[i + 1] ?? '') && !/\d/.test(text[i + 1] ?? '') && !listed.has(i)) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: text.length });
  return out;
}

/** Extracts every salary figure and market percentage from the documents. */
export function extractFacts(docs: SourceDoc[], roles: Role[]): { salaries: SalaryFact[]; market: MarketFact[] } {
  const salaries: SalaryFact[] = [];
  const market: MarketFact[] = [];
  // A page split into several documents (a "Related careers" box) is one page: its country is counted over all of them.
  const byFile = new Map<string, SourceDoc[]>();
  for (const doc of docs) byFile.set(doc.file, [...(byFile.get(doc.file) ?? []), doc]);
  const countries = new Map([...byFile].map(([file, same]) => [file, pageCountry(same)]));
  for (const doc of docs) {
    const primary = primaryRole(roles, doc);
    const country = countries.get(doc.file) ?? null;
    const jobsBySection = listedJobs(doc, primary);
    doc.blocks.forEach((block) => {
      if (block.kind === 'heading') return;
      const parentBlock = block.parent === undefined ? undefined : doc.blocks[block.parent];
      const parentText = parentBlock ? doc.text.slice(parentBlock.start, parentBlock.end) : '';
      const spans = block.kind === 'paragraph' ? sentenceSpans(doc.text, block.start, block.end) : [{ start: block.start, end: block.end }];
      for (const span of spans) {
        const text = doc.text.slice(span.start, span.end);
        const quoted: Quoted = {
          quote: text,
          ...(parentText ? { context: parentText } : {}),
          docId: doc.id,
          doc: doc.title,
          section: sourceLabel(doc, block.section),
          start: span.start,
          end: span.end,
        };
        for (const m of text.matchAll(/(\d+(?:\.\d+)?)\s?%/g)) {
          const slice = outlookSlice(text, m.index);
          market.push({
            ...quoted,
            quote: text.slice(slice.start, slice.end),
            start: span.start + slice.start,
            end: span.start + slice.end,
            percent: Number(m[1]),
            roles: outlookRoles(roles, doc, block.section, text, primary),
          });
        }
        if (!findMoney(text).length) continue;
        const where = whereOf(doc, block.section, block.start);
        // The section's introduction counts too: "Figures below are approximate base salaries" above a table.
        if (!PAY_CONTEXT.test([text, parentText, ...where.scopes].join(' '))) continue;
        const jobs = jobsBySection.get(block.section);
        const ctx = { quoted, parentText, where, roles, primary, paragraph: doc.text.slice(block.start, block.end), country, ...(jobs ? { jobs } : {}) };
        if (tableRow(text, parentText)) salaries.push(...tableFacts(text, ctx));
        // "Trainee: £18,000 to £26,000 | Experienced: £50,000 to £120,000": each labelled part is a figure of its own.
        else {
          const parts = labelledParts(text);
          for (const part of parts) salaries.push(...factsOf(part, { ...ctx, sideBySide: parts.length > 1 }));
        }
      }
    });
  }
  return { salaries, market };
}

interface Context {
  quoted: Quoted;
  parentText: string;
  where: Where;
  roles: Role[];
  primary: Role | undefined;
  /** The whole bullet or paragraph the figure's sentence belongs to. */
  paragraph: string;
  /** The country the figure's page is plainly about (see pageCountry), if any. */
  country: string | null;
  /** The country of the table column the figure is in ("Canada (Montreal)"), if it names one. */
  columnCountry?: string | null;
  /** Labels of the section's pay lines that give another job's pay, with the job (see otherJobs). */
  jobs?: Map<string, string>;
  /**
   * The text is one of labelled figures side by side ("Trainee: … | Valid controller: … | Senior controller: …"): a
   * label that names no place, kind of pay or role is the level of its figure, like its neighbours'.
   */
  sideBySide?: boolean;
}

/** A line of labelled figures side by side ("Trainee: £18,000 | Experienced: £50,000") in its parts; else the line. */
function labelledParts(text: string): string[] {
  const parts = text.split(/\s+\|\s+/);
  return parts.length > 1 && parts.every((p) => /^[^:$€£]{2,40}:\s/.test(p) && hasMoney(p)) ? parts : [text];
}

/** The facts of one bullet or sentence, one per money figure. */
function factsOf(text: string, ctx: Context): SalaryFact[] {
  const { parentText, where, roles, primary } = ctx;
  const colon = LINE_HEAD.exec(text);
  const head = colon?.[1]?.trim() ?? '';
  const job = head ? ctx.jobs?.get(head) : undefined;
  const headPlaces = head ? placesIn(head) : [];
  const headIsPlace = onlyPlace(head, headPlaces);
  const headIsLevel =
    !!head && !job && !headIsPlace && (isLevelBand(head) || (!!ctx.sideBySide && !KIND_OR_PAY.test(head) && !rolesMentioned(roles, head).length));
  const parentLabel = parentText.replace(/:\s*$/, '').trim();
  // "How much do QA testers make in Montreal and Vancouver?": a heading that asks names no figure.
  const heading = where.headings[0] ?? '';
  const outerLabel = parentLabel || (heading.trimEnd().endsWith('?') ? 'Salary' : heading);
  const role =
    rolesMentioned(roles, head)[0] ??
    rolesMentioned(roles, parentText)[0] ??
    rolesMentioned(roles, text)[0] ??
    rolesMentioned(roles, where.headings.slice(0, -1).join(' \n '))[0] ??
    primary;
  // The place a section's introduction gives its figures ("2024 offers from US employers"): not the figure's
  // own place, but what a question about that place may be answered with.
  // So does a sentence of the figures' own paragraph that gives none of its own ("Figures are for the United Kingdom").
  const stated = ctx.paragraph.split(/(?<=[.!?])\s+/).filter((t) => !hasMoney(t));
  const year = yearIn(text) ?? [...stated, ...where.scopes].map(yearIn).find((y) => y !== null) ?? null;
  const { market, sectionCountry, namedDollar } = figureMarket({
    stated,
    parentText,
    scopes: where.scopes,
    sectionScopes: where.sectionScopes,
    headings: where.headings,
    country: ctx.country,
  });
  // A sentence with a figure of its own ("Self-employed climbers charge a day rate of £180") sets the period of that
  // figure only, not of the table below it.
  const sectionPeriod =
    where.scopes
      .flatMap((t) => t.split(/(?<=[.!?])\s+/))
      // "Hourly pay is common in clinics:" announces its own list (read through the list's parent), not the
      // "Pay by city" section after it.
      .filter((t) => !hasMoney(t) && !t.trimEnd().endsWith(':'))
      .map(periodIn)
      .find((p) => p !== null) ?? null;

  const out: SalaryFact[] = [];
  const setting = settingOf(text);
  for (const c of clauses(text)) {
    const whole = text.slice(c.start, c.end);
    const moneys = findMoney(whole);
    // "the PTCE, which costs $129": a price the worker pays, not pay; "…charge $110 to $150 an hour plus a call-out
    // fee" is pay, the fee named after it something else.
    if (isPriceClause(whole, moneys)) continue;
    for (const [i, found] of moneys.entries()) {
      // Two figures in one clause ("junior roles pay £35k-£45k and senior roles £70k-£90k"): each is named by
      // the words between it and the figure before it.
      const from = i === 0 ? 0 : (moneys[i - 1]?.end ?? 0);
      const to = moneys[i + 1]?.start ?? whole.length;
      const clause = whole.slice(0, to);
      const money = found;
      const own = clause.slice(from, money.start);
      const upTo = /\bup to\s*$/i.test(own);
      // A difference from pay, a unit price, a deduction or an extra is money but not pay.
      if (
        notPay({ whole, clause, money, own, lead: text.slice(0, c.start) }) ||
        // "the NHS Learning Support Fund, which pays at least £5,000 a year that does not have to be paid back": a grant.
        isFunding(text.slice(sentenceAround(text, c.start + money.start).start, c.start + money.start), whole.slice(money.end))
      )
        continue;
      const offset = colon && c.start === 0 ? colon[0].length : 0;
      const body = clause.slice(offset);
      const segment = i === 0 ? body : clause.slice(from);
      const words = ownWords(segment, shift(money, i === 0 ? -offset : -from), placesIn(segment));
      let label: string;
      let location: string | null = null;
      if (headIsPlace) {
        location = headPlaces.length ? placeSurface(head, headPlaces) : null;
        label = KIND_OR_PAY.test(words) ? shortLabel(words) : (namingWords(words) ?? outerLabel);
      } else if (headIsLevel) label = outerLabel;
      else if (head && c.start === 0 && i === 0) label = head;
      else {
        // "…start at Band 5, which runs from £29,970": named by what the clause refers back to.
        const back = i === 0 && c.start > 0 && REFERS_BACK.test(own) ? antecedentLabel(text.slice(sentenceAround(text, c.start).start, c.start)) : null;
        // "Fully qualified plumbers earn a median of about $1,850": who earns it, and which figure it is.
        const who = subjectLabel(own);
        label = tidyLabel(
          back ??
            nounLabel(own) ??
            (who?.includes(', ') ? who : null) ??
            // "…court systems earn $80,000 to $110,000 in salary plus fees": a pay word after the figure says less than who earns it.
            (who && !KIND_OR_PAY.test(own) && kindOf(words) === 'range' ? who : null) ??
            (KIND_OR_PAY.test(words) ? shortLabel(words) : (who ?? namingWords(words) ?? (head || outerLabel))),
        );
      }
      // "entry-level data scientists typically earn…", "senior roles £70k-£90k": the level the sentence gives.
      // "Senior engineers … earn £55,000 to £72,000, rising to £62,000 to £80,000 in London": the same people's pay,
      // unless the words after the figure say whose ("…, rising to £40,000 to £55,000 for experienced clinicians").
      const rising = i === 0 && c.start > 0 && RISING.test(own);
      const risingLevel = rising ? lastLevel(/^[^,;]*/.exec(clause.slice(money.end))?.[0] ?? '') : null;
      // "Head of HR or HR director: …" beside the role's lines is another job, not the role's head level.
      const levelAt =
        headIsLevel || job ? null : (lastLevel(own) ?? (rising ? (risingLevel ?? lastLevel(text.slice(sentenceAround(text, c.start).start, c.start))) : null));
      const levelWord = levelAt?.word ?? null;
      // A label that only says who at which level ("senior data scientists") is the level, not a kind of pay.
      if (levelWord && label.includes(levelWord) && !KIND_OR_PAY.test(label)) label = KIND_OR_PAY.test(outerLabel) ? outerLabel : 'Salary';
      // "In private practice, employed junior physiotherapists earn …", "In the NHS, … Band 7, which paid …": the
      // setting names the figure, alone when nothing more specific does.
      if (setting && !headIsPlace && !headIsLevel && !(head && c.start === 0 && i === 0)) {
        if (label === outerLabel || label === 'Salary') label = setting;
        else if (!label.includes(setting)) label = `${setting}, ${label}`;
      }
      if (rising && out.at(-1)) label = out.at(-1)?.label ?? label;
      // A place phrase at the end of a label is the figure's place, not part of its name ("Median salary in London").
      let labelPlace: string | null = null;
      const phrase = splitLabelPlace(label);
      if (phrase) {
        if (label === outerLabel) labelPlace = phrase.place;
        else location ??= phrase.place;
        label = phrase.label;
      }
      const around = sentenceAround(text, c.start);
      const sentence = around.text.slice(0, Math.max(0, c.end - around.start));
      location = figurePlace(location, { clause, start: money.start, end: money.end, sentence, labelPlace, parentLabel, headings: where.headings });
      // "A$33.50 an hour (around A$1,273 for a 38-hour week)": the same pay again in another period, named as before.
      const restates = i > 0 && RESTATED.test(own) ? out.at(-1) : undefined;
      if (restates) {
        label = restates.label;
        location = restates.location;
      }
      // "senior analysts earn £60,000 to £80,000 in the UK and $125,000 to $155,000 in the US": the same people's pay
      // in another place, named and levelled as before.
      const samePeople = !restates && i > 0 && !upTo && ONLY_JOINING.test(withoutPlaces(own)) ? out.at(-1) : undefined;
      if (samePeople) label = samePeople.label;
      const earlier = restates ?? samePeople;
      const kind = kindOf(label);
      const single = money.to === null;
      const after = clause.slice(money.end).slice(0, PERIOD_AFTER_CHARS);
      // "Vets earn considerably more: … £35,000" on the veterinary nurse's page is a vet's pay, not the page role's.
      const at = c.start + money.start;
      const said = sentenceAround(text, at);
      const forOther = role && comparedJob(said.text.slice(0, Math.max(0, at - said.start)), role);
      out.push({
        ...ctx.quoted,
        file: where.doc.file,
        role: forOther ? null : (role?.name ?? null),
        kind,
        label,
        level: earlier ? earlier.level : headIsLevel ? head : levelWord,
        seniority: earlier ? earlier.seniority : headIsLevel ? seniorityOf(head) : levelAt ? seniorityOf(levelAt.word, levelAt.after) : null,
        min: single ? (money.openEnded ? money.from : null) : money.from,
        // "up to £75,000" is a ceiling, not a figure anyone is said to earn.
        max: single ? (upTo && !money.openEnded ? money.from : null) : money.to,
        value: single && !money.openEnded && !upTo ? money.from : null,
        openEnded: money.openEnded,
        currency: dollarOf(money, whole, namedDollar, dollarCountry(ctx.columnCountry, sectionCountry, location, ctx.country)),
        period: periodOf(money, [periodAfter(after, money), periodIn(`${label} ${clause}`), periodIn(text), periodIn(parentText), sectionPeriod]),
        location,
        country: countryOf(location ?? market),
        market: location ?? market,
        year,
        ...(job && (role?.name ?? null) === primary?.name && !forOther ? { job } : {}),
      });
    }
  }
  return out;
}

/** Words between two figures that name no one new: a period, a place's preposition and a joining word (" a year in the UK and "). */
const ONLY_JOINING =
  /^\s*(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\s+)?(?:(?:in|across|for|at)\s+(?:the\s+)?)?(?:,\s*)?(?:and|or|while|but|versus|vs\.?)\s*$/i;

/** A figure restated in brackets right after another: "A$33.50 an hour (around A$1,273 …)", "£30,000 a year (or £15 an hour)". */
const RESTATED = /^\s*(?:(?:a|an|per)\s+\w+\s*)?\(\s*(?:around|about|roughly|approximately|approx\.?|or|i\.e\.,?|that is,?|equivalent to|equal to)?\s*$/i;

/** True for a table row quoted under its header row (same number of cells, at least two). */
function tableRow(text: string, header: string): boolean {
  const cells = tableCells(text).length;
  return cells >= 2 && cells === tableCells(header).length;
}

/**
 * The facts of a table row: each cell with a figure is named by its row and column ("United States" × "Junior").
 * A level band in either names the level, a place the location, and the other name (or the section) the label.
 */
function tableFacts(text: string, ctx: Context): SalaryFact[] {
  const header = tableCells(ctx.parentText);
  const cells = tableCells(text);
  const rowName = cells[0] ?? '';
  const out: SalaryFact[] = [];
  cells.forEach((cell, i) => {
    if (i === 0 || !findMoney(cell).length) return;
    const names = [rowName, header[i] ?? ''];
    const level = names.find((n) => isLevelBand(n)) ?? null;
    // "United States (USD, per year)", "Canada (Montreal)": a column named by its place, whatever is in brackets.
    const place = names.find((n) => n !== level && onlyPlace(unbracketed(n), placesIn(unbracketed(n))));
    const heading = ctx.where.headings[0] ?? '';
    // Both named ("First officer" × "Long-haul"): the label says both; a column that only names the pay ("Base salary") adds nothing.
    // A column that only names the pay and its period ("Hourly rate", "Weekly rate (38 hours)") gives the period, not a name.
    const named = names.filter(
      (n) => n !== level && n !== place && n && !/^(?:location|city|country|region|level|role|title|stage)$/i.test(n) && !PAY_OF_PERIOD.test(unbracketed(n)),
    );
    // "Domestic (per km)": the bracket gives the figures' period (read below), the name is "Domestic".
    const [first, second] = named.map((n) => n.replace(PERIOD_BRACKET, '').trim());
    const label =
      first && second && !KIND_OR_PAY.test(second) ? `${first}, ${second}` : (first ?? (KIND_OR_PAY.test(heading) ? withoutPlace(heading) : 'Salary'));
    const column = place ? columnPlace(place) : null;
    // "Weekly rate (38 hours)" over a column, "Hourly" beside a row: the period of the cell's figure, before its section's.
    const period = periodIn(cell) ?? periodIn(header[i] ?? '') ?? periodIn(rowName);
    for (const f of factsOf(cell, { ...ctx, parentText: '', columnCountry: column?.country ?? null }))
      out.push({
        ...f,
        ...(period ? { period } : {}),
        kind: kindOf(label),
        label,
        level,
        seniority: level ? seniorityOf(level) : null,
        ...(column ? { location: column.location, country: column.country, market: column.location } : {}),
      });
  });
  return out;
}

function shift(m: Money, by: number): Money {
  return { ...m, start: m.start + by, end: m.end + by };
}
