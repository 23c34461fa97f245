// wxerr scan FILE | - : every WeChat error code in a log, a pasted body or a screenshot (PNG/JPEG via OCR).
import { readFileSync } from 'fs';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import {
  extractCodes,
  MAX_SCAN_CHARS,
  ScanInputTooLarge,
  type ScanResult,
} from '../../miniprogram/core/extract';
import type { Entry } from '../../miniprogram/core/types';
import type { FamilyLabel } from '../../miniprogram/core/family';
import { actionWords, painter } from '../format';
import { EXIT, UsageError, type CliIO, type ParsedArgs } from '../io';
import { isImage, ocrImage } from '../ocr';

/** One code of `scan --json`: the shape scripts rely on. `family` only when the catalog has no entry. */
export interface ScanJsonCode {
  code: string;
  inferred: boolean;
  evidence: string;
  rid: string | null;
  entries: Entry[];
  family?: FamilyLabel;
}

export interface ScanJson {
  codes: ScanJsonCode[];
  rids: string[];
}

/** An input the user can fix (missing file, unreadable image, too large): exit 2 with this message. */
class InputError extends Error {}

export async function scanCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.flags.has('jsonl')) return scanJsonl(io);
  if (args.positional.length !== 1) throw new UsageError('scan needs one FILE, or - for standard input');
  let result: ScanResult;
  try {
    result = extractCodes(await readInput(args.positional[0], io));
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`wxerr: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof ScanInputTooLarge) {
      io.err(`wxerr: ${tooLargeMessage(error)}`);
      return EXIT.usage;
    }
    throw error;
  }
  if (args.flags.has('json')) io.out(JSON.stringify(toJson(result), null, 2));
  else printResult(result, io);
  return result.codes.length > 0 ? EXIT.found : EXIT.notFound;
}

async function readInput(source: string, io: CliIO): Promise<string> {
  if (source === '-') return io.readStdin();
  let bytes: Buffer;
  try {
    bytes = readFileSync(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  if (!isImage(bytes)) {
    if (bytes.length > MAX_SCAN_CHARS * 4) throw new ScanInputTooLarge(bytes.length);
    return bytes.toString('utf8');
  }
  try {
    return await ocrImage(bytes);
  } catch (error) {
    throw new InputError(`could not read text from the image ${source}: ${(error as Error).message}`);
  }
}

function tooLargeMessage(error: ScanInputTooLarge): string {
  return `${error.message}. Split the input and scan each part, e.g. \`split -C 3m app.log part- && for f in part-*; do wxerr scan "$f"; done\`, or stream it: \`wxerr annotate < app.log\`.`;
}

export function toJson(result: ScanResult): ScanJson {
  const catalog = bundledCatalog();
  return {
    codes: result.codes.map((c) => {
      const entries = catalog.lookup(c.code);
      const item: ScanJsonCode = {
        code: c.code,
        inferred: c.inferred,
        evidence: c.evidence,
        rid: c.rid ?? null,
        entries,
      };
      if (entries.length === 0) item.family = catalog.family(c.code);
      return item;
    }),
    rids: result.rids,
  };
}

function printResult(result: ScanResult, io: CliIO): void {
  const p = painter(io.color);
  const catalog = bundledCatalog();
  if (result.codes.length === 0) {
    io.out('no WeChat error code found');
    return;
  }
  for (const c of result.codes) {
    const entries = catalog.lookup(c.code);
    const tag = c.inferred ? p.dim(' (inferred from errmsg)') : '';
    const times = c.occurrences > 1 ? p.dim(` ×${c.occurrences}`) : '';
    io.out(`${p.code(p.bold(c.code))}${tag}${times}  ${p.dim(`line ${c.line}:`)} ${c.evidence}`);
    if (entries.length === 0) {
      const family = catalog.family(c.code);
      io.out(`  not in the catalog. ${family.key}: ${family.en} (${family.zh})`);
    }
    for (const e of entries) {
      const text = [e.zh, e.en].filter(Boolean).join(' / ') || '—';
      io.out(`  ${p.accent(e.platform)}  ${text}  ${p.dim(`[${e.action}: ${actionWords(e.action)}]`)}`);
    }
    if (c.errmsg) io.out(`  ${p.bold('errmsg')} ${c.errmsg}`);
    if (c.ip) io.out(`  ${p.bold('ip')} ${c.ip}`);
    if (c.rid) io.out(`  ${p.bold('rid')} ${c.rid}`);
  }
  if (result.rids.length) io.out(`\nrids: ${result.rids.join(', ')}`);
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
      const json = toJson(extractCodes(text));
      any ||= json.codes.length > 0;
      io.out(JSON.stringify(json));
    } catch (error) {
      const message = error instanceof ScanInputTooLarge ? error.message : (error as Error).message;
      io.out(JSON.stringify({ error: message, line: i + 1 }));
    }
  });
  return any ? EXIT.found : EXIT.notFound;
}
