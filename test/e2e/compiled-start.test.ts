// `npm start` runs the compiled build: scripts/build.mjs compiles a copy of the project, rebuilds only when a source
// is newer than its stamp, says plainly when no compiler is installed, and the compiled bot answers as the sources do.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, corpusCopy, tempDir } from '../helpers.js';

const run = promisify(execFile);
const BUILD = join(ROOT, 'scripts', 'build.mjs');
const QUESTION = 'How much do machine learning engineers make?';

/** Runs the build script on a project folder; its exit code, stdout and stderr. */
async function build(root: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, [BUILD, `--root=${root}`, ...args], { timeout: 120_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the project's sources and build settings; with the project's node_modules unless told otherwise. */
function project(withModules = true): string {
  const root = tempDir('project-');
  for (const f of ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) cpSync(join(ROOT, f), join(root, f), { recursive: true });
  if (withModules) symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('the build behind npm start', () => {
  let root: string;
  beforeAll(async () => {
    root = project();
    const built = await build(root);
    expect(built.code).toBe(0);
  }, 180_000);

  it('compiles src/, copies the bundled data and stamps the build; the compiled bot answers as the sources do', async () => {
    expect(statSync(join(root, 'dist', 'main.js')).isFile()).toBe(true);
    expect(statSync(join(root, 'dist', 'ingest', 'data', 'cities.json')).isFile()).toBe(true);
    expect((await build(root, '--if-stale', '--dry-run')).stdout.trim()).toBe('fresh');
    const env = { PATH: process.env.PATH ?? '', CORPUS_DIR: corpusCopy(), DATA_DIR: tempDir('data-'), RETRIEVAL_MODE: 'lexical', LOG_LEVEL: 'error' };
    const compiled = await run(process.execPath, [join(root, 'dist', 'main.js'), 'ask', '--json', QUESTION], { env, cwd: tempDir('cwd-'), timeout: 90_000 });
    const sources = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts'), 'ask', '--json', QUESTION], {
      env,
      cwd: tempDir('cwd-'),
      timeout: 90_000,
    });
    const answer = JSON.parse(compiled.stdout);
    expect(answer.answered).toBe(true);
    expect(answer).toEqual(JSON.parse(sources.stdout));
  });

  it('rebuilds only when a source, or a build setting, is newer than the last build', async () => {
    const stamp = statSync(join(root, 'dist', '.build-stamp')).mtime;
    const later = new Date(stamp.getTime() + 5_000);
    utimesSync(join(root, 'src', 'domain', 'limits.ts'), later, later);
    expect((await build(root, '--if-stale', '--dry-run')).stdout.trim()).toBe('build');
    utimesSync(join(root, 'src', 'domain', 'limits.ts'), stamp, stamp);
    expect((await build(root, '--if-stale', '--dry-run')).stdout.trim()).toBe('fresh');
    writeFileSync(join(root, 'src', 'ingest', 'data', 'new.json'), '{}');
    utimesSync(join(root, 'src', 'ingest', 'data', 'new.json'), later, later);
    expect((await build(root, '--if-stale', '--dry-run')).stdout.trim()).toBe('build');
  });
});

describe('a production install without TypeScript (npm ci --omit=dev)', () => {
  it('lets the install finish with a note, and refuses to start a stale build in one line saying what to do', async () => {
    const root = project(false);
    mkdirSync(join(root, 'node_modules'));
    const prepare = await build(root, '--if-compiler');
    expect(prepare.code).toBe(0);
    expect(prepare.stderr).toMatch(/^TypeScript is not installed .*README\.md\.\n$/);
    const start = await build(root, '--if-stale');
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/^dist\/ is missing or older than src\/, and TypeScript is not installed .*\n$/);
    expect(start.stderr.trim().split('\n')).toHaveLength(1);
  });
});
