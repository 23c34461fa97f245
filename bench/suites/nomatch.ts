// The no-match decision from evidence (issue 12): a logistic model over search/evidence.ts's features, fitted on
// the real tune query sets and validated leave-one-set-out: train on four sets, score the fifth's success@1 / @5,
// beside the hand-set rule of round 4 on the same set. Held queries are never read (the `tune` split of
// search-queries-real.json, and the tune-only sets without a held query's thread).
// `npm run bench -- nomatch`; `npm run bench -- nomatch --write` rewrites search/nomatch-weights.ts from all five
// sets, `--check` fails when the committed weights are not what the fit gives (a ranking change moves them).
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import '../../cli/prebuilt-index';
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { SearchIndex, type Evidence } from '../../miniprogram/core/search';
import { FEATURES, decideNoMatch, noMatchOdds } from '../../miniprogram/core/search/evidence';
import { NOMATCH_BIAS, NOMATCH_WEIGHTS } from '../../miniprogram/core/search/nomatch-weights';
import { withoutHeldThreads } from '../data/held-threads';
import { isRight, loadQueries, tuneOnlyFiles, type QueryCase } from './search';

const WEIGHTS_FILE = join(__dirname, '..', '..', 'miniprogram', 'core', 'search', 'nomatch-weights.ts');
const FEATURE_NAMES = [
  'named',
  'log weight',
  'share',
  'specific',
  'generic',
  'wechat',
  'unknown',
  'log terms',
  'margin',
  'gap',
  'han',
  'identifier',
  'weak (rule)',
];

/** One query as the engine answers it with the soft decision left open. */
export interface Outcome {
  wantNone: boolean;
  /** Without evidence a hard rule (a code, another service…) decided: `fixed1` / `fixed5` are its result. */
  evidence?: Evidence;
  fixed1: boolean;
  fixed5: boolean;
  /** When answered: is the first hit right, is one of the first five. */
  right1: boolean;
  right5: boolean;
}

export interface NamedSet {
  name: string;
  outcomes: Outcome[];
}

/**
 * The real sets: tune of search-queries-real.json, then every tune-only set (search-queries-real-N.json, tune2
 * on) without held threads. (check6 and check8 are held: search-queries-check6.json / -check8.json, never read here.)
 */
export function realSets(): { name: string; queries: QueryCase[] }[] {
  const data = JSON.parse(
    readFileSync(join(__dirname, '..', 'data', 'search-queries-real.json'), 'utf8'),
  ) as { queries: QueryCase[]; split: { tune: string[] } };
  const tune = new Set(data.split.tune);
  const sets = [{ name: 'tune', queries: data.queries.filter((q) => tune.has(q.q)) }];
  for (const [name, file] of tuneOnlyFiles())
    sets.push({ name, queries: withoutHeldThreads(loadQueries(file)).kept });
  return sets;
}

function outcomes(index: SearchIndex, catalog: Catalog, queries: QueryCase[]): Outcome[] {
  return queries.map((c) => {
    let evidence: Evidence | undefined;
    const ids = index
      .search(c.q, {
        limit: 5,
        noMatch: (e) => {
          evidence = e;
          return false;
        },
      })
      .map((h) => h.entry.id);
    const wantNone = c.accept?.length === 0 && c.acceptCodePrefix === undefined;
    const right1 = !wantNone && ids.length > 0 && isRight(c, ids[0], catalog);
    const right5 = !wantNone && ids.some((id) => isRight(c, id, catalog));
    const none = ids.length === 0;
    return {
      wantNone,
      evidence,
      fixed1: wantNone ? none : right1,
      fixed5: wantNone ? none : right5,
      right1,
      right5,
    };
  });
}

type Decide = (e: Evidence) => boolean;

/** success@1 and @5 of a set under a no-match decision. */
export function rates(set: Outcome[], decide: Decide): { at1: number; at5: number } {
  let at1 = 0;
  let at5 = 0;
  for (const o of set) {
    if (!o.evidence) {
      at1 += +o.fixed1;
      at5 += +o.fixed5;
      continue;
    }
    const none = decide(o.evidence);
    at1 += +(o.wantNone ? none : !none && o.right1);
    at5 += +(o.wantNone ? none : !none && o.right5);
  }
  return { at1: at1 / set.length, at5: at5 / set.length };
}

/** What answering instead of no match is worth on a query, in s@1 + s@5 counts (positive: answer). */
function stake(o: Outcome): number {
  return o.wantNone ? -2 : +o.right1 + +o.right5;
}

export interface FitOptions {
  /** Weight of a right answer against a wanted no match (1: as the success rates count them). */
  answerWeight: number;
  lambda: number;
  /** Features left out (their weight stays 0). */
  without: readonly number[];
}

export const FIT: FitOptions = { answerWeight: 12, lambda: 0.1, without: [] };

/** Weighted logistic regression (no match = 1) on standardised features, L2, plain gradient descent. */
export function fit(samples: Outcome[], options: FitOptions = FIT): { weights: number[]; bias: number } {
  // (A query ending mid-word is decided by the round-4 rule, not by the model: see evidence.ts noMatch.)
  const rows = samples.filter((o) => o.evidence && !o.evidence.typing && stake(o) !== 0);
  const off = new Set(options.without);
  const x = rows.map((o) => FEATURES.map((f, j) => (off.has(j) ? 0 : f(o.evidence as Evidence))));
  const y = rows.map((o) => (o.wantNone ? 1 : 0));
  const w = rows.map((o) => Math.abs(stake(o)) * (o.wantNone ? 1 : options.answerWeight));
  const d = FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of x) r.forEach((v, j) => (mean[j] += v / x.length));
  for (const r of x) r.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / x.length));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const z = x.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
  const beta = new Array<number>(d).fill(0);
  let b0 = 0;
  const total = w.reduce((a, v) => a + v, 0);
  const { lambda } = options;
  for (let it = 0; it < 3000; it++) {
    const g = new Array<number>(d).fill(0);
    let g0 = 0;
    z.forEach((r, i) => {
      let s = b0;
      for (let j = 0; j < d; j++) s += beta[j] * r[j];
      const err = (w[i] * (1 / (1 + Math.exp(-s)) - y[i])) / total;
      g0 += err;
      for (let j = 0; j < d; j++) g[j] += err * r[j];
    });
    b0 -= 0.5 * g0;
    for (let j = 0; j < d; j++) beta[j] -= 0.5 * (g[j] + lambda * beta[j]);
  }
  // Back to raw features, so the product computes w·x + b without the means.
  const weights = beta.map((v, j) => v / sd[j]);
  const bias = b0 - beta.reduce((a, v, j) => a + (v * mean[j]) / sd[j], 0);
  // The cut: the log-odds threshold that maximises s@1 + s@5 on the training samples, folded into the bias.
  const odds = rows.map((o) => noMatchOdds(o.evidence as Evidence, weights, bias));
  const cuts = [...new Set(odds.map((v) => Math.round(v * 1000) / 1000))].sort((a, b) => a - b);
  let best = { cut: 0, gain: -Infinity };
  for (const cut of [Number.NEGATIVE_INFINITY, ...cuts]) {
    let gain = 0;
    rows.forEach(
      (o, i) => (gain += (odds[i] > cut ? -1 : 1) * stake(o) * (o.wantNone ? 1 : options.answerWeight)),
    );
    // Ties: the cut nearest 0 (the model's own midpoint).
    if (gain > best.gain || (gain === best.gain && Math.abs(cut) < Math.abs(best.cut))) best = { cut, gain };
  }
  const cut = Number.isFinite(best.cut) ? best.cut : Math.min(...cuts) - 1;
  return { weights: weights.map(round), bias: round(bias - cut) };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

const modelOf =
  (m: { weights: number[]; bias: number }): Decide =>
  (e) =>
    decideNoMatch(e, m.weights, m.bias);

const rule: Decide = (e) => e.weak;

function fmt(r: { at1: number; at5: number }): string {
  return `${r.at1.toFixed(3)} / ${r.at5.toFixed(3)}`;
}

function weightsSource(m: { weights: number[]; bias: number }): string {
  const lines = m.weights.map((v, j) => `  ${v}, // ${FEATURE_NAMES[j]}`);
  return (
    '// Generated by `npm run bench -- nomatch --write` (bench/suites/nomatch.ts) from the real tune query sets:\n' +
    '// do not edit. Weights of search/evidence.ts FEATURES; the bias holds the fitted cut.\n' +
    `export const NOMATCH_WEIGHTS: readonly number[] = [\n${lines.join('\n')}\n];\n` +
    `export const NOMATCH_BIAS = ${m.bias};\n`
  );
}

/** The five real tune sets and the two written ones, each query answered with the soft decision left open. */
export function loadSets(): { real: NamedSet[]; written: NamedSet[] } {
  const catalog = bundledCatalog();
  const index = new SearchIndex(catalog);
  const real = realSets().map((s) => ({ name: s.name, outcomes: outcomes(index, catalog, s.queries) }));
  const written: NamedSet[] = [
    { name: 'tuned (written)', outcomes: outcomes(index, catalog, loadQueries()) },
    { name: 'blind (written)', outcomes: outcomes(index, catalog, loadQueries('search-queries-blind.json')) },
  ];
  return { real, written };
}

/** Per left-out set: the round-4 rule's and the model's (trained on the other sets) success rates. */
export function leaveOneSetOut(
  sets: NamedSet[],
  options: FitOptions = FIT,
): { name: string; queries: number; evidence: number; rule: Rates; model: Rates }[] {
  return sets.map((left) => {
    const m = fit(
      sets.filter((s) => s !== left).flatMap((s) => s.outcomes),
      options,
    );
    return {
      name: left.name,
      queries: left.outcomes.length,
      evidence: left.outcomes.filter((o) => o.evidence).length,
      rule: rates(left.outcomes, rule),
      model: rates(left.outcomes, modelOf(m)),
    };
  });
}

type Rates = { at1: number; at5: number };

/** Answer weights the nested choice compares. */
const ANSWER_WEIGHTS = [1, 2, 3, 5, 8, 12, 20];

/**
 * The answer weight whose leave-one-set-out gain over the rule on these sets is largest: the mean over the sets
 * of (s@1 + s@5 gained), each set counting the same (ties: the larger weight).
 */
export function chooseAnswerWeight(sets: NamedSet[]): number {
  let best = { weight: ANSWER_WEIGHTS[0], gain: Number.NEGATIVE_INFINITY };
  for (const weight of ANSWER_WEIGHTS) {
    const rows = leaveOneSetOut(sets, { ...FIT, answerWeight: weight });
    const gain =
      rows.reduce((a, r) => a + r.model.at1 - r.rule.at1 + r.model.at5 - r.rule.at5, 0) / rows.length;
    if (gain >= best.gain - 1e-12) best = { weight, gain };
  }
  return best.weight;
}

/** Leave-one-set-out of the whole procedure: the answer weight chosen on the four training sets alone. */
export function nested(sets: NamedSet[]): { name: string; weight: number; model: Rates }[] {
  return sets.map((left) => {
    const train = sets.filter((s) => s !== left);
    const weight = chooseAnswerWeight(train);
    const m = fit(
      train.flatMap((s) => s.outcomes),
      { ...FIT, answerWeight: weight },
    );
    return { name: left.name, weight, model: rates(left.outcomes, modelOf(m)) };
  });
}

export function run(): void {
  const { real: sets, written } = loadSets();
  console.log('leave-one-set-out, success@1 / @5 of the left-out set (trained on the other four):');
  console.log('| left out (queries, weighed by the model) | round-4 rule | model |');
  const inner = process.argv.includes('--nested') ? nested(sets) : undefined;
  if (inner)
    console.log('(nested: the answer weight chosen by leave-one-set-out on the four training sets alone)');
  leaveOneSetOut(sets).forEach((r, k) => {
    const choice = inner ? ` | ${fmt(inner[k].model)} (weight ${inner[k].weight})` : '';
    console.log(`| ${r.name} (${r.queries}, ${r.evidence}) | ${fmt(r.rule)} | ${fmt(r.model)}${choice} |`);
  });
  const all = fit(sets.flatMap((s) => s.outcomes));
  console.log(
    `fitted on all sets: ${all.weights.map((v, j) => `${FEATURE_NAMES[j]} ${v}`).join(', ')}, bias ${all.bias}`,
  );
  for (const s of [...sets, ...written])
    console.log(
      `  ${s.name}: rule ${fmt(rates(s.outcomes, rule))}, all-sets model ${fmt(rates(s.outcomes, modelOf(all)))}`,
    );
  const source = weightsSource(all);
  const current = weightsSource({ weights: [...NOMATCH_WEIGHTS], bias: NOMATCH_BIAS });
  if (process.argv.includes('--write')) {
    writeFileSync(WEIGHTS_FILE, source);
    console.log(`wrote ${WEIGHTS_FILE}`);
  } else if (process.argv.includes('--check') && source !== current) {
    console.log('search/nomatch-weights.ts is stale: run `npm run bench -- nomatch --write`');
    process.exitCode = 1;
  }
}
