// User pseudonyms (I/O: reads or creates the key file under the data dir once): every user id that reaches a
// log line or the question log is replaced by a keyed HMAC-SHA256, so a guild's member list cannot reverse it.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../domain/errors.js';
import type { Logger } from './log.js';

/** Hex characters kept from the HMAC: 64 bits, enough to tell users apart and to join their votes. */
const PSEUDONYM_HEX = 16;
const KEY_BYTES = 32;
const KEY_FORMAT = /^[0-9a-f]{64}$/;

/** Maps a raw user id to its pseudonym; the same id always gives the same pseudonym under the same key. */
export type Pseudonymize = (userId: string) => string;

/** A pseudonymizer over a secret. */
export function pseudonymizer(secret: string): Pseudonymize {
  return (userId) => createHmac('sha256', secret).update(userId).digest('hex').slice(0, PSEUDONYM_HEX);
}

/** A pseudonymizer whose key is loaded on first use, so that surfaces without users (the CLI) never create one. */
export function lazyPseudonymizer(loadSecret: () => string): Pseudonymize {
  let ready: Pseudonymize | undefined;
  return (userId) => {
    ready ??= pseudonymizer(loadSecret());
    return ready(userId);
  };
}

/**
 * The secret from the environment when set, else the key stored at `keyPath`, else a new random key written
 * there with mode 0600. Creation is atomic (write a temp file, then hard-link it into place), so shards
 * starting together agree on one key.
 */
export function loadPseudonymSecret(options: { secret?: string; keyPath: string }, log?: Logger): string {
  if (options.secret) return options.secret;
  const existing = readKey(options.keyPath);
  if (existing) return existing;
  const key = randomBytes(KEY_BYTES).toString('hex');
  const tmp = `${options.keyPath}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(options.keyPath), { recursive: true });
    writeFileSync(tmp, `${key}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    linkSync(tmp, options.keyPath);
    log?.info('Generated a pseudonym key for user ids', { path: options.keyPath });
    return key;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      const theirs = readKey(options.keyPath);
      if (theirs) return theirs;
    }
    throw new AppError(
      'CONFIG_INVALID',
      `Cannot create the pseudonym key ${options.keyPath} (${code ?? String(error)}): make the data dir writable or set PSEUDONYM_SECRET.`,
      { cause: error },
    );
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readKey(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('CONFIG_INVALID', `Cannot read the pseudonym key ${path}: fix its permissions or set PSEUDONYM_SECRET.`, { cause: error });
  }
  if (!KEY_FORMAT.test(text)) {
    throw new AppError(
      'CONFIG_INVALID',
      `The pseudonym key ${path} is damaged (expected 64 hex characters): restore it, or delete it to start new pseudonyms.`,
    );
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return text;
}
