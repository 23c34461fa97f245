// Finds WeChat error codes in pasted text (logs, JSON bodies, stack traces, OCR output). Pure TypeScript.
// CONTRACT (scan page, CLI scan/annotate and the request wrapper rely on it): extractCodes(), FoundCode,
// ScanResult, MAX_SCAN_CHARS, ScanInputTooLarge.
//
// How a code is recognised (rules, not answers; see bench/data/extract-fixtures.txt for the shapes):
// 1. Keyed: errcode/errCode/err_code/errno/error code/错误码/错误代码/返回码 (JSON, JS, query strings, XML,
//    exception text, PHP/Ruby dumps). Any non-zero integer counts near WeChat text; OCR slips (4OOO1, 4000l,
//    "40 029") are undone. Weak keys (code, ret, retcode, error) need a catalog code of 5+ digits. Negative
//    values need a catalog code or a cloud-sized one (-404011); errno needs 5+ digits unless the line is a
//    `…:fail`. With no platform marker near, a generic key (error code, 错误码) needs a catalog code, a short
//    one a client failure beside it, and -1 WeChat's errcode key or its own text (系统错误).
// 2. Table: a markdown/CSV/TSV column headed errcode/code/错误码, or listing lines ("40125 | 无效的appsecret");
//    a table whose descriptions are not its codes' catalog texts is another service's.
// 3. Bare: a 5–7 digit number (or -6 digits) that the catalog knows as a WeChat code, on a line with an
//    error word (报错, 错误, 返回, 警告, error, fail…) or beside that code's own errmsg; never glued to a path, id,
//    version, port, time or decimal, never the value of another field (cost=, port:, <total_fee>), never
//    after a noun that says what it counts (pid, port, line, order, 端口…) or before a unit (ms, bytes, 元…).
//    A line that already has a keyed code gets no bare codes unless the errmsg confirms them.
// 4. Platform: the nearest marker decides (on a line naming several, the number's clause between ，。；).
//    WeCom text (企业微信, qyapi.weixin.qq.com, WxCp…, …/devtool/query?e=N, its tool's 排查方法) gives the
//    WeCom meaning; a client API named on the line (openBluetoothAdapter, requestSubscribeMessage…) gives
//    that API's errCode meaning;
//    another service (支付宝/Alipay, 钉钉, 飞书, Tencent Cloud SCF, an app's own `code`) gives none: the
//    number goes to `ignored` with the context that decided. Numbers on syscall/database error lines
//    (ECONNREFUSED, ER_…, MySQL "ERROR 1062 (23000)") are not taken bare.
// 5. Shapes: WeCom help URLs, enum/constant declarations (CODE_60020(60020, …), 名称 = 86031,; a block
//    whose codes are mostly WeChat-named carries the rest), Pay string codes (v3 "code":"PARAM_ERROR", v2
//    <err_code>, Error: ORDERPAID) when known to the catalog as Pay codes and in a Pay context, or a v3 body
//    {"code":…,"message":…} in WeChat text.
// 6. Inferred: an errmsg whose text is one code's catalog text, a distinctive catalog phrase in free text, or
//    Chinese wording that is (or is close to) a catalog text gives that code with `inferred: true` when no
//    code was found within 3 lines; Chinese wording fitting several codes gives them all, ranked by `score`.
//    Also an errmsg ending in WeChat's own suffix (hint: […], view more at …, rid:) and Pay v3's field-rule
//    message (输入源“…”映射到字段“…”…规则校验失败 → PARAM_ERROR). Never 0, never an app's own message table.
// 7. Client errMsg: a wx.* failure the catalog holds word for word (getLocation:fail auth deny), when no code
//    within 3 lines has the errMsg's own wording (an errno beside it already says the same).

import { bundledCatalog, type Catalog } from './catalog';
import { attributeNumber, isDefaultCode, type Attribution } from './extract/attribute';
import { TextContext, type PlatformContext } from './extract/context';
import { errMsgHits } from './extract/errmsg';
import { describes, inferCodes } from './extract/infer';
import { lineMentionsMessageOf, messageIndex, normalizeMessage, type MessageIndex } from './extract/messages';
import { bareCandidatesByLine, hasTrigger, keyedCandidates, type Candidate } from './extract/numbers';
import { payHits } from './extract/pay';
import { blockVouches, declaredCodes, nameVerdict, type DeclaredCode } from './extract/declared';
import { devtoolCodes, listings } from './extract/shapes';
import { findMessages, findRids, summarise, type FoundCode, type Hit, type Message } from './extract/summary';
import { tableCodes, type TableCode } from './extract/table';
import { hasWecomWording, wecomWordingLines } from './extract/wecom-wording';

export type { FoundCode };

/** Largest text scanned at once (characters). Larger input gets a clear error, never a silent cut. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

export class ScanInputTooLarge extends Error {
  constructor(readonly size: number) {
    super(`text is ${size} characters; wxerr scans at most ${MAX_SCAN_CHARS} at once — split it`);
  }
}

/** A number that looked like a code but belongs to another service (why: the context that decided). */
export interface IgnoredCode {
  code: string;
  line: number;
  start: number;
  end: number;
  /** The marker or shape that made the call: "alipay", "钉钉", "Tencent Cloud SCF body", "app-specific code"… */
  context: string;
}

export interface ScanResult {
  codes: FoundCode[];
  /** Every trace id seen in the text, in order, deduplicated. */
  rids: string[];
  /** Numbers that looked like codes but were attributed to another service (first occurrence of each). */
  ignored?: IgnoredCode[];
}

export interface ExtractOptions {
  /** Catalog used to validate bare numbers and to infer codes from errmsgs (default: the bundled one). */
  catalog?: Catalog;
}

/** WeChat's own words for -1 (系统繁忙，此时请开发者稍候再试 / system error). */
const MINUS_ONE_TEXT = /系统(?:繁忙|错误)|system (?:error|busy)|busy system/i;

/** Tencent Cloud SCF's body: {"errorCode":-1,"errorMessage":"user code exception caught","statusCode":430}. */
const SCF_BODY = /errorMessage["']?\s*:|"?statusCode"?\s*:\s*4[34]\d\b/;
/** Messages of an app's own auth layer, never a WeChat errmsg. */
const APP_MESSAGE =
  /^(?:unauthori[sz]ed|forbidden|not found|bad request|internal server error|token (?:expired|invalid)|invalid token|success|ok)\b/i;

export function extractCodes(text: string, options: ExtractOptions = {}): ScanResult {
  if (text.length > MAX_SCAN_CHARS) throw new ScanInputTooLarge(text.length);
  const catalog = options.catalog ?? bundledCatalog();
  const index = messageIndex(catalog);
  const ctx = new TextContext(text);
  const messages = findMessages(text, ctx);
  const scan = new Scan(catalog, index, ctx, messages);

  scan.keyed();
  scan.shapes();
  const table = tableCodes(ctx, (code) => catalog.lookup(code).length > 0);
  scan.tables(table.codes);
  scan.listings();
  scan.bare(table.rows);
  scan.pay();

  const hits = scan.hits;
  hits.push(...inferCodes(catalog, ctx, index, messages, hits));
  hits.push(...errMsgHits(catalog, index, ctx, hits));
  hits.sort((a, b) => a.offset - b.offset || (b.score ?? 1) - (a.score ?? 1));

  const rids = findRids(text, ctx);
  const result: ScanResult = {
    codes: summarise(ctx, hits, messages, rids),
    rids: [...new Set(rids.map((r) => r.id))],
  };
  if (scan.ignored.size) result.ignored = [...scan.ignored.values()];
  return result;
}

/** One scan of one text: the hits so far, the offsets already taken, the numbers given to other services. */
class Scan {
  readonly hits: Hit[] = [];
  readonly taken = new Set<number>();
  readonly ignored = new Map<string, IgnoredCode>();
  private readonly keyedLines = new Set<number>();
  private wecomLines?: Map<number, Set<string>>;

  constructor(
    private readonly catalog: Catalog,
    private readonly index: MessageIndex,
    private readonly ctx: TextContext,
    private readonly messages: readonly Message[],
  ) {}

  /** Attribute a number at a place and record it (or record why it is not WeChat's). */
  add(
    code: string,
    offset: number,
    end: number,
    line: number,
    via: Hit['via'],
    forced?: PlatformContext,
  ): boolean {
    const context = forced ?? this.ctx.contextAt(line, offset);
    const where = this.attribute(code, line, context);
    this.taken.add(offset);
    if (!where) {
      this.ignore(code, offset, end, line, context.marker || 'another service');
      return false;
    }
    this.hits.push({ code, offset, end, line, via, ...where });
    return true;
  }

  private attribute(code: string, line: number, context: PlatformContext): Attribution | undefined {
    const near = this.ctx.lines.lineText(line);
    return attributeNumber(this.catalog, code, context, near);
  }

  private ignore(code: string, offset: number, end: number, line: number, context: string): void {
    if (!this.ignored.has(code))
      this.ignored.set(code, { code, line: line + 1, start: offset, end, context });
  }

  keyed(): void {
    for (const c of keyedCandidates(this.ctx.text)) {
      // "errCode 501007": the minus of a cloud code dropped when retyped.
      if (
        /^\d{6}$/.test(c.code) &&
        !this.catalog.lookup(c.code).length &&
        isDefaultCode(this.catalog, `-${c.code}`)
      )
        c.code = `-${c.code}`;
      const line = this.ctx.lines.lineOf(c.offset);
      const context =
        this.wecomHeader(c, line) ?? this.wecomWording(c, line, this.ctx.contextAt(line, c.offset));
      // Not masked: a keyed value inside a URL (…?errcode=40029) is still that error.
      if (!this.acceptKeyed(c, context)) continue;
      const foreign = this.foreignShape(c, line);
      if (foreign) {
        this.taken.add(c.offset);
        this.ignore(c.code, c.offset, c.end, line, foreign);
        continue;
      }
      if (this.add(c.code, c.offset, c.end, line, 'key', context)) this.keyedLines.add(line);
    }
  }

  /** WeCom answers carry their code in an `Error-Code: 60111` response header (with `Error-Msg:`). */
  private wecomHeader(c: Candidate, line: number): PlatformContext | undefined {
    if (c.key !== 'Error-Code' || !/^\s*Error-Code:/.test(this.ctx.lines.lineText(line))) return undefined;
    if (this.catalog.get(`wecom:${c.code}`) === undefined) return undefined;
    return { kind: 'wecom', marker: 'Error-Code header' };
  }

  /**
   * A code whose errmsg on its line is a wording only WeCom's entry of that code has ({"errcode":40013,
   * "errmsg":"invalid corpid"}): WeCom's, even with no WeCom marker near. A foreign marker still wins.
   */
  private wecomWording(c: Candidate, line: number, context: PlatformContext): PlatformContext {
    const id = `wecom:${c.code}`;
    if (context.kind !== 'wechat' || !hasWecomWording(this.catalog, id)) return context;
    // The lines whose errmsg is a WeCom-only wording, worked out once, when a code first needs them.
    this.wecomLines ??= wecomWordingLines(this.catalog, this.messages);
    return this.wecomLines.get(line)?.has(id) ? { kind: 'wecom', marker: 'WeCom errmsg' } : context;
  }

  private acceptKeyed(c: Candidate, context: PlatformContext): boolean {
    const digits = c.code.replace('-', '').length;
    const known =
      isDefaultCode(this.catalog, c.code) ||
      (context.kind === 'wecom' && this.catalog.get(`wecom:${c.code}`) !== undefined);
    if (c.code.startsWith('-') && !known && digits < 6) return false;
    if (!c.strong) return digits >= 5 && known;
    // A strong key is enough near WeChat text. Without any marker, the number must be a WeChat code the
    // catalog knows, and a short one needs a client failure beside it (errCode 1000 of some SDK is not
    // WeChat's; "errcode":-1 still is).
    if (context.marker !== '') return true;
    // -1 is everyone's generic failure: unmarked, only WeChat's own key or its own text beside it makes it
    // WeChat's busy code ("errcode":-1, "系统错误，错误码：-1"), not an IPTV player's "错误代码-1".
    if (c.code === '-1')
      return (
        /^err_?code$/i.test(c.key ?? '') ||
        MINUS_ONE_TEXT.test(this.ctx.lines.lineText(this.ctx.lines.lineOf(c.offset)))
      );
    // WeChat's own key (errcode, err_code) keeps a number the catalog lacks, so that its family is shown;
    // a generic one (error code, 错误码, errorCode) does not: "Error code 17001 (User not found)".
    if (!known) return /^err_?code$/i.test(c.key ?? '') && digits >= 5;
    return (
      digits >= 5 || /:fail|errMsg|errno/i.test(this.ctx.lines.lineText(this.ctx.lines.lineOf(c.offset)))
    );
  }

  /** An SCF body, or an app's own `code` with its own message: the number is that service's. */
  private foreignShape(c: Candidate, line: number): string | undefined {
    const around = this.linesAround(line, 3);
    if (c.key === 'errorCode' && SCF_BODY.test(around)) return 'Tencent Cloud SCF body';
    if (c.strong || this.ctx.contextAt(line).marker) return undefined;
    const message = /["']?(?:message|msg)["']?\s*[:=]\s*["']([^"'\n]{1,80})/.exec(
      this.ctx.lines.lineText(line),
    );
    if (!message) return undefined;
    const norm = normalizeMessage(message[1]);
    const own = this.index.textsByCode.get(c.code)?.some((t) => norm.includes(t) || t.includes(norm));
    return !own && APP_MESSAGE.test(message[1].trim()) ? 'app-specific code' : undefined;
  }

  private linesBetween(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.ctx.lines.count - 1, to);
    return this.ctx.text.slice(this.ctx.lines.start(a), this.ctx.lines.end(b));
  }

  private linesAround(line: number, reach: number): string {
    const from = Math.max(0, line - reach);
    const to = Math.min(this.ctx.lines.count - 1, line + reach);
    return this.ctx.text.slice(this.ctx.lines.start(from), this.ctx.lines.end(to));
  }

  /** WeCom help URLs and enum/constant declarations. */
  shapes(): void {
    const keyedHere = new Set(this.hits.map((x) => `${x.line}|${x.code}`));
    for (const h of devtoolCodes(this.ctx.text)) {
      const line = this.ctx.lines.lineOf(h.offset);
      // The errcode of the same line already said it; the URL only decides the platform (see context.ts).
      if (keyedHere.has(`${line}|${h.code}`)) continue;
      this.add(h.code, h.offset, h.end, line, 'key', {
        kind: 'wecom',
        marker: 'open.work.weixin.qq.com/devtool',
      });
    }
    // Declarations a few lines apart form one block (an enum, a constants class), judged together.
    const doubtful: { d: DeclaredCode; context: PlatformContext }[] = [];
    const sure = new Map<number, number>();
    const known = new Map<number, number>();
    for (const d of declaredCodes(this.ctx.text, (offset) => this.ctx.lines.lineOf(offset))) {
      if (this.taken.has(d.offset) || d.code === '0') continue;
      const context = this.ctx.contextAt(d.line, d.offset);
      const isKnown =
        isDefaultCode(this.catalog, d.code) ||
        (context.kind === 'wecom' && this.catalog.get(`wecom:${d.code}`) !== undefined);
      if (!isKnown) continue;
      known.set(d.block, (known.get(d.block) ?? 0) + 1);
      const verdict = nameVerdict(d, this.index.textsByCode.get(d.code) ?? [], context.marker !== '');
      if (verdict === 'sure') {
        if (this.add(d.code, d.offset, d.end, d.line, 'key', context))
          sure.set(d.block, (sure.get(d.block) ?? 0) + 1);
      } else if (verdict === 'doubtful') doubtful.push({ d, context });
    }
    for (const { d, context } of doubtful)
      if (blockVouches(sure.get(d.block) ?? 0, known.get(d.block) ?? 0) && context.kind !== 'foreign')
        this.add(d.code, d.offset, d.end, d.line, 'key', context);
  }

  /**
   * Rows of tables with a code column. A table with descriptions is WeChat's only when they are the codes'
   * catalog texts (half of its rows at least): ToughRADIUS's "90001 | message sign error" is not 90001.
   */
  tables(rows: TableCode[]): void {
    const byTable = new Map<number, TableCode[]>();
    for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
    for (const list of byTable.values()) {
      // The whole table and the lines above it name the API its codes belong to (a Bluetooth errCode table).
      const first = list[0].line;
      const block = this.linesBetween(first - 3, list[list.length - 1].line);
      const context = this.ctx.contextAt(first);
      const where = list.map((r) => attributeNumber(this.catalog, r.code, context, block));
      // Words, not identifiers: "没有找到指定设备", "invalid credential"; not "jscode2session 1532".
      const isDescription = (d: string) => /[\u4e00-\u9fff]{2}|[A-Za-z]{2,} [A-Za-z]{2,}/.test(d);
      const described = list.filter((r) => isDescription(r.description));
      const matching = described.filter((r) =>
        describes(this.catalog, this.index, r.code, r.description, where[list.indexOf(r)]?.entryId),
      );
      const wechat =
        described.length === 0 ||
        matching.length * 2 >= described.length ||
        (context.marker !== '' && matching.length > 0);
      list.forEach((r, i) => {
        const end = r.offset + r.code.length;
        if (this.taken.has(r.offset)) return;
        const attribution = where[i];
        this.taken.add(r.offset);
        if (wechat && attribution)
          this.hits.push({ code: r.code, offset: r.offset, end, line: r.line, via: 'table', ...attribution });
        else this.ignore(r.code, r.offset, end, r.line, context.marker || 'table of another service');
      });
    }
  }

  /**
   * Listing lines ("40125 | 无效的appsecret", "// 40003\t…"): kept when the description is the code's catalog
   * text (or close to it), or in runs of two or more near WeChat text.
   */
  listings(): void {
    const known = listings(this.ctx.text).filter(
      (h) => !this.taken.has(h.offset) && (this.index.bareCodes.has(h.code) || h.code === '-1'),
    );
    const lineOf = (h: { offset: number }) => this.ctx.lines.lineOf(h.offset);
    known.forEach((h, i) => {
      const line = lineOf(h);
      const description = this.ctx.text.slice(h.end, this.ctx.lines.end(line));
      const inRun =
        (i > 0 && line - lineOf(known[i - 1]) <= 1) ||
        (i + 1 < known.length && lineOf(known[i + 1]) - line <= 1);
      const marked = this.ctx.contextAt(line, h.offset).marker !== '';
      if (describes(this.catalog, this.index, h.code, description) || (inRun && marked))
        this.add(h.code, h.offset, h.end, line, 'table');
    });
  }

  bare(tableRows: Set<number>): void {
    const { ctx, index } = this;
    const wecomCode = (code: string, line: number) =>
      this.catalog.get(`wecom:${code}`) !== undefined && ctx.contextAt(line).kind === 'wecom';
    const mayBeCode = (code: string, line: number) =>
      !tableRows.has(line) && (index.bareCodes.has(code) || wecomCode(code, line));
    for (const [line, candidates] of bareCandidatesByLine(ctx.text, ctx.lines, this.taken, mayBeCode)) {
      const lineText = ctx.lines.lineText(line);
      const start = ctx.lines.start(line);
      let normLine: string | undefined;
      const norm = () => (normLine ??= lineText.toLowerCase().replace(/[^a-z0-9_\u4e00-\u9fff]+/g, ' '));
      const trigger = hasTrigger(lineText);
      for (const c of candidates) {
        if (ctx.isMasked(c.offset)) continue;
        // "collection.update:fail -502005 …": a cloud API's failure names its code right after ":fail".
        const afterFail = /:fail\s+$/.test(
          lineText.slice(Math.max(0, c.offset - start - 8), c.offset - start),
        );
        // The code's own errmsg beside it confirms a bare number; only worked out when the line needs it.
        if (
          !afterFail &&
          (!trigger || c.confirm || this.keyedLines.has(line)) &&
          !lineMentionsMessageOf(index, c.code, norm())
        )
          continue;
        if (ctx.isForeignError(line)) continue;
        this.add(c.code, c.offset, c.end, line, 'context');
      }
    }
    this.shortCodes();
  }

  /** A short code followed by its own text: "都是 -1  system error". */
  private shortCodes(): void {
    const { text, lines } = this.ctx;
    if (!text.includes('-1')) return;
    for (const m of text.matchAll(/(?:^|[ \t，,：:(（])(-1)[ \t]+([A-Za-z][A-Za-z ]{3,40})/gm)) {
      const offset = (m.index ?? 0) + m[0].indexOf(m[1]);
      if (this.taken.has(offset)) continue;
      const following = normalizeMessage(m[2]);
      const texts = this.index.textsByCode.get(m[1]) ?? [];
      if (!texts.some((t) => following.startsWith(t))) continue;
      this.add(m[1], offset, offset + m[1].length, lines.lineOf(offset), 'context');
    }
  }

  /** Pay string codes (see extract/pay.ts). */
  pay(): void {
    this.hits.push(...payHits(this.catalog, this.index, this.ctx));
  }
}
