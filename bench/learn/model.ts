// Two small models over candidate evidence (bench/learn/candidates.ts): a logistic regression for "is this
// number a code the labels expect", and a softmax over the platform classes the catalog offers for it. Plain
// batch gradient descent with L2, deterministic (zero start, fixed epochs): the same examples give the same
// weights on every machine. The decision side (dot product, softmax) is the core's, which the option uses.
import {
  choiceProbabilities,
  choose,
  dot,
  sigmoid,
  type Weights,
} from '../../miniprogram/core/extract/learned';

export interface Example {
  features: Record<string, number>;
}

export type { Weights };
export { choiceProbabilities, choose, sigmoid };

export interface FitOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

/** Logistic regression: weights w with P(yes | f) = sigmoid(w · f). */
export function fitLogistic(
  examples: readonly Example[],
  labels: readonly boolean[],
  { epochs = 400, rate = 0.5, l2 = 0.003 }: FitOptions = {},
): Weights {
  const w: Weights = {};
  const n = examples.length;
  for (let e = 0; e < epochs; e++) {
    const grad: Weights = {};
    examples.forEach((x, i) => {
      const err = sigmoid(dot(w, x.features)) - (labels[i] ? 1 : 0);
      for (const k in x.features) if (x.features[k]) grad[k] = (grad[k] ?? 0) + err * x.features[k];
    });
    for (const k in grad) w[k] = (w[k] ?? 0) - rate * (grad[k] / n + (k === 'bias' ? 0 : l2 * (w[k] ?? 0)));
  }
  return w;
}

export function probability(w: Weights, f: Record<string, number>): number {
  return sigmoid(dot(w, f));
}

/** One weight vector per class; a choice is made only among the classes each example allows. */
export type ClassWeights<C extends string> = Record<C, Weights>;

export interface ChoiceExample<C extends string> extends Example {
  allowed: readonly C[];
}

/** Softmax regression restricted to each example's allowed classes. */
export function fitChoice<C extends string>(
  classes: readonly C[],
  examples: readonly ChoiceExample<C>[],
  labels: readonly C[],
  { epochs = 400, rate = 0.5, l2 = 0.003 }: FitOptions = {},
): ClassWeights<C> {
  const w = Object.fromEntries(classes.map((c) => [c, {}])) as ClassWeights<C>;
  const n = examples.length;
  for (let e = 0; e < epochs; e++) {
    const grad = Object.fromEntries(classes.map((c) => [c, {} as Weights])) as ClassWeights<C>;
    examples.forEach((x, i) => {
      const p = choiceProbabilities(w, x.features, x.allowed);
      for (const c of x.allowed) {
        const err = (p.get(c) ?? 0) - (labels[i] === c ? 1 : 0);
        const g: Weights = grad[c];
        for (const k in x.features) if (x.features[k]) g[k] = (g[k] ?? 0) + err * x.features[k];
      }
    });
    for (const c of classes) {
      const wc: Weights = w[c];
      const gc: Weights = grad[c];
      for (const k in gc) wc[k] = (wc[k] ?? 0) - rate * (gc[k] / n + (k === 'bias' ? 0 : l2 * (wc[k] ?? 0)));
    }
  }
  return w;
}
