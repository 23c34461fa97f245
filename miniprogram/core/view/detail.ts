// View-model of the detail page, answer first: the meaning, then what to do about this code (the official fix,
// the project's advice, or the action class's general step when the code has no advice of its own), then the
// rest, which the page folds: other platforms' meanings, other wordings, the family, neighbours, provenance.
// Project texts carry a mark once, never a source. Pure, no wx.
import type { Catalog } from '../catalog';
import { actionAdvice } from '../advice';
import { familyLabel } from '../family';
import { meaningTexts } from '../meaning';
import { platformInfo, platformLong } from '../platforms';
import type { Entry, Platform, SourceRef } from '../types';
import { cellOf, compareCodes, detailUrl, platformShort, PROJECT_SOURCE, type CellView } from './cells';

/** Source id of texts written by the project (translations, notes, advice). */
export { PROJECT_SOURCE };

export interface TextView {
  text: string;
  /** True when the project wrote this text (a translation): shown with one mark, never as official. */
  project: boolean;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface VariantView {
  zh: string;
  en: string;
  fix: string;
  note: string;
  /** The API a per-API wording belongs to (WeChat Pay), '' when none. */
  api: string;
  from: string;
}

export interface DetailView {
  id: string;
  code: string;
  /** The platform's long display name, for the header (cells use `platformShort`: one table, see platforms.ts). */
  platform: string;
  platformShort: string;
  /** HTTP status(es) the code comes with ("HTTP 400"), '' when the platform has none. */
  http: string;
  /** Other spellings of the code ("也写作 NOTENOUGH"), '' when none. */
  aliases: string;
  zh: TextView | null;
  en: TextView | null;
  /** The project's note on a wrong or conflicting source text, shown beside the text. */
  note: Bilingual | null;
  action: { short: string; shortEn: string };
  /** What to do: the official fix text, then one advice block (the code's own, else the general step). */
  todo: {
    fix: TextView | null;
    /** The project's English of a Chinese-only official fix, '' when none. */
    fixEn: string;
    advice: Bilingual & { own: boolean };
  };
  /** The official error-code page of the entry's platform (or the entry's own doc), '' when not known. */
  doc: string;
  family: { key: string; zh: string; en: string };
  /** Other wordings of this code on this platform (sources that disagree), with their sources. */
  variants: VariantView[];
  /** Provenance in one line: every source row merged into the entry. */
  provenance: string;
  /** The same code on other WeChat platforms. */
  others: CellView[];
  /** The same code on the non-WeChat platform, kept apart. */
  elsewhere: CellView[];
  /** Codes next to this one in its family, same platform. */
  neighbours: CellView[];
  /** Text for "copy message". */
  message: string;
  share: { title: string; path: string };
}

/**
 * Official error-code pages per platform key: only pages named in catalog/sources (SOURCES.md, "Official
 * pages", says where each was seen). The Open Platform's 全局错误码 page is seed 001 itself: its 通用错误码
 * covers 公众号, 小程序 and 第三方平台, and its sections 微信小店 … 微信网关 are those platforms' tables.
 * None for Pay APIv2 (its table is an SDK's), the client API (each entry names its own page) and the
 * non-WeChat platform (its source is unnamed): no guess.
 */
const OPEN_PLATFORM_CODES = 'https://developers.weixin.qq.com/doc/oplatform/developers/errCode/errCode.html';
export const PLATFORM_DOCS: Readonly<Record<string, string>> = {
  open: OPEN_PLATFORM_CODES,
  mp: OPEN_PLATFORM_CODES,
  component: OPEN_PLATFORM_CODES,
  shop: OPEN_PLATFORM_CODES,
  channels: OPEN_PLATFORM_CODES,
  xiaowei: OPEN_PLATFORM_CODES,
  business: OPEN_PLATFORM_CODES,
  cloudbase: OPEN_PLATFORM_CODES,
  cloudrun: OPEN_PLATFORM_CODES,
  gateway: OPEN_PLATFORM_CODES,
  errno: 'https://developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html',
  wecom: 'https://developer.work.weixin.qq.com/document/path/90313',
  payv3: 'https://pay.weixin.qq.com/docs/merchant/development/interface-rules/basic-rules.html',
};

/** The official page for an entry: its own, else its platform's error-code page ('' when none is known). */
export function officialDoc(entry: Entry): string {
  return entry.doc ?? PLATFORM_DOCS[platformInfo(entry.platform).key] ?? '';
}

function sourceTitle(catalog: Catalog, id: string): string {
  // catalog.sources, not catalog.data: the lazy catalog would decode every entry for a source title.
  const info = catalog.sources.find((s) => s.id === id);
  return info ? info.title : `来源 ${id}`;
}

/** "开放平台 错误码 (official page, all sections) 第 20 行; 公众号 全局返回码 (blog post) 第 5 行". */
function provenanceLine(catalog: Catalog, refs: readonly SourceRef[]): string {
  const bySource = new Map<string, number[]>();
  for (const ref of refs) bySource.set(ref.source, [...(bySource.get(ref.source) ?? []), ref.line]);
  return [...bySource]
    .map(([source, lines]) => `${sourceTitle(catalog, source)} 第 ${lines.join('、')} 行`)
    .join('；');
}

function textView(text: string | undefined, source: string | undefined): TextView | null {
  return text ? { text, project: source === PROJECT_SOURCE } : null;
}

/** Up to `each` codes on both sides of the entry in its family (same platform), in code order. */
export function neighbours(catalog: Catalog, entry: Entry, each = 3): Entry[] {
  // Only the entry's platform is decoded (the lazy catalog would otherwise decode every entry here).
  const family: Entry[] = [];
  for (let i = 0; i < catalog.size; i++) {
    if (catalog.platformAt(i) !== entry.platform) continue;
    const e = catalog.entryAt(i);
    if (e.family === entry.family) family.push(e);
  }
  family.sort((a, b) => compareCodes(a.code, b.code));
  const at = family.findIndex((e) => e.id === entry.id);
  if (at < 0) return [];
  return [...family.slice(Math.max(0, at - each), at), ...family.slice(at + 1, at + 1 + each)];
}

function isWeChat(platform: Platform): boolean {
  return platformInfo(platform).wechat;
}

export function detailView(catalog: Catalog, entry: Entry): DetailView {
  const general = actionAdvice(entry.action);
  const family = familyLabel(entry.family);
  // A remedy printed in the meaning column (61004's "把ip加入白名单ip列表再重试") is shown as the fix.
  const { meaning: said, remedy } = meaningTexts(entry);
  const zhIsFix = !entry.fix && !!entry.zh && remedy.includes(entry.zh);
  const message = [...said, ...remedy].join('\n');
  const own = !!(entry.adviceZh || entry.adviceEn);
  const same = catalog.lookup(entry.code).filter((e) => e.id !== entry.id);
  return {
    id: entry.id,
    code: entry.code,
    platform: platformLong(entry.platform),
    platformShort: platformShort(entry.platform),
    http: entry.http?.length ? `HTTP ${entry.http.join(' / ')}` : '',
    aliases: entry.aliases?.length ? `也写作 ${entry.aliases.join('、')}` : '',
    zh: zhIsFix ? null : textView(entry.zh, entry.zhSource),
    en: textView(entry.en, entry.enSource),
    note: entry.noteZh || entry.noteEn ? { zh: entry.noteZh ?? '', en: entry.noteEn ?? '' } : null,
    action: { short: general.short.zh, shortEn: general.short.en },
    todo: {
      fix: zhIsFix ? textView(entry.zh, entry.zhSource) : textView(entry.fix, entry.fixSource),
      fixEn: entry.fixEn ?? '',
      advice: own
        ? { zh: entry.adviceZh ?? '', en: entry.adviceEn ?? '', own }
        : { zh: general.zh, en: general.en, own },
    },
    doc: officialDoc(entry),
    family: { key: family.key, zh: family.zh, en: family.en },
    variants: entry.texts.slice(1).map((t) => ({
      zh: t.zh,
      en: t.en,
      fix: t.fix ?? '',
      note: t.note ?? '',
      api: t.api ?? '',
      from: provenanceLine(catalog, t.sources),
    })),
    provenance: provenanceLine(
      catalog,
      entry.sources.filter((s) => s.source !== PROJECT_SOURCE),
    ),
    others: same.filter((e) => isWeChat(e.platform)).map((e) => cellOf(e)),
    elsewhere: isWeChat(entry.platform)
      ? same.filter((e) => !isWeChat(e.platform)).map((e) => cellOf(e))
      : [],
    neighbours: neighbours(catalog, entry).map((e) => cellOf(e)),
    message: message ? `${entry.code} ${message}` : entry.code,
    share: {
      title: `${entry.code}：${said[0] || family.zh}`.slice(0, 60),
      path: detailUrl(entry.id),
    },
  };
}
