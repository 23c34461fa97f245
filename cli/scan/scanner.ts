// Streams lines through the extractor in bounded batches and keeps a summary by code: count, first and last
// place, the first occurrence's evidence, the facts for the filled-in fix, and every rid once. Memory stays
// bounded by the batch size, the batches in flight and the number of distinct codes and rids, whatever the
// input size. With threads, batches are extracted in worker threads (scan/pool.ts) and their results applied
// in the order the batches were cut: the summary is the same as in one thread.
import { availableParallelism } from 'os';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { LEARNED_MAX_CHARS, type FoundCode } from '../../miniprogram/core/extract';
import type { ScanFacts } from '../../miniprogram/core/fill';
import { detach, detached, extractBatch, type BatchResult } from './batch';
import { BatchPool } from './pool';
import { LineFilter, SKIPPED_LINE } from './prefilter';

/** A batch is cut once it has this many characters, at a line that does not continue the one before. */
export const BATCH_CHARS = 64 * 1024;
/** A batch is cut here whatever the next line looks like. Below the extractor's free-text limit (256 KB). */
export const BATCH_MAX_CHARS = 200 * 1024;
/** Threads start only after this much text (characters): a small input is done before they would be up. */
const THREADS_AFTER_CHARS = 1024 * 1024;
/** Batches waiting or running per worker: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Worker threads by default: one when there is a core beside the one reading and filtering, none on a 1-core
 * machine. Not more: the reading thread (about half the work) is then the bottleneck, and each worker holds
 * its own catalog (~40 MB; two workers passed the 200 MB RSS budget).
 */
export function defaultWorkers(): number {
  return availableParallelism() > 1 ? 1 : 0;
}

export interface ScannerOptions {
  /** Skip lines that cannot hold a code (scan/prefilter.ts); false reads every line. */
  prefilter?: boolean;
  /** Worker threads for the extractor; 0 runs it in this thread. */
  workers?: number;
  /** Told once when a worker thread fails; its batches and the rest are then done in this thread. */
  onThreadFailure?: (message: string) => void;
  /** Another worker script (tests). */
  workerScript?: string;
}

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

/** Lines at the start of every file given to the extractor whatever the prefilter says. */
const UNFILTERED_LINES = 50;

/** A line that continues the one before (JSON body, stack frame, wrapped errmsg, table row): no cut before it. */
const CONTINUES = /^(?:[\s}\])"',|:]|(?:rid|hints?|err|msg|message|caused by|at)\b)/i;

interface InFlight {
  file: string;
  start: number;
  lines: string[];
  learned: boolean;
  result: Promise<BatchResult>;
}

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
  private readonly prefilter: boolean;
  private workers: number;
  private charsSeen = 0;
  /** Characters of the current file cut into batches so far: its first LEARNED_MAX_CHARS get learned decisions. */
  private fileChars = 0;
  private pool: BatchPool | undefined;
  private readonly inFlight: InFlight[] = [];

  constructor(private readonly options: ScannerOptions = {}) {
    this.prefilter = options.prefilter ?? true;
    this.workers = options.workers ?? defaultWorkers();
    bundledCatalog();
  }

  /** Feeds one line of `file` (1-based line number). Lines of one file come in order. */
  add(file: string, text: string, line: number): void {
    if (file !== this.batchFile || line !== this.batchStart + this.batch.length) {
      this.flush();
      if (file !== this.batchFile) this.fileChars = 0;
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
    // A skipped line stays as a placeholder: line numbers, distances and paragraphs are unchanged. A file's first
    // lines are always kept (the filter still reads them, for its state): a paste of a few lines costs nothing to
    // read whole, and a lone short errmsg ("invalid credential") is only a code when it is the whole text.
    const keep = (this.filter ? this.filter.keep(text) : true) || line <= UNFILTERED_LINES;
    if (keep) this.kept++;
    this.batch.push(keep ? text : SKIPPED_LINE);
    this.batchChars += (keep ? text.length : SKIPPED_LINE.length) + 1;
  }

  /** Cuts the pending batch and extracts it: here, or in a worker thread once the input is large. */
  flush(): void {
    if (this.batch.length === 0) return;
    const lines = this.batch;
    const file = this.batchFile;
    const start = this.batchStart;
    this.charsSeen += this.batchChars;
    this.fileChars += this.batchChars;
    const learned = this.fileChars <= LEARNED_MAX_CHARS;
    this.batch = [];
    this.batchChars = 0;
    if (lines.every((l) => l === SKIPPED_LINE || l.trim() === '')) return;
    if (!this.pool && this.workers > 0 && this.charsSeen > THREADS_AFTER_CHARS)
      this.pool = new BatchPool(this.workers, this.options.workerScript);
    if (!this.pool && this.inFlight.length === 0) {
      this.apply(detached(extractBatch(lines, learned)), file, start);
      return;
    }
    // Behind batches still in flight (after a thread failed), a batch done here waits for its turn.
    const result = this.pool
      ? this.pool.run(lines, learned)
      : Promise.resolve(detached(extractBatch(lines, learned)));
    // Settled in order by pace() and finish(); a rejection is handled there, not left unhandled.
    result.catch(() => undefined);
    this.inFlight.push({ file, start, lines, learned, result });
  }

  /**
   * Waits while too many batches are in flight (the reader calls it after each chunk, so memory stays flat).
   * Undefined when there is nothing to wait for.
   */
  pace(): Promise<void> | undefined {
    const limit = Math.max(1, this.workers * IN_FLIGHT_PER_WORKER);
    if (this.inFlight.length < limit) return undefined;
    return this.settle(limit - 1);
  }

  /** Flushes, waits for every batch in flight and stops the worker threads. Call once at the end. */
  async finish(): Promise<void> {
    this.flush();
    await this.settle(0);
    await this.pool?.close();
    this.pool = undefined;
  }

  /** Applies finished batches in order until at most `left` are in flight. */
  private async settle(left: number): Promise<void> {
    while (this.inFlight.length > left) {
      const next = this.inFlight[0];
      let result: BatchResult;
      try {
        result = await next.result;
      } catch (error) {
        result = this.redo(next, error);
      }
      this.inFlight.shift();
      this.apply(result, next.file, next.start);
    }
  }

  /** A worker failed: say so once, stop the threads and do this batch (and every later one) here. */
  private redo(batch: InFlight, error: unknown): BatchResult {
    if (this.pool) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.onThreadFailure?.(message);
      void this.pool.close();
      this.pool = undefined;
      this.workers = 0;
    }
    return detached(extractBatch(batch.lines, batch.learned));
  }

  /**
   * Adds codes found outside the extractor (a screenshot of wxerr's own detail page: core/own-page.ts) and the
   * lines of the text they came from, so the summary counts what was read ("0 lines" looked like nothing was).
   */
  addFound(file: string, codes: readonly FoundCode[], lines: number): void {
    this.lines += lines;
    for (const found of codes) {
      const place = { file, line: found.line };
      this.record(found, {}, place, place);
    }
  }

  /** Adds a batch's rids and codes to the summary. */
  private apply(result: BatchResult, file: string, start: number): void {
    for (const rid of result.rids) {
      if (this.ridSet.has(rid)) continue;
      const own = detach(rid);
      this.ridSet.add(own);
      this.rids.push(own);
    }
    const at = (line: number): Place => ({ file, line: start + line - 1 });
    for (const { found, facts, lastLine } of result.codes)
      this.record(found, facts, at(found.line), at(lastLine));
  }

  private record(found: FoundCode, facts: ScanFacts, first: Place, last: Place): void {
    const summary = this.codes.get(found.code);
    if (!summary) {
      this.codes.set(found.code, {
        code: found.code,
        inferred: found.inferred,
        count: found.occurrences,
        first,
        last,
        found,
        facts,
      });
      return;
    }
    summary.count += found.occurrences;
    summary.last = last;
    summary.inferred &&= found.inferred;
    if (summary.found.inferred && !found.inferred) summary.found = found;
    // A later occurrence fills what the first one lacked (the IP of a 40164 logged without it first).
    for (const key of Object.keys(facts) as (keyof ScanFacts)[])
      if (summary.facts[key] === undefined) Object.assign(summary.facts, { [key]: facts[key] });
  }
}
