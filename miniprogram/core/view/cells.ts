// View-models of list cells (search hits, category rows, related codes). Only what a cell renders travels
// through setData: an id, the code, a short platform name, one line of text with highlight segments.
// Pure, no wx.
import type { HighlightRange, SearchHit } from '../search';
import { platformInfo } from '../platforms';
import type { Entry, Platform } from '../types';
import { actionAdvice } from '../advice';
import { excerpt, segments, type Segment } from './segments';

export interface CellView {
  id: string;
  /** The code, with the matched part highlighted. */
  code: Segment[];
  /** Short platform name for the tag. */
  tag: string;
  /** One line of text (Chinese first), with the matched parts highlighted. */
  line: Segment[];
  /** Action in a few words ("刷新 access_token"). */
  act: string;
}

/** Short platform names for tags; full names are long for a one-line cell. */
const SHORT: Record<string, string> = {
  open: '通用',
  mp: '公众号',
  errno: '客户端 errno',
  cloudbase: '云开发',
  component: '第三方平台',
  shop: '微信小店',
  channels: '视频号',
  cloudrun: '云托管',
  gateway: '微信网关',
  business: '商业能力',
  xiaowei: '腾讯小微',
  thirdparty: '非微信平台',
};

export function platformShort(platform: Platform): string {
  return SHORT[platformInfo(platform).key] ?? platform;
}

/** Characters of text shown in a one-line cell (the rest is cut with "…"). */
export const LINE_MAX = 44;

type TextField = 'zh' | 'en' | 'fix';

/**
 * The field a cell shows: the one where the match says most (so the highlight is visible and telling: for
 * "ip白名单" the Chinese text with 白名单, not "clientip" in the English), else Chinese, English, fix. Matched
 * Chinese characters come first (the user typed Chinese), then matched Latin letters.
 */
function lineField(entry: Entry, highlights: readonly HighlightRange[]): TextField {
  let best: TextField | undefined;
  let bestWeight = 0;
  for (const field of ['zh', 'en', 'fix'] as const) {
    const text = entry[field] ?? '';
    let weight = 0;
    for (const h of highlights) {
      if (h.field !== field) continue;
      for (let i = h.start; i < h.end && i < text.length; i++)
        weight += text.charCodeAt(i) >= 0x3000 ? 1000 : 1;
    }
    if (weight > bestWeight) {
      best = field;
      bestWeight = weight;
    }
  }
  if (best) return best;
  if (entry.zh) return 'zh';
  if (entry.en) return 'en';
  return 'fix';
}

export function cellOf(entry: Entry, highlights: readonly HighlightRange[] = []): CellView {
  const field = lineField(entry, highlights);
  const text = entry[field] ?? '';
  const spans = highlights.filter((h) => h.field === field);
  const line = excerpt(text, spans, LINE_MAX);
  return {
    id: entry.id,
    code: segments(
      entry.code,
      highlights.filter((h) => h.field === 'code'),
    ),
    tag: platformShort(entry.platform),
    line: segments(line.text || '（无说明）', line.text ? line.spans : []),
    act: actionAdvice(entry.action).short.zh,
  };
}

export function hitCell(hit: SearchHit): CellView {
  return cellOf(hit.entry, hit.highlights);
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
