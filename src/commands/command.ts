/**
 * The shape every command has: a name, a one-line summary for `juesuan --help`, its own Chinese help,
 * its options in node:util parseArgs form, and a run function that returns the exit code. Commands are
 * thin: they parse, call the pipeline (or import, diff, write …) and print. Exit codes:
 *   0  done (warnings may have been printed)
 *   1  something the user can fix: an error in the data, a bad argument, a file open in a viewer,
 *      a full disk — always with a Chinese message saying what to do
 *   2  an internal error (a bug): reported as 内部错误, with the request to tell the developers
 */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Where a command prints: stdout for results, stderr for progress and problems. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandInput {
  values: OptionValues;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The full help text (Chinese), printed by `<command> --help`. */
  usage: string;
  options: OptionSpec;
  /** How many positional arguments the command takes. */
  positionals: { min: number; max: number };
  run(input: CommandInput, io: Io): Promise<number>;
}

export const defineCommand = (command: Command): Command => command;

/** A problem with how the command was called: printed with the command's usage, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A problem the user can fix that is not in the data (a file open in another program, a full disk, a
 * read-only folder, a second build at the same time): printed as it is, exit 1.
 */
export class UserError extends Error {
  override name = 'UserError';
}

export const stdio: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
