import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { openPrivacy } from '../../src/app/privacy.js';
import type { ReportData } from '../../src/app/report-data.js';
import { launchChromium } from '../fixtures/browser.js';
import { ROOT, cliEnv, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');
/** Where the screenshot is kept for CI (data/ is not committed). */
const SCREENSHOT = join(ROOT, 'data', 'report-screenshot.png');

let env: Record<string, string>;
let browser: Browser;
const cli = (args: string[], input?: string) => {
  const child = run(TSX, [MAIN, ...args], { cwd: tempDir('cwd-'), env, timeout: 60_000 });
  if (input !== undefined) child.child.stdin!.end(input);
  return child;
};

beforeAll(async () => {
  env = cliEnv();
  await cli(['ingest']);
  await cli(['ask', 'How much do machine learning engineers make?']);
  await cli(['ask', 'What does a pilot earn?']);
  await cli(['salary', 'astronaut']);
  await cli(['compare', 'Backend Engineer', 'Machine Learning Engineer']);
  await cli(['chat'], 'pilot training requirements\nDo I need a PhD to be an ML engineer?\n');
  // Discord questions with votes, written the way the bot writes them.
  const { questions, feedback } = openPrivacy(loadConfig({ DATA_DIR: env.DATA_DIR }), silentLogger);
  const base = { kind: 'ask' as const, answered: true as const, intent: 'skills' as const, roles: ['Machine Learning Engineer'], citations: [] };
  const a = questions.record({ surface: 'discord', via: 'ask', userId: '100000000000000001', ms: 40, answer: { ...base, question: 'MLE skills?' } })!;
  const b = questions.record({
    surface: 'discord',
    via: 'mention',
    userId: '100000000000000002',
    ms: 55,
    answer: {
      kind: 'none',
      answered: false,
      question: 'How do I become a pilot?',
      intent: 'general',
      roles: [],
      citations: [],
      reason: { code: 'not-covered', example: null },
      suggestions: [],
    },
  })!;
  feedback.vote(a, '100000000000000001', 'up');
  feedback.vote(b, '100000000000000002', 'down');
  questions.close();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('npm run report', () => {
  it('prints the documented figures as JSON', async () => {
    const r: ReportData = JSON.parse((await cli(['report', '--json'])).stdout);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['questions', 'answered', 'byDay', 'unanswered', 'feedback', 'sections']));
    expect(r.questions).toBe(8);
    expect(r.byDay.at(-1)).toMatchObject({ total: 8, cli: 4, chat: 2, discord: 2 });
    expect(r.unanswered[0]).toMatchObject({ topic: 'pilot', count: 3 });
    expect(r.feedback).toMatchObject({ up: 1, down: 1 });
    expect(r.sections.mostCited.length).toBeGreaterThan(0);
    expect(r.sections.neverCited.length + r.sections.mostCited.length).toBeLessThanOrEqual(r.sections.total);
  });

  it('writes one offline page whose charts draw in headless Chromium, without errors, showing the JSON figures', async () => {
    const out = join(tempDir('report-'), 'report.html');
    const printed = (await cli(['report', '--out', out])).stdout;
    expect(printed).toMatch(/^Wrote .*report\.html: 8 questions in the last 90 days \(\d+% answered\)/);
    const json: ReportData = JSON.parse((await cli(['report', '--json'])).stdout);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/cdn/i);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('request', (req) => !req.url().startsWith('file:') && problems.push(`network request: ${req.url()}`));
    await page.goto(`file://${out}`);
    await page.waitForSelector('body[data-charts-drawn="5"]', { timeout: 10_000 });
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases.map((c) => {
        // The project has no DOM typings: the canvas is described by what is used of it.
        const canvas = c as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } } };
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return { id: c.id, painted };
      }),
    );
    expect(inked.map((c) => c.id)).toEqual(['chart-per-day', 'chart-answered', 'chart-by-intent', 'chart-by-role', 'chart-cited']);
    for (const c of inked) expect(c.painted, c.id).toBeGreaterThan(500);

    const figures = await page.$$eval('[data-figure]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-figure'), e.textContent])));
    expect(figures).toEqual({
      questions: String(json.questions),
      answered: String(json.answered),
      'answered-rate': `${Math.round(json.answeredRate! * 100)}%`,
      up: String(json.feedback.up),
      down: String(json.feedback.down),
      'never-cited': String(json.sections.neverCited.length),
    });
    const topics = await page.$$eval('#unanswered tbody tr', (rows) => rows.map((r) => [r.children[0]!.textContent, Number(r.children[1]!.textContent)]));
    expect(topics).toEqual(json.unanswered.map((t) => [t.topic, t.count]));
    const embedded = JSON.parse((await page.textContent('#report-data'))!);
    expect({ ...embedded, generatedAt: 0 }).toEqual({ ...json, generatedAt: 0 });
    expect(await page.$$eval('#never-cited li', (li) => li.length)).toBe(json.sections.neverCited.length);

    mkdirSync(join(ROOT, 'data'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses with one line when questions are not logged', async () => {
    await expect(run(TSX, [MAIN, 'report'], { cwd: tempDir('cwd-'), env: { ...env, QUESTION_LOG: 'off' } })).rejects.toMatchObject({
      code: 1,
      stderr: 'QUESTION_LOG=off: no questions are stored, so there is nothing to report. Set QUESTION_LOG=on to start logging.\n',
    });
  });
});
