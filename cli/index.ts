// wxerr: look up, search, scan and export WeChat error codes from the terminal.
import { bundledCatalog } from '../miniprogram/core/catalog';
import { extractCodes } from '../miniprogram/core/extract';
import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { Readable } from 'stream';
import { annotateCommand } from './commands/annotate';
import { exportCommand } from './commands/export';
import { lookupCommand, lookupOptions } from './commands/lookup';
import { scanCommand, scanOptions } from './commands/scan';
import { searchCommand, searchOptions } from './commands/search';
import { statsCommand } from './commands/stats';
import { plainMessage } from './errors';
import { COMMAND_HELP, USAGE } from './help';
import {
  checkOptions,
  EXIT,
  parseArgs,
  UsageError,
  type CliIO,
  type OptionSpec,
  type ParsedArgs,
} from './io';
import { didYouMean } from './suggest';

export { USAGE } from './help';

interface Command {
  run(args: ParsedArgs, io: CliIO): Promise<number>;
  options: OptionSpec;
}

/** Commands by name. */
const COMMANDS: Record<string, Command> = {
  lookup: { run: lookupCommand, options: lookupOptions },
  search: { run: searchCommand, options: searchOptions },
  stats: { run: statsCommand, options: { flags: ['json'], values: [] } },
  export: { run: exportCommand, options: { flags: ['jsonl', 'compact'], values: [] } },
  scan: { run: scanCommand, options: scanOptions },
  annotate: { run: annotateCommand, options: { flags: [], values: [] } },
};

/**
 * A bare code means lookup: `wxerr 40001`, `wxerr -1`, `wxerr API_SYS_REQPARA`, and any word the catalog knows
 * as a code in any spelling (`wxerr notenough`, `wxerr "requestPayment:fail cancel"`).
 */
// A number, a Pay-style NAME, a client errMsg ("authorize:fail auth deny"), or anything the catalog lists.
const looksLikeCode = (word: string) =>
  /^[-+－]?\d+x?$/i.test(word) ||
  /^[A-Z][A-Z0-9_]+$/.test(word) ||
  /^\w+:\s?fail\b/i.test(word) ||
  bundledCatalog().lookup(word).length > 0;

/**
 * Not a command word but pasted text: an error body, `errcode=40001`, an errmsg (`wxerr '{"errcode":40164,…}'`,
 * `wxerr "invalid credential"`). A typo'd command is one plain word and still gets its did-you-mean.
 */
const looksLikeText = (word: string) => /[\s{}=:"',]/.test(word.trim());

/**
 * Pasted text is scanned as `wxerr scan -` would read it from standard input (the code, the next step filled in
 * from the text: the caller IP of a 40164), or searched when it holds no code.
 */
function pasted(args: ParsedArgs, io: CliIO): Promise<number> {
  const text = args.positional.join(' ');
  if (extractCodes(text).codes.length === 0) {
    checkOptions(args, searchOptions, 'search');
    return searchCommand(args, io);
  }
  checkOptions(args, scanOptions, 'scan');
  const fromText: CliIO = {
    ...io,
    stdin: () => Readable.from([Buffer.from(text)]),
    readStdin: () => Promise.resolve(text),
  };
  return scanCommand({ ...args, positional: ['-'] }, fromText);
}

/** The package version, from the package.json above this file (source or dist/). */
export function version(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'wxerr') return pkg.version ?? 'unknown';
  }
  return 'unknown';
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(parseArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`wxerr: ${error.message}`);
      return EXIT.usage;
    }
    // Anything else is a bug or the environment: one plain line, the details only on request.
    io.err(`wxerr: ${plainMessage(error)}`);
    if (process.env.WXERR_DEBUG) io.err(String((error as Error).stack));
    return EXIT.usage;
  }
}

async function dispatch(args: ParsedArgs, io: CliIO): Promise<number> {
  const [name, ...rest] = args.positional;
  if (name === undefined) {
    // `wxerr --verison`: the typo, not "no command given".
    checkOptions(args, { flags: [], values: [] }, '');
    if (args.flags.has('version')) return say(io, `wxerr ${version()}`);
    if (args.flags.has('help')) return say(io, USAGE);
    throw new UsageError('no command given; try `wxerr 40001` or `wxerr --help`');
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) return say(io, USAGE);
    if (COMMAND_HELP[topic]) return say(io, COMMAND_HELP[topic]);
    const topics = Object.keys(COMMAND_HELP);
    throw new UsageError(
      `no help for ${topic}${didYouMean(topic, topics) || '; help on: ' + topics.join(', ')}`,
    );
  }
  const command = COMMANDS[name];
  if (command) {
    checkOptions(args, command.options, name);
    if (args.flags.has('help')) return say(io, COMMAND_HELP[name]);
    return command.run({ ...args, positional: rest }, io);
  }
  if (looksLikeCode(name)) {
    checkOptions(args, lookupOptions, '');
    if (args.flags.has('help')) return say(io, COMMAND_HELP.lookup);
    return lookupCommand(args, io);
  }
  if (looksLikeText(name)) return pasted(args, io);
  const names = [...Object.keys(COMMANDS), 'help'];
  const hint = didYouMean(name, names) || '; commands: ' + names.join(', ');
  throw new UsageError(`unknown command ${name}${hint}`);
}

function say(io: CliIO, text: string): number {
  io.out(text);
  return EXIT.found;
}

/** Language of the advice from the environment: WXERR_LANG, else a zh locale, else English. */
function envLang(): 'zh' | 'en' {
  const wanted =
    process.env.WXERR_LANG ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  return /^zh/i.test(wanted) ? 'zh' : 'en';
}

/**
 * Columns to wrap to: an explicit COLUMNS (20–1000, as shells and `COLUMNS=40 wxerr … | less` set it), else the
 * terminal's width, else 80 when the output is not a terminal.
 */
function terminalWidth(): number {
  const asked = Number(process.env.COLUMNS);
  if (Number.isInteger(asked) && asked >= 20 && asked <= 1000) return asked;
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
}

export function nodeIO(): CliIO {
  const noColor = process.argv.includes('--no-color') || 'NO_COLOR' in process.env;
  const force = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
  // A closed pipe (`wxerr export | head -c 100`) is the reader saying "enough": stop quietly.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      process.stderr.write(`wxerr: cannot write the output: ${plainMessage(error)}\n`);
      process.exit(EXIT.usage);
    });
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
    stdin: () => process.stdin,
    color: !noColor && (force || Boolean(process.stdout.isTTY)),
    width: terminalWidth(),
    lang: envLang(),
  };
}
