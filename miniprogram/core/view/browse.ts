// View-models of the search home and the category tabs: no-match hints, popular codes, platform tabs and
// family chips. Pure, no wx.
import { normalizeCode, type Catalog } from '../catalog';
import { familyLabel, NO_COMMON_MEANING } from '../family';
import { PLATFORMS } from '../platforms';
import { searchIndex } from '../search';
import { COMMONLY_MET } from '../search/common';
import { codeTypos } from '../search/code-typos';
import { meaningsOf, nearestCodes, type CodeCell } from '../search/group';
import type { Entry } from '../types';
import { cellOf, compareCodes, platformShort, type CellView } from './cells';
import { excerpt, textWidth } from './segments';

export interface Hint {
  title: string;
  text: string;
  /** Known codes to try instead: for an unknown code, the nearest codes of its family. */
  near: CellView[];
}

/** True when the query is a code number ("45999", "-404011", full-width digits…). */
export function isCodeQuery(query: string): boolean {
  return /^-?\d+$/.test(normalizeCode(query));
}

/**
 * The did-you-mean sentence for a code with typo candidates (search/code-typos.ts), in the user's language:
 * "no code 4001 in the catalog; did you mean 40001 (invalid credential), 42001 (access_token expired)?".
 * `listed`: the catalog has the code on another platform (400011 is WeCom's), so only the question is asked.
 */
export function didYouMeanText(
  code: string,
  cells: readonly CodeCell[],
  lang: 'zh' | 'en',
  listed = false,
): string {
  if (lang === 'zh') {
    const list = cells.map((c) => `${c.code}（${shortMeaning(c.primary)}）`).join('、');
    return `${listed ? '' : `目录中没有 ${code}；`}是不是要查 ${list}？`;
  }
  const list = cells.map((c) => `${c.code} (${shortMeaningEn(c.primary)})`).join(', ');
  return `${listed ? '' : `no code ${code} in the catalog; `}did you mean ${list}?`;
}

/** A few words of an entry's English meaning ("invalid credential"), else its Chinese short meaning. */
function shortMeaningEn(entry: Entry): string {
  const text = entry.en.trim();
  if (!text) return shortMeaning(entry);
  const clause = text.split(/[,;:(，；：（]/)[0].trim() || text;
  return excerpt(clause, [], CHIP_MEANING_WIDTH + 12).text;
}

/** What the "no match" state says: for a code one edit from known ones, those; else its family's nearest. */
export function noMatchHint(catalog: Catalog, query: string): Hint {
  const q = query.trim();
  if (isCodeQuery(q)) {
    const code = normalizeCode(q);
    const typos = codeTypos(catalog, code, 5);
    const typed = new Set(typos.map((c) => c.code));
    const family = catalog.family(code);
    const nearest = nearestCodes(catalog, code, 5).filter((c) => !typed.has(c.code));
    const cells = [...typos, ...nearest.slice(0, typos.length ? 3 : 5)];
    const near = cells.map((c) => cellOf(c.primary, [], c.also));
    if (typos.length) {
      return {
        title: `目录中没有 ${code}`,
        // The codes only: their meanings stand in the cells right under the question (`near`).
        text:
          `是不是要查 ${typos
            .slice(0, 3)
            .map((c) => c.code)
            .join('、')}？` +
          (nearest.length ? `下面先列差一位数字的，再列 ${family.key} 中数值相近的已收录错误码。` : ''),
        near,
      };
    }
    return {
      title: `目录中没有 ${code}`,
      text:
        `按号段，它属于 ${family.key}：${family.zh}（${family.en}）。这是号段的含义，不是这个码的官方说明。` +
        (near.length ? '同号段已收录的相近错误码：' : ''),
      near,
    };
  }
  const near = searchIndex(catalog)
    .page(q)
    .suggestions.map((hit) => cellOf(hit.entry, [], hit.also));
  return {
    title: `没有找到“${q}”`,
    text:
      '试试输入错误码数字（如 40001），或 errmsg 里的英文词、更短的中文关键词（如“白名单”）。' +
      (near.length ? '最接近的几个：' : ''),
    near,
  };
}

export interface TypoHint {
  /** The did-you-mean sentence (didYouMeanText). */
  text: string;
  /** The codes it names, for chips that search them. */
  codes: string[];
}

/**
 * For a code query the catalog does not list that still has hits (a prefix: "4001" finds 40010…40019): the
 * codes one typo away, shown above the hits. Null for any other query.
 */
export function typoHint(catalog: Catalog, query: string, lang: 'zh' | 'en' = 'zh'): TypoHint | null {
  if (!isCodeQuery(query.trim())) return null;
  const code = normalizeCode(query.trim());
  if (catalog.lookupIndices(code).length) return null;
  const typos = codeTypos(catalog, code, 3);
  return typos.length ? { text: didYouMeanText(code, typos, lang), codes: typos.map((c) => c.code) } : null;
}

/** Codes developers meet most often, shown before the user has looked anything up. */
export const COMMON_CODES: readonly string[] = COMMONLY_MET.slice(0, 10);

export interface HomeChip {
  /** What a tap searches. */
  q: string;
  code: string;
  /** A few words of the code's common meaning ("access_token 无效"). */
  meaning: string;
  /** Code and meaning in one line, for a chip with a single text. */
  label: string;
}

/** Width of a chip's meaning (see charWidth: a Chinese character counts 2). */
const CHIP_MEANING_WIDTH = 30;

/**
 * A few words of a code's common meaning for a chip: the head of the project's advice when it is short
 * ("access_token 无效或不是最新的"), else the first clause of the official text, cut on a word boundary.
 */
export function shortMeaning(entry: Entry): string {
  const head = entry.adviceZh?.split(/[：:]/)[0].trim() ?? '';
  if (head && head !== entry.adviceZh && textWidth(head) <= CHIP_MEANING_WIDTH) return head;
  const text = (entry.zh || entry.en).trim();
  const clause = text.split(/[，。；;,:：（(]/)[0].trim() || text;
  return excerpt(clause, [], CHIP_MEANING_WIDTH).text;
}

/** Home chips for codes (the common ones, or the user's own): each with its short meaning; unknown codes left out. */
export function homeChips(catalog: Catalog, codes: readonly string[] = COMMON_CODES): HomeChip[] {
  const seen = new Set<string>();
  const out: HomeChip[] = [];
  for (const code of codes) {
    const primary = meaningsOf(catalog, code).wechat?.primary ?? catalog.lookup(code)[0];
    if (!primary || seen.has(primary.code)) continue;
    seen.add(primary.code);
    const meaning = shortMeaning(primary);
    out.push({ q: primary.code, code: primary.code, meaning, label: `${primary.code} ${meaning}` });
  }
  return out;
}

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

/** A chip reads as the range and its label ("40xxx 请求不被接受…"); keys that are not ranges (ok, busy,
 * errno:06, other:40xxx) show their label only: the key is internal. */
function chipLabel(key: string): string {
  const label = familyLabel(key);
  const range = /^-?\d+x+$/.test(key);
  // A range no source names reads as the range ("76xxx 号段"), not as a sentence saying it has no name.
  if (label.zh === NO_COMMON_MEANING.zh) return range ? `${key} 号段` : key;
  return range ? `${key} ${label.zh}` : label.zh;
}

/** Chips a tab shows before "更多": a row or two of its biggest families. */
export const TAB_CHIP_CAP = 12;
/** Width of a chip's label (see charWidth: a Chinese character counts 2). */
const TAB_CHIP_WIDTH = 28;

/**
 * A family chip's label on its platform's tab: without the platform name the tab already shows ("企业微信：参数不合法"
 * → "参数不合法"), and, when too long for a chip, without its bracketed detail, then cut on a word boundary.
 */
export function tabChipLabel(label: string, names: readonly string[]): string {
  let out = label;
  for (const name of names) {
    const rest = out.startsWith(name) ? out.slice(name.length) : '';
    if (/^[\s：:，,]/.test(rest) && rest.trim()) {
      out = rest.replace(/^[\s：:，,]+/, '');
      break;
    }
  }
  if (textWidth(out) > TAB_CHIP_WIDTH) out = out.replace(/\s*[（(][^（()）]*[）)]$/, '');
  return excerpt(out, [], TAB_CHIP_WIDTH).text;
}

/**
 * A platform's family chips for its tab, TAB_CHIP_CAP of them in code order: the everyday ranges first (系统繁忙,
 * 成功, 40xxx–48xxx: CHIP_GROUPS order), then the biggest families; the others in `more`.
 */
/** 0 for the chips of the first two CHIP_GROUPS (通用, 接口调用), 1 for the others. */
const everyday = (chip: Chip): number => (CHIP_GROUPS.indexOf(chipGroup(chip.key)) < 2 ? 0 : 1);

export function tabChips(
  entries: readonly Entry[],
  names: readonly string[],
  cap = TAB_CHIP_CAP,
): { chips: Chip[]; more: Chip[] } {
  const all = familyChips(entries).map((c) => ({ ...c, label: tabChipLabel(c.label, names) }));
  const kept = new Set(
    all
      .slice()
      .sort((a, b) => everyday(a) - everyday(b) || b.count - a.count)
      .slice(0, cap),
  );
  return { chips: all.filter((c) => kept.has(c)), more: all.filter((c) => !kept.has(c)) };
}

export interface ChipGroup {
  title: string;
  /** The group's biggest families (up to the cap), in code order. */
  chips: Chip[];
  /** Families left out by the cap (a "更多" chip opens them). */
  more: Chip[];
}

/** Chip groups, in the order they are shown: the everyday ranges first. */
const CHIP_GROUPS = [
  '通用',
  '接口调用（40–48）',
  '帐号、授权与签名（5x–6x）',
  '业务与小程序管理（7x–8x）',
  '具体业务',
  '云开发',
  '客户端 errno',
  '非微信平台',
] as const;

/** The group a family chip stands in: by what its range is about. */
function chipGroup(key: string): (typeof CHIP_GROUPS)[number] {
  if (key === 'ok' || key === 'busy') return '通用';
  if (key.startsWith('errno:')) return '客户端 errno';
  if (key.startsWith('other:')) return '非微信平台';
  if (key.startsWith('-')) return '云开发';
  if (/^4[0-8]x{3}$/.test(key)) return '接口调用（40–48）';
  if (/^[56]\dx{3}$/.test(key)) return '帐号、授权与签名（5x–6x）';
  if (/^[78]\dx{3}$/.test(key)) return '业务与小程序管理（7x–8x）';
  return '具体业务';
}

/**
 * Family chips in groups of a few, each group capped at its `cap` biggest families (the rest behind "更多"),
 * so that some sixty chips do not stand in one row. Groups in CHIP_GROUPS order, chips in code order.
 */
export function familyChipGroups(entries: readonly Entry[], cap = 6): ChipGroup[] {
  const groups = new Map<(typeof CHIP_GROUPS)[number], Chip[]>();
  for (const chip of familyChips(entries)) {
    const title = chipGroup(chip.key);
    const list = groups.get(title);
    if (list) list.push(chip);
    else groups.set(title, [chip]);
  }
  const ordered = [...groups].sort((a, b) => CHIP_GROUPS.indexOf(a[0]) - CHIP_GROUPS.indexOf(b[0]));
  return ordered.map(([title, chips]) => {
    const kept = new Set(
      chips
        .slice()
        .sort((a, b) => b.count - a.count)
        .slice(0, cap),
    );
    return { title, chips: chips.filter((c) => kept.has(c)), more: chips.filter((c) => !kept.has(c)) };
  });
}

/** Entries of a platform (and optionally one family), in code order. */
export function platformEntries(catalog: Catalog, platformName: string, family = ''): Entry[] {
  return catalog.entries
    .filter((e) => e.platform === platformName && (!family || e.family === family))
    .sort((a, b) => compareCodes(a.code, b.code));
}
