import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../fixtures/tiny-model.js';
import { ROOT, SEED_ROLES, corpusCopy, tempDir } from '../helpers.js';

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

  it('answers "ask --mode lexical" without trying the embedding model, whatever the configured mode', async () => {
    const hybrid = { RETRIEVAL_MODE: 'hybrid', EMBED_MODEL: join(tempDir('no-model-'), 'missing') };
    const lexical = await cli(['ask', '--mode', 'lexical', 'How much do machine learning engineers make?'], hybrid);
    expect(lexical.stderr).toBe('');
    expect(lexical.stdout).toContain('Average base salary: $157,969');
    expect((await cli(['ask', 'How much do machine learning engineers make?'], hybrid)).stderr).toMatch(/Embedding model/);
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

  it('keeps a chat on the pay, role and place asked before, and prints one line for what neither compared role has', async () => {
    const fixture = { CORPUS_DIR: join(ROOT, 'test/fixtures/conversation'), DATA_DIR: tempDir('data-') };
    await cli(['ingest'], fixture);
    const { stdout } = await cli(
      [],
      fixture,
      'how much do pharmacists make in ontario\nand in alberta?\nwhat about hospital ones\nand in the US?\nwhat does an air traffic controller do\ncompare them\nwhat about the other one?\n',
    );
    const [, , , hospital = '', us = '', , compared = '', other = ''] = stdout.split('you› ');
    expect(hospital).toContain('Pharmacist salary (Alberta, 2024)\n   Pharmacist: Hospital pharmacy: CA$110,000–CA$135,000.');
    expect(us).toContain('no Pharmacist salary figures for US');
    expect(us).toContain('They give Pharmacist figures for Ontario, Alberta, Nova Scotia.');
    expect(compared).toContain('Pharmacist vs Air Traffic Controller');
    expect(compared).toContain(
      'Key skills\n     • Pharmacist: Attention to detail under time pressure; Clear communication with patients and nurses\n     • Air Traffic Controller: the ability to make decisions',
    );
    expect(other).toContain('Responsibilities — Pharmacist');
    const wall = await cli(['compare', 'Flight Dispatcher', 'Air Cabin Crew'], fixture);
    expect(wall.stdout).toContain('Not in the documents for either: What it is, Responsibilities, Key skills, Education, Outlook');
    expect(wall.stdout.match(/Not in the documents/g)).toHaveLength(1);
  });

  it('reads the follow-ups of a chat about pay by province as the questions they stand for, and refuses the weather', async () => {
    const fixture = { CORPUS_DIR: join(ROOT, 'test/fixtures/review10'), DATA_DIR: tempDir('data-') };
    await cli(['ingest'], fixture);
    const { stdout } = await cli(
      [],
      fixture,
      'dental hygienist pay\nin ontario?\nand bc\nhow do i qualify\nhow much do assistants make\nok what about product designers\npay in berlin?\nwhats the weather like in berlin\n',
    );
    const [, , , bc = '', qualify = '', assistants = '', , , weather = ''] = stdout.split('you› ');
    expect(bc).toContain('Dental Hygienist salary (British Columbia, 2023)');
    expect(qualify).toContain('Education — Dental Hygienist');
    expect(assistants).toContain('Dental Assistant: Median wage: CA$25 per hour.');
    expect(weather).toContain("The career documents don't cover “weather”");
    expect(weather).not.toContain('€');
  });

  it('gives help with examples from the corpus roles, and thanks a thank-you', async () => {
    const { stdout } = await cli([], {}, 'help\nthx!\n');
    expect(stdout).toMatch(/How much does an? [A-Z][\w ]+ make\?/);
    const example = /How much does an? ([A-Z][\w ]+?) make\?/.exec(stdout)?.[1] ?? '';
    expect(SEED_ROLES).toContain(example);
    expect(stdout).toContain("You're welcome!");
  });

  it('shows every quote of the last answer when the chat is asked for "sources"', async () => {
    const { stdout } = await cli([], {}, 'What skills does an ML engineer need?\nsources\n');
    const [answer = '', sources = ''] = stdout.split('you› sources');
    expect(answer).toContain('type “sources” to see them all');
    expect(answer).not.toContain('--json');
    expect((sources.match(/ {3} {2}> /g) ?? []).length).toBeGreaterThan((answer.match(/ {3} {2}> /g) ?? []).length);
  });

  it('takes "/roles", "/help" and "/exit" in the chat as commands, as Discord users type them', async () => {
    const { stdout } = await cli([], {}, '/roles\n/wat\n/exit\nWhat skills does an ML engineer need?\n');
    const [roles = '', unknown = ''] = stdout.split('you› /wat');
    expect(roles).toContain('Machine Learning Engineer');
    expect(unknown).toContain('Commands here are help, roles, sources and exit');
    expect(stdout).not.toContain('you› What skills');
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

const HUGE = 'what jobs '.repeat(10_000);
const NO_STACK = /\n\s+at |Unexpected error/;
const fails = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('the command line with 100 KB inputs', () => {
  it('refuses a 100 KB question, role or location in one line that states the cap, never echoing the input', async () => {
    const cases: [string[], string][] = [
      [['ask', HUGE], 'Questions are at most 500 characters; this one has 99,999.\n'],
      [['salary', HUGE], 'Role names are at most 100 characters; this one has 99,999.\n'],
      [['salary', 'MLE', '--location', HUGE], 'Locations are at most 60 characters; this one has 99,999.\n'],
      [['compare', HUGE, HUGE, '--json'], 'Role names are at most 100 characters; this one has 99,999.\n'],
    ];
    for (const [args, message] of cases) {
      const e = await fails(cli(args));
      expect(e.code).toBe(1);
      expect(e.stderr).toBe(message);
      expect(e.stdout).toBe('');
    }
    expect(JSON.parse((await cli(['salary', 'MLE', '--json'])).stdout).role).toBe('Machine Learning Engineer');
  }, 90_000);

  it('refuses a 100 KB line in the terminal chat and goes on with the next question', async () => {
    const { stdout } = await cli([], {}, `${HUGE}\nWhat does a backend machine learning engineer earn?\n`);
    expect(stdout).toContain('Questions are at most 500 characters; this one has 99,999.');
    expect(stdout).toContain('$150,000–$250,000');
    expect(stdout).not.toContain(HUGE.slice(0, 1_000));
    expect(stdout.length).toBeLessThan(20_000);
  });
});

describe('the command line with operator mistakes', () => {
  it('refuses an unknown flag in one line with the usage, for every command and the chat', async () => {
    const ask = await fails(cli(['ask', '--evil', 'How much do ML engineers make?']));
    expect(ask.code).toBe(1);
    expect(ask.stderr).toBe(`Unknown option '--evil'. Usage: npm run ask -- "<question>" [--json] [--mode lexical|dense|hybrid]\n`);
    const salary = await fails(cli(['salary', 'MLE', '--level']));
    expect(salary.stderr).toMatch(/^Option '--level <value>' argument missing\. Usage: npm run salary -- /);
    const compare = await fails(cli(['compare', 'MLE', 'Data Engineer', '--evil']));
    expect(compare.stderr).toMatch(/^Unknown option '--evil'\. Usage: npm run compare -- /);
    const chat = await fails(cli(['--evil'], {}, ''));
    expect(chat.code).toBe(1);
    expect(chat.stderr).toMatch(/^Unknown option '--evil'\. Usage: npm start /);
    const roles = await fails(cli(['roles', '--json', '--bogus']));
    expect(roles.stderr).toBe(`Unknown option '--bogus'. Usage: npm run roles [-- --json]\n`);
    const ingest = await fails(cli(['ingest', '--bogus']));
    expect(ingest.stderr).toMatch(/^Unknown option '--bogus'\. Usage: npm run ingest /);
    for (const e of [ask, salary, compare, chat, roles, ingest]) expect(e.stderr).not.toMatch(NO_STACK);
  }, 90_000);

  it('names DATA_DIR and the fix in one line when it points at a file, with the stack only at LOG_LEVEL=debug', async () => {
    const file = join(tempDir('file-'), 'not-a-folder');
    writeFileSync(file, 'x');
    const e = await fails(cli(['ask', 'How much do ML engineers make?'], { DATA_DIR: file }));
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(
      new RegExp(
        `^Cannot use ${file}/\\S+: a part of this path is a file, not a folder \\(ENOTDIR\\)\\. Fix: set DATA_DIR to a folder \\(it is ${file}\\)\\.\\n$`,
      ),
    );
    const debug = await fails(cli(['ask', 'How much do ML engineers make?'], { DATA_DIR: file, LOG_LEVEL: 'debug' }));
    expect(debug.stderr).toMatch(/ENOTDIR[\s\S]*\n\s+at /);
  }, 60_000);

  it('names CORPUS_DIR and the fix in one line when it does not exist', async () => {
    const missing = join(tempDir('gone-'), 'corpus');
    const e = await fails(cli(['ask', 'How much do ML engineers make?'], { CORPUS_DIR: missing, DATA_DIR: tempDir('data-') }));
    expect(e.code).toBe(1);
    expect(e.stderr).toBe(
      `Cannot read the corpus directory ${missing}: it does not exist (ENOENT). Fix: create it, or set CORPUS_DIR to an existing folder.\n`,
    );
  });

  it('refuses the old SHARDS setting, which discord.js reserves for its shard processes', async () => {
    const e = await fails(cli(['roles'], { SHARDS: '2' }));
    expect(e.code).toBe(1);
    expect(e.stderr).toBe('Invalid settings (check .env and the environment): SHARDS: renamed to TOTAL_SHARDS (discord.js reserves SHARDS)\n');
  });
});
