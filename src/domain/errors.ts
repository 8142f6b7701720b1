// Application errors (pure): a stable `code` that interfaces map to short user-facing messages, and the
// translation of operating-system errors (file system, network, flags) into one line naming the setting to fix.

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CORPUS_EMPTY'
  | 'DOCUMENT_UNREADABLE'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_UNWRITABLE'
  | 'MODEL_UNAVAILABLE'
  | 'BAD_INPUT'
  | 'UNKNOWN_ROLE'
  | 'RATE_LIMITED'
  | 'FORBIDDEN'
  | 'BUSY'
  | 'PATH_UNUSABLE'
  | 'NETWORK_UNREACHABLE'
  | 'TOKEN_REJECTED'
  | 'SHARD_FAILED'
  | 'INTERNAL';

/** An expected failure with a machine-readable code and an optional underlying cause. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Narrows any thrown value to an AppError, wrapping unknown errors as INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message, { cause: error });
}

/** A setting whose value is a path or a URL, so that an operating-system error can name the setting to fix. */
export interface SettingRef {
  name: string;
  /** The resolved absolute path, or the URL in use (the default when the setting is empty). */
  value: string;
  kind: 'path' | 'url';
}

interface SystemError {
  code: string;
  message: string;
  path?: string;
  hostname?: string;
  address?: string;
}

const PATH_PROBLEMS: Record<string, { reason: string; fix: (setting?: SettingRef) => string }> = {
  ENOENT: { reason: 'it does not exist', fix: (s) => (s ? `create it, or set ${s.name} to an existing folder` : 'create it, or check the path') },
  ENOTDIR: {
    reason: 'a part of this path is a file, not a folder',
    fix: (s) => (s ? `set ${s.name} to a folder (it is ${s.value})` : 'check the path'),
  },
  EISDIR: { reason: 'it is a folder where a file was expected', fix: () => 'remove or rename that folder' },
  EACCES: {
    reason: 'permission denied',
    fix: (s) => `give this user access to it${s ? `, or set ${s.name} to a folder it can write` : ''}`,
  },
  EPERM: {
    reason: 'operation not permitted',
    fix: (s) => `give this user access to it${s ? `, or set ${s.name} to a folder it can write` : ''}`,
  },
  EROFS: { reason: 'the file system is read-only', fix: (s) => (s ? `set ${s.name} to a writable folder` : 'use a writable folder') },
  ENOSPC: {
    reason: 'no space left on the device',
    fix: (s) => `free some disk space${s ? `, or set ${s.name} to a folder on another disk` : ''}`,
  },
  EDQUOT: { reason: 'the disk quota is exceeded', fix: (s) => `free some space${s ? `, or set ${s.name} to a folder on another disk` : ''}` },
  ELOOP: { reason: 'too many levels of symbolic links', fix: () => 'fix the symbolic link' },
  ENAMETOOLONG: { reason: 'the name is too long', fix: (s) => (s ? `set ${s.name} to a shorter path` : 'use a shorter path') },
  EMFILE: { reason: 'too many open files', fix: () => 'raise the open-file limit (ulimit -n)' },
  ENFILE: { reason: 'too many open files in the system', fix: () => 'raise the open-file limit (ulimit -n)' },
};

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate cannot be verified',
  CERT_HAS_EXPIRED: 'certificate expired',
};

/** The first error in a cause chain (or an AggregateError's members) that carries a string `code`. */
function findSystemError(error: unknown, depth = 0): SystemError | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (e.code in PATH_PROBLEMS || e.code in NETWORK_PROBLEMS || e.code.startsWith('ERR_PARSE_ARGS'))) return error as SystemError;
  const inner = Array.isArray(e.errors) ? e.errors : [];
  for (const next of [e.cause, ...inner]) {
    const found = findSystemError(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The path setting that contains `path` (longest match), if any. */
function settingFor(path: string, settings: readonly SettingRef[]): SettingRef | undefined {
  const within = (s: SettingRef) => s.kind === 'path' && (path === s.value || path.startsWith(`${s.value}/`) || path.startsWith(`${s.value}\\`));
  return settings.filter(within).sort((a, b) => b.value.length - a.value.length)[0];
}

/** Node's message up to its first sentence ("Unknown option '--evil'."), without the long advice after it. */
export function firstSentence(message: string): string {
  const cut = message.search(/\.\s/);
  const first = (cut >= 0 ? message.slice(0, cut + 1) : message).trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Turns an error an operator can cause (a configured path that is missing, a file, read-only or full; an
 * unreachable URL; a bad flag) into an AppError with one line that names the path or setting and the fix.
 * Other errors pass through `toAppError` unchanged. An expected AppError whose cause is such a system error
 * keeps its own message and gains the reason and the fix.
 */
export function operatorError(error: unknown, settings: readonly SettingRef[] = []): AppError {
  const app = toAppError(error);
  const sys = findSystemError(error);
  if (!sys) return app;
  const own = app.code !== 'INTERNAL' ? app.message.replace(/\.$/, '') : undefined;
  const path = PATH_PROBLEMS[sys.code];
  if (path) {
    const setting = sys.path ? settingFor(sys.path, settings) : undefined;
    const subject = own ?? (sys.path ? `Cannot use ${sys.path}` : 'A file operation failed');
    return new AppError(own ? app.code : 'PATH_UNUSABLE', `${subject}: ${path.reason} (${sys.code}). Fix: ${path.fix(setting)}.`, { cause: error });
  }
  const network = NETWORK_PROBLEMS[sys.code];
  if (network) {
    const host = sys.hostname ?? sys.address;
    const urls = settings.filter((s) => s.kind === 'url');
    // Only the setting that points at that host: a page `add` fetches is not DISCORD_API_URL's fault.
    const setting = urls.find((s) => host && s.value.includes(host)) ?? (sys.hostname ? undefined : urls[0]);
    const where = setting ? `${setting.value} (${setting.name})` : (host ?? 'the network');
    const fix = setting ? `check ${setting.name} and that this machine can reach it` : 'check the network and the firewall';
    const body = `connect to ${where}: ${network} (${sys.code}). Fix: ${fix}.`;
    return new AppError(own ? app.code : 'NETWORK_UNREACHABLE', own ? `${own}: cannot ${body}` : `Cannot ${body}`, { cause: error });
  }
  return own ? app : new AppError('BAD_INPUT', firstSentence(sys.message), { cause: error });
}

/**
 * What an entry point prints when it stops on an error: one line (the operator's mistake and its fix, or
 * "Unexpected error" for a bug), and the stack only when `debug` (LOG_LEVEL=debug).
 */
export function fatalReport(error: unknown, settings: readonly SettingRef[], debug: boolean): string {
  const e = operatorError(error, settings);
  const line = e.message.replace(/\s*\n\s*/g, ' ');
  const head = e.code === 'INTERNAL' ? `Unexpected error: ${line}${debug ? '' : ' (LOG_LEVEL=debug shows where)'}` : line;
  const stack = debug && e.cause instanceof Error && e.cause.stack ? `\n${e.cause.stack}` : '';
  return `${head}${stack}\n`;
}
