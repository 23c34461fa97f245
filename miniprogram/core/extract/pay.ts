// WeChat Pay's string codes in all their shapes: v3 bodies ({"code":"PARAM_ERROR","message":…} with the HTTP
// status), v2 XML (<err_code>, err_code=), SDK exceptions (Error: ORDERPAID) and Pay codes in prose near Pay
// text. A string counts only when the catalog knows it as a Pay code and the text is about Pay.
import type { Catalog } from '../catalog';
import { payEntries, platformKeyOf } from './attribute';
import type { TextContext } from './context';
import { describes } from './infer';
import type { MessageIndex } from './messages';
import { payVersion, type ShapeHit } from './shapes';
import type { Hit } from './summary';

/** A string code in a Pay shape, with how it was keyed. */
export interface PayToken extends ShapeHit {
  /** True when the shape itself says Pay (v2 `<err_code>`, `err_code=`); false for `"code":"…"`, `Error: …`. */
  payShape: boolean;
  /** A `"code":"…"` value: a v3 body, Pay's when its message is the code's own text. */
  v3Body: boolean;
}

const PAY_TOKEN =
  /(<err_code>(?:<!\[CDATA\[)?|\berr_?code\\?["']?\s*[:=]\s*\\?["']?|<return_code>(?:<!\[CDATA\[)?|\breturn_?code\\?["']?\s*[:=]\s*\\?["']?|\bcode\\?["']?\s*[:=]\s*\\?["']|(?:Error|Exception)\s*[:：]\s*)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)\b/g;
/** A token that looks like a Pay code in prose ("交易状态为：USERPAYING"): only looked for near Pay text. */
const BARE_TOKEN = /\b(?:[A-Z]{2,}(?:_[A-Z0-9]+)+|[A-Z]{6,})\b/g;
/** Plain words a log prints everywhere: only counted when a Pay key holds them. */
const COMMON_WORDS = new Set(['ERROR', 'FAIL', 'FAILED', 'SUCCESS', 'OK']);

/** Pay-code-looking tokens of a span of text (lines near a Pay marker), unkeyed. */
export function barePayTokens(text: string, offset: number): PayToken[] {
  const found: PayToken[] = [];
  for (const m of text.matchAll(BARE_TOKEN)) {
    if (COMMON_WORDS.has(m[0])) continue;
    const at = offset + (m.index ?? 0);
    found.push({ code: m[0], offset: at, end: at + m[0].length, payShape: false, v3Body: false });
  }
  return found;
}

export function payTokens(text: string): PayToken[] {
  const found: PayToken[] = [];
  for (const m of text.matchAll(PAY_TOKEN)) {
    const key = m[1];
    const token = m[2];
    if (token !== token.toUpperCase() && !/^err_?code|^<err_code>/i.test(key)) continue;
    const keyed = /code/i.test(key);
    // Unkeyed (after "Error:" or alone in prose), a token must look like a Pay code: SYSTEMERROR, NOT_ENOUGH.
    if (!keyed && (COMMON_WORDS.has(token) || token.length < 6 || token !== token.toUpperCase())) continue;
    const offset = (m.index ?? 0) + key.length;
    found.push({
      code: token.toUpperCase(),
      offset,
      end: offset + token.length,
      payShape: /err_?code|return/i.test(key),
      v3Body: /^code/i.test(key),
    });
  }
  return found;
}

/** The message key right after a v3 body's code: `","message":"…"`. */
const V3_MESSAGE = /^\\?["']?\s*,\s*\\?["']?message\\?["']?\s*:/;

/** `HttpStatusCode[500]`, `HTTP 400`, `status: 403`, `statusCode=429` near a Pay body. */
const HTTP_STATUS =
  /\b(?:HttpStatusCode\s*\[|HTTP\/?[\d.]*\s+|status(?:_?code)?["']?\s*[:=]\s*)([1-5]\d\d)\b/i;

export function httpStatusNear(lines: string[]): number | undefined {
  for (const line of lines) {
    const m = HTTP_STATUS.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Pay v3's PARAM_ERROR message, quoted without its code: 输入源“/appid”映射到字段“公众号ID”必填性规则校验失败,
 * 输入源“/body/payer/openid”映射到值字段“用户标识”字符串规则校验失败，… (the field rule that failed), or the
 * field that could not be read: 无法将 JSON 输入源“/body/amount/total”映射到目标字段“总金额”中.
 */
const V3_PARAM_MESSAGE =
  /输入源“[^”\n]{1,80}”映射到(?:值|目标)?字段“[^”\n]{1,40}”(?:[\u4e00-\u9fff]{0,12}规则校验失败|中)/g;

/** PARAM_ERROR inferred from its v3 message where no Pay code was written within `reach` lines. */
function paramMessages(catalog: Catalog, ctx: TextContext, hits: Hit[], reach: number): Hit[] {
  const entry = catalog.get('payv3:PARAM_ERROR');
  if (!entry || !ctx.text.includes('输入源')) return [];
  const found: Hit[] = [];
  for (const m of ctx.text.matchAll(V3_PARAM_MESSAGE)) {
    const offset = m.index ?? 0;
    const line = ctx.lines.lineOf(offset);
    if (hits.some((h) => Math.abs(h.line - line) <= reach) || ctx.isForeign(line)) continue;
    found.push({
      code: entry.code,
      offset,
      end: offset + m[0].length,
      line,
      via: 'errmsg',
      platform: 'payv3',
      entryId: entry.id,
      context: 'Pay v3 field-rule message',
    });
  }
  return found;
}

/** `("10301"`, `(10301`, `= 10301`, `: 10301` right after a name: the name's own number. */
const OWN_NUMBER_AFTER = /^\s*(?:\(|[:=])\s*["']?\d{3,}/;

/** Distinct known Pay codes that make the lines near a Pay marker a listing of Pay codes (an enum, a table). */
const LISTING_CODES = 4;
/** Lines without a Pay code a listing may hold between two that have one (a doc comment: /**, * …, *\/). */
const LISTING_GAP = 4;

/**
 * A listing of Pay codes is its own context: where the lines near a Pay marker hold LISTING_CODES known Pay
 * codes or more, the lines before and after that go on listing Pay codes belong to it too, however far from
 * the marker (an enum whose one 商户 comment is 30 lines up). Returns the lines added.
 */
function listingLines(catalog: Catalog, ctx: TextContext, ranges: [number, number][]): Set<number> {
  const known = new Map<string, boolean>();
  const isPay = (code: string) => {
    let k = known.get(code);
    if (k === undefined) known.set(code, (k = payEntries(catalog, code).length > 0));
    return k;
  };
  // A listing goes on while its lines hold code-like tokens, known or not (REFUND_FEE_MISMATCH, which the
  // catalog lacks, between two it knows): only known ones become hits.
  const payLine = (line: number) => barePayTokens(ctx.lines.lineText(line), 0).length > 0;
  const added = new Set<number>();
  for (const [from, to] of ranges) {
    const start = ctx.lines.start(from);
    const codes = new Set(
      barePayTokens(ctx.text.slice(start, ctx.lines.end(to)), start)
        .map((t) => t.code)
        .filter(isPay),
    );
    if (codes.size < LISTING_CODES) continue;
    for (const step of [1, -1]) {
      let gap = 0;
      const pending: number[] = [];
      for (
        let l = step > 0 ? to + 1 : from - 1;
        l >= 0 && l < ctx.lines.count && gap <= LISTING_GAP;
        l += step
      ) {
        pending.push(l);
        if (!payLine(l)) {
          gap++;
          continue;
        }
        for (const p of pending) added.add(p);
        pending.length = 0;
        gap = 0;
      }
    }
  }
  return added;
}

export function payHits(catalog: Catalog, index: MessageIndex, ctx: TextContext): Hit[] {
  const hits: Hit[] = [];
  const tokens = payTokens(ctx.text);
  const keyed = new Set(tokens.map((t) => t.offset));
  const ranges = ctx.payRanges();
  for (const [from, to] of ranges) {
    const start = ctx.lines.start(from);
    for (const t of barePayTokens(ctx.text.slice(start, ctx.lines.end(to)), start))
      if (!keyed.has(t.offset)) tokens.push(t);
  }
  const listed = listingLines(catalog, ctx, ranges);
  for (const line of listed) {
    const start = ctx.lines.start(line);
    for (const t of barePayTokens(ctx.lines.lineText(line), start)) if (!keyed.has(t.offset)) tokens.push(t);
  }
  for (const t of tokens) {
    // An app's enum constant with a number of its own (ORDER_NOT_EXIST("10301", "订单不存在")) is that app's.
    if (!t.payShape && !t.v3Body && OWN_NUMBER_AFTER.test(ctx.text.slice(t.end, t.end + 12))) continue;
    const line = ctx.lines.lineOf(t.offset);
    const around = ctx.text.slice(
      ctx.lines.start(Math.max(0, line - 2)),
      ctx.lines.end(Math.min(ctx.lines.count - 1, line + 2)),
    );
    const entries = payEntries(catalog, t.code, payVersion(around));
    if (entries.length === 0) continue;
    const context = ctx.contextAt(line, t.offset);
    // A Pay code counts in a Pay shape or context, or in a v3 body whose message is the code's own text
    // ({"code":"PARAM_ERROR","message":"参数错误"}).
    const rest = t.v3Body ? ctx.text.slice(t.end, t.end + 200) : '';
    const selfDescribed = t.v3Body && describes(catalog, index, entries[0].code, rest);
    // WeChat's other server APIs answer with a numeric errcode, never {"code":"…","message":…}: that body in
    // WeChat text ("failed to create wechat trade: {…}") is a Pay v3 answer.
    const v3InWechat =
      t.v3Body && context.kind === 'wechat' && context.marker !== '' && V3_MESSAGE.test(rest);
    const inListing = listed.has(line);
    if (
      context.kind === 'foreign' ||
      (!t.payShape && context.pay === undefined && !selfDescribed && !v3InWechat && !inListing)
    )
      continue;
    const entry = entries[0];
    const status = httpStatusNear([ctx.lines.lineText(line), ctx.lines.lineText(Math.max(0, line - 1))]);
    const http = status ?? entry.http?.[0];
    const hit: Hit = {
      // The spelling written in the text (SYSTEMERROR), its entry in entryId (payv3:SYSTEM_ERROR).
      code: t.code,
      offset: t.offset,
      end: t.end,
      line,
      via: 'key',
      platform: platformKeyOf(entry),
      entryId: entry.id,
      context: t.payShape ? 'Pay err_code' : (context.pay ?? (inListing ? 'Pay code listing' : '')),
    };
    if (http !== undefined) hit.http = http;
    hits.push(hit);
  }
  return [...hits, ...paramMessages(catalog, ctx, hits, 3)];
}
