// What a command needs from the outside world, and its arguments. Passing IO in keeps commands testable
// without spawning.
import type { Readable } from 'stream';
import { didYouMean } from './suggest';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for --jsonl and small inputs). */
  readStdin(): Promise<string>;
  /** Standard input as a stream (scan -, annotate): read in chunks, never held whole. */
  stdin(): Readable;
  color: boolean;
  /** Columns to wrap text to: the terminal's width, 80 when output is not a terminal. */
  width: number;
  /** Language of the project's advice texts (official texts are shown in both). */
  lang: 'zh' | 'en';
}

/** Exit codes: 0 found, 1 not found, 2 usage error or bad input. */
export const EXIT = { found: 0, notFound: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** The options one command accepts: boolean flags and options that take a value. */
export interface OptionSpec {
  flags: readonly string[];
  values: readonly string[];
}

/** Accepted by every command. */
export const GLOBAL_FLAGS = ['help', 'version', 'no-color'] as const;
/** Every option that takes a value, whatever the command: so `--limit 5` never reads 5 as a positional. */
const VALUE_OPTIONS = new Set(['limit', 'platform', 'lang', 'threads']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--([A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (m && VALUE_OPTIONS.has(m[1])) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
      options.set(m[1], value);
    } else if (m) {
      if (m[2] !== undefined) throw new UsageError(`--${m[1]} takes no value`);
      flags.add(m[1]);
    } else if (arg === '-h') flags.add('help');
    else if (arg === '-v' || arg === '-V') flags.add('version');
    // A single dash with letters is an option we do not have; "-1", "-404011" and "-" are positional.
    else if (/^-[A-Za-z]/.test(arg))
      throw new UsageError(`unknown option ${arg}; options are spelled --name`);
    else positional.push(arg);
  }
  return { positional, flags, options };
}

/** Throws a one-line UsageError for an option the command does not take, with the closest known one. */
export function checkOptions(args: ParsedArgs, spec: OptionSpec, command: string): void {
  const known = [...GLOBAL_FLAGS, ...spec.flags, ...spec.values];
  const check = (name: string) => {
    if (known.includes(name)) return;
    const where = command ? ` for ${command}` : '';
    throw new UsageError(`unknown option --${name}${where}${didYouMean(name, known, '--')}`);
  };
  for (const flag of args.flags) {
    if (spec.values.includes(flag)) throw new UsageError(`--${flag} needs a value`);
    check(flag);
  }
  for (const name of args.options.keys()) {
    if (!spec.values.includes(name) && known.includes(name)) throw new UsageError(`--${name} takes no value`);
    check(name);
  }
}
