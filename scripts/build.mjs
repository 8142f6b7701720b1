// Build (I/O: compiles src/ into dist/ with tsc, copies the bundled data files, writes dist/.build-stamp). Plain
// JavaScript, so that it runs before anything is compiled and without tsx.
// `node scripts/build.mjs` builds (`npm run build`); `--if-stale` (before `npm start`) builds only when a source is
// newer than the last build; `--if-compiler` (`npm ci`'s prepare) skips with a note when TypeScript is not installed,
// as in `npm ci --omit=dev`. `--dry-run` prints what it would do ("fresh", "build" or "no-compiler") and exits.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
/** The project folder (`--root DIR`, for tests; else this checkout). */
const ROOT = resolve(args.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? join(import.meta.dirname, '..'));
const STAMP = join(ROOT, 'dist', '.build-stamp');
/** What the build reads: a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json'];
/** Files under src/ that the compiled code reads at run time. */
const DATA = ['ingest/data'];

/** The newest modification time among the build's inputs (a few ms for the ~200 files of src/). */
function newestInput() {
  let newest = 0;
  for (const input of INPUTS) {
    const path = join(ROOT, input);
    if (!existsSync(path)) continue;
    const info = statSync(path);
    newest = Math.max(newest, info.mtimeMs);
    if (info.isDirectory()) for (const file of readdirSync(path, { recursive: true })) newest = Math.max(newest, statSync(join(path, file)).mtimeMs);
  }
  return newest;
}

function compiler() {
  try {
    return createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

function build(tsc) {
  // The stamp gets the time the build started, so a source saved during the build still counts as newer.
  const started = new Date();
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  for (const dir of DATA) cpSync(join(ROOT, 'src', dir), join(ROOT, 'dist', dir), { recursive: true });
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
}

const tsc = compiler();
const stale = !args.includes('--if-stale') || !existsSync(STAMP) || statSync(STAMP).mtimeMs < newestInput();
const decision = !stale ? 'fresh' : tsc ? 'build' : 'no-compiler';
if (args.includes('--dry-run')) {
  process.stdout.write(`${decision}\n`);
} else if (decision === 'build') {
  if (args.includes('--if-stale')) process.stderr.write('Building dist/ first: src/ changed since the last build.\n');
  build(tsc);
} else if (decision === 'no-compiler') {
  if (args.includes('--if-compiler')) {
    process.stderr.write('TypeScript is not installed (a production install), so dist/ was not built here; see "Deploying" in README.md.\n');
  } else {
    process.stderr.write(
      'dist/ is missing or older than src/, and TypeScript is not installed to rebuild it: run npm ci (with dev dependencies), or see "Deploying" in README.md.\n',
    );
    process.exit(1);
  }
}
