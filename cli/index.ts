// wxerr: look up, search and export WeChat error codes from the terminal.
import { annotateCommand } from './commands/annotate';
import { exportCommand } from './commands/export';
import { lookupCommand } from './commands/lookup';
import { scanCommand } from './commands/scan';
import { searchCommand } from './commands/search';
import { statsCommand } from './commands/stats';
import { EXIT, parseArgs, UsageError, type CliIO, type ParsedArgs } from './io';

type Command = (args: ParsedArgs, io: CliIO) => Promise<number>;

/** Commands by name. Each later feature (scan, annotate…) adds one line here. */
const COMMANDS: Record<string, Command> = {
  lookup: lookupCommand,
  search: searchCommand,
  stats: statsCommand,
  export: exportCommand,
  scan: scanCommand,
  annotate: annotateCommand,
};

export const USAGE = `wxerr: WeChat error codes explained, offline

usage:
  wxerr <code>                  every meaning of a code, across platforms (same as lookup)
  wxerr lookup <code>...        e.g. wxerr lookup 40001 -404011 600002
  wxerr search "<query>"        codes, errmsg words, Chinese text; --limit N
  wxerr search --jsonl          one query per stdin line → one JSON array of hits per line
  wxerr stats                   entries per platform and per source; rows parsed/kept/merged
  wxerr export                  the whole catalog as JSON (--jsonl: one entry per line)
  wxerr scan FILE|-             every error code in a log, JSON body or screenshot (PNG/JPEG)
                                --json: {codes:[{code,inferred,evidence,rid,entries}],rids}
  wxerr scan --jsonl            one JSON-encoded text per stdin line → one result per line
  wxerr annotate                pass a log through, explaining lines with a code
                                (tail -f app.log | wxerr annotate)

options:
  --json        machine-readable output
  --no-color    plain text (also NO_COLOR=1)
  -h, --help    this help

exit codes: 0 found, 1 not found, 2 usage error`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.flags.has('help') || args.positional.length === 0) {
      if (args.flags.has('help')) {
        io.out(USAGE);
        return EXIT.found;
      }
      throw new UsageError('no command given');
    }
    const [name, ...rest] = args.positional;
    const command = COMMANDS[name];
    if (command) return await command({ ...args, positional: rest }, io);
    // `wxerr 40001`: a bare code (or codes) means lookup.
    if (/^[-+－]?\d+x?$/i.test(name) || /^[A-Z][A-Z0-9_]+$/.test(name)) return await lookupCommand(args, io);
    throw new UsageError(`unknown command: ${name}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`wxerr: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

export function nodeIO(): CliIO {
  const noColor = process.argv.includes('--no-color') || 'NO_COLOR' in process.env;
  const force = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  return {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
    color: !noColor && (force || Boolean(process.stdout.isTTY)),
  };
}
