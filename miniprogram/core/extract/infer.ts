// Codes recognised from wording when no number survived nearby: an errmsg that is one code's catalog text
// (English), a distinctive catalog phrase in free text, or Chinese wording that is (or is close to) a catalog
// text. Chinese wording may fit several codes: all of them are returned, ranked by similarity.
import type { Catalog } from '../catalog';
import { CONTEXT_ONLY_KEYS, PAY_KEYS, attributeNumber, platformKeyOf, type Attribution } from './attribute';
import type { PlatformContext, TextContext } from './context';
import {
  codeFromMessage,
  codesAfterErrorWords,
  codesBeforeWechatSuffix,
  codesFromPhrases,
  normalizeMessage,
  type MessageIndex,
} from './messages';
import type { Hit, Message } from './summary';
import { payVersion } from './shapes';
import {
  PROSE_WORDS,
  WECOM_PROSE_WORDS,
  wecomFromMessage,
  wecomFromProse,
  type WecomHit,
} from './wecom-wording';
import { chineseCloseness, codesFromChinese, hasChineseWording } from './zh';

/**
 * An entry of an app's own error table: its message beside an HTTP status ({"message": "微信ID为空",
 * "status": "400"}). Its Chinese is the app's wording, not a WeChat errmsg.
 */
const APP_STATUS_ENTRY =
  /["']?(?:message|msg)["']?\s*:\s*["'][^"'\n]*["']\s*,\s*["']?status(?:_?code)?["']?\s*:\s*["']?[1-5]\d\d\b/i;
/**
 * Tencent Cloud SCF's own answer ({"errorCode":-1,"errorMessage":"Invoking task timed out after 3 seconds",…}):
 * its message is SCF's, though a wx.cloud function that times out says the same words (errCode -504003).
 */
const SCF_ANSWER = /["']?errorCode["']?\s*:\s*-?\d+\s*,\s*["']?errorMessage["']?\s*:/;
/** A number keyed as an object's code (its message beside it on the line). */
const OWN_NUMBER = /["']?\b(?:code|ret|retcode|err_?code|errno|status_?code)["']?\s*[:=]\s*["']?-?\d{3,}\b/i;
/** Advice any failure may end with (请检查后再试, 请稍后重试): it names no code by itself. */
const GENERIC_ADVICE = /^请(?:检查|稍后|稍候|重新)[\u4e00-\u9fff]{0,4}(?:再试|重试)$/;

/** Words a WeCom-only errmsg needs to name its code with no code beside it ("userid not found": 3). */
const WECOM_ALONE_WORDS = 3;
/** Codes one Chinese wording may fit before it says only what the failure is about (a topic). */
const TOPIC_ONLY = 4;
/** Lines around a message within which a found code makes inference unnecessary. */
const INFER_REACH = 3;
/** Free-text scans (phrases, Chinese wording) run on pastes up to this size; logs beyond carry their codes. */
const FREE_TEXT_LIMIT = 256 * 1024;

export function inferCodes(
  catalog: Catalog,
  ctx: TextContext,
  index: MessageIndex,
  messages: Message[],
  hits: Hit[],
): Hit[] {
  // Lines within INFER_REACH of a found code, as a bitmap: O(1) per question on a 1 MB log.
  const nearFound = new Uint8Array(ctx.lines.count);
  const mark = (line: number) => {
    for (let l = Math.max(0, line - INFER_REACH); l <= Math.min(ctx.lines.count - 1, line + INFER_REACH); l++)
      nearFound[l] = 1;
  };
  for (const h of hits) mark(h.line);
  // Pay wording near other codes still says which Pay code failed ("cloud function … -504002 … Error: 签名错误"
  // from a Pay SDK): only a Pay code nearby makes it unnecessary.
  const nearPay = new Uint8Array(ctx.lines.count);
  for (const h of hits)
    if (PAY_KEYS.has(h.platform))
      for (
        let l = Math.max(0, h.line - INFER_REACH);
        l <= Math.min(ctx.lines.count - 1, h.line + INFER_REACH);
        l++
      )
        nearPay[l] = 1;
  const near = (line: number) => nearFound[line] === 1;
  const inferred: Hit[] = [];
  // 0 is success: wording like 请求成功 or "ok" never names an error.
  const attribute = (code: string, line: number, context: PlatformContext) =>
    code === '0' ? undefined : attributeNumber(catalog, code, context, ctx.lines.lineText(line));
  const covered = new Set<number>();
  for (const m of messages) {
    covered.add(m.line);
    const context = ctx.contextAt(m.line);
    if (context.kind === 'foreign' || SCF_ANSWER.test(ctx.lines.lineText(m.line))) continue;
    if (near(m.line)) {
      // A Pay SDK's message inside another failure (… error message Error: 签名错误 at Payment._parse).
      if (context.pay !== undefined && !nearPay[m.line] && hasChineseWording(m.raw))
        chinese(catalog, m.raw, m.offset, m.line, context, inferred, ctx.lines.lineText(m.line), true);
      continue;
    }
    // The message of an object carrying a number of its own ({'code': 1005, 'msg': "服务器错误…"},
    // {"code":100007,"message":"appid invalid"}) that was not found as a code: it speaks for that number.
    if (OWN_NUMBER.test(ctx.lines.lineText(m.line))) continue;
    const code = context.kind === 'wechat' ? codeFromMessage(index, m.raw) : undefined;
    const where = code ? attribute(code, m.line, context) : undefined;
    const wecom = code ? undefined : wecomFromMessage(catalog, m.raw, WECOM_ALONE_WORDS);
    if (code && where) {
      const end = m.offset + m.raw.length;
      inferred.push({ code, offset: m.offset, end, line: m.line, via: 'errmsg', ...where });
    } else if (wecom) inferred.push(wecomHit(wecom, m.offset, m.offset + m.raw.length, m.line, context));
    // A Chinese errmsg (return_msg 签名错误，请检查后再试) is judged on its own wording, not the whole line's.
    else if (
      hasChineseWording(m.raw) &&
      !APP_STATUS_ENTRY.test(ctx.lines.lineText(m.line)) &&
      chinese(catalog, m.raw, m.offset, m.line, context, inferred, ctx.lines.lineText(m.line))
    )
      mark(m.line);
  }
  for (const h of inferred) mark(h.line);
  // The whole paste is one short errmsg ("invalid appsecret"): too short for the phrase scan, so only an
  // exact catalog text counts.
  const whole = ctx.text.trim();
  if (hits.length === 0 && inferred.length === 0 && whole.length <= 160 && !whole.includes('\n')) {
    const offset = ctx.text.indexOf(whole);
    const line = ctx.lines.lineOf(offset);
    const context = ctx.contextAt(line);
    const code = context.kind === 'wechat' ? index.exact.get(normalizeMessage(whole)) : undefined;
    const where = code ? attribute(code, line, context) : undefined;
    if (code && where) {
      inferred.push({ code, offset, end: offset + whole.length, line, via: 'errmsg', ...where });
      return inferred;
    }
    const wecom =
      context.kind === 'foreign' ? undefined : wecomFromMessage(catalog, whole, WECOM_ALONE_WORDS);
    if (wecom) {
      inferred.push(wecomHit(wecom, offset, offset + whole.length, line, context));
      return inferred;
    }
  }
  if (ctx.text.length > FREE_TEXT_LIMIT) return inferred;
  // Free text, on lines with no code nearby: first the precise evidence (a distinctive catalog phrase, an
  // errmsg after an error word), then Chinese wording, which is fuzzy: "invalid appsecret, view more at…"
  // two lines under a title "小程序获取OpenID失败" is 40125, not the look-alike of the title.
  const chineseLines: number[] = [];
  for (let line = 0; line < ctx.lines.count; line++) {
    // Shorter than any free-text test needs (four Chinese characters, a word after an error word, a phrase):
    // blank lines and the placeholders of lines a log prefilter skipped. Skipped before the context is asked.
    if (ctx.lines.end(line) - ctx.lines.start(line) < 4) continue;
    const lineText = ctx.lines.lineText(line);
    const context = ctx.contextAt(line);
    if (near(line)) {
      if (context.pay !== undefined && !nearPay[line] && hasChineseWording(lineText))
        chinese(catalog, lineText, ctx.lines.start(line), line, context, inferred, lineText, true);
      continue;
    }
    if (context.kind === 'foreign' || SCF_ANSWER.test(lineText)) continue;
    // A WeCom-only wording in prose ("…发送失败 user & party & tag all invalid";
    // a shorter one near a WeCom marker: "企业微信通知无效…日志显示失败：invalid webhook url").
    const wecom = covered.has(line)
      ? undefined
      : wecomFromProse(catalog, lineText, context.kind === 'wecom' ? WECOM_PROSE_WORDS : PROSE_WORDS);
    if (wecom) {
      inferred.push(wecomHit(wecom, ctx.lines.start(line), ctx.lines.end(line), line, context));
      mark(line);
      continue;
    }
    if (covered.has(line) || context.kind !== 'wechat') {
      chineseLines.push(line);
      continue;
    }
    const offset = ctx.lines.start(line);
    let found = false;
    if (lineText.length >= 20 && /[a-z]{4}/.test(lineText)) {
      for (const p of codesFromPhrases(index, lineText)) {
        const where = attribute(p.code, line, context);
        if (!where) continue;
        inferred.push({ code: p.code, offset, end: offset + lineText.length, line, via: 'errmsg', ...where });
        found = true;
      }
    }
    if (!found) {
      for (const p of [
        ...codesBeforeWechatSuffix(index, lineText),
        ...codesAfterErrorWords(index, lineText),
      ]) {
        const where = attribute(p.code, line, context);
        if (!where) continue;
        inferred.push({
          code: p.code,
          offset: offset + p.at,
          end: offset + p.at + p.length,
          line,
          via: 'errmsg',
          ...where,
        });
        found = true;
      }
    }
    if (found) mark(line);
    else chineseLines.push(line);
  }
  for (const line of chineseLines) {
    const lineText = ctx.lines.lineText(line);
    if (near(line) || !hasChineseWording(lineText) || APP_STATUS_ENTRY.test(lineText)) continue;
    if (describesOwnNumber(ctx, line)) continue;
    if (chinese(catalog, lineText, ctx.lines.start(line), line, ctx.contextAt(line), inferred)) mark(line);
  }
  return inferred;
}

/**
 * `NAME = 19022`, `NAME: 105,`, `NAME("10301", …)`, `"602": …`: a line that gives a name or key a number (not
 * `Http.php:124`).
 */
const DECLARES_NUMBER =
  /(?:^|[^\w./\\-])(?:[A-Za-z_]\w*["']?|["']-?\d{3,}["'])\s*(?:=(?!=)|:|\()\s*["']?-?\d{3,}\b|["']-?\d{3,}["']\s*:/;
const COMMENT_LINE = /^\s*(?:\/\/|#|\*|\/\*)/;

/**
 * Chinese wording that describes a number of the text's own (an app's code table: `UNCONCERNED: 105, //
 * 未关注公众号访问`, a comment above `IP_ADDR_ERR = 19022`) names that number, not a WeChat error. Numbers found
 * as codes never get here (their lines are near a hit).
 */
function describesOwnNumber(ctx: TextContext, line: number): boolean {
  if (DECLARES_NUMBER.test(ctx.lines.lineText(line))) return true;
  return (
    COMMENT_LINE.test(ctx.lines.lineText(line)) &&
    line + 1 < ctx.lines.count &&
    DECLARES_NUMBER.test(ctx.lines.lineText(line + 1))
  );
}

/** A WeCom code known by its own wording (an errmsg only WeCom returns), with or without a WeCom marker. */
function wecomHit(wecom: WecomHit, offset: number, end: number, line: number, context: PlatformContext): Hit {
  const marker = context.kind === 'wecom' ? context.marker : '';
  return {
    code: wecom.code,
    offset,
    end,
    line,
    via: 'errmsg',
    platform: 'wecom',
    entryId: wecom.id,
    context: marker || 'WeCom errmsg',
  };
}

/** Chinese wording of catalog texts on a line: each candidate code, best first. */
function chinese(
  catalog: Catalog,
  lineText: string,
  offset: number,
  line: number,
  context: PlatformContext,
  out: Hit[],
  around = lineText,
  payOnly = false,
): boolean {
  // WeCom and Pay wordings count only in their context; elsewhere the meanings that count without one.
  const allowed = (key: string) =>
    payOnly
      ? PAY_KEYS.has(key)
      : context.kind === 'wecom'
        ? key === 'wecom'
        : !CONTEXT_ONLY_KEYS.has(key) || (context.pay !== undefined && (key === 'payv3' || key === 'payv2'));
  const allowedKey = payOnly
    ? 'pay'
    : context.kind === 'wecom'
      ? 'wecom'
      : context.pay !== undefined
        ? 'main+pay'
        : 'main';
  let matches = codesFromChinese(catalog, lineText, allowed, allowedKey);
  // In a WeCom or Pay context, that platform's wording beats a look-alike elsewhere.
  const own = matches.filter((m) => CONTEXT_ONLY_KEYS.has(platformKeyOf(m.entry)));
  if (own.length) matches = own;
  // One Pay wording on both versions (签名错误: SIGNERROR, SIGN_ERROR): the version the text shows.
  // v2 by default: its Chinese return_msg is how most Pay failures are quoted; v3 bodies show their JSON code.
  const version = payVersion(around) ?? 'payv2';
  if (matches.some((m) => platformKeyOf(m.entry) === version))
    matches = matches.filter(
      (m) => !PAY_KEYS.has(platformKeyOf(m.entry)) || platformKeyOf(m.entry) === version,
    );
  // Wording that fits a whole family of codes at once (获取access_token失败: 40001, 40014, 41001, 42001…)
  // names what failed, not how: no one code is implied by it.
  if (new Set(matches.map((m) => m.entry.code)).size >= TOPIC_ONLY) return matches.length > 0;
  const seen = new Set<string>();
  for (const m of matches) {
    if (m.entry.code === '0' || GENERIC_ADVICE.test(lineText.slice(m.at, m.at + m.length))) continue;
    const key = platformKeyOf(m.entry);
    // One answer per code: the same wording on open and mp is one 45009.
    const id = CONTEXT_ONLY_KEYS.has(key) ? `${key}:${m.entry.code}` : m.entry.code;
    if (seen.has(id)) continue;
    seen.add(id);
    const where: Attribution = CONTEXT_ONLY_KEYS.has(key)
      ? { platform: key, entryId: m.entry.id, context: context.marker || context.pay || 'wording' }
      : (attributeNumber(catalog, m.entry.code, context, lineText) ?? { platform: key, context: 'wording' });
    out.push({
      code: m.entry.code,
      offset: offset + m.at,
      end: offset + m.at + m.length,
      line,
      via: 'errmsg',
      score: m.score,
      ...where,
    });
  }
  return matches.length > 0;
}

const HYBRID_INVALID = /(?:无效|不合法|非法)的?\s*([A-Za-z][\w]*)/;

/** True when a description next to a code is that code's catalog text, or close to it (either language). */
export function describes(
  catalog: Catalog,
  index: MessageIndex,
  code: string,
  description: string,
  entryId?: string,
): boolean {
  // The meaning the code was attributed to (a Bluetooth errCode, a WeCom code) has its own texts.
  const entry = entryId ? catalog.get(entryId) : undefined;
  const texts = entry
    ? [entry.en, ...entry.texts.map((t) => t.en)].filter(Boolean).map((t) => normalizeMessage(t))
    : (index.textsByCode.get(code) ?? []);
  // A code with no English text (most numbers of a log ask) is answered by its Chinese ones alone.
  if (texts.length) {
    // "无效的appsecret", "不合法的access_token": Chinese for "invalid" before the field's own name.
    const hybrid = HYBRID_INVALID.exec(description);
    if (hybrid && texts.includes(normalizeMessage(`invalid ${hybrid[1]}`))) return true;
    const norm = normalizeMessage(description);
    if (norm.length >= 4) {
      for (const t of texts)
        if (
          norm.startsWith(t) ||
          (t.startsWith(norm) && norm.includes(' ')) ||
          (t.length >= 8 && norm.includes(t))
        )
          return true;
    }
  }
  return chineseCloseness(catalog, code, description, entry) >= 0.5;
}
