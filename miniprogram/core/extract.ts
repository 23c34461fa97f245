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
//    a table whose descriptions are not its codes' catalog texts is another service's. Codes heading blocks of
//    source (`case -401001:`, `"1500101": {`) are judged the same way by the strings under them; a run of
//    listing lines mostly described by their own texts vouches for the rest of it.
// 3. Bare: a 5–7 digit number (or -6 digits) that the catalog knows as a WeChat code, on a line with an
//    error word (报错, 错误, 返回, 警告, error, fail…) or beside that code's own errmsg; never glued to a path, id,
//    version, port, time or decimal, never the value of another field (cost=, port:, <total_fee>), never
//    after a noun that says what it counts (pid, port, line, order, 端口…) or before a unit (ms, bytes, 元…).
//    A line that already has a keyed code gets no bare codes unless the errmsg confirms them. A client API's
//    errCode counts bare when the API family is named within 2 lines (not another framework's uni./my. call
//    with no WeChat marker); a WeCom-only code when its WeCom wording is on its line. A number set off like a
//    table cell before a Chinese description that is not its text, unmarked, is another service's.
// 4. Platform: the nearest marker decides (on a line naming several, the number's clause between ，。；).
//    WeCom text (企业微信, qyapi.weixin.qq.com, WxCp…, …/devtool/query?e=N, its tool's 排查方法) gives the
//    WeCom meaning, and so does the code's own WeCom wording on its line (不合法的外部联系人userid for 40096)
//    unless another meaning's wording is there too; WxJava's shared text (微信原始报文) names no platform; a
//    client API named on the line (openBluetoothAdapter, requestSubscribeMessage…) gives that API's errCode
//    meaning; an unmarked Chinese errmsg that is none of the code's texts makes it another service's;
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
// 8. Learned (option `learned`; by default on for texts up to LEARNED_MAX_CHARS; extract/learned.ts): after 1–5,
//    weights fitted on the tune data drop a number the rules took when sure it is none, and add one they left
//    when sure it is a code. On the fresh check set 6 it raised recall 0.552 → 0.709 at precision 0.711 → 0.760
//    (docs/extract-history.md §8); it costs ~7× the rules' time, so longer texts (logs) get the rules alone.

import { bundledCatalog, type Catalog } from './catalog';
import { errMsgHits } from './extract/errmsg';
import { inferCodes } from './extract/infer';
import { applySureFlips } from './extract/learned';
import { LEARNED_WEIGHTS } from './generated/learned-weights';
import { messageIndex } from './extract/messages';
import { Scan, type IgnoredCode } from './extract/scan';
import { TextContext } from './extract/context';
import { findMessages, findRids, summarise, type FoundCode, type Message } from './extract/summary';
import { tableCodes } from './extract/table';

export type { FoundCode, IgnoredCode };

/** Largest text scanned at once (characters). Larger input gets a clear error, never a silent cut. */
export const MAX_SCAN_CHARS = 4 * 1024 * 1024;

/**
 * Longest text the learned decisions run on by default (characters): every paste of the phone's box (100,000),
 * a screenshot's OCR text, a snippet or short file in the CLI, and the first 256 K of a streamed log. Past it
 * the rules alone keep a log's throughput: the learned pass costs about 7× the rules (§8).
 */
export const LEARNED_MAX_CHARS = 256 * 1024;

export class ScanInputTooLarge extends Error {
  constructor(readonly size: number) {
    super(`text is ${size} characters; wxerr scans at most ${MAX_SCAN_CHARS} at once — split it`);
  }
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
  /**
   * After the rules, learned evidence weights overrule them where sure (extract/learned.ts,
   * docs/extract-history.md §8): a number taken with P < 0.1 is dropped, one not taken with P > 0.9 is added.
   * Costs a pass over every number of the text. Default: on for texts of at most LEARNED_MAX_CHARS.
   */
  learned?: boolean;
}

/** The passes that find codes written in the text (rules 1–5 above), before any is inferred from wording. */
export function scanWritten(
  text: string,
  catalog: Catalog,
): { ctx: TextContext; scan: Scan; messages: Message[] } {
  const index = messageIndex(catalog);
  const ctx = new TextContext(text);
  const messages = findMessages(text, ctx);
  const scan = new Scan(catalog, index, ctx, messages);

  scan.keyed();
  scan.shapes();
  const table = tableCodes(ctx, (code) => catalog.lookup(code).length > 0);
  scan.tables(table.codes);
  scan.blocks();
  scan.listings();
  scan.bare(table.rows);
  scan.pay();
  return { ctx, scan, messages };
}

export function extractCodes(text: string, options: ExtractOptions = {}): ScanResult {
  if (text.length > MAX_SCAN_CHARS) throw new ScanInputTooLarge(text.length);
  const catalog = options.catalog ?? bundledCatalog();
  const index = messageIndex(catalog);
  const { ctx, scan, messages } = scanWritten(text, catalog);
  if (options.learned ?? text.length <= LEARNED_MAX_CHARS) {
    const ignoredOffsets = new Set([...scan.ignored.values()].map((i) => i.start));
    applySureFlips(catalog, index, ctx, scan.hits, ignoredOffsets, LEARNED_WEIGHTS);
  }

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
