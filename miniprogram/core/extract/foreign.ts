// Numbers that look like WeChat codes but whose own description says another service's: the errmsg or the
// table-cell text beside them is none of the code's catalog texts, and no WeChat marker is near.
import type { Catalog } from '../catalog';
import type { TextContext } from './context';
import { describes } from './infer';
import type { MessageIndex } from './messages';
import type { Candidate } from './numbers';

/**
 * {"errcode":40089,"errmsg":"\u4e0d\u5408\u6cd5\u7684corpId\u6216corpSecret"}: an errmsg in Chinese (escapes
 * decoded) that is none of the code's catalog texts is another service's answer (DingTalk's
 * 不合法的corpId或corpSecret). WeChat's server errmsgs are English, or one of its catalog texts. The caller
 * asks only when no WeChat marker is near.
 */
export function otherErrmsg(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  c: Candidate,
  line: number,
): boolean {
  const rest = ctx.text.slice(c.end, ctx.lines.end(line));
  const m = /^[^{}\n]{0,12}?["']?err_?msg["']?\s*[:=]\s*["']([^"'\n]{4,160})/i.exec(rest);
  if (!m) return false;
  const errmsg = m[1].replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  if ((errmsg.match(/[\u4e00-\u9fff]/g) ?? []).length < 4) return false;
  return !describes(catalog, index, c.code, errmsg);
}

/**
 * "报一样的错 40004    交易不存在": a bare number set off like a table cell (a tab or two spaces) before a
 * Chinese description that is not its catalog text, with no WeChat marker near, is another service's code.
 */
export function describedAsOther(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  c: Candidate,
  line: number,
): boolean {
  const after = ctx.text.slice(c.end, ctx.lines.end(line));
  if (!/^(?:\t|[ \t]{2,})[ \t]*[\u4e00-\u9fff]{2}/.test(after)) return false;
  if (ctx.contextAt(line, c.offset).marker !== '') return false;
  return !describes(catalog, index, c.code, after);
}
