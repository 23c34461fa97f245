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
/** Non-WeChat error systems whose numbers sit next to error words: Node syscalls, MySQL, Postgres, Oracle. */
const FOREIGN_ERROR =
  /\bE(?:CONNREFUSED|NOTFOUND|TIMEDOUT|CONNRESET|ADDRINUSE|PIPE|ACCES)\b|\bER_[A-Z_]{3,}|sqlState|SQLSTATE|\bORA-\d/;

/** How far (lines) a platform marker reaches, within one paragraph. */
const MARKER_REACH = 10;

/** Trace ids, hints, URLs, UUIDs and long hex: spans whose digits are never codes. */
const MASKED =
  /\brid\s*[:：]\s*[0-9A-Za-z]{6,10}(?:-\s*[0-9A-Za-z]{6,10}){1,3}|\bhints?\s*[:：]\s*\[[^\]\n]{0,80}\]?|\breq_?id\s*[:：=]\s*[\w.-]+|\brequest_?id\s*[:：=(]\s*[\w.-]+|\b(?:https?|wss?|mongodb|redis|mysql):\/\/[^\s"'<>)\]}]+|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;

export class TextContext {
  readonly lines: LineIndex;
  private readonly nonWechatLines: number[] = [];
  private readonly wechatLines: number[] = [];
  private readonly paragraph: Int32Array;
  private readonly masked: [number, number][] = [];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    const spans: [number, number][] = [];
    for (const m of text.matchAll(NON_WECHAT)) {
      const at = m.index ?? 0;
      spans.push([at, at + m[0].length]);
      pushOnce(this.nonWechatLines, this.lines.lineOf(at));
    }
    let s = 0;
    for (const m of text.matchAll(WECHAT)) {
      const at = m.index ?? 0;
      while (s < spans.length && spans[s][1] <= at) s++;
      if (s < spans.length && spans[s][0] <= at) continue;
      pushOnce(this.wechatLines, this.lines.lineOf(at));
    }
    this.paragraph = new Int32Array(this.lines.count);
    let p = 0;
    for (let l = 0; l < this.lines.count; l++) {
      if (this.lines.start(l) === this.lines.end(l) || /^\s*$/.test(this.lines.lineText(l))) p++;
      this.paragraph[l] = p;
    }
    for (const m of text.matchAll(MASKED)) {
      const at = m.index ?? 0;
      this.masked.push([at, at + m[0].length]);
    }
  }

  /** True when offset lies in a trace id, hint, URL, UUID or hex literal. */
  isMasked(offset: number): boolean {
    let lo = 0;
    let hi = this.masked.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.masked[mid];
      if (offset < a) hi = mid - 1;
      else if (offset >= b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /**
   * True when the text near this line says it is about another platform (WeCom, Alipay…) and no WeChat
   * marker is closer. A tie goes to the other platform: "企业微信 … access_token" is still WeCom.
   */
  isOtherPlatform(line: number): boolean {
    const other = this.nearest(this.nonWechatLines, line);
    if (other === undefined) return false;
    const wechat = this.nearest(this.wechatLines, line);
    return wechat === undefined || other <= wechat;
  }

  /** A syscall/database error on this line (ECONNREFUSED, ER_DUP_ENTRY, SQLSTATE…): its numbers are not WeChat's. */
  isForeignError(line: number): boolean {
    return FOREIGN_ERROR.test(this.lines.lineText(line));
  }

  private nearest(sorted: number[], line: number): number | undefined {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    let best: number | undefined;
    for (const i of [lo - 1, lo]) {
      if (i < 0 || i >= sorted.length) continue;
      const other = sorted[i];
      const d = Math.abs(other - line);
      if (d > MARKER_REACH || this.paragraph[other] !== this.paragraph[line]) continue;
      if (best === undefined || d < best) best = d;
    }
    return best;
  }
}

function pushOnce(list: number[], value: number): void {
  if (list[list.length - 1] !== value) list.push(value);
}

export interface TableCode {
  code: string;
  offset: number;
  line: number;
}

/** Header cells that name a code column. A "code" column of HTTP statuses is filtered by value later. */
const CODE_HEADER =
  /^(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)$/i;
const HEADER_LINE =
  /^[^\n]*(?:^|[|,\t])[ \t]*(?:err_?code|error_?code|errorcode|errno|err_?no|code|ret_?code|错误码|错误代码|返回码|错误编号)[ \t]*(?:[|,\t]|$)[^\n]*$/gim;

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
  for (const m of ctx.text.matchAll(HEADER_LINE)) {
    const header = m[0].replace(/\r$/, '');
    const delimiter = header.includes('|') ? '|' : header.includes('\t') ? '\t' : ',';
    const cells = splitRow(header, delimiter);
    const column = cells.findIndex((c) => CODE_HEADER.test(c));
    if (column < 0 || cells.length < 2) continue;
    let line = ctx.lines.lineOf(m.index ?? 0);
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
  }
  return { codes, rows };
}

function splitRow(row: string, delimiter: string): string[] {
  let cells = row.split(delimiter).map((c) => c.trim());
  if (delimiter === '|')
    cells = cells.slice(row.trim().startsWith('|') ? 1 : 0, row.trim().endsWith('|') ? -1 : undefined);
  return cells;
}
