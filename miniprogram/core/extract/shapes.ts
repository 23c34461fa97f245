// Shapes that are not "key: number": WeCom's help URL (…/devtool/query?e=60020), enum and constant
// declarations in source code, listings of codes with descriptions. Each returns candidates; extract.ts
// decides what they mean with the catalog.
import type { LineIndex } from './text';

export interface ShapeHit {
  code: string;
  offset: number;
  end: number;
}

/**
 * WeCom appends "more info at https://open.work.weixin.qq.com/devtool/query?e=60020" to its errmsgs; a notifier's
 * or terminal's wrapping may break the URL after a slash ("…/devtool/" then "query?e=41016").
 */
const DEVTOOL =
  /open\.work\.weixin\.qq\.com\/(?:[ \t]*\r?\n[ \t]*)?devtool\/(?:[ \t]*\r?\n[ \t]*)?query\?e=(-?\d{1,7})\b/g;

export function devtoolCodes(text: string): ShapeHit[] {
  const hits: ShapeHit[] = [];
  for (const m of text.matchAll(DEVTOOL)) {
    const offset = (m.index ?? 0) + m[0].length - m[1].length;
    hits.push({ code: m[1], offset, end: offset + m[1].length });
  }
  return hits;
}

/**
 * `NAME = 86031,` / `CODE_60020(60020, "…")` / `public const int E40001 = 40001;` / `40001: "…",`: a number
 * declared under a name in source code (also on the added or removed line of a diff: `+  NAME = 86031,`). The caller keeps it when the name carries the number, the name is
 * Chinese wording, or the code's text follows.
 */
export const DECLARATION =
  /^[+-]?[ \t]*(?:(?:public|private|protected|static|final|readonly|export|const|let|var|int|long|case)[ \t]+)*([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*)[ \t]*(?:=[ \t]*|\([ \t]*)(-?\d{1,7})[ \t]*(?:[,;)]|\/\/|#|$)/gm;

export interface Declaration extends ShapeHit {
  name: string;
}

export function declarations(text: string, lines: LineIndex): Declaration[] {
  const found: Declaration[] = [];
  // Only text that looks like code has declarations: a cheap test before the line-anchored scan.
  if (!/[=(][ \t]*-?\d/.test(text)) return found;
  for (const m of lines.lineStartMatches(DECLARATION)) {
    const offset = (m.index ?? 0) + m[0].lastIndexOf(m[2]);
    found.push({ name: m[1], code: m[2], offset, end: offset + m[2].length });
  }
  return found;
}

/**
 * A listing line: a code at the start of a line (after comment marks or bullets, maybe in brackets), then a
 * tab, colon or dash and its description ("// 40003\ttouser字段openid为空或者不正确"), or one space before Chinese
 * ("[40017] 不合法的按钮个数", "40017 应为 不合法的按钮类型"). Counted in runs of two or more.
 */
export const LISTING =
  /^[ \t]*(?:\/\/+|#+|\*|-|>|\||\d+[.)])?[ \t]*["'[]?(-1|-?\d{5,7})["'\]]?(?:[ \t]*(?:\t|[:：|]|=>|\s-\s|\s{2,})| (?=[\u4e00-\u9fff]))[ \t]*["'`]?[A-Za-z\u4e00-\u9fff]/gm;

export function listings(lines: LineIndex): ShapeHit[] {
  const hits: ShapeHit[] = [];
  for (const m of lines.lineStartMatches(LISTING)) {
    const offset = (m.index ?? 0) + m[0].indexOf(m[1]);
    hits.push({ code: m[1], offset, end: offset + m[1].length });
  }
  return hits;
}

/** The declared name carries the number itself: CODE_60020, E40001, ERR_45009, E_1 for -1. */
export function nameCarriesCode(name: string, code: string): boolean {
  const digits = code.replace('-', '');
  const at = name.lastIndexOf(digits);
  return at > 0 && at + digits.length === name.length && !/\d/.test(name.charAt(at - 1));
}

/** Which Pay API version a text shows: v2 speaks XML (return_code, err_code, CDATA), v3 JSON over HTTP status. */
export function payVersion(text: string): 'payv2' | 'payv3' | undefined {
  if (/return_?(?:code|msg)|returnCode|returnMessage|result_code|err_code|<xml>|CDATA|\bv2\b/i.test(text))
    return 'payv2';
  if (/apiv3|\/v3\/|\bv3\b|HttpStatusCode|httpResponseBody|\\?"code\\?"\s*:\s*\\?"[A-Z]/i.test(text))
    return 'payv3';
  return undefined;
}
