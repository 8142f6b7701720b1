// Operator report figures (pure, no I/O): logged questions + the current index -> what was asked, what went
// unanswered or got 👎 (grouped into topics by shared content terms), and which sections are cited or never.
import { sourceLabel } from '../domain/types.js';
import type { IndexData } from '../index/store.js';
import { terms } from '../index/terms.js';
import type { LoggedQuestion, Surface } from './question-log.js';

export const SURFACES: readonly Surface[] = ['discord', 'chat', 'cli'];

/** Questions that share a content term. */
export interface Topic {
  topic: string;
  count: number;
  /** Distinct wordings, most asked first. */
  examples: string[];
}

export interface Tally {
  name: string;
  up: number;
  down: number;
}

/** Everything `npm run report` shows; `--json` prints exactly this. */
export interface ReportData {
  generatedAt: string;
  /** The window the figures cover, in days up to `generatedAt`. */
  days: number;
  questions: number;
  answered: number;
  /** answered / questions, null when there are no questions. */
  answeredRate: number | null;
  byDay: ({ day: string; total: number; answered: number } & Record<Surface, number>)[];
  unanswered: Topic[];
  downvoted: Topic[];
  feedback: { up: number; down: number; byIntent: Tally[]; byRole: Tally[] };
  sections: { total: number; mostCited: { label: string; count: number }[]; neverCited: string[] };
  latencyMs: { p50: number | null; p95: number | null };
}

/** How many topics, examples and cited sections the report lists. */
export const REPORT_LIMITS = { topics: 10, examples: 3, mostCited: 10 };

/**
 * Words that say what kind of answer is wanted, not what it is about ("salary", "skills"): a topic is named
 * after them only when a question has nothing more specific.
 */
const ASPECT_TERMS = new Set(
  terms(
    'salary salaries pay paid earn earns make money compensation job jobs career careers role roles work working become skills skill ' +
      'education degree outlook learn start starting good best way ways year years level senior junior entry',
  ),
);

/** Role nouns: shared by "data engineer" and "robotics engineer", so they name a topic only after a more specific word. */
const ROLE_NOUNS = new Set(
  terms('engineer engineers developer developers manager managers analyst analysts scientist scientists designer designers architect administrator specialist'),
);

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
}

/** Section labels of the index that hold at least one chunk, i.e. that an answer could cite. */
export function citableSections(index: Pick<IndexData, 'docs' | 'chunks'>): string[] {
  const byId = new Map(index.docs.map((d) => [d.id, d]));
  const labels = new Set<string>();
  for (const c of index.chunks) {
    const doc = byId.get(c.docId);
    if (doc) labels.add(sourceLabel(doc, c.section));
  }
  return [...labels];
}

/** The word people wrote most often for a stemmed term ("salaries" and "salary" -> the commoner one). */
function surfaceWords(questions: string[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const q of questions) {
    for (const word of q.toLowerCase().match(/[a-z0-9+#]+/g) ?? []) {
      const [stem, more] = terms(word);
      if (!stem || more) continue;
      const forms = counts.get(stem) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      counts.set(stem, forms);
    }
  }
  const out = new Map<string, string>();
  for (const [stem, forms] of counts) out.set(stem, [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? stem);
  return out;
}

/**
 * Groups questions by their most shared specific term: each question joins the topic of its content term that
 * the most questions share (role nouns like "engineer", then aspect words like "salary", only when it has no
 * more specific one), so "pilot salary" and "how to become a pilot" meet under "pilot". Deterministic: ties go
 * to the alphabetically first term.
 */
export function clusterTopics(questions: string[], limit = REPORT_LIMITS.topics): Topic[] {
  const items = questions.map((q) => ({ q: q.trim(), t: [...new Set(terms(q))] })).filter((i) => i.q);
  const df = new Map<string, number>();
  for (const i of items) for (const t of i.t) df.set(t, (df.get(t) ?? 0) + 1);
  const tier = (t: string) => (ASPECT_TERMS.has(t) ? 2 : ROLE_NOUNS.has(t) ? 1 : 0);
  const rank = (a: string, b: string) => tier(a) - tier(b) || (df.get(b) ?? 0) - (df.get(a) ?? 0) || a.localeCompare(b);
  const groups = new Map<string, string[]>();
  for (const i of items) {
    const key = [...i.t].sort(rank)[0] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), i.q]);
  }
  const words = surfaceWords(items.map((i) => i.q));
  const name = (t: string) => words.get(t) ?? t;
  const topics = [...groups].map(([key, qs]): Topic => {
    // A second term shared by most of the group makes the name clearer ("data engineer" rather than "data").
    const inGroup = new Map<string, number>();
    for (const q of qs) for (const t of new Set(terms(q))) if (t !== key) inGroup.set(t, (inGroup.get(t) ?? 0) + 1);
    // A lone question only borrows a role noun ("robotics" + "engineer"); a group, any term most of it shares.
    const second = [...inGroup]
      .filter(([t, n]) => n * 2 > qs.length && (qs.length > 1 || ROLE_NOUNS.has(t)))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const counts = new Map<string, number>();
    for (const q of qs) counts.set(q, (counts.get(q) ?? 0) + 1);
    const examples = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, REPORT_LIMITS.examples)
      .map(([q]) => q);
    return { topic: key ? [name(key), ...(second ? [name(second)] : [])].join(' ') : '(no content words)', count: qs.length, examples };
  });
  return topics.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)).slice(0, limit);
}

function tally(rows: LoggedQuestion[], keys: (q: LoggedQuestion) => string[]): Tally[] {
  const out = new Map<string, Tally>();
  for (const q of rows) {
    if (!q.up && !q.down) continue;
    for (const name of keys(q)) {
      const t = out.get(name) ?? { name, up: 0, down: 0 };
      t.up += q.up;
      t.down += q.down;
      out.set(name, t);
    }
  }
  return [...out.values()].sort((a, b) => b.up + b.down - (a.up + a.down) || a.name.localeCompare(b.name));
}

/** The report over the questions asked in the last `days` days before `now`, against the sections the index can cite. */
export function buildReport(all: LoggedQuestion[], sections: string[], options: { days: number; now?: number }): ReportData {
  const now = options.now ?? Date.now();
  const since = now - options.days * DAY_MS;
  const rows = all.filter((q) => q.at >= since && q.at <= now);
  const days = new Map<string, ReportData['byDay'][number]>();
  const first = rows[0];
  if (first) {
    for (let d = Date.parse(dayOf(first.at)); d <= now; d += DAY_MS) {
      const day = dayOf(d);
      days.set(day, { day, total: 0, answered: 0, discord: 0, chat: 0, cli: 0 });
    }
  }
  for (const q of rows) {
    const d = days.get(dayOf(q.at));
    if (!d) continue;
    d.total++;
    d[q.surface]++;
    if (q.answered) d.answered++;
  }
  const answered = rows.filter((q) => q.answered).length;
  const cited = new Map<string, number>();
  for (const q of rows) for (const label of q.citations) cited.set(label, (cited.get(label) ?? 0) + 1);
  const latencies = rows.flatMap((q) => (q.ms === null ? [] : [q.ms])).sort((a, b) => a - b);
  return {
    generatedAt: new Date(now).toISOString(),
    days: options.days,
    questions: rows.length,
    answered,
    answeredRate: rows.length ? answered / rows.length : null,
    byDay: [...days.values()],
    unanswered: clusterTopics(rows.filter((q) => !q.answered).map((q) => q.question)),
    downvoted: clusterTopics(rows.flatMap((q) => (q.down > q.up ? [q.question] : []))),
    feedback: {
      up: rows.reduce((n, q) => n + q.up, 0),
      down: rows.reduce((n, q) => n + q.down, 0),
      byIntent: tally(rows, (q) => [q.intent]),
      byRole: tally(rows, (q) => (q.roles.length ? q.roles : ['(no role)'])),
    },
    sections: {
      total: sections.length,
      mostCited: [...cited]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, REPORT_LIMITS.mostCited)
        .map(([label, count]) => ({ label, count })),
      neverCited: sections.filter((s) => !cited.has(s)).sort((a, b) => a.localeCompare(b)),
    },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}
