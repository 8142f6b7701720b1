import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { ROOT, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'main.ts');

let env: Record<string, string>;

function cli(args: string[], extra: Record<string, string> = {}, input?: string) {
  const child = run(TSX, [MAIN, ...args], { cwd: tempDir('cwd-'), env: { ...env, ...extra }, timeout: 60_000 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child;
}

beforeAll(async () => {
  const data = tempDir('data-');
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    CORPUS_DIR: corpusCopy(),
    DATA_DIR: data,
    RETRIEVAL_MODE: 'lexical',
    LOG_LEVEL: 'warn',
  };
  await cli(['ingest']);
});

describe('the command line', () => {
  it('prints ask --json in the documented contract, with text exactly as posted', async () => {
    const { stdout } = await cli(['ask', '--json', 'How much do machine learning engineers make?']);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['question', 'intent', 'answered', 'text', 'citations', 'kind', 'roles']);
    expect(out).toMatchObject({ question: 'How much do machine learning engineers make?', intent: 'salary', answered: true });
    expect(out.citations[0]).toMatchObject({ doc: 'Backend Engineer Machine Learning Systems', quote: 'Average base salary: $157,969' });
    expect(typeof out.citations[0].score).toBe('number');
    expect(out.text).toContain('> Machine Learning Engineers: Average base salary: $157,969');
  });

  it('answers off-topic questions with answered=false', async () => {
    const out = JSON.parse((await cli(['ask', '--json', 'best sourdough recipe'])).stdout);
    expect(out.answered).toBe(false);
    expect(out.citations).toEqual([]);
  });

  it('prints salary --json with figures and suggestions', async () => {
    const out = JSON.parse((await cli(['salary', 'hybrid role', '--level', 'senior', '--json'])).stdout);
    expect(out).toMatchObject({ query: 'hybrid role', role: 'Backend Machine Learning Engineer', answered: true, suggestions: [] });
    expect(out.figures).toHaveLength(1);
    expect(out.figures[0]).toMatchObject({
      level: 'Senior Roles (7+ years)',
      seniority: 'senior',
      kind: 'range',
      label: 'Experience-Based Salary Breakdown',
      min: 200000,
      max: 250000,
      currency: 'USD',
      location: 'US',
      year: 2024,
    });
    const unknown = JSON.parse((await cli(['salary', 'astronaut', '--json'])).stdout);
    expect(unknown.role).toBeNull();
    expect(unknown.suggestions.length).toBeGreaterThan(0);
  });

  it('prints compare --json with rows and shared skills', async () => {
    const out = JSON.parse((await cli(['compare', 'Backend Engineer', 'Machine Learning Engineer', '--json'])).stdout);
    expect(out.a).toBe('Backend Engineer');
    expect(out.rows.map((r: { aspect: string }) => r.aspect)).toContain('Salary');
    expect(out.shared).toContain('API development');
  });

  it('lists roles as JSON', async () => {
    const out = JSON.parse((await cli(['roles', '--json'])).stdout);
    expect(out.roles.map((r: { name: string }) => r.name)).toContain('Integration Developer');
    expect(out.roles.find((r: { name: string }) => r.name === 'Integration Developer').documents).toEqual(['backend-engineer-machine-learning-systems.txt']);
  });

  it('rejects bad arguments with a clear message and exit code 1', async () => {
    await expect(cli(['salary', 'MLE', '--level', 'principal'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--level must be junior, mid or senior/),
    });
  });

  it('starts a terminal chat without a token, reading questions from a pipe', async () => {
    const { stdout } = await cli([], {}, 'What does a backend machine learning engineer earn?\nand for senior roles?\n');
    expect(stdout).toContain('$150,000–$250,000');
    expect(stdout).toContain('Senior Roles (7+ years) $200,000–$250,000+');
  });

  it('uses a local model through EMBED_MODEL, and degrades to keyword search with one warning when it is missing', async () => {
    const models = tempDir('models-');
    writeTinyModel(join(models, 'tiny'), 'machine learning engineer salary backend skills'.split(' '));
    const data = tempDir('data-');
    const dense = JSON.parse((await cli(['ingest', '--json'], { RETRIEVAL_MODE: 'hybrid', EMBED_MODEL: join(models, 'tiny'), DATA_DIR: data })).stdout);
    expect(dense).toMatchObject({ model: 'tiny', embedded: dense.chunks, reused: 0 });
    const missing = await cli(['ask', 'How much do ML engineers make?'], {
      RETRIEVAL_MODE: 'hybrid',
      EMBED_MODEL: join(models, 'absent'),
      DATA_DIR: data,
      LOG_LEVEL: 'info',
    });
    expect(missing.stderr.match(/could not be loaded/g)).toHaveLength(1);
    expect(missing.stderr).toMatch(/keyword \(BM25\) search only/);
    expect(missing.stdout).toContain('$157,969');
  });
});
