import { describe, expect, it } from 'vitest';
import { AppError, type SettingRef, fatalReport, operatorError } from '../../src/domain/errors.js';

const SETTINGS: SettingRef[] = [
  { name: 'DATA_DIR', value: '/srv/app/data', kind: 'path' },
  { name: 'EMBED_CACHE_DIR', value: '/srv/app/data/cache', kind: 'path' },
  { name: 'CORPUS_DIR', value: '/srv/app/corpus', kind: 'path' },
  { name: 'DISCORD_API_URL', value: 'https://discord.com/api', kind: 'url' },
];

/** An error shaped like Node's system errors. */
const sys = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code}: something`), { code, ...extra });

describe('operator errors', () => {
  it('names the setting that holds a failing path (the most specific one) and the fix', () => {
    expect(operatorError(sys('EROFS', { path: '/srv/app/data/index/build-1' }), SETTINGS).message).toBe(
      'Cannot use /srv/app/data/index/build-1: the file system is read-only (EROFS). Fix: set DATA_DIR to a writable folder.',
    );
    expect(operatorError(sys('ENOSPC', { path: '/srv/app/data/cache/model.onnx' }), SETTINGS).message).toMatch(
      /no space left on the device \(ENOSPC\)\. Fix: free some disk space, or set EMBED_CACHE_DIR to a folder on another disk\.$/,
    );
    expect(operatorError(sys('EACCES', { path: '/srv/app/database' }), SETTINGS).message).toBe(
      'Cannot use /srv/app/database: permission denied (EACCES). Fix: give this user access to it.',
    );
  });

  it('keeps an expected error’s own message and adds the reason and fix of its cause', () => {
    const e = operatorError(
      new AppError('CORPUS_EMPTY', 'Cannot read the corpus directory /srv/app/corpus.', { cause: sys('ENOENT', { path: '/srv/app/corpus' }) }),
      SETTINGS,
    );
    expect(e.code).toBe('CORPUS_EMPTY');
    expect(e.message).toBe(
      'Cannot read the corpus directory /srv/app/corpus: it does not exist (ENOENT). Fix: create it, or set CORPUS_DIR to an existing folder.',
    );
  });

  it('finds a network error inside a cause chain or an AggregateError and names the URL setting', () => {
    const refused = new AggregateError([sys('ECONNREFUSED', { address: '::1' }), sys('ECONNREFUSED', { address: '127.0.0.1' })], 'connect failed');
    const wrapped = new TypeError('fetch failed', { cause: refused });
    expect(operatorError(wrapped, SETTINGS)).toMatchObject({
      code: 'NETWORK_UNREACHABLE',
      message:
        'Cannot connect to https://discord.com/api (DISCORD_API_URL): connection refused (ECONNREFUSED). Fix: check DISCORD_API_URL and that this machine can reach it.',
    });
  });

  it('names the host itself, not a configured URL, when the host that failed is another one', () => {
    const lookup = new TypeError('fetch failed', { cause: sys('ENOTFOUND', { hostname: 'example.org' }) });
    expect(operatorError(lookup, SETTINGS).message).toMatch(/^Cannot connect to example\.org: .*Fix: check the network and the firewall\.$/);
  });

  it('leaves other errors alone and prints a stack only in debug', () => {
    const bug = new TypeError('Cannot read properties of undefined');
    expect(operatorError(bug, SETTINGS).code).toBe('INTERNAL');
    expect(fatalReport(bug, SETTINGS, false)).toBe('Unexpected error: Cannot read properties of undefined (LOG_LEVEL=debug shows where)\n');
    expect(fatalReport(bug, SETTINGS, true)).toMatch(/^Unexpected error: Cannot read properties of undefined\nTypeError: [^\n]+\n\s+at /);
    expect(fatalReport(new AppError('BAD_INPUT', 'Two\nlines.'), SETTINGS, false)).toBe('Two lines.\n');
  });
});
