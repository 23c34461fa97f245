// Learned evidence weights (docs/extract-history.md section 8), an OPTION of extractCodes, off by default. Every
// number of a text that could be a code (a candidate) is described by the evidence the rules read (key, shape,
// markers and their distance, catalog tables, errmsg beside it…); weights fitted on the tune batches by
// `npm run learn:weights` (generated/learned-weights.ts) turn that evidence into P(the number is a code). "Sure
// flips": a number the rules took is dropped when P < 0.1, one they did not take is added when P > 0.9 (on the
// platform a second, per-class weighting picks). The bench trains on exactly these candidates and features.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import { CONTEXT_ONLY_KEYS, clientApi, platformKeyOf } from './attribute';
import type { TextContext } from './context';
import { around, candidatesOf } from './learned-candidates';
import type { MessageIndex } from './messages';
import type { Hit } from './summary';

export { candidatesOf };

/** The platform classes a numeric code takes ('' is WeChat's generic platform). */
export const PLATFORMS = ['', 'wecom', 'wxapi'] as const;
export type PlatformClass = (typeof PLATFORMS)[number];

export type Weights = Record<string, number>;
export interface LearnedWeights {
  accept: Weights;
  platform: Record<PlatformClass, Weights>;
}

export interface Candidate {
  code: string;
  offset: number;
  end: number;
  line: number;
  /** Evidence by name: 0/1 indicators. */
  features: Record<string, number>;
  /** Platform classes the catalog has the code on (generic when a WeChat platform has it, or none does). */
  platforms: PlatformClass[];
  /** The rules' hit at this offset, if they took the number. */
  hit?: Hit;
  /** The rules gave the number to another service. */
  ignored: boolean;
}

export const dot = (w: Weights, f: Record<string, number>): number => {
  let s = 0;
  for (const k in f) if (f[k]) s += (w[k] ?? 0) * f[k];
  return s;
};

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function choiceProbabilities<C extends string>(
  w: Record<C, Weights>,
  f: Record<string, number>,
  allowed: readonly C[],
): Map<C, number> {
  const scores = allowed.map((c) => dot(w[c], f));
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return new Map(allowed.map((c, i) => [c, exp[i] / sum]));
}

export function choose<C extends string>(
  w: Record<C, Weights>,
  f: Record<string, number>,
  allowed: readonly C[],
): C {
  let best = allowed[0];
  let bestP = -1;
  for (const [c, p] of choiceProbabilities(w, f, allowed))
    if (p > bestP) {
      best = c;
      bestP = p;
    }
  return best;
}

/** The catalog meaning of a code on a platform class (the entry a found code points to). */
function meaningOn(catalog: Catalog, code: string, platform: PlatformClass, near: string): Entry | undefined {
  const entries = catalog.lookup(code);
  if (platform === 'wecom') return entries.find((e) => platformKeyOf(e) === 'wecom');
  if (platform === 'wxapi') {
    const named = clientApi(catalog, code, near)?.entryId;
    return (named ? catalog.get(named) : undefined) ?? entries.find((e) => platformKeyOf(e) === 'wxapi');
  }
  return entries.find((e) => !CONTEXT_ONLY_KEYS.has(platformKeyOf(e)));
}

/**
 * The sure flips, in place on the rules' hits: drop a number they took when P < 0.1, add one they did not take
 * when P > 0.9. Returns how many of each, for whoever wants to say so.
 */
export function applySureFlips(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  hits: Hit[],
  ignoredOffsets: ReadonlySet<number>,
  weights: LearnedWeights,
): { dropped: number; added: number } {
  const candidates = candidatesOf(catalog, index, ctx, { hits, ignoredOffsets });
  // A code the rules took on a line is that line's one mention: its devtool URL (`…?e=45009`) or a `(code:
  // 45009)` echo on the same line is not a second occurrence.
  const takenOnLine = new Set(hits.map((h) => `${h.line}:${h.code}`));
  const drop = new Set<Hit>();
  let added = 0;
  for (const c of candidates) {
    const p = sigmoid(dot(weights.accept, c.features));
    if (c.hit) {
      if (p < 0.1) drop.add(c.hit);
      continue;
    }
    if (p <= 0.9 || takenOnLine.has(`${c.line}:${c.code}`)) continue;
    const platform = choose(weights.platform, c.features, c.platforms);
    const entry = meaningOn(catalog, c.code, platform, around(ctx, c.line));
    hits.push({
      code: c.code,
      offset: c.offset,
      end: c.end,
      line: c.line,
      via: 'context',
      platform: entry ? platformKeyOf(entry) : 'unknown',
      ...(entry ? { entryId: entry.id } : {}),
      context: 'learned evidence',
    });
    added++;
  }
  if (drop.size) {
    const kept = hits.filter((h) => !drop.has(h));
    hits.length = 0;
    hits.push(...kept);
  }
  return { dropped: drop.size, added };
}
