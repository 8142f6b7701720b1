// Ingest stage "knowledge: whose pay a figure is" (pure, no I/O): pay lines and sentences of a role's page that give
// another job's pay ("HR adviser: £28,000 to £36,000" on an HR manager's page, "Vets earn considerably more: …").
import type { Role } from '../../domain/knowledge.js';
import type { SourceDoc } from '../../domain/types.js';
import { JOB_NOUN } from '../../domain/vocabulary.js';
import { LEVEL_WORDS } from './figure-labels.js';
import { hasMoney } from './money.js';
import { LINE_HEAD, otherJobs } from './pay-labels.js';
import { roleKey } from './roles.js';

/** Each section's pay lines that give another job's pay than the page role's ("HR adviser: £28,000 to £36,000"). */
export function listedJobs(doc: SourceDoc, role: Role | undefined): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  if (!role) return out;
  const heads = new Map<number, string[]>();
  for (const b of doc.blocks) {
    if (b.kind === 'heading') continue;
    const text = doc.text.slice(b.start, b.end);
    const head = LINE_HEAD.exec(text)?.[1]?.trim();
    if (head && hasMoney(text)) heads.set(b.section, [...(heads.get(b.section) ?? []), head]);
  }
  for (const [section, list] of heads) {
    const jobs = otherJobs(list, [role.name, ...role.aliases], roleKey, JOB_NOUN, LEVEL_WORDS);
    if (jobs.size) out.set(section, jobs);
  }
  return out;
}

/** People of a job said to earn more or less than the page's ("Vets earn considerably more", "Senior vets typically make far more"). */
const COMPARED_PAY =
  /\b([A-Za-z]+)\s+(?:(?:typically|usually|often|generally|can|may)\s+)?(?:earn|make|are\s+paid|get\s+paid)\s+(?:[a-z]+\s+){0,2}(?:more|less|higher|lower)\b/i;

/** A word that is a job noun and nothing more ("Vets"). */
const WHOLE_JOB_NOUN = new RegExp(`^${JOB_NOUN.source}$`, 'i');

/** Whether the sentence before a figure compares another job's pay with the role's (the job is none of the role's names). */
export function comparedJob(before: string, role: Role): boolean {
  const job = COMPARED_PAY.exec(before)?.[1];
  if (!job || !WHOLE_JOB_NOUN.test(job)) return false;
  const own = new Set([role.name, ...role.aliases].flatMap((n) => roleKey(n).split(' ')));
  return !own.has(roleKey(job));
}
