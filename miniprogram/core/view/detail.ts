// View-model of the detail page: every text with its source (and a clear mark when the text is the
// project's own), the action in plain words, the same code elsewhere and the family's neighbours. Pure, no wx.
import type { Catalog } from '../catalog';
import { actionAdvice } from '../advice';
import { familyLabel } from '../family';
import { platformInfo, platformLong } from '../platforms';
import { isWechat, otherMeanings } from '../search/group';
import type { Entry, SourceRef } from '../types';
import { cellOf, compareCodes, detailUrl, platformShort, type CellView } from './cells';

/** Source id of texts written by the project (translations, notes, advice). */
export const PROJECT_SOURCE = 'wxerr';

export interface TextView {
  text: string;
  /** Where the text comes from, one line: a source title, or the project's own translation mark. */
  from: string;
  /** True when the project wrote this text (a translation): shown with a mark, never as official. */
  project: boolean;
}

export interface VariantView {
  zh: string;
  en: string;
  fix: string;
  note: string;
  from: string;
}

export interface DetailView {
  id: string;
  code: string;
  /** The platform's long display name, for the header (cells use `platformShort`: one table, see platforms.ts). */
  platform: string;
  platformEn: string;
  platformShort: string;
  /** The catalog's platform name (the identity; ids and filters use it). */
  platformName: string;
  /** What the code means in a few words: its own text, which says more than its family label. */
  title: string;
  zh: TextView | null;
  en: TextView | null;
  fix: TextView | null;
  action: { short: string; shortEn: string; zh: string; en: string };
  family: { key: string; zh: string; en: string };
  /** The project's note on a wrong or conflicting source text. */
  note: { zh: string; en: string } | null;
  /** The project's specific advice for this code. */
  advice: { zh: string; en: string } | null;
  /** Other wordings of this code on this platform (sources that disagree), with their sources. */
  variants: VariantView[];
  /** Every source row merged into the entry. */
  sources: string[];
  /** The same code's other WeChat meanings, most commonly met first. */
  others: CellView[];
  /** The same number on the non-WeChat platform of seed 003: another product's code, shown apart. */
  nonWechat: CellView[];
  /** Codes next to this one in its family, same platform. */
  neighbours: CellView[];
  /** Text for "copy message". */
  message: string;
  share: { title: string; path: string };
}

function sourceTitle(catalog: Catalog, id: string | undefined): string {
  if (!id) return '';
  if (id === PROJECT_SOURCE) return 'wxerr 译（项目翻译，非官方）';
  const info = catalog.data.sources.find((s) => s.id === id);
  return info ? info.title : `来源 ${id}`;
}

function refLine(catalog: Catalog, ref: SourceRef): string {
  return `${sourceTitle(catalog, ref.source)} · 第 ${ref.row} 条（第 ${ref.line} 行）`;
}

function textView(catalog: Catalog, text: string | undefined, source: string | undefined): TextView | null {
  if (!text) return null;
  return { text, from: sourceTitle(catalog, source), project: source === PROJECT_SOURCE };
}

/** Up to `each` codes on both sides of the entry in its family (same platform), in code order. */
export function neighbours(catalog: Catalog, entry: Entry, each = 3): Entry[] {
  const family = catalog.entries
    .filter((e) => e.platform === entry.platform && e.family === entry.family)
    .sort((a, b) => compareCodes(a.code, b.code));
  const at = family.findIndex((e) => e.id === entry.id);
  if (at < 0) return [];
  return [...family.slice(Math.max(0, at - each), at), ...family.slice(at + 1, at + 1 + each)];
}

export function detailView(catalog: Catalog, entry: Entry): DetailView {
  const advice = actionAdvice(entry.action);
  const family = familyLabel(entry.family);
  const info = platformInfo(entry.platform);
  const message = [entry.zh, entry.en].filter(Boolean).join('\n');
  return {
    id: entry.id,
    code: entry.code,
    platform: platformLong(entry.platform),
    platformEn: info.en,
    platformShort: platformShort(entry.platform),
    platformName: entry.platform,
    title: entry.zh || entry.en || family.zh,
    zh: textView(catalog, entry.zh, entry.zhSource),
    en: textView(catalog, entry.en, entry.enSource),
    fix: textView(catalog, entry.fix, entry.fixSource),
    action: { short: advice.short.zh, shortEn: advice.short.en, zh: advice.zh, en: advice.en },
    family: { key: family.key, zh: family.zh, en: family.en },
    note: entry.noteZh || entry.noteEn ? { zh: entry.noteZh ?? '', en: entry.noteEn ?? '' } : null,
    advice: entry.adviceZh || entry.adviceEn ? { zh: entry.adviceZh ?? '', en: entry.adviceEn ?? '' } : null,
    variants: entry.texts.slice(1).map((t) => ({
      zh: t.zh,
      en: t.en,
      fix: t.fix ?? '',
      note: t.note ?? '',
      from: t.sources.map((s) => refLine(catalog, s)).join('；'),
    })),
    sources: entry.sources.map((s) => refLine(catalog, s)),
    others: otherMeanings(catalog, entry).map((e) => cellOf(e)),
    nonWechat: catalog
      .lookup(entry.code)
      .filter((e) => e.id !== entry.id && !isWechat(e) && e.code === entry.code)
      .map((e) => cellOf(e)),
    neighbours: neighbours(catalog, entry).map((e) => cellOf(e)),
    message: message ? `${entry.code} ${message}` : entry.code,
    share: {
      title: `${entry.code}：${entry.zh || entry.en || family.zh}`.slice(0, 60),
      path: detailUrl(entry.id),
    },
  };
}
