// Spans of a text whose digits are never codes: trace ids, hints, URLs, UUIDs, hex literals (MASKED, markers.ts),
// asked per number by the bare pass and for every candidate by the learned pass. Worked out per line, from the
// line above's start (a rid broken over two lines still masks its tail), and only where a mask can be.
import { MASKED } from './markers';
import type { LineIndex } from './text';

/**
 * What every MASKED match holds, case aside: rid, hint, req_id / reqid, request_id / requestid, a URL's ://, 0x,
 * or a UUID's first group's end (a dash, 4 hex digits, a dash). A text without it has no masked span. It starts
 * with few characters (a pattern starting with any hex digit is tried at every offset of a log), and no match
 * of it spans a line break. test/core/extract-speed-passes.test.ts fuzzes both claims.
 */
export const MASK_LITERAL =
  /[rR][iI][dD]|[hH][iI][nN][tT]|[rR][eE][qQ](?:[uU][eE][sS][tT])?_?[iI][dD]|:\/\/|0[xX]|-[0-9a-fA-F]{4}-/;
const MASK_LITERALS = new RegExp(MASK_LITERAL.source, 'g');
/** The MASK_LITERAL parts whose masks may cross a line break (their \s): rid, hint, req_id, request_id. */
export const MASK_CROSSING = /[rR][iI][dD]|[hH][iI][nN][tT]|[rR][eE][qQ](?:[uU][eE][sS][tT])?_?[iI][dD]/;

export class LineMasks {
  private readonly spans = new Map<number, [number, number][]>();
  /**
   * Per line: 0 not asked yet, 1 no MASK_LITERAL, 2 one, 3 one that may start a mask reaching into the next
   * line (MASK_CROSSING).
   */
  private readonly literal: Uint8Array;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.literal = new Uint8Array(lines.count);
  }

  /**
   * MASK_LITERAL for every line in one pass over the text, for a caller about to ask on most lines (the learned
   * pass): no match spans a line break, so each line gets what a test of it alone gives.
   */
  findLiterals(): void {
    this.literal.fill(1);
    let line = 0;
    for (const m of this.text.matchAll(MASK_LITERALS)) {
      const at = m.index ?? 0;
      while (line + 1 < this.lines.count && this.lines.start(line + 1) <= at) line++;
      // A literal that may cross starts with a letter (rid, hint, req_id) that none of the others holds, so no
      // other match hides one.
      this.literal[line] = Math.max(this.literal[line], MASK_CROSSING.test(m[0]) ? 3 : 2);
    }
  }

  private literalOf(line: number): number {
    if (!this.literal[line]) {
      const text = this.lines.lineText(line);
      this.literal[line] = MASK_CROSSING.test(text) ? 3 : MASK_LITERAL.test(text) ? 2 : 1;
    }
    return this.literal[line];
  }

  /** True when offset lies in a trace id, hint, URL, UUID or hex literal. */
  isMasked(offset: number): boolean {
    const line = this.lines.lineOf(offset);
    let spans = this.spans.get(line);
    if (!spans) {
      // From the previous line's start: a rid broken across lines (OCR) still masks its tail. Only a mask that
      // starts with MASK_CROSSING reaches over a line break: without one above, the line is read alone (the
      // spans found from above that reach into it are the same), and without MASK_LITERAL it has none.
      const above = line > 0 && this.literalOf(line - 1) === 3;
      const from = this.lines.start(above ? line - 1 : line);
      const to = this.lines.end(line);
      spans = [];
      if (above || this.literalOf(line) > 1)
        for (const m of this.text.slice(from, to).matchAll(MASKED)) {
          const at = from + (m.index ?? 0);
          spans.push([at, at + m[0].length]);
        }
      this.spans.set(line, spans);
    }
    return spans.some(([a, b]) => offset >= a && offset < b);
  }
}
