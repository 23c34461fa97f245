// What surrounds a number: which platform the nearby text is about, and which spans are trace ids or URLs
// (their digits are never codes).
import { FOREIGN_EVIDENCE, WECHAT_EVIDENCE, WECOM_CLASSES, WECOM_EVIDENCE } from './evidence';
import { findRepeats } from './repeats';
import { LineIndex } from './text';

/**
 * Markers of the platform a text is about, by kind. WeCom shares WeChat's body shape but not its meanings;
 * Pay has string codes; Alipay, Douyin, DingTalk, Feishu, Tencent Cloud SCF… have codes of their own.
 * WeCom and foreign markers are matched first and blanked out, so "企业微信" or "qyapi.weixin.qq.com" do not
 * count as WeChat.
 */
// 排查方法: the heading of WeCom's error-code tool (错误码 / 错误说明 / 排查方法), pasted as it is.
const WECOM_CJK = /企业微信|企微|企业号|排查方法/g;
const WECOM_NAMES =
  /wecom|wework|enterprise[_ ]?we[_ ]?chat|\b(?:wechat ?work|work ?wechat|wechatcom|work\.weixin|qyapi\.weixin|weixin\.cp\b|WxCp[A-Z]|wx\.qy\.|qy_?wechat|Senparc\.Weixin\.Work|wxwork|wx_?work\b|work_?wx\b|qywx\b|qy_?weixin|weixin_?qy\b|qy_(?:client|api|wechat)|open-work)/gi;
const FOREIGN_CJK =
  /支付宝|蚂蚁金服|抖音|字节跳动|百度小程序|百度智能小程序|钉钉|飞书|QQ ?小程序|快手|淘宝|腾讯云函数/g;
const FOREIGN_NAMES =
  /alipay|dingtalk|feishu|\b(?:isv\.[a-z]|douyin|toutiao|bytedance|smartprogram\.baidu|swan\.|larksuite|lark\b|q\.qq\.com|kuaishou|taobao|my\.request|SCF\b|user code exception|UserCodeError|sub_?code\b|sub_?msg\b|sub[CM][a-z]+\b|Business Failed|Invalid Arguments|ACQ\.|tenant_?access_?token|tenantAccessToken|app_access_token)/gi;
const WECHAT_CJK = /微信|小程序|公众号|云开发/g;
const WECHAT_NAMES =
  /weixin|wechat|\b(?:wx[.\-_A-Z]|Wx[A-Z]|cloud\.|jscode2session|code2session|getaccesstoken|rid\s*:)/gi;
/** Names, then the answer shapes and SDK names of evidence.ts, each kind as one pattern (one pass). */
const joined = (...res: RegExp[]) => new RegExp(res.map((re) => re.source).join('|'), 'gi');
const WECOM_ASCII = joined(WECOM_NAMES, WECOM_EVIDENCE, WECOM_CLASSES);
const FOREIGN_ASCII = joined(FOREIGN_NAMES, FOREIGN_EVIDENCE);
const WECHAT_ASCII = joined(WECHAT_NAMES, WECHAT_EVIDENCE);
/**
 * WxJava's shared error text, printed for every platform it serves (公众号, 小程序, 企业微信, Pay…): it names
 * none of them, so the package of the calling module (weixin.mp, weixin.cp) or the text around decides.
 */
const SHARED_SDK_TEXT = /me\.chanjar\.weixin\.common\b|weixin-java-common|WxErrorException|微信原始报文/g;
/** Pay markers: only decide whether a string code (PARAM_ERROR, ORDERPAID) may be a Pay code. */
const PAY_CJK = /微信支付|商户|付款码|企业付款|支付(?!宝)|微信.{0,6}(?:付款|退款|转账|下单)/g;
const PAY_ASCII =
  /\/v3\/pay\/|\\?"detail\\?"\s*:\s*\{|\b(?:wechat ?pay|wxpay|tenpay|WxPay[A-Z]|api\.mch\.weixin|pay\.weixin|mch_?id|out_trade_no|prepay_id|return_code|result_code|err_code_des|err_code\b|unifiedorder|requestPayment|getBrandWCPayRequest|com\.wechat\.pay|wechatpay-|Wrong HttpStatusCode|ERROR_BUSINESS: Wechat|Payment\._parse|Gateways[\\/]+Wechat)/gi;
/** Each kind as one pattern, for short texts (a clause); big texts are scanned with the two halves apart. */
const either = (cjk: RegExp, ascii: RegExp) => new RegExp(`${cjk.source}|${ascii.source}`, 'gi');
const WECOM = either(WECOM_CJK, WECOM_ASCII);
const FOREIGN = either(FOREIGN_CJK, FOREIGN_ASCII);
const WECHAT = either(WECHAT_CJK, WECHAT_ASCII);
const PAY = either(PAY_CJK, PAY_ASCII);
/**
 * Non-WeChat error systems whose numbers sit next to error words: Node syscalls, MySQL (driver codes, the
 * mysql client's "ERROR 1062 (23000)", duplicate-key values), Postgres, Oracle.
 */
const FOREIGN_ERROR =
  /\bE(?:CONNREFUSED|NOTFOUND|TIMEDOUT|CONNRESET|ADDRINUSE|PIPE|ACCES)\b|\bER_[A-Z_]{3,}|sqlState|SQLSTATE|\bORA-\d|\bERROR \d{4} \([0-9A-Z]{5}\)|\bDuplicate entry '|\bduplicate key value violates/;

/**
 * A marker that would hold a line break: a text with one is marked whole (see markRepeats). The patterns
 * whose spaces (\s) may cross one: rid\s*:, Pay's "detail"\s*:\s*{, and evidence.ts's hint ids
 * (hints?\s*:\s*[\s*…\s*]) and `from ip\s*:`. Looser than them (no word boundary, any id), so none is missed.
 */
const MARKER_ACROSS_LINES = new RegExp(
  [
    /rid\s*\n\s*:/,
    /"detail\\?"\s*\n\s*:|"detail\\?"\s*:\s*\n\s*\{/,
    /hints?\s*\n\s*:|hints?\s*:\s*\n|hints?\s*:\s*\[\s*\n|hints?\s*:\s*\[\s*\d{10}[\w*]*\s*\n/,
    /from ip\s*\n\s*:/,
  ]
    .map((re) => re.source)
    .join('|'),
  'i',
);

/** How far (lines) a platform marker reaches, within one paragraph; and across paragraphs when it has none. */
const MARKER_REACH = 10;
const FALLBACK_REACH = 30;

/** Trace ids, hints, URLs, UUIDs and long hex: spans whose digits are never codes. */
const MASKED =
  /\brid\s*[:：]\s*[0-9A-Za-z]{6,10}(?:-\s*[0-9A-Za-z]{6,10}){1,3}|\bhints?\s*[:：]\s*\[[^\]\n]{0,80}\]?|\breq_?id\s*[:：=]\s*[\w.-]+|\brequest_?id\s*[:：=(]\s*[\w.-]+|\b(?:https?|wss?|mongodb|redis|mysql):\/\/[^\s"'<>)\]}]+|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;

/** Which platform a number belongs to, and the marker text that decided it ('' when no marker is near). */
export interface PlatformContext {
  kind: 'wechat' | 'wecom' | 'foreign';
  marker: string;
  /** A Pay marker near the line (string codes count only then). */
  pay?: string;
}

const enum Marks {
  Unknown = 0,
  None = 1,
  Wechat = 2,
  Foreign = 4,
  Blank = 8,
  Wecom = 16,
  Pay = 32,
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
  private readonly masks = new Map<number, [number, number][]>();
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
      [WECOM_ASCII, Marks.Wecom],
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
        this.setMark(lineAt(at), bit, m[0]);
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
        if (!insideAny(blanked, at)) this.setMark(lineAt(at), Marks.Wechat, m[0]);
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

/**
 * True when a line names a platform or service (WeChat, WeCom, Pay, Alipay, SCF…): such a line decides whose
 * the codes near it are, so a line filter must keep it even when it holds no number.
 */
export function hasPlatformMarker(text: string): boolean {
  return markersOf(text) !== 0;
}

/** Which platform markers a text holds (Marks bits, or 0). */
function markersOf(text: string): number {
  let m = 0;
  if (test(WECOM, text)) m |= Marks.Wecom;
  if (test(FOREIGN, text)) m |= Marks.Foreign;
  if (test(PAY, text)) m |= Marks.Pay;
  const rest = m & (Marks.Wecom | Marks.Foreign) ? text.replace(WECOM, ' ').replace(FOREIGN, ' ') : text;
  if (test(WECHAT, rest)) m |= Marks.Wechat;
  return m;
}

const PATTERN: Partial<Record<Marks, RegExp>> = {
  [Marks.Foreign]: FOREIGN,
  [Marks.Wecom]: WECOM,
  [Marks.Wechat]: WECHAT,
  [Marks.Pay]: PAY,
};

function firstMarker(text: string, bit: Marks): string {
  const re = PATTERN[bit] as RegExp;
  const source = bit === Marks.Wechat ? text.replace(WECOM, ' ').replace(FOREIGN, ' ') : text;
  re.lastIndex = 0;
  const m = re.exec(source);
  re.lastIndex = 0;
  return m ? m[0].trim() : '';
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
