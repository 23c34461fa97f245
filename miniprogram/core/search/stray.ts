// Named numbers that are not WeChat's answer (no match, ranking's last step; moved out of search.ts): another
// service's number that happens to be in a small table, and a one-digit code every service uses for "failed".
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import type { Platform } from '../types';
import type { Dictionary } from './dictionary';
import { hasWechatWord, termWeights } from './evidence';
import { highlightsOf } from './highlights';
import type { ParsedQuery } from './query';
import type { Ranked, Ranker } from './rank';
import type { Term } from './terms';
import { foldChars } from './text';
import { holdsClause } from './wording';

/**
 * Platforms whose small numbers other services' codes often collide with: a small product (腾讯小微), the client
 * API tables (bluetooth 10003, named by wx.* API names) and the non-WeChat platform.
 */
const STRAY_PLATFORMS: ReadonlySet<Platform> = new Set(
  PLATFORMS.filter((p) => ['xiaowei', 'wxapi', 'errno'].includes(p.key) || !p.wechat).map((p) => p.name),
);

/**
 * True when the codes named are only those of STRAY_PLATFORMS, the query names no platform, and its words share
 * nothing with the meaning found ("code 20001, msg appid is invalid",
 * "redirect_uri 域名与后台配置不一致，错误码：10003"): another service's number that happens to be theirs.
 */
export function strayCode(
  catalog: Catalog,
  ranker: Ranker,
  parsed: ParsedQuery,
  top: Ranked | undefined,
): boolean {
  if (!parsed.codes.length || !top || top.kind !== 'code' || ranker.named) return false;
  const narrow = (i: number): boolean => STRAY_PLATFORMS.has(catalog.platformAt(i));
  // (An errMsg, "api:fail …", names its error whole: only a bare number can be another service's.)
  const stray = (code: string): boolean => /^-?\d+$/.test(code) && catalog.lookupIndices(code).every(narrow);
  if (!parsed.codes.every(stray)) return false;
  return highlightsOf(catalog, ranker, top).every((h) => h.field === 'code');
}

/**
 * True when every code named is a one-digit number (-1, 1, -2: any service's failure), the query names no
 * platform, has no WeChat word and no clause of the meaning found ("报错系统错误，错误码：-1" keeps -1), and its
 * words (`terms`) share with that meaning only generic failure words
 * ("Android在前端发起支付一闪而过,errCode返回-1", "Code=-1 \"Unknown error\""): nothing says the number is WeChat's.
 */
export function anyServiceNumber(
  catalog: Catalog,
  ranker: Ranker,
  dict: Dictionary,
  terms: readonly Term[],
  query: string,
  parsed: ParsedQuery,
  top: Ranked | undefined,
): boolean {
  if (!parsed.codes.length || !top || top.kind !== 'code' || ranker.named) return false;
  if (!parsed.codes.every((code) => /^-?\d$/.test(code))) return false;
  if (hasWechatWord(foldChars(query)) || holdsClause(catalog, query, top)) return false;
  return termWeights(terms, ranker, dict, top.index).specific === 0;
}
