import type { CliIO } from '../../cli/io';

/** A CliIO that records what a command prints, with a fixed standard input. */
export function fakeIO(stdin = ''): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: async () => stdin,
    color: false,
  };
}
