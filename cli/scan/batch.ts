// What the extractor gives for one batch of lines, with everything the summary needs from the batch text
// (the facts around each code, its last occurrence), so that the text can be dropped at once. The same
// function runs in the scan's own thread and in its worker threads (scan/pool.ts): results are identical.
import { extractCodes, type FoundCode } from '../../miniprogram/core/extract';
import { ownBlock, scanFacts, type ScanFacts } from '../../miniprogram/core/fill';

/** Lines after a code that may still belong to it (its errmsg, rid): the extractor looks 3 lines ahead. */
const CONTEXT_AFTER = 3;

export interface BatchCode {
  found: FoundCode;
  facts: ScanFacts;
  /** Batch line (1-based) of the code's last occurrence. */
  lastLine: number;
}

export interface BatchResult {
  rids: string[];
  codes: BatchCode[];
}

/**
 * `learned`: the extractor's learned decisions (core/extract.ts rule 8). The scanner asks for them on the first
 * LEARNED_MAX_CHARS of each input; later batches, and worker threads (which start after 1 MB), keep the rules
 * alone for throughput.
 */
export function extractBatch(lines: string[], learned = false): BatchResult {
  const result = extractCodes(lines.join('\n'), { learned });
  return {
    rids: result.rids,
    codes: result.codes.map((found) => {
      return {
        found,
        // The code's own request block only: never another request's line (core/fill.ts ownBlock).
        facts: scanFacts(ownBlock(lines, found.line - 1), found),
        lastLine: found.occurrences > 1 ? lastOccurrence(found, lines, learned) : found.line,
      };
    }),
  };
}

/**
 * The batch line (1-based) of a code's last occurrence: the last line holding its number that the extractor
 * confirms when read from that line on (a code's context follows it). Falls back to the first occurrence.
 */
function lastOccurrence(found: FoundCode, lines: string[], learned: boolean): number {
  if (found.inferred) return found.line;
  // Not glued to a word, a number or a dot (exec-1, v1.40001): a code stands apart.
  const number = new RegExp(`(?<![\\w.${found.code.startsWith('-') ? '' : '-'}])${found.code}(?!\\d)`);
  let tries = 0;
  for (let i = lines.length - 1; i >= found.line && tries < 8; i--) {
    if (!number.test(lines[i])) continue;
    tries++;
    const window = lines.slice(i, i + 1 + CONTEXT_AFTER).join('\n');
    const again = extractCodes(window, { learned });
    if (again.codes.some((c) => c.code === found.code && c.line === 1)) return i + 1;
  }
  return found.line;
}

/**
 * A copy of a string that does not point into the batch text. V8 keeps a substring as a view of its parent:
 * a kept rid would keep its whole batch alive, and memory would grow with the log. (A result that crossed
 * from a worker thread is a copy already.)
 */
export function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The batch's codes with every kept string detached from the batch text (rids: see Scanner.apply). */
export function detached(result: BatchResult): BatchResult {
  return {
    rids: result.rids,
    codes: result.codes.map(({ found, facts, lastLine }) => {
      const copy: FoundCode = { ...found, code: detach(found.code), evidence: detach(found.evidence) };
      if (found.errmsg !== undefined) copy.errmsg = detach(found.errmsg);
      if (found.rid !== undefined) copy.rid = detach(found.rid);
      if (found.ip !== undefined) copy.ip = detach(found.ip);
      return { found: copy, facts, lastLine };
    }),
  };
}
