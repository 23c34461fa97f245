// wxerr scan FILE|DIR|GLOB|- ...: every WeChat error code in logs of any size (streamed line by line), a
// pasted body or a screenshot (PNG/JPEG via OCR). Ends with a summary by code.
import { createReadStream } from 'fs';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes, ScanInputTooLarge } from '../../miniprogram/core/extract';
import type { FamilyLabel } from '../../miniprogram/core/family';
import { filledFix } from '../../miniprogram/core/fill';
import { ownDetailPage } from '../../miniprogram/core/own-page';
import type { Entry } from '../../miniprogram/core/types';
import { plainMessage } from '../errors';
import { EXIT, UsageError, type CliIO, type OptionSpec, type ParsedArgs } from '../io';
import { ocrImage } from '../ocr';
import { readLines } from '../scan/lines';
import { Scanner, type CodeSummary, type Place } from '../scan/scanner';
import { sourcesOf, walk, type Problem, type Source } from '../scan/sources';
import { printScan } from '../scan/report';
import { layoutOf } from './lookup';

export const scanOptions: OptionSpec = {
  flags: ['json', 'jsonl', 'ocr-text', 'no-prefilter'],
  values: ['lang', 'threads'],
};

/** One code of `scan --json`: today's fields (code…entries, family) and the run's counts and places. */
export interface ScanJsonCode {
  code: string;
  inferred: boolean;
  evidence: string;
  rid: string | null;
  entries: Entry[];
  family?: FamilyLabel;
  count: number;
  first: Place;
  last: Place;
  /** The fix filled in from the text (core/fill.ts), when the text carries the values. */
  next?: { en: string; zh: string };
}

export interface ScanJson {
  codes: ScanJsonCode[];
  rids: string[];
  summary: {
    files: number;
    lines: number;
    bytes: number;
    codes: number;
    occurrences: number;
    extracted: number;
  };
  problems: Problem[];
  /** What OCR read from each image (--ocr-text). */
  ocr?: { file: string; text: string }[];
}

export interface ScanRun {
  scanner: Scanner;
  problems: Problem[];
  files: number;
  /** Files inside folders left out without a message (binary data, images): counted in the summary. */
  skipped: number;
  bytes: number;
  ocr: { file: string; text: string }[];
}

export async function scanCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.flags.has('jsonl')) return scanJsonl(io);
  if (args.positional.length === 0)
    throw new UsageError('scan needs a FILE, a folder, a glob, or - for standard input');
  const run = await scanSources(args.positional, io, {
    showOcr: args.flags.has('ocr-text'),
    prefilter: !args.flags.has('no-prefilter'),
    workers: threadsOption(args.options.get('threads')),
  });
  const json = args.flags.has('json');
  if (json) io.out(JSON.stringify(toJson(run), null, 2));
  else printScan(run, io, layoutOf(io, args));
  // Problems are told as they happen (stderr); the exit code tells them again at the end.
  if (run.problems.length) return EXIT.usage;
  return run.scanner.codes.size > 0 ? EXIT.found : EXIT.notFound;
}

/**
 * --threads N: the scan's threads, its own (reading, filtering) included: N − 1 worker threads extract.
 * Unset: the Scanner's default.
 */
function threadsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
    throw new UsageError(`--threads needs a whole number from 1 to 64, not "${value}"`);
  return Number(value) - 1;
}

export interface ScanSettings {
  showOcr?: boolean;
  prefilter?: boolean;
  /** Worker threads beside the scan's own (Scanner's default when unset). */
  workers?: number;
  /** Another worker script (tests). */
  workerScript?: string;
}

/** Scans every source in turn; a bad one is reported and the others are still scanned. */
export async function scanSources(
  args: string[],
  io: CliIO,
  { showOcr = false, prefilter = true, workers, workerScript }: ScanSettings = {},
): Promise<ScanRun> {
  const report = (problem: Problem) => {
    run.problems.push(problem);
    io.err(`wxerr: ${problem.message}`);
  };
  const scanner = new Scanner({
    prefilter,
    workers,
    workerScript,
    // Nothing is lost: the failed thread's batches are redone in this one. Exit 2 at the end says it happened.
    onThreadFailure: (why) =>
      report({ file: '', message: `a scan thread failed (${why}); the scan went on in one thread` }),
  });
  const run: ScanRun = { scanner, problems: [], files: 0, skipped: 0, bytes: 0, ocr: [] };
  for (const source of sourcesOf(args, report)) {
    if (source.kind !== 'dir') {
      await scanOne(source, run, io, report, showOcr);
      continue;
    }
    let text = 0;
    let skipped = 0;
    const before = run.problems.length;
    for (const file of walk(source.name, report)) {
      if (await scanOne({ kind: 'file', name: file, explicit: false }, run, io, report, showOcr)) text++;
      else skipped++;
    }
    run.skipped += skipped;
    if (run.problems.length > before && text === 0 && skipped === 0) continue;
    if (text === 0) {
      const why = skipped ? `${skipped} file${skipped > 1 ? 's' : ''}, none of them text` : 'it is empty';
      report({ file: source.name, message: `${source.name}: no text files to scan (${why})` });
    }
  }
  await run.scanner.finish();
  return run;
}

/**
 * Scans one file or standard input, in 32 KB reads: a read's text is one string, and one over V8's large-object
 * size (128 KB) goes straight to the old generation, where 200 MB of them piled up before each full GC (256 KB
 * reads: peak RSS 182 MB, 12.2 CPU-s for the bench's 200 MB log; 32 KB: 115 MB, 10.1 CPU-s). False when it was
 * skipped (binary or an image inside a folder).
 */
async function scanOne(
  source: Source & { kind: 'file' | 'stdin' },
  run: ScanRun,
  io: CliIO,
  report: (p: Problem) => void,
  showOcr: boolean,
): Promise<boolean> {
  const name = source.name;
  const explicit = source.kind === 'stdin' || source.explicit;
  const feed = (text: string, line: number) => run.scanner.add(name, text, line);
  let outcome;
  try {
    const chunks =
      source.kind === 'stdin' ? io.stdin() : createReadStream(name, { highWaterMark: 32 * 1024 });
    outcome = await readLines(chunks, feed, () => run.scanner.pace());
  } catch (error) {
    report({ file: name, message: plainMessage(error, name) });
    return true;
  }
  run.scanner.flush();
  switch (outcome.kind) {
    case 'binary':
      if (explicit)
        report({ file: name, message: `${name}: binary data, not a text log or an image; skipped` });
      return false;
    case 'image-too-large':
      if (explicit) report({ file: name, message: `${name}: image larger than 50 MB; skipped` });
      return false;
    case 'image':
      if (!explicit) return false;
      await scanImage(name, outcome.bytes, run, io, report, showOcr);
      return true;
    case 'text':
      run.files++;
      run.bytes += outcome.bytes;
      // Not a problem (the text was read whole), but said: the user may not know the log is not UTF-8.
      if (outcome.gb18030) io.err(`wxerr: ${name}: not UTF-8; read as GB18030 (GBK, Chinese Windows)`);
      if (outcome.invalidUtf8At !== undefined)
        report({
          file: name,
          message: `${name}: not valid UTF-8 text (first bad byte near offset ${outcome.invalidUtf8At}); the rest was scanned with the bad bytes replaced`,
        });
      return true;
  }
}

async function scanImage(
  name: string,
  bytes: Buffer,
  run: ScanRun,
  io: CliIO,
  report: (p: Problem) => void,
  showOcr: boolean,
): Promise<void> {
  let text: string;
  try {
    text = await ocrImage(bytes);
  } catch (error) {
    const reason = plainMessage(error).replace(
      /^cannot decode the image \((PNG|JPEG)\):.*$/i,
      'a truncated or damaged $1 image',
    );
    report({ file: name, message: `${name}: could not read text from the image: ${reason}` });
    return;
  }
  run.files++;
  run.bytes += bytes.length;
  run.ocr.push({ file: name, text });
  if (showOcr) io.err(`── OCR text of ${name} ──\n${text.trimEnd()}\n── end of OCR text ──`);
  // A screenshot of wxerr's own detail page names one entry: that one, as the page states it.
  const own = ownDetailPage(text, bundledCatalog());
  const lines = text.split('\n');
  if (own) return run.scanner.addFound(name, own.codes, lines.length);
  lines.forEach((line, i) => run.scanner.add(name, line, i + 1));
  run.scanner.flush();
}

/** The entries of a code, and its family when the catalog has none (the fields every scan JSON carries). */
function explained(s: { code: string; found: { entryId?: string } }): {
  entries: Entry[];
  family?: FamilyLabel;
} {
  const catalog = bundledCatalog();
  const all = catalog.lookup(s.code);
  const own = s.found.entryId ? catalog.get(s.found.entryId) : undefined;
  // The attributed platform's entry first (WeCom, Pay, client API), every meaning kept.
  const entries = own ? [own, ...all.filter((e) => e.id !== own.id)] : all;
  return entries.length ? { entries } : { entries, family: catalog.family(s.code) };
}

function jsonCode(s: CodeSummary): ScanJsonCode {
  const { entries, family } = explained(s);
  const item: ScanJsonCode = {
    code: s.code,
    inferred: s.inferred,
    evidence: s.found.evidence,
    rid: s.found.rid ?? null,
    entries,
    ...(family ? { family } : {}),
    count: s.count,
    first: s.first,
    last: s.last,
  };
  const next = filledFix(s.code, entries[0], s.facts);
  if (next) item.next = { en: next.en, zh: next.zh };
  return item;
}

export function toJson(run: ScanRun): ScanJson {
  const codes = [...run.scanner.codes.values()];
  return {
    codes: codes.map(jsonCode),
    rids: run.scanner.rids,
    summary: {
      files: run.files,
      lines: run.scanner.lines,
      bytes: run.bytes,
      codes: codes.length,
      occurrences: codes.reduce((n, c) => n + c.count, 0),
      /** Lines the prefilter passed to the extractor. */
      extracted: run.scanner.kept,
    },
    problems: run.problems,
    ...(run.ocr.length ? { ocr: run.ocr } : {}),
  };
}

/** --jsonl: each stdin line is a JSON-encoded string; one result (or error object) per line. */
async function scanJsonl(io: CliIO): Promise<number> {
  const input = await io.readStdin();
  let any = false;
  input.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const text: unknown = JSON.parse(raw);
      if (typeof text !== 'string') throw new Error('expected a JSON string');
      const result = extractCodes(text);
      any ||= result.codes.length > 0;
      const codes = result.codes.map((c) => ({
        code: c.code,
        inferred: c.inferred,
        evidence: c.evidence,
        rid: c.rid ?? null,
        platform: c.platform,
        ...explained({ code: c.code, found: c }),
      }));
      io.out(JSON.stringify({ codes, rids: result.rids }));
    } catch (error) {
      const message = error instanceof ScanInputTooLarge ? error.message : plainMessage(error);
      io.out(JSON.stringify({ error: message, line: i + 1 }));
    }
  });
  return any ? EXIT.found : EXIT.notFound;
}
