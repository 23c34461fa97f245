// Text plumbing for the extractor: line index, OCR-tolerant code tokens, small character tests.
// No lookbehind in any regex here or in the other extract modules: older iOS JavaScriptCore (mini-program
// clients before iOS 16.4) rejects it at parse time, and this core also runs in the mini-program.
import { normalizeCode } from '../catalog';

/** Offsets of line starts, so that a match offset maps to a 0-based line in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** Offset of the line's end (its '\n' or the end of the text), '\r' excluded. */
  end(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }

  private newlinesOnly?: boolean;

  /** No line ends in \r, \u2028 or \u2029: a multiline ^ then holds at the line starts and nowhere else. */
  get onlyNewlines(): boolean {
    return (this.newlinesOnly ??=
      this.text.indexOf('\r') === -1 &&
      this.text.indexOf('\u2028') === -1 &&
      this.text.indexOf('\u2029') === -1);
  }

  /**
   * text.matchAll(re) for a pattern (flags gm) whose every match starts where a multiline ^ holds. A regex
   * engine tries such a pattern at every offset and fails there on ^ (1–3 ms per pattern on a 1 MB log); here
   * it is tried sticky at each line start past the last match. Texts with other line breaks than \n take
   * matchAll itself. Same matches, in order (test/core/extract-speed.test.ts).
   */
  lineStartMatches(re: RegExp): RegExpMatchArray[] {
    if (!this.onlyNewlines) return [...this.text.matchAll(re)];
    let sticky = STICKY.get(re);
    if (!sticky) STICKY.set(re, (sticky = new RegExp(re.source, re.flags.replace('g', 'y'))));
    const found: RegExpMatchArray[] = [];
    let from = 0;
    for (const at of this.starts) {
      if (at < from) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(this.text);
      if (!m) continue;
      found.push(m);
      from = m.index + Math.max(1, m[0].length);
    }
    return found;
  }
}

/** The sticky twin of each line-anchored pattern (LineIndex.lineStartMatches). */
const STICKY = new WeakMap<RegExp, RegExp>();

const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };

/**
 * A code from a token that may carry OCR noise: full-width digits, O/o for 0, I/l/| for 1, spaces inside.
 * `minDigits` is how many real digits the token must keep (noise must not outnumber the evidence).
 * Returns the normalised code, or undefined when the token is not a number.
 */
export function parseCodeToken(raw: string, minDigits: number): string | undefined {
  const plain = plainNumber(raw);
  if (plain !== undefined) return plain;
  let s = raw
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[－—–]/, '-')
    .replace(/\s+/g, '');
  const negative = s.charAt(0) === '-';
  if (negative) s = s.slice(1);
  if (!/^[0-9OoIl|]+$/.test(s)) return undefined;
  const real = s.replace(/[^0-9]/g, '').length;
  if (real < Math.min(minDigits, s.length)) return undefined;
  if (!/^[0-9]/.test(s) && s.length > 1 && real < s.length - 1) return undefined;
  const digits = s.replace(/[OoIl|]/g, (c) => OCR_DIGIT[c]);
  return normalizeCode((negative ? '-' : '') + digits);
}

/**
 * `-?[0-9]+` with its leading zeros dropped (one digit kept), or undefined: the common case of a big log's
 * numbers (ids with leading zeros included), in char tests and no regex, since every number passes here.
 */
function plainNumber(raw: string): string | undefined {
  const from = raw.charCodeAt(0) === 45 ? 1 : 0;
  if (raw.length === from) return undefined;
  let zeros = 0;
  for (let i = from; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (c === 48 && zeros === i - from) zeros++;
  }
  const digits = raw.slice(from + Math.min(zeros, raw.length - from - 1));
  return from ? `-${digits}` : digits;
}

export function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch);
}

/** The line as evidence: trimmed, and windowed around the match when the line is long. */
export function evidenceOf(lineText: string, column: number, max = 300): string {
  if (lineText.length <= max) return lineText.trim();
  const from = Math.max(0, Math.min(column - (max >> 1), lineText.length - max));
  return `${from > 0 ? '…' : ''}${lineText.slice(from, from + max).trim()}${from + max < lineText.length ? '…' : ''}`;
}
