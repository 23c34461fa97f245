// What surrounds a number: which platform the nearby text is about, and which spans are trace ids or URLs
// (their digits are never codes).
import {
  FOREIGN_ASCII,
  FOREIGN_CJK,
  FOREIGN_ERROR,
  MARKER_ACROSS_LINES,
  Marks,
  PAY_ASCII,
  PAY_CJK,
  SHARED_SDK_TEXT,
  WECHAT_ASCII,
  WECHAT_CJK,
  WECOM_CJK,
  firstMarker,
  markersOf,
  wecomAsciiFor,
} from './markers';
import { hasTrigger } from './numbers';
import { LineMasks } from './masks';
import { findRepeats } from './repeats';
import { LineIndex } from './text';
import type { WecomWordings } from './zh';

/** How far (lines) a platform marker reaches, within one paragraph; and across paragraphs when it has none. */
const MARKER_REACH = 10;
const FALLBACK_REACH = 30;

/** Which platform a number belongs to, and the marker text that decided it ('' when no marker is near). */
export interface PlatformContext {
  kind: 'wechat' | 'wecom' | 'foreign';
  marker: string;
  /** A Pay marker near the line (string codes count only then). */
  pay?: string;
}

/** Marker kinds in the order a tie is decided: a foreign or WeCom marker beats a WeChat one at the same distance. */
const KINDS: [Marks, PlatformContext['kind']][] = [
  [Marks.Foreign, 'foreign'],
  [Marks.Wecom, 'wecom'],
  [Marks.Wechat, 'wechat'],
];

export class TextContext {
  readonly lines: LineIndex;
  private readonly marks: Uint8Array;
  /**
   * Per line, the kinds (Marks bits) whose pass matched there, WeChat matches inside WeCom or foreign ones
   * included (lineMarkers reads them).
   */
  private readonly matched: Uint8Array;
  private acrossLines?: boolean;
  /** Per line: 0 not asked yet, 1 no error word (hasTrigger), 2 one. */
  private readonly triggers: Uint8Array;
  /** WeCom wordings asked by the passes over this text (zh.ts WecomWordings). */
  wecomWordings?: WecomWordings;
  private readonly masks: LineMasks;
  /** Marker texts of the lines that have any, by kind bit. */
  private readonly markerText = new Map<number, Map<Marks, string>>();
  private readonly verdicts = new Map<number, PlatformContext>();
  private marked = false;
  /** repeats(), once worked out (null: not a text of repeats). */
  private sameLines?: Int32Array | null;
  private nearest?: NearestIndex;
  /** judge()'s scratch: distance and line of the nearest marker of each kind (see markersAround). */
  private readonly nearDistance = new Float64Array(MARKER_BITS.length);
  private readonly nearLine = new Int32Array(MARKER_BITS.length);

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.marks = new Uint8Array(this.lines.count);
    this.matched = new Uint8Array(this.lines.count);
    this.masks = new LineMasks(text, this.lines);
    this.triggers = new Uint8Array(this.lines.count);
  }

  /**
   * markersOf(the line's text), exactly, from the marking done for contextAt. A pattern that matches in a line
   * alone matches there in the whole text too (no marker spans a line break unless MARKER_ACROSS_LINES holds;
   * then every line is read again), so the passes' kinds on a line are the line test's, but for what the line
   * test does differently: it ignores case in Chinese names (`qq小程序` holds 小程序), and it blanks WeCom and
   * foreign names before WeChat's (not WxJava's shared text). Those lines are read again.
   */
  lineMarkers(line: number): number {
    if (!this.marked) this.markAll();
    this.acrossLines ??= MARKER_ACROSS_LINES.test(this.text);
    const kinds = this.matched[line];
    if (
      this.acrossLines ||
      kinds & (Marks.Wecom | Marks.Foreign) ||
      (kinds & Marks.Wechat && this.lines.lineText(line).includes('小程序'))
    )
      return markersOf(this.lines.lineText(line));
    return kinds;
  }

  /** hasTrigger (numbers.ts) of the line's text, worked out once per line for every pass that asks. */
  hasTrigger(line: number): boolean {
    if (!this.triggers[line]) this.triggers[line] = hasTrigger(this.lines.lineText(line)) ? 2 : 1;
    return this.triggers[line] === 2;
  }

  /** MASK_LITERAL for every line in one pass (masks.ts), for a caller about to ask isMasked on most lines. */
  findMaskLiterals(): void {
    this.masks.findLiterals();
  }

  /** True when offset lies in a trace id, hint, URL, UUID or hex literal. */
  isMasked(offset: number): boolean {
    return this.masks.isMasked(offset);
  }

  /**
   * The platform the text near this line is about (same paragraph, within MARKER_REACH lines): the nearest
   * marker wins, a tie goes to WeCom or the foreign platform ("企业微信 … access_token" is still WeCom). On a
   * line naming several, the number's own clause (between ，。；) decides when it names just one.
   */
  contextAt(line: number, offset?: number): PlatformContext {
    if (
      offset !== undefined &&
      bitCount(this.marksOf(line) & (Marks.Foreign | Marks.Wecom | Marks.Wechat)) > 1
    ) {
      const clause = this.clauseAt(line, offset);
      const m = markersOf(clause);
      const kinds = KINDS.filter(([bit]) => m & bit);
      if (kinds.length === 1) {
        const base = this.judge(line);
        return { ...base, kind: kinds[0][1], marker: firstMarker(clause, kinds[0][0]) };
      }
    }
    let verdict = this.verdicts.get(line);
    if (!verdict) {
      verdict = this.judge(line);
      this.verdicts.set(line, verdict);
    }
    return verdict;
  }

  /** True when the number at this line and offset belongs to another service than WeChat or WeCom. */
  isForeign(line: number, offset?: number): boolean {
    return this.contextAt(line, offset).kind === 'foreign';
  }

  /** The part of the line around offset between full-width clause punctuation (，。；？！). */
  private clauseAt(line: number, offset: number): string {
    const text = this.lines.lineText(line);
    const at = offset - this.lines.start(line);
    let from = at;
    while (from > 0 && !CLAUSE_END.test(text.charAt(from - 1))) from--;
    let to = at;
    while (to < text.length && !CLAUSE_END.test(text.charAt(to))) to++;
    return text.slice(from, to);
  }

  private judge(line: number): PlatformContext {
    // Walk up and down from the line, each way stopping at a blank line (the paragraph's edge). A paragraph
    // with no marker at all takes the nearest one of the text around it (an issue post: "使用内置钉钉告警" a few
    // paragraphs above the log it pasted).
    if (this.markersAround(line, MARKER_REACH, true) === 0) this.markersAround(line, FALLBACK_REACH, false);
    const { nearDistance, nearLine } = this;
    let best: [Marks, PlatformContext['kind']] | undefined;
    let bestAt = -1;
    let bestDistance = Infinity;
    for (const kind of KINDS) {
      const b = MARKER_BITS.indexOf(kind[0]);
      if (nearDistance[b] < bestDistance) {
        best = kind;
        bestAt = b;
        bestDistance = nearDistance[b];
      }
    }
    const verdict: PlatformContext = best
      ? { kind: best[1], marker: this.markerOf(nearLine[bestAt], best[0]) }
      : { kind: 'wechat', marker: '' };
    const pay = MARKER_BITS.indexOf(Marks.Pay);
    if (nearDistance[pay] !== Infinity) verdict.pay = this.markerOf(nearLine[pay], Marks.Pay);
    return verdict;
  }

  /**
   * The nearest line of each marker kind within reach, into nearDistance / nearLine (by MARKER_BITS index;
   * Infinity when none is within reach): reused arrays, since every line of a big text is judged. Returns how
   * many kinds were found.
   */
  private markersAround(line: number, reach: number, paragraph: boolean): number {
    const index = (this.nearest ??= this.buildNearest());
    let found = 0;
    for (let b = 0; b < MARKER_BITS.length; b++) {
      const [prev, next] = paragraph ? index.paragraph[b] : index.anywhere[b];
      const p = prev[line];
      const n = next[line];
      const up = p < 0 ? Infinity : line - p;
      const down = n < 0 ? Infinity : n - line;
      const d = Math.min(up, down);
      if (d <= reach) {
        this.nearDistance[b] = d;
        this.nearLine[b] = up <= down ? p : n;
        found++;
      } else this.nearDistance[b] = Infinity;
    }
    return found;
  }

  /**
   * For every line and marker kind, the nearest marked line above and below, within its paragraph and
   * anywhere: two sweeps over the lines, so that judging a line costs a few array reads (a 1 MB log asks about
   * thousands of lines).
   */
  private buildNearest(): NearestIndex {
    const count = this.lines.count;
    const marks = new Uint8Array(count);
    for (let l = 0; l < count; l++) marks[l] = this.marksOf(l);
    const sweep = (bit: number, paragraph: boolean): [Int32Array, Int32Array] => {
      const prev = new Int32Array(count);
      const next = new Int32Array(count);
      let cur = -1;
      for (let l = 0; l < count; l++) {
        const m = marks[l];
        if (m & bit) cur = l;
        else if (paragraph && m & Marks.Blank) cur = -1;
        prev[l] = cur;
      }
      cur = -1;
      for (let l = count - 1; l >= 0; l--) {
        const m = marks[l];
        if (m & bit) cur = l;
        else if (paragraph && m & Marks.Blank) cur = -1;
        next[l] = cur;
      }
      return [prev, next];
    };
    return {
      paragraph: MARKER_BITS.map((bit) => sweep(bit, true)),
      anywhere: MARKER_BITS.map((bit) => sweep(bit, false)),
    };
  }

  private markerOf(line: number, bit: Marks): string {
    return this.markerText.get(line)?.get(bit) ?? '';
  }

  /** A syscall/database error on this line (ECONNREFUSED, ER_DUP_ENTRY, SQLSTATE…): its numbers are not WeChat's. */
  isForeignError(line: number): boolean {
    return FOREIGN_ERROR.test(this.lines.lineText(line));
  }

  private marksOf(line: number): number {
    if (!this.marked) this.markAll();
    if (this.marks[line] === Marks.Unknown) this.marks[line] = this.isBlank(line) ? Marks.Blank : Marks.None;
    return this.marks[line];
  }

  /**
   * Every marker of the text, found with one pass of each pattern over the whole text (a pass per line costs
   * far more on a big log), or over each distinct line once when most lines are repeats (markRepeats).
   */
  private markAll(): void {
    this.marked = true;
    if (!this.markRepeats()) this.markIn(this.text, this.lineCursor());
  }

  /**
   * A log repeats its lines: in a text of repeats (see repeats()), each distinct line is marked once and its
   * repeats share its marks. The answers are those of the whole-text passes: no marker spans two lines
   * (only `rid :` and Pay's `"detail": {` allow spaces, and a text where they hold a line break is marked
   * whole), so each pass finds on a line what it finds there in the whole text.
   */
  private markRepeats(): boolean {
    const same = this.repeats();
    if (!same || MARKER_ACROSS_LINES.test(this.text)) return false;
    const count = this.lines.count;
    for (let l = 0; l < count; l++) {
      if (same[l] !== l) continue;
      const at = Object.assign(() => l, { reset: () => undefined });
      this.markIn(this.lines.lineText(l), at);
    }
    for (let l = 0; l < count; l++) {
      const first = same[l];
      if (first === l) continue;
      this.marks[l] = this.marks[first];
      this.matched[l] = this.matched[first];
      const texts = this.markerText.get(first);
      // Shared, not copied: marker texts are only read once marking is done.
      if (texts) this.markerText.set(l, texts);
    }
    return true;
  }

  /** For each line, the first line with the same text, in a text of repeats (repeats.ts); else undefined. */
  repeats(): Int32Array | undefined {
    if (this.sameLines === undefined) this.sameLines = findRepeats(this.text, this.lines) ?? null;
    return this.sameLines ?? undefined;
  }

  /**
   * Runs every marker pass over `text` (the whole text, or one line of it: lineAt gives the line of an offset).
   * WeChat markers inside a WeCom or foreign one ("企业微信") do not count.
   */
  private markIn(text: string, lineAt: ((offset: number) => number) & { reset(): void }): void {
    const blanked: [number, number][] = [];
    // Chinese and ASCII markers in separate passes: a pattern of Chinese literals skips ASCII text almost for
    // free, and ASCII words anchored at a word boundary are tried far less often than at every character.
    const passes: [RegExp, Marks][] = [
      [WECOM_CJK, Marks.Wecom],
      [wecomAsciiFor(text), Marks.Wecom],
      [FOREIGN_CJK, Marks.Foreign],
      [FOREIGN_ASCII, Marks.Foreign],
      [PAY_CJK, Marks.Pay],
      [PAY_ASCII, Marks.Pay],
    ];
    // Matches of one pass come in text order: the line moves forward instead of being searched for (a text
    // dense with markers has tens of thousands).
    for (const [re, bit] of passes) {
      re.lastIndex = 0;
      lineAt.reset();
      for (const m of text.matchAll(re)) {
        const at = m.index ?? 0;
        const line = lineAt(at);
        this.matched[line] |= bit;
        this.setMark(line, bit, m[0]);
        if (bit !== Marks.Pay) blanked.push([at, at + m[0].length]);
      }
    }
    for (const m of text.matchAll(SHARED_SDK_TEXT)) {
      const at = m.index ?? 0;
      blanked.push([at, at + m[0].length]);
    }
    blanked.sort((a, b) => a[0] - b[0]);
    for (const re of [WECHAT_CJK, WECHAT_ASCII]) {
      lineAt.reset();
      for (const m of text.matchAll(re)) {
        const at = m.index ?? 0;
        const line = lineAt(at);
        this.matched[line] |= Marks.Wechat;
        if (!insideAny(blanked, at)) this.setMark(line, Marks.Wechat, m[0]);
      }
    }
  }

  /** lineOf for offsets asked in increasing order (reset() starts again from the top). */
  private lineCursor(): ((offset: number) => number) & { reset(): void } {
    const lines = this.lines;
    let line = 0;
    const at = (offset: number) => {
      while (line + 1 < lines.count && lines.start(line + 1) <= offset) line++;
      return line;
    };
    return Object.assign(at, { reset: () => void (line = 0) });
  }

  /** Lines within MARKER_REACH of a Pay marker, as [from, to] ranges in text order (merged). */
  payRanges(): [number, number][] {
    if (!this.marked) this.markAll();
    const ranges: [number, number][] = [];
    for (const [line, texts] of [...this.markerText].sort((a, b) => a[0] - b[0])) {
      if (!texts.has(Marks.Pay)) continue;
      const from = Math.max(0, line - MARKER_REACH);
      const to = Math.min(this.lines.count - 1, line + MARKER_REACH);
      const last = ranges[ranges.length - 1];
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    return ranges;
  }

  /** Only spaces on the line (no slice, no regex: asked for every line of the text once). */
  private isBlank(line: number): boolean {
    for (let i = this.lines.start(line), end = this.lines.end(line); i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 0x3000 && c !== 0xa0) return false;
    }
    return true;
  }

  private setMark(line: number, bit: Marks, marker: string): void {
    this.marks[line] |= bit;
    let texts = this.markerText.get(line);
    if (!texts) this.markerText.set(line, (texts = new Map()));
    if (!texts.has(bit)) texts.set(bit, marker.trim());
  }
}

const CLAUSE_END = /[，。；？！]/;

const MARKER_BITS = [Marks.Foreign, Marks.Wecom, Marks.Wechat, Marks.Pay];

/** Per marker kind (MARKER_BITS order): the nearest marked line above and below each line, or -1. */
interface NearestIndex {
  paragraph: [Int32Array, Int32Array][];
  anywhere: [Int32Array, Int32Array][];
}

/** True when offset falls in one of the spans (sorted by start). */
function insideAny(spans: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][0] > offset) hi = mid - 1;
    else lo = mid + 1;
  }
  // hi: the last span starting at or before offset; spans of one pattern do not overlap, so look back a little.
  for (let i = hi; i >= 0 && i >= hi - 2; i--) if (offset < spans[i][1]) return true;
  return false;
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}
