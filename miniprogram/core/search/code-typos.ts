// "Did you mean …?" for a code the catalog does not list (4001, 400011, 40l64 typed as 41064): the known
// WeChat codes one edit away (a digit inserted, deleted or changed, or two neighbouring digits swapped), most
// commonly met first by the priors search ranks with (search/prior.ts). The codes' family is not the reason
// (4001 is not a 40xxx code), so the hint never says "same range". One function for `wxerr <code>`, search's
// "no match" and the pages.
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import { HELD_BACK } from './held';
import { cellsOf, type CodeCell } from './group';
import { Priors } from './prior';
import { boundedDistance } from './typo';

const priorsOf = new WeakMap<Catalog, Priors>();

function priors(catalog: Catalog): Priors {
  let known = priorsOf.get(catalog);
  if (!known) priorsOf.set(catalog, (known = new Priors(catalog)));
  return known;
}

/** True for entry i on a WeChat platform that search does not hold back (not WeCom, Pay or the client API). */
function common(catalog: Catalog, i: number): boolean {
  const rank = catalog.platformRankAt(i);
  return PLATFORMS[rank].wechat && !HELD_BACK[rank];
}

/**
 * Known WeChat codes one edit from `code`, one cell per code, the most commonly met first (their best entry's
 * prior), then in code order. Empty when `code` is not a number or a common WeChat platform lists it. A code
 * only WeCom, Pay or the client API list (400011 is WeCom's) gets only the advised codes of the common
 * platforms (40001): the code itself is shown, and the hint names only the codes a typo most likely hid.
 */
export function codeTypos(catalog: Catalog, code: string, count = 5): CodeCell[] {
  if (!/^-?\d+$/.test(code)) return [];
  const listed = catalog.lookupIndices(code);
  if (listed.some((i) => common(catalog, i))) return [];
  const pr = priors(catalog);
  const best = new Map<string, { index: number; prior: number }>();
  for (let i = 0; i < catalog.size; i++) {
    const candidate = catalog.codeAt(i);
    if (candidate === code || !/^-?\d+$/.test(candidate)) continue;
    if (!PLATFORMS[catalog.platformRankAt(i)].wechat) continue;
    if (listed.length && !(common(catalog, i) && catalog.advisedAt(i))) continue;
    if (boundedDistance(code, candidate, 1) > 1) continue;
    const prior = pr.prior(i);
    const seen = best.get(candidate);
    if (!seen || prior > seen.prior) best.set(candidate, { index: i, prior });
  }
  const ranked = [...best]
    .sort((a, b) => b[1].prior - a[1].prior || Number(a[0]) - Number(b[0]))
    .slice(0, count)
    .map(([, { index }]) => catalog.entryAt(index));
  return cellsOf(catalog, ranked);
}
