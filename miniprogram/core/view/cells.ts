// View-models of list cells (search hits, category rows, related codes). Only what a cell renders travels
// through setData: an id, the code, a short platform name, one line of text with highlight segments.
// Pure, no wx.
import type { HighlightRange, SearchHit } from '../search';
import { platformInfo, platformShort } from '../platforms';
import type { Entry } from '../types';
import { actionAdvice } from '../advice';
import { isRemedy } from '../meaning';
import { excerpt, segments, type Segment } from './segments';

export interface CellView {
  id: string;
  /** The code, with the matched part highlighted. */
  code: Segment[];
  /** Short platform name for the tag. */
  tag: string;
  /** The meaning, at most two lines (Chinese first), with the matched parts highlighted. */
  line: Segment[];
  /** Action in a few words ("刷新 access_token"). */
  act: string;
  /** "+3 个平台" when the code has other WeChat meanings behind this cell (absent otherwise: setData stays small). */
  more?: string;
  /** Those other meanings: id and short platform name, most commonly met first. */
  also?: { id: string; tag: string }[];
  /** 1 for the non-WeChat platform of seed 003: the page shows it apart from the WeChat cells. */
  apart?: 1;
  /** 1 on the first of those: the page heads their block there (apartTogether). */
  apartFirst?: 1;
  /** 1 on the first WeChat cell after that block: the page heads the WeChat cells again. */
  wechatAgain?: 1;
  /** 1 when the line is a text the project translated: the cell marks it "wxerr 译" (absent otherwise). */
  project?: 1;
}

/** Label of the project's own texts (types.ts: zhSource/enSource). */
export const PROJECT_SOURCE = 'wxerr';

/** Whether an entry's text in this field is one the project wrote (a translation), not an official one. */
export function isProjectText(entry: Entry, field: 'zh' | 'en' | 'fix'): boolean {
  const source = field === 'zh' ? entry.zhSource : field === 'en' ? entry.enSource : undefined;
  return source === PROJECT_SOURCE;
}

/** Short platform name for tags (from the one table of display names in platforms.ts). */
export { platformShort };
/** The test a cell uses to skip a remedy printed in a meaning column (see meaning.ts). */
export { isRemedy };

/** Width of a cell's text: two lines of about 19 Chinese characters (see charWidth: Latin letters count 1). */
export const LINE_MAX = 76;

type TextField = 'zh' | 'en' | 'fix';

/** Highlight weight of a field: matched Chinese characters count most (the user typed Chinese). */
function highlightWeight(entry: Entry, field: TextField, highlights: readonly HighlightRange[]): number {
  const text = entry[field] ?? '';
  let weight = 0;
  for (const h of highlights) {
    if (h.field !== field) continue;
    for (let i = h.start; i < h.end && i < text.length; i++)
      weight += text.charCodeAt(i) >= 0x3000 ? 1000 : 1;
  }
  return weight;
}

/**
 * The field a cell shows: the meaning (zh or en, not a remedy line), the one where the match says most (for
 * "ip白名单" the Chinese text with 白名单, not "clientip" in the English), else Chinese before English. The fix
 * or a remedy line only when the entry has no other text.
 */
function lineField(entry: Entry, highlights: readonly HighlightRange[]): TextField {
  const meaning = (['zh', 'en'] as const).filter((f) => entry[f] && !isRemedy(entry[f]));
  const fields: readonly TextField[] = meaning.length
    ? meaning
    : (['zh', 'en', 'fix'] as const).filter((f) => entry[f]);
  let best: TextField | undefined;
  let bestWeight = 0;
  for (const field of fields) {
    const weight = highlightWeight(entry, field, highlights);
    if (weight > bestWeight) {
      best = field;
      bestWeight = weight;
    }
  }
  return best ?? fields[0] ?? 'zh';
}

/** A cell of one entry; `also` are the code's other WeChat meanings that stand behind it ("+N 个平台"). */
export function cellOf(
  entry: Entry,
  highlights: readonly HighlightRange[] = [],
  also: readonly Entry[] = [],
): CellView {
  const field = lineField(entry, highlights);
  const text = entry[field] ?? '';
  const spans = highlights.filter((h) => h.field === field);
  const line = excerpt(text, spans, LINE_MAX);
  const cell: CellView = {
    id: entry.id,
    code: segments(
      entry.code,
      highlights.filter((h) => h.field === 'code'),
    ),
    tag: platformShort(entry.platform),
    line: segments(line.text || '（无说明）', line.text ? line.spans : []),
    act: actionAdvice(entry.action).short.zh,
  };
  if (also.length) {
    cell.more = `+${also.length} 个平台`;
    cell.also = also.map((e) => ({ id: e.id, tag: platformShort(e.platform) }));
  }
  if (!platformInfo(entry.platform).wechat) cell.apart = 1;
  if (line.text && isProjectText(entry, field)) cell.project = 1;
  return cell;
}

/** A search hit as one cell: the code's meaning shown, its other WeChat meanings behind "+N 个平台". */
export function hitCell(hit: SearchHit): CellView {
  return cellOf(hit.entry, hit.highlights, hit.also);
}

/**
 * The non-WeChat platform's cells (shown only when the query names that platform) together in one block, headed,
 * where the best of them ranks: the WeChat cells that outrank it stay above, the others follow under their own
 * heading. Interleaved, a WeChat and a non-WeChat cell of one number read as one list (issue 12: "then apart").
 */
export function apartTogether(cells: readonly CellView[]): CellView[] {
  const at = cells.findIndex((c) => c.apart);
  if (at < 0) return [...cells];
  const [first, ...apart] = cells.filter((c) => c.apart);
  const wechat = cells.filter((c) => !c.apart);
  const [next, ...after] = wechat.slice(at);
  const tail = next ? [{ ...next, wechatAgain: 1 as const }, ...after] : [];
  return [...wechat.slice(0, at), { ...first, apartFirst: 1 }, ...apart, ...tail];
}

/** Sort key for codes: numbers by value, string codes after them alphabetically. */
export function compareCodes(a: string, b: string): number {
  const na = /^-?\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^-?\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Page path of an entry's detail (ids contain ":" and are URL-encoded). */
export function detailUrl(id: string): string {
  return `/pages/detail/index?id=${encodeURIComponent(id)}`;
}

/** The id from a detail page query value, whether the framework decoded it already or not. */
export function idFromQuery(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
