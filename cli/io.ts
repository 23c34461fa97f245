// What a command needs from the outside world. Passing it in keeps commands testable without spawning.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for `-` and --jsonl). */
  readStdin(): Promise<string>;
  color: boolean;
}

/** Exit codes: 0 found, 1 not found, 2 usage error. */
export const EXIT = { found: 0, notFound: 1, usage: 2 } as const;

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Flags that take a value (`--limit 5`, `--limit=5`). Everything else starting with -- is a boolean flag. */
const VALUE_OPTIONS = new Set(['limit']);

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
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (m && VALUE_OPTIONS.has(m[1])) {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
      options.set(m[1], value);
    } else if (m) flags.add(m[1]);
    else if (arg === '-h') flags.add('help');
    else positional.push(arg);
  }
  return { positional, flags, options };
}
