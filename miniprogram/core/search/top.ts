// From ranked hits to the cells of a page (ranking, last step): one cell per code, and only as much exact
// scoring as the page needs. A broad query ("invalid", "错误") reaches hundreds of entries; each one's exact
// score needs its texts read (coverage, phrase), which is most of a cold first answer without a JIT. Pending
// hits carry the most they can score, so reading them best-first can stop once no unread hit can change
// the first k cells.
import type { Catalog } from '../catalog';
import { NON_WECHAT_BITS, TIER, type Ranked, type Ranker } from './rank';

const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || a.index - b.index;

/**
 * One hit per code. A code's WeChat hits merge at the place of the best one, led by the meaning most
 * commonly met (a platform the query names first) among those at most one tier weaker than the best, so
 * that a meaning matched only through a note (85015 "该账号不是小程序账号" for 版本输入错误) does not lead.
 * Hits of the non-WeChat platform stay apart, each its own, and only when the query names that platform or
 * no WeChat hit comes before them (its string codes, its own wordings): its numbers mean other things.
 * `ranked` is in rank order.
 */
export function oneCellPerCode(catalog: Catalog, ranker: Ranker, ranked: readonly Ranked[]): Ranked[] {
  const named = ranker.named;
  const groups = new Map<string, Ranked[]>();
  const order: Ranked[][] = [];
  let wechatSeen = false;
  for (const r of ranked) {
    if (ranker.platformBit(r.index) & NON_WECHAT_BITS) {
      if (named & NON_WECHAT_BITS || !wechatSeen) order.push([r]);
      continue;
    }
    wechatSeen = true;
    const code = catalog.codeAt(r.index);
    const group = groups.get(code);
    if (!group) {
      const fresh = [r];
      groups.set(code, fresh);
      order.push(fresh);
    } else if (group[0].score - r.score <= TIER.phrase - TIER['all-words']) group.push(r);
  }
  return order.map((group) => {
    if (group.length === 1) return group[0];
    const ids = catalog.lookupNormalized(catalog.codeAt(group[0].index));
    const rank = (x: Ranked): number =>
      ids.indexOf(x.index) - (named & ranker.platformBit(x.index) ? 1e3 : 0);
    const lead = group.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    return { ...lead, score: group[0].score, kind: group[0].kind };
  });
}

/** Inserts r into a list in rank order. */
function insert(list: Ranked[], r: Ranked): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byScore(list[mid], r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, r);
}

/**
 * The hits in rank order, with every hit exact that can decide the first k cells: pending hits are settled
 * best bound first until the exact hits above the next bound make k cells, and then every pending hit of
 * those cells' codes (it could join or lead one). Later hits may stay pending: they only count.
 */
export function settleTop(catalog: Catalog, ranker: Ranker, ranked: Ranked[], k: number): Ranked[] {
  const exact: Ranked[] = [];
  const pending: Ranked[] = [];
  for (const r of ranked) (r.pending ? pending : exact).push(r);
  if (!pending.length) return exact.sort(byScore);
  exact.sort(byScore);
  pending.sort(byScore);
  const pendingByCode = new Map<string, Ranked[]>();
  for (const r of pending) {
    const code = catalog.codeAt(r.index);
    const list = pendingByCode.get(code);
    if (list) list.push(r);
    else pendingByCode.set(code, [r]);
  }
  const settle = (r: Ranked): void => {
    ranker.settle(r);
    insert(exact, r);
  };
  // Codes of the hits known to stay on top (exact, above every pending bound): a lower count of the first
  // cells (a non-WeChat hit counts only when named), kept as that set grows.
  const sureCodes = new Set<string>();
  const counted = new Set<Ranked>();
  const namedOther = (ranker.named & NON_WECHAT_BITS) !== 0;
  let next = 0;
  while (next < pending.length && k > 0) {
    if (!pending[next].pending) {
      next++;
      continue;
    }
    const bound = pending[next].score;
    for (let i = 0; i < exact.length && exact[i].score > bound; i++) {
      const r = exact[i];
      if (counted.has(r)) continue;
      counted.add(r);
      const other = (ranker.platformBit(r.index) & NON_WECHAT_BITS) !== 0;
      if (!other || namedOther) sureCodes.add(other ? `#${r.index}` : catalog.codeAt(r.index));
    }
    if (sureCodes.size >= k) {
      const sure = exact.filter((r) => r.score > bound);
      let settled = false;
      for (const cell of oneCellPerCode(catalog, ranker, sure).slice(0, k))
        for (const r of pendingByCode.get(catalog.codeAt(cell.index)) ?? [])
          if (r.pending) {
            settle(r);
            settled = true;
          }
      if (!settled) break;
      continue;
    }
    settle(pending[next++]);
  }
  return [...exact, ...pending.filter((r) => r.pending)].sort(byScore);
}
