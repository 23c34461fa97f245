// Issue 10's experiment: do decisions learned from the evidence of candidates (bench/learn/candidates.ts)
// transfer to a batch they were not fitted on, where the hand rules did not? Leave-one-batch-out over the
// tune batches (tune, tune2*, tune3…tune7): fit on the others, score the left-out batch with the bench's
// scoring (explicit codes, platform scored). Never reads the held part.
//
//   npx ts-node --transpile-only bench/learn/validate.ts
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf, loadBlindFixtures, loadExtractFixtures } from '../data/extract-fixtures';
import { loadTuneFiles, tuneBatches, type RealSnippet } from '../data/real/load';
import { scoreReal, type Score } from '../suites/extract';
import {
  PLATFORMS,
  platformOfLabel,
  textCandidates,
  type PlatformClass,
  type TextCandidates,
} from './candidates';
import { choose, choiceProbabilities, fitChoice, fitLogistic, probability, type Weights } from './model';
import { VETO_DECISIONS, type Decide, type Models, vetoAdds7Counted } from './vetoes';

/** The rules' figure on each batch scored before any change it led to (docs/extract-history.md). */
const BEFORE: Record<string, [number, number]> = {
  tune: [0.712, 0.679],
  tune2: [0.955, 0.876],
  tune3: [0.947, 0.738],
  tune4: [0.921, 0.773],
  tune5: [0.92, 0.656],
  tune6: [0.811, 0.678],
  tune7: [0.777, 0.468],
};

interface Labelled {
  snippet: RealSnippet;
  found: TextCandidates;
  /** The rules' labels for the text, as extractCodes reports them (explicit, then implied). */
  explicit: string[];
  implied: string[];
}

/** The labels of a snippet for a candidate's number (any platform). */
const wanted = (s: RealSnippet, code: string) => s.explicit.filter((l) => l.replace(/@.*$/, '') === code);

const labelFor = (code: string, platform: PlatformClass) => (platform ? `${code}@${platform}` : code);

export function fit(batches: Labelled[][]): Models {
  const all = batches.flat();
  const candidates = all.flatMap((l) => l.found.candidates.map((c) => ({ c, s: l.snippet })));
  const accept = fitLogistic(
    candidates.map(({ c }) => c),
    candidates.map(({ c, s }) => wanted(s, c.code).length > 0),
  );
  const withPlatform = candidates.flatMap(({ c, s }) => {
    const want = [...new Set(wanted(s, c.code).map(platformOfLabel))];
    return want.length === 1 && c.platforms.includes(want[0])
      ? [{ example: { features: c.features, allowed: c.platforms }, label: want[0] }]
      : [];
  });
  const platform = fitChoice(
    PLATFORMS,
    withPlatform.map((x) => x.example),
    withPlatform.map((x) => x.label),
  );
  return { accept, platform };
}

/** (c) the learned decision alone: accept when P ≥ 0.5, on the platform the softmax picks. */
const learned: Decide = (c, m) =>
  probability(m.accept, c.features) >= 0.5
    ? labelFor(c.code, choose(m.platform, c.features, c.platforms))
    : undefined;

/** (d1) the rules, with the platform learned where the catalog offers several. */
const hybridPlatform: Decide = (c, m) => {
  if (!c.rules || c.platforms.length < 2) return c.rules;
  return labelFor(c.code, choose(m.platform, c.features, c.platforms));
};

/** (d2) d1, and the rules overruled where the model is sure (P < 0.1 drops, P > 0.9 adds). */
const hybridSure: Decide = (c, m) => {
  const p = probability(m.accept, c.features);
  if (c.rules && p < 0.1) return undefined;
  if (!c.rules && p > 0.9) return labelFor(c.code, choose(m.platform, c.features, c.platforms));
  return hybridPlatform(c, m);
};

/** (d3) the rules, and only the platform flipped where the model is sure of another one (P > 0.8). */
const hybridPlatformSure: Decide = (c, m) => {
  if (!c.rules || c.platforms.length < 2) return c.rules;
  const p = choiceProbabilities(m.platform, c.features, c.platforms);
  const best = choose(m.platform, c.features, c.platforms);
  return (p.get(best) ?? 0) > 0.8 ? labelFor(c.code, best) : c.rules;
};

/** (d4) the rules, and the learned accept for bare numbers only (no strong key, no table, head or declaration). */
const SHAPES = [
  'key:strong',
  'shape:table',
  'shape:head',
  'shape:declared',
  'shape:devtool',
  'shape:listing',
];
const hybridBare: Decide = (c, m) => {
  if (SHAPES.some((k) => c.features[k])) return c.rules;
  if (probability(m.accept, c.features) < 0.5) return undefined;
  return c.rules ?? labelFor(c.code, choose(m.platform, c.features, c.platforms));
};

/** (f) added after the tables above were seen: the rules' platform kept, only the sure flips (P < 0.1 drops, P > 0.9 adds). */
const sureFlips: Decide = (c, m) => {
  const p = probability(m.accept, c.features);
  if (c.rules) return p < 0.1 ? undefined : c.rules;
  return p > 0.9 ? labelFor(c.code, choose(m.platform, c.features, c.platforms)) : undefined;
};
/** (f1) only the sure drops; (f2) only the sure adds. */
const sureDrops: Decide = (c, m) =>
  c.rules && probability(m.accept, c.features) < 0.1 ? undefined : c.rules;
const sureAdds: Decide = (c, m) =>
  c.rules ?? (probability(m.accept, c.features) > 0.9 ? learned(c, m) : undefined);

/**
 * (k5) / (k7) (section 10, with the another-service evidence): the rules' numbers kept unless P < 0.1 (f's sure
 * drops), a number they left added at P ≥ 0.5 / P > 0.7 on the learned platform: (f) with a looser add.
 */
const looserAdds =
  (accepts: (p: number) => boolean): Decide =>
  (c, m) => {
    const p = probability(m.accept, c.features);
    if (c.rules) return p < 0.1 ? undefined : c.rules;
    return accepts(p) ? labelFor(c.code, choose(m.platform, c.features, c.platforms)) : undefined;
  };
const adds5 = looserAdds((p) => p >= 0.5);
const adds7 = looserAdds((p) => p > 0.7);

/** (e) the rules, and what the learned decision accepts where they took nothing (P ≥ 0.5). */
const union: Decide = (c, m) => c.rules ?? learned(c, m);

const rulesOnly: Decide = (c) => c.rules;

function scoreWith(batch: Labelled[], decide: Decide, m: Models): Score {
  const byText = new Map(
    batch.map((l) => {
      const numbers = l.found.candidates.map((c) => decide(c, m)).filter((x): x is string => !!x);
      return [l.snippet.text, { explicit: [...numbers, ...l.found.otherLabels], implied: l.implied }];
    }),
  );
  return scoreReal(
    batch.map((l) => l.snippet),
    (text) => byText.get(text) ?? { explicit: [], implied: [] },
  ).explicit;
}

const pr = (s: Score) =>
  `${(s.tp / Math.max(1, s.tp + s.fp)).toFixed(3)} / ${(s.tp / Math.max(1, s.tp + s.fn)).toFixed(3)}`;

/** The values of every `--flag VALUE` on the command line. */
const argValues = (flag: string): string[] =>
  process.argv.flatMap((a, i) => (a === flag && process.argv[i + 1] ? [process.argv[i + 1]] : []));

const withFiles = (): string[] => argValues('--with');

/**
 * The project's own fixtures (extract-fixtures.txt, written with the extractor; blind, written without it):
 * never left out or scored here, but in every fit, so that the models also see the log noise they were written
 * for (an access log's byte counts, ports, versions). `--no-fixtures` leaves them out.
 */
export function loadFixtureBatch(): Labelled[] {
  if (process.argv.includes('--no-fixtures')) return [];
  const catalog = bundledCatalog();
  const fixtures = [...loadExtractFixtures(), ...loadBlindFixtures()];
  return fixtures.map((f) => {
    const snippet: RealSnippet = {
      id: f.name,
      explicit: f.expected,
      implied: [],
      source: 'fixture',
      text: f.text,
    };
    return label(catalog, snippet);
  });
}

function label(catalog: ReturnType<typeof bundledCatalog>, snippet: RealSnippet): Labelled {
  const codes = extractCodes(snippet.text, { catalog, learned: false }).codes;
  return {
    snippet,
    // --service: section 10's another-service features (service.ts) in every fit and score.
    found: textCandidates(catalog, snippet.text, { service: process.argv.includes('--service') }),
    explicit: codes.filter((c) => !c.inferred).map(labelOf),
    implied: codes.filter((c) => c.inferred).map(labelOf),
  };
}

export function loadBatches(): [string, Labelled[]][] {
  const catalog = bundledCatalog();
  const raw: [string, RealSnippet[]][] = [
    // tune7 was scored first with `--with snippets-tune7.txt` (section 9), then joined the fits.
    ...tuneBatches(),
    // A later tune-only harvest, once load.ts lists it: `npm run learn -- --with snippets-tune8.txt`. Scored here
    // before any rule is written for it, its row is the honest figure of today's rules beside the learned ones.
    ...withFiles().map((file): [string, RealSnippet[]] => [file, loadTuneFiles(undefined, [file])]),
  ];
  return raw.map(([name, snippets]) => [name, snippets.map((snippet) => label(catalog, snippet))]);
}

/** Where a decision ((c), or (f) with --flips) and the rules differ on a left-out batch, each code marked tp or fp. */
function printDiff(batch: Labelled[], m: Models, decide: Decide): void {
  for (const l of batch) {
    const got = (d: Decide) =>
      new Set([
        ...l.found.candidates.map((c) => d(c, m)).filter((x): x is string => !!x),
        ...l.found.otherLabels,
      ]);
    const rules = got(rulesOnly);
    const mine = got(decide);
    const want = new Set(l.snippet.explicit);
    const only = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
    const gained = only(mine, rules);
    const lost = only(rules, mine);
    if (!gained.length && !lost.length) continue;
    const mark = (x: string) => `${want.has(x) ? 'tp' : 'fp'} ${x}`;
    console.log(`  ${l.snippet.id}: learned only [${gained.map(mark)}], rules only [${lost.map(mark)}]`);
  }
}

function main(): void {
  const batches = loadBatches();
  const fixtures = loadFixtureBatch();
  // The candidates must give back exactly what extractCodes reports: else the comparison is not of the rules.
  let mismatched = 0;
  for (const [, batch] of batches)
    for (const l of batch) {
      const rebuilt = new Set([
        ...l.found.candidates.flatMap((c) => (c.rules ? [c.rules] : [])),
        ...l.found.otherLabels,
      ]);
      const reported = new Set(l.explicit);
      if (rebuilt.size !== reported.size || [...rebuilt].some((x) => !reported.has(x))) {
        mismatched++;
        console.log(`  rebuilt ≠ reported: ${l.snippet.id}: [${[...rebuilt]}] vs [${[...reported]}]`);
      }
    }
  const count = batches.reduce((n, [, b]) => n + b.reduce((k, l) => k + l.found.candidates.length, 0), 0);
  console.log(`candidates: ${count} over ${batches.length} batches; rules rebuilt ≠ reported: ${mismatched}`);

  const all: [string, Decide][] = [
    ['(a) rules, in-sample', rulesOnly],
    ['(c) learned', learned],
    ['(d1) rules + learned platform', hybridPlatform],
    ['(d3) rules + platform when P>0.8', hybridPlatformSure],
    ['(d2) d1 + sure flips', hybridSure],
    ['(d4) rules + learned accept of bare numbers', hybridBare],
    ['(e) rules ∪ learned', union],
    ['(f) sure flips', sureFlips],
    ['(f1) sure drops', sureDrops],
    ['(f2) sure adds', sureAdds],
    ...VETO_DECISIONS,
    ['(k5) f, adds at P>=0.5', adds5],
    ['(k7) f, adds at P>0.7', adds7],
  ];
  // --only a,c,f,k7: those columns alone (the letter in the name's brackets).
  const only = argValues('--only').flatMap((o) => o.split(','));
  const decisions = all.filter(([name]) => !only.length || only.includes(/^\((\w+)\)/.exec(name)?.[1] ?? ''));
  const sums = decisions.map(() => [0, 0]);
  const pooled = decisions.map((): Score => ({ tp: 0, fp: 0, fn: 0 }));
  const before = [0, 0];
  let known = 0;
  console.log(`| left out | (b) before P / R | ${decisions.map(([n]) => `${n} P / R`).join(' | ')} |`);
  for (let i = 0; i < batches.length; i++) {
    const [name, batch] = batches[i];
    // --earlier: fitted only on the batches harvested before this one (what a model could have known then).
    const earlier = process.argv.includes('--earlier');
    if (earlier && i === 0) continue;
    // --fit-without tune7: that batch in no fit (its own row still scored, fitted on the others).
    const without = new Set(argValues('--fit-without'));
    const models = fit([
      ...batches.filter(([other], j) => (earlier ? j < i : j !== i) && !without.has(other)).map(([, b]) => b),
      fixtures,
    ]);
    const cells = decisions.map(([, d], k) => {
      const s = scoreWith(batch, d, models);
      sums[k][0] += s.tp / Math.max(1, s.tp + s.fp);
      sums[k][1] += s.tp / Math.max(1, s.tp + s.fn);
      if (name !== 'tune' && name !== 'tune2')
        for (const x of ['tp', 'fp', 'fn'] as const) pooled[k][x] += s[x];
      return `${pr(s)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    });
    // A batch with no published before-figure is scored before any change: (a) is its before-figure.
    const was = BEFORE[name] ?? [NaN, NaN];
    if (BEFORE[name]) {
      before[0] += was[0];
      before[1] += was[1];
      known++;
    }
    console.log(`| ${name} | ${was.map((x) => x.toFixed(3)).join(' / ')} | ${cells.join(' | ')} |`);
    if (process.argv.includes('--diff'))
      printDiff(
        batch,
        models,
        process.argv.includes('--flips')
          ? sureFlips
          : process.argv.includes('--adds7')
            ? adds7
            : process.argv.includes('--veto')
              ? vetoAdds7Counted
              : learned,
      );
  }
  if (process.argv.includes('--weights')) {
    const all = fit([...batches.map(([, b]) => b), fixtures]);
    const top = (w: Weights) =>
      Object.entries(w)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ');
    console.log(`accept: ${top(all.accept)}`);
    for (const p of PLATFORMS) console.log(`platform '${p}': ${top(all.platform[p])}`);
  }
  const n = process.argv.includes('--earlier') ? batches.length - 1 : batches.length;
  const mean = (x: number[]) => `${(x[0] / n).toFixed(3)} / ${(x[1] / n).toFixed(3)}`;
  const beforeMean = `${(before[0] / known).toFixed(3)} / ${(before[1] / known).toFixed(3)}`;
  console.log(`| mean | ${beforeMean} | ${sums.map(mean).join(' | ')} |`);
  // Pooled over the batches after tune2 (tune and tune2 shaped the rules' first rounds: in sample for every row).
  console.log(
    `| pooled tune3… | – | ${pooled.map((s) => `${pr(s)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`).join(' | ')} |`,
  );
}

if (require.main === module) main();
