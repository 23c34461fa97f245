// Streams lines through the extractor in bounded batches and keeps a summary by code: count, first and last
// place, the first occurrence's evidence, the facts for the filled-in fix, and every rid once. Memory stays
// bounded by the batch size plus the number of distinct codes and rids, whatever the input size.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes, type FoundCode } from '../../miniprogram/core/extract';
import { ownBlock, scanFacts, type ScanFacts } from '../../miniprogram/core/fill';
import { LineFilter, SKIPPED_LINE } from './prefilter';

/** A batch is cut once it has this many characters, at a line that does not continue the one before. */
export const BATCH_CHARS = 64 * 1024;
/** A batch is cut here whatever the next line looks like. Below the extractor's free-text limit (256 KB). */
export const BATCH_MAX_CHARS = 200 * 1024;
/** Lines after a code that may still belong to it (its errmsg, rid): the extractor looks 3 lines ahead. */
const CONTEXT_AFTER = 3;

export interface Place {
  file: string;
  line: number;
}

export interface CodeSummary {
  code: string;
  /** True when every occurrence was recognised from its errmsg only. */
  inferred: boolean;
  count: number;
  first: Place;
  last: Place;
  /** The first occurrence as the extractor reported it (evidence, errmsg, rid, ip). */
  found: FoundCode;
  facts: ScanFacts;
}

/** A line that continues the one before (JSON body, stack frame, wrapped errmsg, table row): no cut before it. */
const CONTINUES = /^(?:[\s}\])"',|:]|(?:rid|hints?|err|msg|message|caused by|at)\b)/i;

export class Scanner {
  readonly codes = new Map<string, CodeSummary>();
  private readonly ridSet = new Set<string>();
  readonly rids: string[] = [];
  private batch: string[] = [];
  private batchChars = 0;
  private batchFile = '';
  private batchStart = 1;
  /** Lines fed, and lines the prefilter passed to the extractor. */
  lines = 0;
  kept = 0;
  private filter: LineFilter | undefined;

  /** prefilter: skip lines that cannot hold a code (scan/prefilter.ts); off reads every line. */
  constructor(private readonly prefilter = true) {
    bundledCatalog();
  }

  /** Feeds one line of `file` (1-based line number). Lines of one file come in order. */
  add(file: string, text: string, line: number): void {
    if (file !== this.batchFile || line !== this.batchStart + this.batch.length) {
      this.flush();
      if (this.prefilter) this.filter = new LineFilter();
    }
    if (this.batch.length === 0) {
      this.batchFile = file;
      this.batchStart = line;
    } else if (
      this.batchChars >= BATCH_MAX_CHARS ||
      (this.batchChars >= BATCH_CHARS && !CONTINUES.test(text))
    ) {
      this.flush();
      this.batchFile = file;
      this.batchStart = line;
    }
    this.lines++;
    // A skipped line stays as a placeholder: line numbers, distances and paragraphs are unchanged.
    const keep = !this.filter || this.filter.keep(text);
    if (keep) this.kept++;
    this.batch.push(keep ? text : SKIPPED_LINE);
    this.batchChars += (keep ? text.length : SKIPPED_LINE.length) + 1;
  }

  /** Runs the extractor on the pending batch. Call once more at the end. */
  flush(): void {
    if (this.batch.length === 0) return;
    const lines = this.batch;
    this.batch = [];
    this.batchChars = 0;
    if (lines.every((l) => l === SKIPPED_LINE || l.trim() === '')) return;
    const result = extractCodes(lines.join('\n'));
    for (const rid of result.rids) {
      if (this.ridSet.has(rid)) continue;
      const own = detach(rid);
      this.ridSet.add(own);
      this.rids.push(own);
    }
    for (const found of result.codes) this.record(detachFound(found), lines);
  }

  private record(found: FoundCode, lines: string[]): void {
    const at = (line: number): Place => ({ file: this.batchFile, line: this.batchStart + line - 1 });
    const facts = scanFacts(ownBlock(lines, found.line - 1), found);
    const lastLine = found.occurrences > 1 ? lastOccurrence(found, lines) : found.line;
    const summary = this.codes.get(found.code);
    if (!summary) {
      this.codes.set(found.code, {
        code: found.code,
        inferred: found.inferred,
        count: found.occurrences,
        first: at(found.line),
        last: at(lastLine),
        found,
        facts,
      });
      return;
    }
    summary.count += found.occurrences;
    summary.last = at(lastLine);
    summary.inferred &&= found.inferred;
    if (summary.found.inferred && !found.inferred) summary.found = found;
    // A later occurrence fills what the first one lacked (the IP of a 40164 logged without it first).
    for (const key of Object.keys(facts) as (keyof ScanFacts)[])
      if (summary.facts[key] === undefined) Object.assign(summary.facts, { [key]: facts[key] });
  }
}

/**
 * A copy of a string that does not point into the batch text. V8 keeps a substring as a view of its parent:
 * a kept rid would keep its whole batch alive, and memory would grow with the log.
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function detachFound(found: FoundCode): FoundCode {
  const copy: FoundCode = { ...found, code: detach(found.code), evidence: detach(found.evidence) };
  if (found.errmsg !== undefined) copy.errmsg = detach(found.errmsg);
  if (found.rid !== undefined) copy.rid = detach(found.rid);
  if (found.ip !== undefined) copy.ip = detach(found.ip);
  return copy;
}

/**
 * The batch line (1-based) of a code's last occurrence: the last line holding its number that the extractor
 * confirms when read from that line on (a code's context follows it). Falls back to the first occurrence.
 */
function lastOccurrence(found: FoundCode, lines: string[]): number {
  if (found.inferred) return found.line;
  // Not glued to a word, a number or a dot (exec-1, v1.40001): a code stands apart.
  const number = new RegExp(`(?<![\\w.${found.code.startsWith('-') ? '' : '-'}])${found.code}(?!\\d)`);
  let tries = 0;
  for (let i = lines.length - 1; i >= found.line && tries < 8; i--) {
    if (!number.test(lines[i])) continue;
    tries++;
    const window = lines.slice(i, i + 1 + CONTEXT_AFTER).join('\n');
    if (extractCodes(window).codes.some((c) => c.code === found.code && c.line === 1)) return i + 1;
  }
  return found.line;
}
