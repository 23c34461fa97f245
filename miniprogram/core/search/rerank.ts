// The first cells of a text query re-ordered from evidence per cell (ranking, last step; issue 12, round 7):
// a linear score over a few numbers about each of the first RERANK_K cells (its tier, how far it is behind
// the first, how much of the query it has and how, its prior, its platform), fitted on the real tune query
// sets as a listwise (softmax) model and validated leave-one-set-out (bench/suites/rerank.ts, docs/search.md).
// The weights are generated into search/rerank-weights.ts. Only cells already scored exactly are read: no
// catalog scan, a few numbers per cell.
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import type { Ranked, Ranker } from './rank';
import { RERANK_WEIGHTS } from './rerank-weights';

/**
 * Off: leave-one-set-out the fitted order gained no query on any left-out set and the written sets lost one each
 * (docs/search.md, round 7; the bar was set before). The benches still fit and score it (SearchOptions.rerank).
 */
export const RERANK_SHIPPED = false;

/** How many of the first cells are re-ordered. */
export const RERANK_K = 10;

/** Names of the features, in RERANK_WEIGHTS order (the bench prints them beside the weights). */
export const RERANK_FEATURES: readonly string[] = [
  'phrase',
  'all-words',
  'behind',
  'log rank',
  'share',
  'matched',
  'in text',
  'literal',
  'cover',
  'prior',
  'named platform',
  'held back',
  'common code',
  'client table',
  'lead',
];

const CLIENT_TABLES = new Set(['wxapi', 'errno']);

/** The features of each of the first RERANK_K cells (cells in today's order, cells[0] first). */
export function cellFeatures(catalog: Catalog, ranker: Ranker, cells: readonly Ranked[]): number[][] {
  const k = Math.min(RERANK_K, cells.length);
  const rows: number[][] = [];
  const first = cells[0]?.score ?? 0;
  for (let r = 0; r < k; r++) {
    const cell = cells[r];
    const e = cell.index;
    const found = ranker.found(e);
    rows.push([
      cell.kind === 'phrase' ? 1 : 0,
      cell.kind === 'all-words' ? 1 : 0,
      Math.min(3, (first - cell.score) / 100),
      Math.log1p(r),
      ranker.share(e),
      found.matched,
      found.inText,
      found.literal,
      found.cover,
      ranker.prior(e) / 10,
      ranker.boost(e) > 0 ? 1 : 0,
      ranker.heldBack(e) > 0 ? 1 : 0,
      ranker.isCommon(e) ? 1 : 0,
      CLIENT_TABLES.has(PLATFORMS[catalog.platformRankAt(e)].key) ? 1 : 0,
      found.lead ? 1 : 0,
    ]);
  }
  return rows;
}

/** The model's score of one cell's features. */
export function cellScore(row: readonly number[], weights: readonly number[] = RERANK_WEIGHTS): number {
  let s = 0;
  for (let j = 0; j < row.length; j++) s += weights[j] * row[j];
  return s;
}

/** The order of the rows by the model's score, best first (ties: today's order). */
export function rerankOrder(
  rows: readonly number[][],
  weights: readonly number[] = RERANK_WEIGHTS,
): number[] {
  const scores = rows.map((row) => cellScore(row, weights));
  return rows.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

/** cells with the first RERANK_K in the model's order (a new array; the rest as they were). */
export function reranked(cells: readonly Ranked[], order: readonly number[]): Ranked[] {
  return [...order.map((i) => cells[i]), ...cells.slice(order.length)];
}
