// What the learned pass decides from the candidates and weights of learned.ts (docs/extract-history.md §8, §9),
// in place on the rules' hits, after the written-code passes. A number the rules took is dropped when the model
// is sure it is none; one they left is added when the model is sure enough of it and, under the vetoes, nothing
// the rules hold against it says another service, a quantity or a client API not named.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import { CONTEXT_ONLY_KEYS, clientApi, platformKeyOf } from './attribute';
import type { TextContext } from './context';
import {
  candidatesOf,
  choose,
  dot,
  sigmoid,
  type Candidate,
  type LearnedWeights,
  type PlatformClass,
} from './learned';
import type { MessageIndex } from './messages';
import type { Hit } from './summary';

export interface LearnedPolicy {
  /** A number the rules took is dropped when P is below this. */
  drop: number;
  /** A number they left is added when P is above this… */
  add: number;
  /** …and, when true, no veto holds it (`clearOfVetoes`). */
  vetoes: boolean;
}

/** §8 (f), the default from session 6: the sure flips. */
export const SURE_FLIPS: LearnedPolicy = { drop: 0.1, add: 0.9, vetoes: false };
/** §9 (h3): the sure drops, and adds at P > 0.7 under the rules' vetoes. */
export const VETOED_ADDS: LearnedPolicy = { drop: 0.1, add: 0.7, vetoes: true };

/**
 * The rules' vetoes on a number (§9): they gave it, here or elsewhere in the text, to another service
 * (`ignored` keeps one occurrence per code); another service's context holds it; it is on a syscall / database
 * error line or inside a masked span (URL, path, id, rid).
 */
export function vetoed(c: Candidate, ignoredCodes: ReadonlySet<string>): boolean {
  const f = c.features;
  return (
    c.ignored ||
    ignoredCodes.has(c.code) ||
    f['ctx:foreign'] === 1 ||
    f['line:syscall-error'] === 1 ||
    f['line:masked'] === 1
  );
}

/** A Chinese count or unit right after a number (10000个审批记录, 600次/分, 1000条): a quantity, not a code. */
const COUNTED = /^\s*(?:个|次(?!数)|条|元|秒|分钟|小时|天|万|张|页|年|月|%)/;

export const countedAt = (text: string, end: number): boolean => COUNTED.test(text.slice(end, end + 8));

/**
 * An add clear of the vetoes: none of `vetoed`, no count after the number, and a client API's meaning only where
 * a client API is named within 2 lines or the number is a listing line of its family (the rules' own condition).
 */
export function clearOfVetoes(
  features: Record<string, number>,
  platform: PlatformClass,
  isVetoed: boolean,
  counted: boolean,
): boolean {
  if (isVetoed || counted) return false;
  return platform !== 'wxapi' || features['api:named-near'] === 1 || features['shape:listing'] === 1;
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

/** The numbers the rules gave to other services: at which offsets (first of each code), and which codes. */
export interface RulesIgnored {
  offsets: ReadonlySet<number>;
  codes: ReadonlySet<string>;
}

/** The policy applied in place on the rules' hits. Returns how many numbers it dropped and added. */
export function applyLearned(
  catalog: Catalog,
  index: MessageIndex,
  ctx: TextContext,
  hits: Hit[],
  ignored: RulesIgnored,
  weights: LearnedWeights,
  policy: LearnedPolicy,
): { dropped: number; added: number } {
  const candidates = candidatesOf(catalog, index, ctx, { hits, ignoredOffsets: ignored.offsets });
  // A code the rules took on a line is that line's one mention: its devtool URL (`…?e=45009`) or a `(code:
  // 45009)` echo on the same line is not a second occurrence.
  const takenOnLine = new Set(hits.map((h) => `${h.line}:${h.code}`));
  const drop = new Set<Hit>();
  let added = 0;
  for (const c of candidates) {
    const p = sigmoid(dot(weights.accept, c.features));
    if (c.hit) {
      if (p < policy.drop) drop.add(c.hit);
      continue;
    }
    if (p <= policy.add || takenOnLine.has(`${c.line}:${c.code}`)) continue;
    const platform = choose(weights.platform, c.features, c.platforms);
    if (
      policy.vetoes &&
      !clearOfVetoes(c.features, platform, vetoed(c, ignored.codes), countedAt(ctx.text, c.end))
    )
      continue;
    const near = ctx.text.slice(
      ctx.lines.start(Math.max(0, c.line - 2)),
      ctx.lines.end(Math.min(ctx.lines.count - 1, c.line + 2)),
    );
    const entry = meaningOn(catalog, c.code, platform, near);
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
