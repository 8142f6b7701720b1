// Domain "input limits" (pure rules, no I/O): the longest question, role name and location that any surface
// (Discord commands and mentions, CLI, terminal chat) accepts, checked in one place before any work is done.
import { AppError } from './errors.js';

/**
 * Longest accepted input per kind, in characters. They bound the work one request can cause (intent
 * detection and role matching grow with the input) and match the bot's Discord option limits.
 */
export const INPUT_LIMITS = { question: 500, role: 100, location: 60 } as const;

export type InputKind = keyof typeof INPUT_LIMITS;

const MINIMUM: Record<InputKind, number> = { question: 3, role: 1, location: 1 };
const NAME: Record<InputKind, string> = { question: 'Questions', role: 'Role names', location: 'Locations' };
const TOO_SHORT: Record<InputKind, string> = {
  question: 'Please ask a question of at least a few characters.',
  role: 'Please name a role.',
  location: 'Please name a place.',
};

const count = (n: number) => n.toLocaleString('en-US');

/** The one-line refusal for an over-long input: the cap and the input's length, never the input itself. */
export function tooLongMessage(kind: InputKind, length: number): string {
  return `${NAME[kind]} are at most ${INPUT_LIMITS[kind]} characters; this one has ${count(length)}.`;
}

/** Whether a raw input is over its cap once trimmed (cheap, linear). */
export function isTooLong(kind: InputKind, raw: string): boolean {
  return raw.trim().length > INPUT_LIMITS[kind];
}

/** Trims an input and checks it against its kind's limits; BAD_INPUT with a one-line message otherwise. */
export function checkInput(kind: InputKind, raw: string): string {
  const value = raw.trim();
  if (value.length > INPUT_LIMITS[kind]) throw new AppError('BAD_INPUT', tooLongMessage(kind, value.length));
  if (value.length < MINIMUM[kind]) throw new AppError('BAD_INPUT', TOO_SHORT[kind]);
  return value;
}

/** Like `checkInput` for an optional input: absent or blank gives null. */
export function checkOptionalInput(kind: InputKind, raw: string | null | undefined): string | null {
  return raw?.trim() ? checkInput(kind, raw) : null;
}

/** An input as it may be shown back (e.g. echoed by the chat): at most `max` characters, with its length when cut. */
export function preview(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${count(text.length)} characters)`;
}
