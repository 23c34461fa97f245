// The re-ranking of a text query's first cells (issue 12, round 7): a listwise (softmax) linear model over
// search/rerank.ts's features of the first RERANK_K cells, fitted on the real tune query sets and validated
// leave-one-set-out (train on the other sets, score the left-out one beside today's order). The no-match decision
// is the shipped one for both orders (it reads the cells before re-ordering), so the columns differ only by order.
// `npm run bench -- rerank`; `--write` rewrites search/rerank-weights.ts from all sets, `--check` fails when the
// committed weights are stale, `--classes` counts each set's misses by class (today's order).
import { writeFileSync } from 'fs';
import { join } from 'path';
import '../../cli/prebuilt-index';
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { SearchIndex } from '../../miniprogram/core/search';
import { RERANK_FEATURES, rerankOrder } from '../../miniprogram/core/search/rerank';
import { RERANK_WEIGHTS } from '../../miniprogram/core/search/rerank-weights';
import { printClasses } from '../rank/classes';
import { realSets } from './nomatch';
import { isRight, loadQueries, type QueryCase } from './search';

const WEIGHTS_FILE = join(__dirname, '..', '..', 'miniprogram', 'core', 'search', 'rerank-weights.ts');

/** One query as the engine answers it in today's order, with the features of its first cells when re-ordered. */
export interface Ranking {
  /** The answer does not depend on the order (no match, a code, under the first K): its success. */
  fixed1: boolean;
  fixed5: boolean;
  /** For an answered text query: its cells' features (today's order) and which cells are right. */
  rows?: number[][];
  right?: boolean[];
}

export interface RankedSet {
  name: string;
  rankings: Ranking[];
}

function rankingsOf(index: SearchIndex, catalog: Catalog, queries: QueryCase[]): Ranking[] {
  return queries.map((c) => {
    let rows: number[][] | undefined;
    const ids = index
      .search(c.q, {
        limit: 10,
        rerank: (r) => {
          rows = r;
          return r.map((_, i) => i);
        },
      })
      .map((h) => h.entry.id);
    const wantNone = c.accept?.length === 0 && c.acceptCodePrefix === undefined;
    if (wantNone) return { fixed1: !ids.length, fixed5: !ids.length };
    const right = ids.map((id) => isRight(c, id, catalog));
    return {
      fixed1: right[0] === true,
      fixed5: right.slice(0, 5).some(Boolean),
      rows,
      right: rows ? right.slice(0, rows.length) : undefined,
    };
  });
}

type Order = (rows: number[][]) => readonly number[];
const today: Order = (rows) => rows.map((_, i) => i);
const modelOf =
  (weights: readonly number[]): Order =>
  (rows) =>
    rerankOrder(rows, weights);

/** success@1 and @5 of a set under an order of the first cells, and the counts behind them. */
export function rates(set: Ranking[], order: Order): { at1: number; at5: number; n1: number; n5: number } {
  let n1 = 0;
  let n5 = 0;
  for (const r of set) {
    if (!r.rows || !r.right) {
      n1 += +r.fixed1;
      n5 += +r.fixed5;
      continue;
    }
    const right = r.right;
    const o = order(r.rows);
    n1 += +right[o[0]];
    n5 += +o.slice(0, 5).some((i) => right[i]);
  }
  return { at1: n1 / set.length, at5: n5 / set.length, n1, n5 };
}

export interface FitOptions {
  lambda: number;
}

export const FIT: FitOptions = { lambda: 0.05 };

/**
 * Listwise logistic (softmax over each query's first cells, the right cells as one outcome) on standardised
 * features, L2, plain gradient descent, deterministic. Queries whose cells are all right or all wrong say nothing
 * about order and are left out. Returns weights of the raw features (no bias: it cancels within a query).
 */
export function fit(samples: Ranking[], options: FitOptions = FIT): number[] {
  const lists = samples.filter(
    (r): r is Ranking & { rows: number[][]; right: boolean[] } =>
      !!r.rows && !!r.right && r.right.some(Boolean) && !r.right.every(Boolean),
  );
  const d = RERANK_FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  const all = lists.flatMap((r) => r.rows);
  for (const x of all) x.forEach((v, j) => (mean[j] += v / all.length));
  for (const x of all) x.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / all.length));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const z = lists.map((r) => r.rows.map((x) => x.map((v, j) => (v - mean[j]) / sd[j])));
  const beta = new Array<number>(d).fill(0);
  for (let it = 0; it < 2000; it++) {
    const g = new Array<number>(d).fill(0);
    z.forEach((rows, q) => {
      const right = lists[q].right;
      const s = rows.map((x) => x.reduce((a, v, j) => a + beta[j] * v, 0));
      const top = Math.max(...s);
      const p = s.map((v) => Math.exp(v - top));
      const sum = p.reduce((a, v) => a + v, 0);
      const sumRight = p.reduce((a, v, i) => a + (right[i] ? v : 0), 0);
      rows.forEach((x, i) => {
        const err = p[i] / sum - (right[i] ? p[i] / sumRight : 0);
        for (let j = 0; j < d; j++) g[j] += (err * x[j]) / z.length;
      });
    });
    for (let j = 0; j < d; j++) beta[j] -= 0.5 * (g[j] + options.lambda * beta[j]);
  }
  return beta.map((v, j) => Math.round((v / sd[j]) * 1e4) / 1e4);
}

/** The real tune sets, each query's first cells recorded; and the two written sets (never fitted on). */
export function loadRankedSets(): { real: RankedSet[]; written: RankedSet[] } {
  const catalog = bundledCatalog();
  const index = new SearchIndex(catalog);
  const real = realSets().map((s) => ({ name: s.name, rankings: rankingsOf(index, catalog, s.queries) }));
  const written = [
    { name: 'tuned (written)', rankings: rankingsOf(index, catalog, loadQueries()) },
    {
      name: 'blind (written)',
      rankings: rankingsOf(index, catalog, loadQueries('search-queries-blind.json')),
    },
  ];
  return { real, written };
}

/** Per left-out set: today's order and the model fitted on the other sets. */
export function leaveOneSetOut(
  sets: RankedSet[],
  options: FitOptions = FIT,
): { name: string; queries: number; lists: number; today: Rates; model: Rates }[] {
  return sets.map((left) => {
    const weights = fit(
      sets.filter((s) => s !== left).flatMap((s) => s.rankings),
      options,
    );
    return {
      name: left.name,
      queries: left.rankings.length,
      lists: left.rankings.filter((r) => r.rows).length,
      today: rates(left.rankings, today),
      model: rates(left.rankings, modelOf(weights)),
    };
  });
}

type Rates = ReturnType<typeof rates>;

function fmt(r: Rates): string {
  return `${r.at1.toFixed(3)} / ${r.at5.toFixed(3)}`;
}

function weightsSource(weights: readonly number[]): string {
  return (
    '// Generated by `npm run bench -- rerank --write` (bench/suites/rerank.ts) from the real tune query sets:\n' +
    '// do not edit. Weights of search/rerank.ts RERANK_FEATURES.\n' +
    `export const RERANK_WEIGHTS: readonly number[] = [\n${weights
      .map((v, j) => `  ${v}, // ${RERANK_FEATURES[j]}`)
      .join('\n')}\n];\n`
  );
}

export function run(): void {
  if (process.argv.includes('--classes')) {
    printClasses();
    return;
  }
  const { real, written } = loadRankedSets();
  console.log('leave-one-set-out, success@1 / @5 of the left-out set (fitted on the others), queries right:');
  console.log('| left out (queries, re-ordered) | today | re-ranked | @1 net | @5 net |');
  let d1 = 0;
  let d5 = 0;
  for (const r of leaveOneSetOut(real)) {
    d1 += r.model.n1 - r.today.n1;
    d5 += r.model.n5 - r.today.n5;
    console.log(
      `| ${r.name} (${r.queries}, ${r.lists}) | ${fmt(r.today)} | ${fmt(r.model)} | ` +
        `${r.model.n1 - r.today.n1} | ${r.model.n5 - r.today.n5} |`,
    );
  }
  console.log(`pooled net: @1 ${d1}, @5 ${d5}`);
  const weights = fit(real.flatMap((s) => s.rankings));
  console.log(`fitted on all: ${weights.map((v, j) => `${RERANK_FEATURES[j]} ${v}`).join(', ')}`);
  for (const s of [...real, ...written]) {
    const a = rates(s.rankings, today);
    const b = rates(s.rankings, modelOf(weights));
    console.log(
      `  ${s.name}: today ${fmt(a)}, all-sets fit ${fmt(b)} (@1 ${b.n1 - a.n1}, @5 ${b.n5 - a.n5})`,
    );
  }
  const source = weightsSource(weights);
  if (process.argv.includes('--write')) {
    writeFileSync(WEIGHTS_FILE, source);
    console.log(`wrote ${WEIGHTS_FILE}`);
  } else if (process.argv.includes('--check') && source !== weightsSource(RERANK_WEIGHTS)) {
    console.log('search/rerank-weights.ts is stale: run `npm run bench -- rerank --write`');
    process.exitCode = 1;
  }
}
