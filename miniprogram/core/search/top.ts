// From ranked hits to the cells of a page (ranking, last step): one cell per code, and only as much exact
// scoring as the page needs. A broad query ("invalid", "错误") reaches hundreds of entries; each one's exact
// score needs its texts read (coverage, phrase), which is most of a cold first answer without a JIT. Pending
// hits carry the most they can score, so reading them best-first can stop once no unread hit can change
// the first k cells.
import type { Catalog } from '../catalog';
import { RankHeap, before, byScore } from './heap';
import { NON_WECHAT_BITS } from './held';
import { TIER, type Ranked, type Ranker } from './rank';

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

/** Inserts r into a list in rank order (at the end, as a rule). */
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

/** Per catalog, a reusable pending-hit-by-entry table (topCells empties it again): one array, not one per query. */
const pendingTables = new WeakMap<Catalog, (Ranked | undefined)[]>();

/** The first cells of a page and how many cells there are in all. */
export interface TopCells {
  /** The first k cells (oneCellPerCode of every hit in rank order, cut at k), exact. */
  cells: Ranked[];
  total: number;
}

/**
 * The first k cells of the hits in rank order, exact, and the number of cells. Pending hits are settled best
 * bound first until the exact hits above the next bound make k cells, and then every pending hit of those
 * cells' codes (it could join or lead one). Later hits may stay pending: they only count. Neither the hits
 * nor the cells are sorted whole: heaps give the hits in rank order as far as the first k cells need.
 */
export function topCells(catalog: Catalog, ranker: Ranker, ranked: Ranked[], k: number): TopCells {
  const exact: Ranked[] = [];
  const pending: Ranked[] = [];
  // Indexed loops over the hits: a broad query has a thousand, and an iterator step costs an object without a JIT.
  for (let i = 0; i < ranked.length; i++) (ranked[i].pending ? pending : exact).push(ranked[i]);
  const exactHeap = new RankHeap(exact);
  const pendingHeap = new RankHeap(pending);
  /** The exact hits above the current bound, in rank order: the head of the final order. */
  const above: Ranked[] = [];
  // Pending hits by entry (a hit per entry at most), for the pending hits of a code: built on first need.
  let pendingAt: (Ranked | undefined)[] | undefined;
  const settleCode = (code: string): boolean => {
    if (!pendingAt) {
      pendingAt = pendingTables.get(catalog);
      if (!pendingAt) pendingTables.set(catalog, (pendingAt = new Array<Ranked | undefined>(catalog.size)));
      for (let i = 0; i < ranked.length; i++) if (ranked[i].pending) pendingAt[ranked[i].index] = ranked[i];
    }
    let settled = false;
    for (const e of catalog.sameCode(code)) {
      const r = pendingAt[e];
      if (r?.pending) {
        ranker.settle(r);
        exactHeap.push(r);
        settled = true;
      }
    }
    return settled;
  };
  // Codes of the hits known to stay on top (exact, above every pending bound): a lower count of the first
  // cells (a non-WeChat hit counts only when named), kept as that set grows.
  const sureCodes = new Set<string>();
  const namedOther = (ranker.named & NON_WECHAT_BITS) !== 0;
  while (k > 0) {
    let next = pendingHeap.peek();
    while (next && !next.pending) {
      pendingHeap.pop();
      next = pendingHeap.peek();
    }
    if (!next) break;
    const bound = pendingHeap.peekKey();
    for (let r = exactHeap.peek(); r && r.score > bound; r = exactHeap.peek()) {
      exactHeap.pop();
      insert(above, r);
      const other = (ranker.platformBit(r.index) & NON_WECHAT_BITS) !== 0;
      if (!other || namedOther) sureCodes.add(other ? `#${r.index}` : catalog.codeAt(r.index));
    }
    if (sureCodes.size >= k) {
      let settled = false;
      for (const cell of oneCellPerCode(catalog, ranker, above).slice(0, k))
        if (settleCode(catalog.codeAt(cell.index))) settled = true;
      if (!settled) break;
      continue;
    }
    pendingHeap.pop();
    ranker.settle(next);
    exactHeap.push(next);
  }
  if (pendingAt) for (let i = 0; i < ranked.length; i++) pendingAt[ranked[i].index] = undefined;
  return {
    cells: firstCells(catalog, ranker, above, exactHeap, pendingHeap, k),
    total: countCells(ranker, catalog, ranked),
  };
}

/**
 * oneCellPerCode of every hit in rank order, cut at k: the head (`above`), then the rest best first until
 * k cells have begun, then every later hit of their codes (it can still join a cell and lead it).
 */
function firstCells(
  catalog: Catalog,
  ranker: Ranker,
  above: Ranked[],
  exactHeap: RankHeap,
  pendingHeap: RankHeap,
  k: number,
): Ranked[] {
  const namedOther = (ranker.named & NON_WECHAT_BITS) !== 0;
  const ordered = above;
  const codes = new Set<string>();
  let cells = 0;
  let wechatSeen = false;
  const count = (r: Ranked): void => {
    if (ranker.platformBit(r.index) & NON_WECHAT_BITS) {
      if (namedOther || !wechatSeen) cells++;
      return;
    }
    wechatSeen = true;
    const code = catalog.codeAt(r.index);
    if (!codes.has(code)) {
      codes.add(code);
      cells++;
    }
  };
  for (const r of ordered) count(r);
  // The rest in rank order: the exact hits left and the pending ones (ordered by their bounds) not settled.
  const nextPending = (): Ranked | undefined => {
    let r = pendingHeap.peek();
    while (r && !r.pending) {
      pendingHeap.pop();
      r = pendingHeap.peek();
    }
    return r;
  };
  while (cells < k) {
    const a = exactHeap.peek();
    const b = nextPending();
    if (!a && !b) break;
    const r = a && (!b || before(a, b)) ? exactHeap.pop() : pendingHeap.pop();
    if (!r) break;
    ordered.push(r);
    count(r);
  }
  // Later hits of the codes begun: exact (their pending hits were settled), in rank order.
  const later = [...exactHeap.rest(), ...pendingHeap.rest()].filter(
    (r) => !(ranker.platformBit(r.index) & NON_WECHAT_BITS) && codes.has(catalog.codeAt(r.index)),
  );
  ordered.push(...later.sort(byScore));
  return oneCellPerCode(catalog, ranker, ordered).slice(0, k);
}

/** How many cells oneCellPerCode makes of every hit: one per WeChat code, and the non-WeChat hits it keeps
 * (all of them when the query names their platform, else those before the first WeChat hit). */
function countCells(ranker: Ranker, catalog: Catalog, ranked: readonly Ranked[]): number {
  const codes = new Set<string>();
  const others: Ranked[] = [];
  let first: Ranked | undefined;
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i];
    if (ranker.platformBit(r.index) & NON_WECHAT_BITS) {
      others.push(r);
      continue;
    }
    codes.add(catalog.codeAt(r.index));
    if (!first || before(r, first)) first = r;
  }
  if (ranker.named & NON_WECHAT_BITS) return codes.size + others.length;
  let kept = 0;
  for (const r of others) if (!first || before(r, first)) kept++;
  return codes.size + kept;
}
