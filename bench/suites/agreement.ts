// Label agreement on the held-out sets (issues 10 and 12): the first labels against a second, blind labelling of
// the same texts (bench/data/real/second-labels, README there), and the project's code scored against each.
// Held data: scored only with WXERR_BENCH_HELD=1, numbers only. `npm run bench -- agreement`.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import '../../cli/prebuilt-index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { SearchIndex } from '../../miniprogram/core/search';
import { labelOf } from '../data/extract-fixtures';
import { loadCheck6, loadRealCorpus, type RealSnippet } from '../data/real/load';
import { secondAccepts, withSecondLabels } from '../data/real/second-labels';
import { loadQueries, type QueryCase } from './search';

const SECOND = join(__dirname, '..', 'data', 'real', 'second-labels');

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** Labels of a set as `id|label` keys; `bare` drops the platform suffix. */
function keys(snippets: RealSnippet[], bare: boolean): Set<string> {
  const out = new Set<string>();
  for (const s of snippets)
    for (const l of s.explicit) out.add(`${s.id}|${bare ? l.replace(/@.*$/, '').toUpperCase() : l}`);
  return out;
}

function labelAgreement(name: string, first: RealSnippet[], second: RealSnippet[]): void {
  for (const bare of [false, true]) {
    const a = keys(first, bare);
    const b = keys(second, bare);
    const both = [...a].filter((k) => b.has(k)).length;
    const sameSet = first.filter((s, i) => {
      const x = new Set(keys([s], bare));
      const y = keys([second[i]], bare);
      return x.size === y.size && [...x].every((k) => y.has(k));
    }).length;
    console.log(
      `agreement ${name}${bare ? ', platform ignored' : ''}: explicit labels first ${a.size}, second ${b.size}, ` +
        `both ${both}; agreement ${f3((2 * both) / (a.size + b.size))} (second against first: ` +
        `P ${f3(both / b.size)} R ${f3(both / a.size)}); snippets with the same explicit set ${sameSet} / ${first.length}`,
    );
  }
  const neg = (s: RealSnippet) => s.explicit.length + s.implied.length === 0;
  const negBoth = first.filter((s, i) => neg(s) && neg(second[i])).length;
  console.log(
    `agreement ${name}: negatives first ${first.filter(neg).length}, second ${second.filter(neg).length}, both ${negBoth}`,
  );
  const imp = (set: RealSnippet[]) => new Set(set.flatMap((s) => s.implied.map((l) => `${s.id}|${l}`)));
  const ia = imp(first);
  const ib = imp(second);
  const ib2 = [...ia].filter((k) => ib.has(k)).length;
  console.log(`agreement ${name}: implied (~) first ${ia.size}, second ${ib.size}, both ${ib2}`);
}

/** The default extractor's explicit codes (platform-scored) against first, second, and the labels both gave. */
function extractorAgainst(name: string, first: RealSnippet[], second: RealSnippet[]): void {
  const found = new Set<string>();
  for (const s of first)
    for (const c of extractCodes(s.text).codes) if (!c.inferred) found.add(`${s.id}|${labelOf(c)}`);
  const a = keys(first, false);
  const b = keys(second, false);
  const pr = (want: Set<string>, neutral: Set<string>) => {
    const tp = [...found].filter((k) => want.has(k)).length;
    const fp = [...found].filter((k) => !want.has(k) && !neutral.has(k)).length;
    return `P ${f3(tp / (tp + fp))} R ${f3(tp / want.size)} (tp ${tp}, fp ${fp}, fn ${want.size - tp})`;
  };
  const both = new Set([...a].filter((k) => b.has(k)));
  const either = new Set([...a, ...b]);
  const disputed = new Set([...either].filter((k) => !both.has(k)));
  console.log(`extractor ${name}, against the first labels: ${pr(a, new Set())}`);
  console.log(`extractor ${name}, against the second labels: ${pr(b, new Set())}`);
  console.log(
    `extractor ${name}, against the labels both gave (a disputed label is neither right nor wrong): ${pr(both, disputed)}`,
  );
}

function queryAgreement(name: string, queries: QueryCase[], second: Map<string, string[]>): void {
  const catalog = bundledCatalog();
  const index = new SearchIndex(catalog);
  let bothNone = 0;
  let oneNone = 0;
  let same = 0;
  let overlap = 0;
  let disjoint = 0;
  const rates = { first: [0, 0], second: [0, 0], both: [0, 0] };
  const right = (accept: string[], ids: string[], k: number): boolean =>
    accept.length === 0 ? ids.length === 0 : ids.slice(0, k).some((id) => accept.includes(id));
  for (const c of queries) {
    const a = c.accept ?? [];
    const b = second.get(c.q);
    if (!b) throw new Error(`no second label for query ${c.q.slice(0, 40)}`);
    if (!a.length && !b.length) bothNone++;
    else if (!a.length || !b.length) oneNone++;
    else if (a.length === b.length && a.every((id) => b.includes(id))) same++;
    else if (a.some((id) => b.includes(id))) overlap++;
    else disjoint++;
    const ids = index.search(c.q, { limit: 5 }).map((h) => h.entry.id);
    const inBoth = a.filter((id) => b.includes(id));
    for (const k of [1, 5]) {
      const i = k === 1 ? 0 : 1;
      if (right(a, ids, k)) rates.first[i]++;
      if (right(b, ids, k)) rates.second[i]++;
      if ((a.length || b.length ? inBoth.length > 0 : true) && right(inBoth, ids, k)) rates.both[i]++;
    }
  }
  const n = queries.length;
  console.log(
    `agreement ${name} (${n}): both no-match ${bothNone}, one no-match ${oneNone}; both answered: same accept ${same}, ` +
      `overlapping ${overlap}, disjoint ${disjoint}; a first answer both accept exists for ${f3((bothNone + same + overlap) / n)}`,
  );
  for (const [k, [r1, r5]] of Object.entries(rates))
    console.log(`search ${name}, against the ${k} labels: success@1 ${f3(r1 / n)} @5 ${f3(r5 / n)}`);
}

export function run(): void {
  if (process.env.WXERR_BENCH_HELD !== '1') {
    console.log('agreement: held data, not scored on this run (WXERR_BENCH_HELD=1 scores it, numbers only)');
    return;
  }
  const held = loadRealCorpus().held;
  const check6 = loadCheck6();
  for (const [name, set, file] of [
    ['held', held, 'snippets-held.json'],
    ['check6', check6, 'snippets-check6.json'],
  ] as const) {
    if (!existsSync(join(SECOND, file))) {
      console.log(`agreement ${name} snippets: no second labels (${file})`);
      continue;
    }
    const second = withSecondLabels(set, file);
    labelAgreement(`${name} snippets`, set, second);
    extractorAgainst(`${name} snippets`, set, second);
  }
  const real = JSON.parse(
    readFileSync(join(__dirname, '..', 'data', 'search-queries-real.json'), 'utf8'),
  ) as { queries: QueryCase[]; split: { held: string[] } };
  const heldQ = new Set(real.split.held);
  for (const [name, queries, file] of [
    ['held queries', real.queries.filter((q) => heldQ.has(q.q)), 'queries-held.json'],
    ['check6 queries', loadQueries('search-queries-check6.json'), 'queries-check6.json'],
  ] as const) {
    if (existsSync(join(SECOND, file))) queryAgreement(name, queries, secondAccepts(file));
    else console.log(`agreement ${name}: no second labels (${file})`);
  }
}
