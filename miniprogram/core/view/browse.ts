// View-models of the search home and the category tabs: no-match hints, popular codes, platform tabs and
// family chips. Pure, no wx.
import { normalizeCode, type Catalog } from '../catalog';
import { familyLabel } from '../family';
import { PLATFORMS } from '../platforms';
import type { Entry } from '../types';
import { compareCodes, platformShort } from './cells';

export interface Hint {
  title: string;
  text: string;
}

/** True when the query is a code number ("45999", "-404011", full-width digits…). */
export function isCodeQuery(query: string): boolean {
  return /^-?\d+$/.test(normalizeCode(query));
}

/** What the "no match" state says: for a number, the family the code belongs to. */
export function noMatchHint(catalog: Catalog, query: string): Hint {
  const q = query.trim();
  if (isCodeQuery(q)) {
    const code = normalizeCode(q);
    const family = catalog.family(code);
    return {
      title: `目录中没有 ${code}`,
      text: `按号段，它属于 ${family.key}：${family.zh}（${family.en}）。这是号段的含义，不是这个码的官方说明。`,
    };
  }
  return {
    title: `没有找到“${q}”`,
    text: '试试输入错误码数字（如 40001），或 errmsg 里的英文词、更短的中文关键词（如“白名单”）。',
  };
}

/** Codes developers meet most often, shown before the user has looked anything up. */
export const COMMON_CODES: readonly string[] = [
  '40001',
  '40164',
  '42001',
  '45009',
  '40029',
  '41001',
  '48001',
  '-1',
  '40013',
  '45011',
];

export interface Tab {
  key: string;
  name: string;
  short: string;
  count: number;
}

/** One tab per platform that has entries, in platform order, with its entry count. */
export function platformTabs(catalog: Catalog): Tab[] {
  const counts = catalog.countByPlatform();
  return PLATFORMS.filter((p) => (counts.get(p.name) ?? 0) > 0).map((p) => ({
    key: p.key,
    name: p.name,
    short: platformShort(p.name),
    count: counts.get(p.name) ?? 0,
  }));
}

export interface Chip {
  key: string;
  label: string;
  count: number;
}

/** Family filter chips of a list of entries, in code order, each with its label and count. */
export function familyChips(entries: readonly Entry[]): Chip[] {
  const first = new Map<string, Entry>();
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (!first.has(e.family)) first.set(e.family, e);
    counts.set(e.family, (counts.get(e.family) ?? 0) + 1);
  }
  return [...first.values()]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((e) => ({ key: e.family, label: chipLabel(e.family), count: counts.get(e.family) ?? 0 }));
}

function chipLabel(key: string): string {
  const label = familyLabel(key);
  // "errno:06" and "other:40xxx" keys read badly on a chip: their label already says what they are.
  if (key.includes(':')) return label.zh;
  return `${key} ${label.zh}`;
}

/** Entries of a platform (and optionally one family), in code order. */
export function platformEntries(catalog: Catalog, platformName: string, family = ''): Entry[] {
  return catalog.entries
    .filter((e) => e.platform === platformName && (!family || e.family === family))
    .sort((a, b) => compareCodes(a.code, b.code));
}
