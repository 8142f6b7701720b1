import { readFileSync, writeFileSync } from 'node:fs';
// CLI "report" (I/O: reads the question log and the index, writes one HTML file or prints JSON):
// `npm run report [-- --json] [--out file.html] [--days N]`.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openQuestionLog } from '../../app/question-log.js';
import { type ReportData, buildReport, citableSections } from '../../app/report-data.js';
import type { Runtime } from '../../app/runtime.js';
import { AppError } from '../../domain/errors.js';
import { renderReportPage } from './report-page.js';

const USAGE = 'Usage: npm run report [-- --json] [--out <file.html>] [--days <N>]';

/** Chart.js's self-contained UMD build, read from node_modules so the page needs no network. */
function chartJsSource(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  const path = join(dirname(main), 'chart.umd.min.js');
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `Cannot read Chart.js at ${path}: run npm ci.`, { cause });
  }
}

/** The report's figures over the stored questions and the current index. */
export async function reportData(runtime: Runtime, days: number): Promise<ReportData> {
  if (!runtime.config.privacy.questionLog) {
    throw new AppError('CONFIG_INVALID', 'QUESTION_LOG=off: no questions are stored, so there is nothing to report. Set QUESTION_LOG=on to start logging.');
  }
  await runtime.open();
  const questions = openQuestionLog(runtime.config, runtime.log);
  try {
    return buildReport(questions.questions(), citableSections(runtime.advisor().index), { days });
  } finally {
    questions.close();
  }
}

export async function run(runtime: Runtime, args: string[]): Promise<number> {
  let values: { json?: boolean; out?: string; days?: string };
  try {
    ({ values } = parseArgs({ args, options: { json: { type: 'boolean' }, out: { type: 'string' }, days: { type: 'string' } } }));
  } catch (error) {
    throw new AppError('BAD_INPUT', `${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
  }
  const retention = runtime.config.privacy.retentionDays;
  const days = values.days === undefined ? retention : Number(values.days);
  if (!Number.isInteger(days) || days < 1) throw new AppError('BAD_INPUT', `--days must be a whole number of days, at least 1. ${USAGE}`);
  const data = await reportData(runtime, days);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  const out = resolve(values.out ?? join(runtime.config.dataDir, 'report.html'));
  try {
    writeFileSync(out, renderReportPage(data, chartJsSource()));
  } catch (cause) {
    throw new AppError(
      'CONFIG_INVALID',
      `Cannot write the report to ${out} (${(cause as NodeJS.ErrnoException).code ?? String(cause)}): pass --out with a writable path.`,
      {
        cause,
      },
    );
  }
  const rate = data.answeredRate === null ? '' : ` (${Math.round(data.answeredRate * 100)}% answered)`;
  const top = data.unanswered[0] ? ` Top gap: “${data.unanswered[0].topic}” (${data.unanswered[0].count}).` : '';
  process.stdout.write(`Wrote ${out}: ${data.questions} questions in the last ${days} days${rate}, 👍 ${data.feedback.up} 👎 ${data.feedback.down}.${top}\n`);
  return 0;
}
