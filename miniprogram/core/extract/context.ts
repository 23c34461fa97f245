// What surrounds a number: which platform the nearby text is about, which spans are trace ids or URLs (their
// digits are never codes), and which lines are rows of a table with a code column.
import { LineIndex, parseCodeToken } from './text';

/**
 * Text that names a platform other than WeChat. WeCom shares WeChat's body shape but not its meanings;
 * Alipay, Douyin, DingTalk… have their own codes. Matched before the WeChat markers, so "企业微信" or
 * "qyapi.weixin.qq.com" do not count as WeChat.
 */
const NON_WECHAT =
  /企业微信|企微|wecom|work\.weixin|qyapi\.weixin|weixin\.cp\b|WxCp[A-Z]|支付宝|alipay|蚂蚁金服|抖音|字节跳动|douyin|toutiao|bytedance|百度小程序|百度智能小程序|smartprogram\.baidu|swan\.|钉钉|dingtalk|飞书|feishu|larksuite|QQ ?小程序|q\.qq\.com|快手|kuaishou|淘宝|taobao|\bmy\.request/gi;
const WECHAT =
  /微信|weixin|wechat|\bwx[.\-_A-Z]|\bWx[A-Z]|小程序|公众号|云开发|\bcloud\.|jscode2session|code2session|getaccesstoken|\brid\s*:/gi;
/**
 * Non-WeChat error systems whose numbers sit next to error words: Node syscalls, MySQL (driver codes, the
 * mysql client's "ERROR 1062 (23000)", duplicate-key values), Postgres, Oracle.
 */
const FOREIGN_ERROR =
  /\bE(?:CONNREFUSED|NOTFOUND|TIMEDOUT|CONNRESET|ADDRINUSE|PIPE|ACCES)\b|\bER_[A-Z_]{3,}|sqlState|SQLSTATE|\bORA-\d|\bERROR \d{4} \([0-9A-Z]{5}\)|\bDuplicate entry '|\bduplicate key value violates/;

/** How far (lines) a platform marker reaches, within one paragraph. */
const MARKER_REACH = 10;

/** Trace ids, hints, URLs, UUIDs and long hex: spans whose digits are never codes. */
const MASKED =
  /\brid\s*[:：]\s*[0-9A-Za-z]{6,10}(?:-\s*[0-9A-Za-z]{6,10}){1,3}|\bhints?\s*[:：]\s*\[[^\]\n]{0,80}\]?|\breq_?id\s*[:：=]\s*[\w.-]+|\brequest_?id\s*[:：=(]\s*[\w.-]+|\b(?:https?|wss?|mongodb|redis|mysql):\/\/[^\s"'<>)\]}]+|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;

/** Marker state of a line, computed on first use: most lines of a big log are never asked about. */
const enum Marks {
  Unknown = 0,
  None = 1,
  Wechat = 2,
  Other = 4,
  Blank = 8,
}

export class TextContext {
  readonly lines: LineIndex;
  private readonly marks: Uint8Array;
  private readonly masks = new Map<number, [number, number][]>();
  /** isOtherPlatform per line: 0 unknown, 1 no, 2 yes. */
  private readonly other: Uint8Array;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.marks = new Uint8Array(this.lines.count);
    this.other = new Uint8Array(this.lines.count);
  }

  /** True when offset lies in a trace id, hint, URL, UUID or hex literal. */
  isMasked(offset: number): boolean {
    const line = this.lines.lineOf(offset);
    let spans = this.masks.get(line);
    if (!spans) {
      // From the previous line's start: a rid or URL broken across lines (OCR) still masks its tail.
      const from = this.lines.start(Math.max(0, line - 1));
      const to = this.lines.end(line);
      spans = [];
      for (const m of this.text.slice(from, to).matchAll(MASKED)) {
        const at = from + (m.index ?? 0);
        spans.push([at, at + m[0].length]);
      }
      this.masks.set(line, spans);
    }
    return spans.some(([a, b]) => offset >= a && offset < b);
  }

  /**
   * True when the text near this line (same paragraph, within MARKER_REACH lines) says it is about another
   * platform (WeCom, Alipay…) and no WeChat marker is closer. A tie goes to the other platform:
   * "企业微信 … access_token" is still WeCom.
   */
  isOtherPlatform(line: number, offset?: number): boolean {
    if (this.other[line] === 0) this.other[line] = this.judgePlatform(line) ? 2 : 1;
    // A line naming both platforms ("公众号报 43004，企业微信报 81013"): the number's own clause decides
    // when it names just one of them.
    if (offset !== undefined && this.marksOf(line) === (Marks.Other | Marks.Wechat)) {
      const clause = markersOf(this.clauseAt(line, offset));
      if (clause === Marks.Wechat) return false;
      if (clause === Marks.Other) return true;
    }
    return this.other[line] === 2;
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

  private judgePlatform(line: number): boolean {
    let other = Infinity;
    let wechat = Infinity;
    // Walk up and down from the line, each way stopping at a blank line (the paragraph's edge).
    for (const step of [-1, 1]) {
      for (let d = step === -1 ? 0 : 1; d <= MARKER_REACH; d++) {
        const l = line + step * d;
        if (l < 0 || l >= this.lines.count) break;
        const m = this.marksOf(l);
        if (m & Marks.Blank) break;
        if (m & Marks.Other) other = Math.min(other, d);
        if (m & Marks.Wechat) wechat = Math.min(wechat, d);
      }
    }
    return other !== Infinity && other <= wechat;
  }

  /** A syscall/database error on this line (ECONNREFUSED, ER_DUP_ENTRY, SQLSTATE…): its numbers are not WeChat's. */
  isForeignError(line: number): boolean {
    return FOREIGN_ERROR.test(this.lines.lineText(line));
  }

  private marksOf(line: number): number {
    if (this.marks[line] === Marks.Unknown) {
      const text = this.lines.lineText(line);
      this.marks[line] = /^\s*$/.test(text) ? Marks.Blank : markersOf(text) || Marks.None;
    }
    return this.marks[line];
  }
}

const CLAUSE_END = /[，。；？！]/;

/** Which platform markers a text holds (Marks.Other | Marks.Wechat, or 0). */
function markersOf(text: string): number {
  let m = 0;
  // Other platforms first, blanked out, so that "企业微信" or "qyapi.weixin" do not count as WeChat.
  NON_WECHAT.lastIndex = 0;
  if (NON_WECHAT.test(text)) m |= Marks.Other;
  NON_WECHAT.lastIndex = 0;
  WECHAT.lastIndex = 0;
  if (WECHAT.test(m & Marks.Other ? text.replace(NON_WECHAT, ' ') : text)) m |= Marks.Wechat;
  WECHAT.lastIndex = 0;
  return m;
}

export interface TableCode {
  code: string;
  offset: number;
  line: number;
}

/** Header cells that name a code column. A "code" column of HTTP statuses is filtered by value later. */
const CODE_HEADER =
  /^(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)$/i;
const HEADER_CELL =
  /(?:^|[|,\t])[ \t]*(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)[ \t]*(?:[|,\t]|$)/gim;

/**
 * Codes in tables whose header names a code column: markdown (|), CSV (,) and TSV (tab). Returns the codes
 * and the lines the tables cover (so that the number scan does not judge those rows a second time).
 */
export function tableCodes(
  ctx: TextContext,
  isCode: (code: string) => boolean,
): { codes: TableCode[]; rows: Set<number> } {
  const codes: TableCode[] = [];
  const rows = new Set<number>();
  let last = -1;
  for (const m of ctx.text.matchAll(HEADER_CELL)) {
    let line = ctx.lines.lineOf(m.index ?? 0);
    if (line <= last) continue;
    const header = ctx.lines.lineText(line);
    const delimiter = header.includes('|') ? '|' : header.includes('\t') ? '\t' : ',';
    const cells = splitRow(header, delimiter);
    const column = cells.findIndex((c) => CODE_HEADER.test(c));
    if (column < 0 || cells.length < 2) continue;
    rows.add(line);
    for (line++; line < ctx.lines.count; line++) {
      const row = ctx.lines.lineText(line);
      if (!row.includes(delimiter)) break;
      rows.add(line);
      if (/^[\s|:-]+$/.test(row)) continue;
      const cell = splitRow(row, delimiter)[column];
      if (cell === undefined) continue;
      const code = parseCodeToken(cell, 2);
      if (!code || code === '0' || !isCode(code)) continue;
      codes.push({ code, offset: ctx.lines.start(line) + Math.max(0, row.indexOf(cell)), line });
    }
    last = line;
  }
  return { codes, rows };
}

function splitRow(row: string, delimiter: string): string[] {
  let cells = row.split(delimiter).map((c) => c.trim());
  if (delimiter === '|')
    cells = cells.slice(row.trim().startsWith('|') ? 1 : 0, row.trim().endsWith('|') ? -1 : undefined);
  return cells;
}
