// One cell per code: a code's WeChat meanings stand together (most commonly met first, the rest behind
// "+N 个平台"); the non-WeChat platform of seed 003 never joins them and is shown apart, and only when the
// query names it or nothing on WeChat answers before it. Used by search (hits) and by lookups (CLI, pages).
import type { Catalog } from '../catalog';
import { familyOf } from '../family';
import { platformInfo } from '../platforms';
import type { Entry } from '../types';

export function isWechat(entry: Entry): boolean {
  return platformInfo(entry.platform).wechat;
}

/** One code as one cell: the meaning shown, and the code's other WeChat meanings behind "+N 个平台". */
export interface CodeCell {
  code: string;
  primary: Entry;
  /** The same code's other WeChat meanings, most commonly met first (empty for a non-WeChat cell). */
  also: Entry[];
  /** True for the non-WeChat platform: a cell of its own, shown apart from the WeChat ones. */
  apart: boolean;
}

/** What a lookup of one code shows: the WeChat cell and, when asked for or when there is nothing else, the others. */
export interface CodeMeanings {
  wechat?: CodeCell;
  /** Non-WeChat meanings, one cell each; empty unless `nonWechat` was asked for or no WeChat meaning exists. */
  apart: CodeCell[];
  /** Non-WeChat meanings left out (a "show the non-WeChat platform" link can say how many). */
  hidden: number;
}

export interface MeaningOptions {
  /** Show the non-WeChat platform's meanings too (the query named that platform). */
  nonWechat?: boolean;
  /** Put this entry first when it is one of the code's WeChat meanings (a platform the query names). */
  prefer?: (entry: Entry) => boolean;
}

/** wechatMeanings by catalog and code: every search hit asks for its code's (a lookup runs regexes). */
const meaningsMemo = new WeakMap<Catalog, Map<string, readonly Entry[]>>();

/** The WeChat entries of exactly this code, most commonly met first (one shared list per code: do not change it). */
export function wechatMeanings(catalog: Catalog, code: string): readonly Entry[] {
  let memo = meaningsMemo.get(catalog);
  if (!memo) meaningsMemo.set(catalog, (memo = new Map()));
  let list = memo.get(code);
  if (!list) {
    list = catalog.lookup(code).filter((e) => e.code === code && isWechat(e));
    // Bounded by the catalog's codes; a code typed in a query that no entry has is not kept.
    if (list.length) memo.set(code, list);
  }
  return list;
}

/** The other WeChat meanings of an entry's code: what "+N 个平台" opens. None for a non-WeChat entry. */
export function otherMeanings(catalog: Catalog, entry: Entry): Entry[] {
  if (!isWechat(entry)) return [];
  return wechatMeanings(catalog, entry.code).filter((e) => e.id !== entry.id);
}

/**
 * Cells of a list of entries of any codes, in the order of their first entry: each code's WeChat entries
 * merged into one cell (led by the first of them in the list, or by `prefer`), each non-WeChat entry alone.
 * `also` lists every other WeChat meaning the catalog has for the code, in the catalog's order.
 */
export function cellsOf(
  catalog: Catalog,
  entries: readonly Entry[],
  prefer?: (entry: Entry) => boolean,
): CodeCell[] {
  const out: CodeCell[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!isWechat(entry)) {
      out.push({ code: entry.code, primary: entry, also: [], apart: true });
      continue;
    }
    if (seen.has(entry.code)) continue;
    seen.add(entry.code);
    const lead = (prefer && wechatMeanings(catalog, entry.code).find(prefer)) || entry;
    out.push({ code: entry.code, primary: lead, also: otherMeanings(catalog, lead), apart: false });
  }
  return out;
}

/** Every meaning of one code as cells, for `wxerr lookup` and the detail page (wildcard rows such as
 * "-40400x" that cover the code count as its meanings). */
export function meaningsOf(catalog: Catalog, code: string, options: MeaningOptions = {}): CodeMeanings {
  const all = catalog.lookup(code);
  const wechat = all.filter(isWechat);
  const others = all.filter((e) => !isWechat(e));
  const showOthers = !!options.nonWechat || !wechat.length;
  const lead = (options.prefer && wechat.find(options.prefer)) || wechat[0];
  return {
    wechat: lead && { code: lead.code, primary: lead, also: wechat.filter((e) => e !== lead), apart: false },
    apart: showOthers ? cellsOf(catalog, others) : [],
    hidden: showOthers ? 0 : others.length,
  };
}

/**
 * The known codes nearest to a code the catalog may not list (45999 → 45015, 45016…): WeChat codes of the
 * same family, by numeric distance, one cell per code. Empty when the family has no known code.
 */
export function nearestCodes(catalog: Catalog, code: string, count = 5): CodeCell[] {
  const value = Number(code);
  if (!/^-?\d+$/.test(code)) return [];
  const family = familyOf(code, '开放平台通用');
  const near = catalog.entries
    .filter((e) => e.family === family && e.code !== code && isWechat(e) && /^-?\d+$/.test(e.code))
    .sort(
      (a, b) =>
        Math.abs(Number(a.code) - value) - Math.abs(Number(b.code) - value) ||
        Number(a.code) - Number(b.code),
    );
  return cellsOf(catalog, near).slice(0, count);
}
