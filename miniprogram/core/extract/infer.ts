// Codes recognised from wording when no number survived nearby: an errmsg that is one code's catalog text
// (English), a distinctive catalog phrase in free text, or Chinese wording that is (or is close to) a catalog
// text. Chinese wording may fit several codes: all of them are returned, ranked by similarity.
import type { Catalog } from '../catalog';
import { CONTEXT_ONLY_KEYS, PAY_KEYS, attributeNumber, platformKeyOf, type Attribution } from './attribute';
import type { PlatformContext, TextContext } from './context';
import {
  codeFromMessage,
  codesAfterErrorWords,
  codesFromPhrases,
  normalizeMessage,
  type MessageIndex,
} from './messages';
import type { Hit, Message } from './summary';
import { payVersion } from './shapes';
import { chineseCloseness, codesFromChinese, hasChineseWording } from './zh';

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
  const attribute = (code: string, line: number, context: PlatformContext) =>
    attributeNumber(catalog, code, context, ctx.lines.lineText(line));
  const covered = new Set<number>();
  for (const m of messages) {
    covered.add(m.line);
    const context = ctx.contextAt(m.line);
    if (near(m.line) || context.kind === 'foreign') continue;
    const code = context.kind === 'wechat' ? codeFromMessage(index, m.raw) : undefined;
    const where = code ? attribute(code, m.line, context) : undefined;
    if (code && where) {
      const end = m.offset + m.raw.length;
      inferred.push({ code, offset: m.offset, end, line: m.line, via: 'errmsg', ...where });
    }
    // A Chinese errmsg (return_msg 签名错误，请检查后再试) is judged on its own wording, not the whole line's.
    else if (
      hasChineseWording(m.raw) &&
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
  }
  if (ctx.text.length > FREE_TEXT_LIMIT) return inferred;
  // Free text: a distinctive catalog phrase, or Chinese wording, on a line with no code nearby.
  for (let line = 0; line < ctx.lines.count; line++) {
    // Shorter than any free-text test needs (four Chinese characters, a word after an error word, a phrase):
    // blank lines and the placeholders of lines a log prefilter skipped. Skipped before the context is asked.
    if (ctx.lines.end(line) - ctx.lines.start(line) < 4) continue;
    if (near(line)) {
      const context = ctx.contextAt(line);
      const lineText = ctx.lines.lineText(line);
      if (context.pay !== undefined && !nearPay[line] && hasChineseWording(lineText))
        chinese(catalog, lineText, ctx.lines.start(line), line, context, inferred, lineText, true);
      continue;
    }
    const lineText = ctx.lines.lineText(line);
    const context = ctx.contextAt(line);
    if (context.kind === 'foreign') continue;
    const offset = ctx.lines.start(line);
    let found = false;
    if (
      !covered.has(line) &&
      context.kind === 'wechat' &&
      lineText.length >= 20 &&
      /[a-z]{4}/.test(lineText)
    ) {
      for (const p of codesFromPhrases(index, lineText)) {
        const where = attribute(p.code, line, context);
        if (!where) continue;
        inferred.push({ code: p.code, offset, end: offset + lineText.length, line, via: 'errmsg', ...where });
        found = true;
      }
    }
    if (!found && !covered.has(line) && context.kind === 'wechat') {
      for (const p of codesAfterErrorWords(index, lineText)) {
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
    if (!found && hasChineseWording(lineText))
      found = chinese(catalog, lineText, offset, line, context, inferred);
    if (found) mark(line);
  }
  return inferred;
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
  const seen = new Set<string>();
  for (const m of matches) {
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

/** True when a description next to a code is that code's catalog text, or close to it (either language). */
export function describes(
  catalog: Catalog,
  index: MessageIndex,
  code: string,
  description: string,
  entryId?: string,
): boolean {
  const norm = normalizeMessage(description);
  // The meaning the code was attributed to (a Bluetooth errCode, a WeCom code) has its own texts.
  const entry = entryId ? catalog.get(entryId) : undefined;
  const texts = entry
    ? [entry.en, ...entry.texts.map((t) => t.en)].filter(Boolean).map((t) => normalizeMessage(t))
    : (index.textsByCode.get(code) ?? []);
  if (norm.length >= 4) {
    for (const t of texts)
      if (
        norm.startsWith(t) ||
        (t.startsWith(norm) && norm.includes(' ')) ||
        (t.length >= 8 && norm.includes(t))
      )
        return true;
  }
  return chineseCloseness(catalog, code, description, entry) >= 0.5;
}
