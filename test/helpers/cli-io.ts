import { join } from 'path';
import { Readable } from 'stream';
import type { CliIO } from '../../cli/io';

/** A CliIO that records what a command prints, with a fixed standard input, 80 columns, English advice. */
export function fakeIO(stdin: string | Buffer = ''): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: async () => stdin.toString(),
    stdin: () => Readable.from([Buffer.from(stdin)]),
    color: false,
    width: 80,
    lang: 'en',
  };
}

/** bin/wxerr.js, run from the TypeScript source (WXERR_FROM_SOURCE=1) so a stale dist/ is never tested. */
export const CLI_BIN = join(__dirname, '..', '..', 'bin', 'wxerr.js');
export const CLI_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WXERR_FROM_SOURCE: '1',
  NO_COLOR: '1',
  LANG: 'C',
};
// Tests read 80 columns when the output is not a terminal; a COLUMNS inherited from the caller's shell would move it.
delete CLI_ENV.COLUMNS;
