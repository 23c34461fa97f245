// Ranking, the part before any word: what an entry is worth for the platform it is on and how commonly its
// code is met. Codes documented on more WeChat platforms are met more often; the commonly met codes of
// search/common.ts and the codes with specific advice come first; platforms in their usual order, held back
// or boosted as search/held.ts says. search/rank.ts adds the words' evidence on top.
import type { Catalog } from '../catalog';
import { PLATFORMS } from '../platforms';
import { commonRank, commonRankOn } from './common';
import { HELD_BACK, PLATFORM_BOOST } from './held';

/** Prior per doubling of the WeChat platforms that document a code (40001 on five is met more than 40187). */
const POPULARITY = 3;
/** Prior of the codes the project wrote specific advice for (catalog/project/advice.tsv, chosen by domain). */
const ADVISED = 6;
/** Prior of the codes in search/common.ts, most met first (the first one +16). */
const COMMON_CODE = 16;
const COMMON_CODE_STEP = 0.5;

/** Priors of the entries of one catalog, computed on first use (a cold first query reads few entries). */
export class Priors {
  private readonly priors: Float64Array;
  /** Platforms the current query names, as platform bits. */
  named = 0;

  constructor(protected readonly catalog: Catalog) {
    this.priors = new Float64Array(catalog.size).fill(NaN);
  }

  /** 1 << the place of entry e's platform in PLATFORMS. */
  platformBit(e: number): number {
    return 1 << this.catalog.platformRankAt(e);
  }

  /** What an entry is worth before any word: how commonly its code is met, and its platform. */
  prior(e: number): number {
    const known = this.priors[e];
    if (known === known) return known; // not NaN
    const catalog = this.catalog;
    const code = catalog.codeAt(e);
    const rank = catalog.platformRankAt(e);
    const held = HELD_BACK[rank];
    // Platforms that document the code, the held-back ones (their own numbering) not counted.
    let platforms = 0;
    const same = catalog.sameCode(code);
    for (let k = 0; k < same.length; k++) if (!HELD_BACK[catalog.platformRankAt(same[k])]) platforms++;
    const common = this.commonRankAt(e);
    const value =
      POPULARITY * Math.log2(1 + platforms) +
      (catalog.advisedAt(e) ? ADVISED : 0) +
      (common >= 0 ? COMMON_CODE - COMMON_CODE_STEP * common : 0) +
      (held ? -held : 0.1 * (12 - rank));
    this.priors[e] = value;
    return value;
  }

  /** Place of entry e's code among the commonly met ones of its platform (search/common.ts), or -1. */
  protected commonRankAt(e: number): number {
    const rank = this.catalog.platformRankAt(e);
    const code = this.catalog.codeAt(e);
    if (!PLATFORMS[rank].wechat) return -1;
    return HELD_BACK[rank] ? commonRankOn(PLATFORMS[rank].key, code) : commonRank(code);
  }

  /** Prior of the platforms the query names: a boost, and a held-back platform no longer held back. */
  boost(e: number): number {
    if (!(this.named & this.platformBit(e))) return 0;
    return PLATFORM_BOOST + HELD_BACK[this.catalog.platformRankAt(e)];
  }

  /** How far entry e is held back when the query does not name its platform (WeCom, Pay, client API, non-WeChat). */
  heldBack(e: number): number {
    return this.named & this.platformBit(e) ? 0 : HELD_BACK[this.catalog.platformRankAt(e)];
  }
}
