// View-models of the scan page: one short row per code found (its entry, or its family when the catalog has
// no entry), and the summary copied to the clipboard. Pure, no wx: only these rows travel through setData.
import type { Catalog } from '../../core/catalog';
import type { ScanResult } from '../../core/extract';
import { isProjectText, LINE_MAX, platformShort } from '../../core/view/cells';
import { excerpt } from '../../core/view/segments';
import { filledFix, scanFacts } from '../../core/fill';
import { actionAdvice } from '../../core/advice';
import { platformInfo } from '../../core/platforms';

export interface ScanRow {
  /** Unique key for wx:for. */
  key: string;
  code: string;
  /** Entry id for the detail page; empty when the code is explained by its family only. */
  id: string;
  /** Short platform tag, or "号段" for a family. */
  tag: string;
  /** One line: the entry's Chinese (else English) text, or the family's meaning. */
  title: string;
  /** Other WeChat platforms with the same code ("+2 个平台"), 0 when none. */
  more: number;
  /** Evidence line from the input, cut short. */
  evidence: string;
  line: number;
  rid: string;
  /** Recognised from the errmsg alone (no number in the text). */
  inferred: boolean;
  /** What to do: the fix filled in from the text (the caller IP, the appid, the API path…), else the action. */
  todo: string;
  /** What decided the platform, as a line ("按“qyapi.weixin.qq.com”判断平台"), '' for the default meaning. */
  context: string;
  /** The title is a text the project translated: the row marks it "wxerr 译". */
  project: boolean;
}

/** Largest text the page scans at once (characters); more gets a clear message and nothing is cut. */
export const MAX_PASTE_CHARS = 100_000;
/** The meaning's width: the row's two lines, as a search cell's (LINE_MAX; a Chinese character counts 2). */
export const TITLE_MAX = LINE_MAX;
export const EVIDENCE_MAX = 90;
/** The fix: up to three lines (width units, as above). */
export const TODO_MAX = 120;
/** Rows shown at most; the summary says how many more were found. */
export const MAX_ROWS = 50;

/**
 * The extractor's own labels for what decided a code's platform (core/extract: `context: '…'`), in the page's
 * words; any other context is a word of the text ("qyapi.weixin.qq.com", "rid:") and is quoted as it stands.
 */
const CONTEXT_WORDS: Record<string, string> = {
  'client errMsg': '客户端 errMsg',
  'WeCom errmsg': '企业微信的 errmsg',
  'WeCom wording': '企业微信的说法',
  wording: '说明文字',
  'learned evidence': '上下文',
  'Pay v3 field-rule message': '微信支付 v3 的字段校验提示',
  'Pay err_code': '微信支付的 err_code',
  'Pay code listing': '微信支付的错误码列表',
  'page named': '附近文字提到的页面',
};

/** The row's line on what decided the platform: "按企业微信的说法判断平台", "按“rid:”判断平台". */
export function contextLine(context: string): string {
  const words = Object.prototype.hasOwnProperty.call(CONTEXT_WORDS, context) ? CONTEXT_WORDS[context] : '';
  return words ? `按${words}判断平台` : `按“${context}”判断平台`;
}

/** At most `max` wide, cut on a word boundary (excerpt), keeping `keep` visible when the text holds it. */
function cut(text: string, max: number, keep = ''): string {
  const t = text.replace(/\s+/g, ' ').trim();
  // The code as a whole number ("-1" not inside the date "2024-12-01"). No lookbehind: older iOS lacks it.
  const m = keep ? new RegExp(`(^|[^\\d-])(${keep.replace(/\W/g, '\\$&')})(?!\\d)`).exec(t) : null;
  const at = m ? m.index + m[1].length : -1;
  return excerpt(t, at < 0 ? [] : [{ start: at, end: at + keep.length }], max).text;
}

export function scanRows(result: ScanResult, catalog: Catalog): ScanRow[] {
  return result.codes.slice(0, MAX_ROWS).map((found, i) => {
    const entries = catalog.lookup(found.code);
    // The extractor says which platform the text is about (WeCom, Pay, a client API): that entry comes first.
    const first = (found.entryId ? catalog.get(found.entryId) : undefined) ?? entries[0];
    const family = first ? undefined : catalog.family(found.code);
    return {
      key: `${i}:${found.code}`,
      code: found.code,
      id: first?.id ?? '',
      tag: first ? platformShort(first.platform) : '号段',
      title: cut(first ? first.zh || first.en : `${family!.key}：${family!.zh}`, TITLE_MAX),
      project: first ? isProjectText(first, first.zh ? 'zh' : 'en') : false,
      // As the search cell's "+N 个平台": the non-WeChat platform's same number is not one of the code's meanings.
      more: entries.filter((e) => e !== first && platformInfo(e.platform).wechat).length,
      // A long log line keeps the code in view (the excerpt starts a little before it).
      evidence: cut(found.evidence, EVIDENCE_MAX, found.code),
      line: found.line,
      rid: found.rid ?? '',
      inferred: found.inferred,
      context: found.context === 'default' ? '' : contextLine(found.context),
      todo: cut(
        filledFix(found.code, first, scanFacts(found.evidence, found))?.zh ??
          (first ? actionAdvice(first.action).short.zh : ''),
        TODO_MAX,
      ),
    };
  });
}

/** Plain-text summary for the clipboard: one line per code, then the trace ids to give WeChat support. */
export function scanSummary(result: ScanResult, catalog: Catalog): string {
  const lines = scanRows(result, catalog).map((r) => {
    const where = r.id ? `[${r.tag}]` : '[未收录，按号段]';
    const rid = r.rid ? ` rid: ${r.rid}` : '';
    return `${r.code} ${where} ${r.title}${rid}`;
  });
  if (result.codes.length > MAX_ROWS) lines.push(`…另有 ${result.codes.length - MAX_ROWS} 处`);
  if (result.rids.length) lines.push(`rid: ${result.rids.join(', ')}`);
  return lines.join('\n');
}
