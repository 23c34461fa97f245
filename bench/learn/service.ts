// Section 10's "another service" evidence (docs/extract-history.md §10), bench only: general shapes read off the
// tune batches' false adds (an app's table of WeChat-looking numbers, a process id, a message that is not the
// code's, a host of someone else), not a list of the names seen there. `npm run learn -- --service` adds these
// features to every candidate (candidates.ts); the core's candidatesOf and the shipped weights do not have them:
// no decision fitted with them passed the bar written before their first table.
import type { Catalog } from '../../miniprogram/core/catalog';
import type { Candidate } from '../../miniprogram/core/extract/learned';
import { isNoiseAfter, isNoiseBefore } from '../../miniprogram/core/extract/numbers';
import type { LineIndex } from '../../miniprogram/core/extract/text';
import { PLATFORMS } from '../../miniprogram/core/platforms';

/** Words too common in error texts to say two texts speak of the same thing (and the keys of a JSON answer). */
const GENERIC_WORDS = new Set(
  (
    'error errors invalid fail failed failure system request requests param params parameter parameters code ' +
    'errcode errmsg message msg description desc status result data with from that this have been please ' +
    'unknown null true false success'
  ).split(' '),
);
/** CJK pairs as common in error texts as the words above (错误, 失败, 无效, 参数, 系统, 请求…). */
const GENERIC_PAIRS = new Set(
  '错误 误码 失败 无效 参数 系统 请求 异常 不合 合法 法的 请重 重试 成功 未知 调用 接口 返回'.split(' '),
);

const LATIN_WORD = /[a-z]{4,}/g;
const CJK_RUN = /[\u4e00-\u9fff]+/g;

/** A text's distinctive words: latin words of 4+ letters and pairs of CJK characters, generic ones left out. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(LATIN_WORD)) if (!GENERIC_WORDS.has(m[0])) words.push(m[0]);
  for (const m of lower.matchAll(CJK_RUN))
    for (let i = 0; i + 1 < m[0].length; i++) {
      const pair = m[0].slice(i, i + 2);
      if (!GENERIC_PAIRS.has(pair)) words.push(pair);
    }
  return words;
}

/** Platforms of the catalog that are not WeChat's (seed 003's third-party account platform). */
const NOT_WECHAT = new Set(PLATFORMS.filter((p) => !p.wechat).map((p) => p.name));

/** The distinctive words of a code's catalog texts: on WeChat's platforms, and on the others. */
export interface CodeWords {
  wechat: Set<string>;
  other: Set<string>;
}

export function catalogWordsOf(catalog: Catalog, code: string): CodeWords {
  const words: CodeWords = { wechat: new Set(), other: new Set() };
  for (const e of catalog.lookup(code)) {
    const into = NOT_WECHAT.has(e.platform) ? words.other : words.wechat;
    for (const w of wordsOf(`${e.en} ${e.zh}`)) into.add(w);
  }
  return words;
}

/**
 * The description a number is followed by on its line: separators skipped, a message key stepped over
 * (`,"msg":"…"`, `| message sign error |`), up to the next quote-and-comma or the end of what was cut.
 */
const DESCRIPTION =
  /^[\s|:：,，"'=\\)）\]}>-]*(?:(?:err_?)?(?:msg|message|desc|description)\\?["']?\s*[:=：]\s*\\?["']?)?([^"\n]*)/i;

/** The distinctive words of the description after a number (none: the number describes nothing). */
export const descriptionWords = (after: string): string[] => wordsOf(DESCRIPTION.exec(after)?.[1] ?? '');

/**
 * A description shares no word with the code's WeChat catalog texts: `90001 | message sign error`,
 * `40003 missing scope`, `"code":40001,"message":"Unauthorized"` (false when nothing is described).
 */
export const unlikeItsCode = (codeWords: CodeWords, words: readonly string[]): boolean =>
  words.length > 0 && !words.some((w) => codeWords.wechat.has(w));

/** A description shares a word with the code's text on a platform that is not WeChat's, and not with WeChat's. */
export const likeOtherService = (codeWords: CodeWords, words: readonly string[]): boolean =>
  words.some((w) => codeWords.other.has(w) && !codeWords.wechat.has(w));

/** The number is the first thing on its line (a table's or a list's row), after `|`, `-`, `*` or spaces. */
export const startsRow = (lineText: string, col: number): boolean =>
  /^[\s|*+\-•]*$/.test(lineText.slice(0, col));

/**
 * True when a table's rows (numbers that start their lines, each with a description) are mostly described
 * unlike their codes' catalog texts: an app's or another service's table of WeChat-looking numbers. At least
 * three described rows, more than half of them unlike.
 */
export function rowsMostlyUnlike(rows: readonly boolean[]): boolean {
  const unlike = rows.filter(Boolean).length;
  return rows.length >= 3 && unlike * 2 > rows.length;
}

/** A host name (api.example.com): the endings a service's host has, not a property chain's (`this.app`). */
const HOST = /\b(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io)\b/gi;
/** WeChat's own hosts (WeChat, WeCom, Pay, mini-program services). */
const WECHAT_HOST =
  /(?:^|\.)(?:weixin\.qq\.com|wx\.qq\.com|wechat\.com|servicewechat\.com|weixinbridge\.com|wechatpay\.cn|tenpay\.com)$/i;

/** A line names a host that is not WeChat's (a QQ bot's api.sgroup.qq.com, openapi.alipay.com). */
export function namesOtherHost(lineText: string): boolean {
  for (const m of lineText.matchAll(HOST)) if (!WECHAT_HOST.test(m[0])) return true;
  return false;
}

/** The shapes the rules read a number in before their bare pass's noise test (candidatesOf's features). */
const SHAPED = [
  'key:strong',
  'key:weak',
  'shape:table',
  'shape:head',
  'shape:declared',
  'shape:listing',
  'shape:devtool',
];

/**
 * Section 10's features, set on every candidate of a text (in place, after candidatesOf's, in this order):
 * the rules' noise tests before a number standing alone and after any number, a description unlike the code's
 * WeChat texts or like another platform's, a table whose described rows are mostly unlike their codes, a host
 * that is not WeChat's within 2 lines.
 */
export function addServiceFeatures(
  catalog: Catalog,
  lines: LineIndex,
  candidates: readonly Candidate[],
): void {
  const wordsByCode = new Map<string, CodeWords>();
  const hostOn = new Map<number, boolean>();
  const rows: boolean[] = [];
  const rowFeatures: Record<string, number>[] = [];
  for (const c of candidates) {
    const f = c.features;
    const lineText = lines.lineText(c.line);
    const col = c.offset - lines.start(c.line);
    const after = lineText.slice(col + c.code.length, col + c.code.length + 40);
    const description = f['catalog:none'] ? [] : descriptionWords(after);
    let words = wordsByCode.get(c.code);
    if (!words) wordsByCode.set(c.code, (words = catalogWordsOf(catalog, c.code)));
    const unlike = unlikeItsCode(words, description);
    const row = startsRow(lineText, col);
    if (row && description.length) rows.push(unlike);
    let hostNear = false;
    for (let l = Math.max(0, c.line - 2); l <= Math.min(lines.count - 1, c.line + 2) && !hostNear; l++) {
      let known = hostOn.get(l);
      if (known === undefined) hostOn.set(l, (known = namesOtherHost(lines.lineText(l))));
      hostNear = known;
    }
    const alone = !SHAPED.some((k) => f[k]);
    f['before:noise'] = alone && isNoiseBefore(lineText.slice(Math.max(0, col - 40), col)) ? 1 : 0;
    f['after:noise'] = isNoiseAfter(lineText.slice(col + c.code.length, col + c.code.length + 16)) ? 1 : 0;
    f['line:described-unlike'] = unlike ? 1 : 0;
    f['line:described-other'] = likeOtherService(words, description) ? 1 : 0;
    f['rows:unlike'] = 0;
    f['near:other-host'] = hostNear ? 1 : 0;
    if (row) rowFeatures.push(f);
  }
  if (rowsMostlyUnlike(rows)) for (const f of rowFeatures) f['rows:unlike'] = 1;
}
