// Issue 10, third learned round (docs/extract-history.md §9): the rules' vetoes kept as hard constraints (another
// service named or given the number, a syscall / database line, a masked span; for (h3) also a client API not
// named and a count after the number), the accept of the rest learned. Variants of one idea, compared with (f) in
// the leave-one-batch-out tables. None passed its pre-registered test (tune7): the core ships (f).
import type { Candidate } from '../../miniprogram/core/extract/learned';
import type { CandidateRecord, PlatformClass } from './candidates';
import { choiceProbabilities, choose, probability, type ClassWeights, type Weights } from './model';

/** The two fitted models (validate.ts `fit`), and a decision made from them for one candidate. */
export interface Models {
  accept: Weights;
  platform: ClassWeights<PlatformClass>;
}
export type Decide = (c: CandidateRecord, m: Models) => string | undefined;

/**
 * The rules' vetoes on a number: they gave it, here or elsewhere in the text, to another service (`ignored` keeps
 * one occurrence per code); another service's context holds it; it is on a syscall / database error line or
 * inside a masked span (URL, path, id, rid).
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
 * (h3)'s test of an add: no veto, no count after the number, and a client API's meaning only where a client API
 * is named within 2 lines or the number is a listing line of its family (the rules' own condition).
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

const labelFor = (code: string, platform: PlatformClass) => (platform ? `${code}@${platform}` : code);

/** The learned platform for a number the rules did not take. */
const learnedLabel = (c: CandidateRecord, m: Models) =>
  labelFor(c.code, choose(m.platform, c.features, c.platforms));

/** (g) vetoes hard; the rest accepted when P ≥ 0.5 (the rules' platform where they took it, else learned). */
export const vetoLearned: Decide = (c, m) => {
  if (c.vetoed && !c.rules) return undefined;
  if (probability(m.accept, c.features) < 0.5) return undefined;
  return c.rules ?? learnedLabel(c, m);
};

/** The rules' numbers kept unless P < 0.1 (f's sure drops); one they left added, unless vetoed, when P > add. */
const rulesPlusUnvetoed =
  (add: number): Decide =>
  (c, m) => {
    const p = probability(m.accept, c.features);
    if (c.rules) return p < 0.1 ? undefined : c.rules;
    return !c.vetoed && p > add ? learnedLabel(c, m) : undefined;
  };

/** (g1) adds at P ≥ 0.5 under no veto; (g2) at P > 0.7; (g9) (f) with the veto only (adds at P > 0.9). */
export const vetoAdds5 = rulesPlusUnvetoed(0.5);
export const vetoAdds7 = rulesPlusUnvetoed(0.7);
export const vetoAdds9 = rulesPlusUnvetoed(0.9);

/**
 * (g3) g2, and the platform of a number the rules took by default (no marker near: their weakest attribution)
 * chosen by the model when it is sure (P > 0.8) among the classes the catalog offers.
 */
export const vetoAdds7Platform: Decide = (c, m) => {
  const label = vetoAdds7(c, m);
  if (!label || label !== c.rules || c.rulesContext !== 'default' || c.platforms.length < 2) return label;
  const p = choiceProbabilities(m.platform, c.features, c.platforms);
  const best = choose(m.platform, c.features, c.platforms);
  return (p.get(best) ?? 0) > 0.8 ? labelFor(c.code, best) : label;
};

/**
 * Added after the honest rows above were seen (section 9): g2's extra false codes on tune4 and tune5 were client-API
 * meanings (`@wxapi`) the learned platform gave numbers of WeCom's text with no client API named near — a veto
 * the rules hold (a client errCode counts when its API is named). (h1) g2 without an `@wxapi` add in WeCom's
 * context unless a client API is named within 2 lines; (h2) without any `@wxapi` add unless a client API is
 * named near or the number is a listing line of its family.
 */
const clientVeto =
  (anyContext: boolean): Decide =>
  (c, m) => {
    const label = vetoAdds7(c, m);
    if (!label || c.rules || !label.endsWith('@wxapi') || c.features['api:named-near']) return label;
    if (anyContext) return c.features['shape:listing'] ? label : undefined;
    return c.features['ctx:wecom'] ? undefined : label;
  };
export const vetoAdds7WecomClient = clientVeto(false);
export const vetoAdds7Client = clientVeto(true);

/** (h3) h2, and no add of a number a count or unit follows (10000个, 600次/分: a quantity, as the rules read it). */
export const vetoAdds7Counted: Decide = (c, m) => {
  const p = probability(m.accept, c.features);
  if (c.rules) return p < 0.1 ? undefined : c.rules;
  if (p <= 0.7) return undefined;
  const platform = choose(m.platform, c.features, c.platforms);
  return clearOfVetoes(c.features, platform, c.vetoed, c.counted) ? labelFor(c.code, platform) : undefined;
};

export const VETO_DECISIONS: [string, Decide][] = [
  ['(g) vetoes + learned accept', vetoLearned],
  ['(g1) rules + unvetoed adds P>=0.5', vetoAdds5],
  ['(g2) rules + unvetoed adds P>0.7', vetoAdds7],
  ['(g3) g2 + platform of default attributions', vetoAdds7Platform],
  ['(g9) f + vetoes', vetoAdds9],
  ['(h1) g2, no wxapi add in WeCom text unnamed', vetoAdds7WecomClient],
  ['(h2) g2, no wxapi add unnamed', vetoAdds7Client],
  ['(h3) h2, no add of a counted number', vetoAdds7Counted],
];
