// The misses of each real tune set by class (issue 12, round 7: a mechanism counts only if it fixes misses in
// more than one set). Today's order (the re-ranking held at today's order), the shipped no-match decision; each
// miss counts once, in the first class that fits. `npm run bench -- rerank --classes`.
import { SearchIndex } from '../../miniprogram/core/search';
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { realSets } from '../suites/nomatch';
import { isRight, type QueryCase } from '../suites/search';

export const CLASSES = [
  'no match wanted, a code answered',
  'no match wanted, a phrase or all-words hit answered',
  'no match wanted, a partial hit answered (the no-match model)',
  'answer wanted, no match given',
  'right code, other platform first',
  'code in the query not taken',
  'right at 2–5',
  'right at 6–10',
  'right not in the first 10',
] as const;

type MissClass = (typeof CLASSES)[number];

/** The class of a query's miss, or undefined when it is right at @1. */
export function classOf(index: SearchIndex, catalog: Catalog, c: QueryCase): MissClass | undefined {
  const identity = (rows: number[][]): number[] => rows.map((_, i) => i);
  const shipped = index.search(c.q, { limit: 5, rerank: identity });
  const wantNone = c.accept?.length === 0 && c.acceptCodePrefix === undefined;
  if (wantNone) {
    const top = shipped[0];
    if (!top) return undefined;
    if (top.kind === 'code' || top.kind === 'prefix') return CLASSES[0];
    return top.kind === 'partial' ? CLASSES[2] : CLASSES[1];
  }
  if (shipped.length && isRight(c, shipped[0].entry.id, catalog)) return undefined;
  if (!shipped.length) return CLASSES[3];
  const open = index.search(c.q, { limit: 10, noMatch: () => false, rerank: identity });
  const codes = new Set((c.accept ?? []).map((id) => id.slice(id.indexOf(':') + 1)));
  if (codes.has(shipped[0].entry.code)) return CLASSES[4];
  if ([...codes].some((code) => c.q.includes(code)) && shipped[0].kind !== 'code') return CLASSES[5];
  const rank = open.findIndex((h) => isRight(c, h.entry.id, catalog));
  return rank < 0 ? CLASSES[8] : rank < 5 ? CLASSES[6] : CLASSES[7];
}

/** One markdown table: a row per class, a column per real tune set. */
export function printClasses(): void {
  const catalog = bundledCatalog();
  const index = new SearchIndex(catalog);
  const sets = realSets();
  const counts = sets.map((s) => {
    const m = new Map<MissClass, number>();
    for (const c of s.queries) {
      const k = classOf(index, catalog, c);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  });
  console.log(`| miss class | ${sets.map((s) => `${s.name} (${s.queries.length})`).join(' | ')} |`);
  console.log(`| --- | ${sets.map(() => '---:').join(' | ')} |`);
  for (const k of CLASSES) console.log(`| ${k} | ${counts.map((m) => m.get(k) ?? 0).join(' | ')} |`);
  const totals = counts.map((m) => [...m.values()].reduce((a, v) => a + v, 0));
  console.log(`| misses at @1 | ${totals.join(' | ')} |`);
}
