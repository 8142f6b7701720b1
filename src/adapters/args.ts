// Command-line arguments (pure, shared by the CLI and the bot): node:util parseArgs in strict mode, its errors
// turned into one line with the usage.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError, firstSentence } from '../domain/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` strictly (unknown flags and missing values are refused); BAD_INPUT with `usage` otherwise. */
export function parseCommandLine<O extends Options>(args: string[], options: O, usage: string, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? firstSentence(error.message) : String(error);
    throw new AppError('BAD_INPUT', `${message} Usage: ${usage}`, { cause: error });
  }
}
