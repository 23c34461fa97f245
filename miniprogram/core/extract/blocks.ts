// Codes that head a block of source code: the `case -401001:` of a switch over errCodes, the key of an object
// whose value is a block of its own (`"1500101": { "EN": "not init", "CN": "未初始化蓝牙适配器" }`). The code
// is on its line alone; what it means is in the lines under it, so a block is judged by those texts together,
// as a table is by its description column.
import type { LineIndex } from './text';

export interface BlockHead {
  code: string;
  offset: number;
  end: number;
  line: number;
  /** Index of the run of heads (at most HEAD_GAP lines apart) it belongs to. */
  block: number;
  /** The string literals under the head (up to the next head or BODY_LINES lines): its descriptions. */
  texts: string[];
}

/** Lines between two heads of one run (a `case` body, an object's fields). */
const HEAD_GAP = 6;
/** Lines under a head read for its description. */
const BODY_LINES = 4;

const CODE = String.raw`["']?(-?\d{1,7})["']?`;
/** `case -401001:`, `case 40001, 42001:`, `case -404001||-404002:` (each number is a head). */
export const CASE_HEAD = new RegExp(
  String.raw`^[ \t]*case[ \t]+(${CODE}(?:[ \t]*(?:\|\||,)[ \t]*${CODE})*)[ \t]*:`,
  'gm',
);
/** `"1500101": {` / `40001: [` / `'-1': {`: a numeric key whose value opens on its line or the next. */
export const KEY_HEAD = /^[ \t]*["']?(-1|-?\d{4,7})["']?[ \t]*:[ \t]*[{[]?[ \t]*$/gm;
const NUMBER = /-?\d{1,7}/g;
/** String literals in order (a key's quotes and its value's pair up one after the other). */
const STRING = /(["'])([^"'\n]{0,120})\1([ \t]*:)?/g;

/** The heads of a text in order, with their runs and the texts under them. */
export function blockHeads(text: string, lines: LineIndex): BlockHead[] {
  if (!mayHoldHeads(text)) return [];
  const raw: Omit<BlockHead, 'block' | 'texts'>[] = [];
  for (const m of lines.lineStartMatches(CASE_HEAD)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    for (const n of m[1].matchAll(NUMBER)) {
      const offset = at + (n.index ?? 0);
      raw.push({ code: n[0], offset, end: offset + n[0].length, line: lines.lineOf(offset) });
    }
  }
  for (const m of lines.lineStartMatches(KEY_HEAD)) {
    const offset = (m.index ?? 0) + m[0].indexOf(m[1]);
    raw.push({ code: m[1], offset, end: offset + m[1].length, line: lines.lineOf(offset) });
  }
  raw.sort((a, b) => a.offset - b.offset);
  const heads: BlockHead[] = [];
  let block = -1;
  let next = 0;
  raw.forEach((h, i) => {
    const previous = raw[i - 1];
    if (!previous || h.line - previous.line > HEAD_GAP) block++;
    // The body ends at the next head on a later line (the heads are in order).
    if (next <= i) next = i + 1;
    while (next < raw.length && raw[next].line <= h.line) next++;
    const stop = Math.min(next < raw.length ? raw[next].line : lines.count, h.line + 1 + BODY_LINES);
    const body = stop > h.line + 1 ? text.slice(lines.start(h.line + 1), lines.end(stop - 1)) : '';
    // Values, not keys ("EN": "not init" gives "not init"), with words in them.
    const texts = [...body.matchAll(STRING)]
      .filter((s) => !s[3] && /[A-Za-z\u4e00-\u9fff]{2}/.test(s[2]))
      .map((s) => s[2]);
    heads.push({ ...h, block, texts });
  });
  return heads;
}

/**
 * The test in front of the head scans, as /\bcase[ \t]|["']?-?\d{4,7}["']?[ \t]*:[ \t]*[{[]?[ \t]*(?:\n|$)/ gives
 * it: that pattern has no literal to start from, so a regex engine tries it at every offset (10–14 ms on a 1 MB
 * log that holds no head). Here the search starts from its literals (`case`, the colon) and the digits before a
 * line-ending colon are read backwards. Same answer (test/core/extract-speed.test.ts).
 */
export function mayHoldHeads(text: string): boolean {
  const re = /\bcase[ \t]|:[ \t]*[{[]?[ \t]*(?:\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    if (m[0][0] === 'c' || fourDigitsBefore(text, m.index)) return true;
  return false;
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/** Before the colon at `at`: four digits, then a quote maybe, then [ \t]* (read backwards). */
function fourDigitsBefore(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && isSpaceOrTab(text.charCodeAt(j))) j--;
  if (j >= 0 && (text.charCodeAt(j) === 34 || text.charCodeAt(j) === 39)) j--;
  let digits = 0;
  while (digits < 4 && j >= 0 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) {
    j--;
    digits++;
  }
  return digits === 4;
}

/**
 * Which heads of a run are WeChat codes. A run with descriptions is WeChat's when at least one of its known
 * codes is described by its catalog text and no fewer than half of the described ones are (an app's own
 * `case 10001: '用户不存在'` table is not); a run without descriptions only beside an errcode key or a
 * WeChat marker (`switch (res.errcode) { case 40001: case 42001: refresh() }`).
 */
export function wechatHeads(
  heads: readonly BlockHead[],
  known: (h: BlockHead) => boolean,
  described: (h: BlockHead) => boolean,
  unDescribedOk: (h: BlockHead) => boolean,
): BlockHead[] {
  const byBlock = new Map<number, BlockHead[]>();
  for (const h of heads) if (known(h)) byBlock.set(h.block, [...(byBlock.get(h.block) ?? []), h]);
  const kept: BlockHead[] = [];
  for (const run of byBlock.values()) {
    if (run.length < 2) continue;
    const withTexts = run.filter((h) => h.texts.length > 0);
    const matching = withTexts.filter(described).length;
    const wechat = withTexts.length
      ? matching > 0 && matching * 2 >= withTexts.length
      : unDescribedOk(run[0]);
    if (wechat) kept.push(...run);
  }
  return kept;
}

/**
 * Runs of listing lines (one line between two rows allowed: the "0 | 请求成功" row). A run whose rows are
 * mostly, two at least, described by their codes' own texts vouches for the rest of it, as a table does
 * (|40029|code 无效| | between the -1 and 45011 rows). Per row: whether its run vouches.
 */
export function runsVouched(lines: readonly number[], own: readonly boolean[]): boolean[] {
  let run = 0;
  const runs = lines.map((line, i) => (i > 0 && line - lines[i - 1] > 2 ? ++run : run));
  const vouches = new Map<number, boolean>();
  for (let k = 0; k <= run; k++) {
    const members = runs.flatMap((r, i) => (r === k ? [own[i]] : []));
    const sure = members.filter(Boolean).length;
    vouches.set(k, sure >= 2 && sure * 2 >= members.length);
  }
  return runs.map((r) => vouches.get(r) ?? false);
}
