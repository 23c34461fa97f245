// Ranking, the part before any word: what an entry is worth for the platform it is on and how commonly its
// code is met. Codes documented on more WeChat platforms are met more often; the commonly met codes of
// search/common.ts and the codes with specific advice come first; platforms in their usual order. The
// non-WeChat platform of seed 003 drops nearly a tier, the platforms with their own numbering (WeCom, Pay) a
// tier, the client API tables more (HELD_BACK). A platform the query names ("小店…", "企业微信…") gets a boost
// and is no longer held back. search/rank.ts adds the words' evidence on top.
import type { Catalog } from '../catalog';
import { PLATFORMS, SEPARATE_NUMBERING } from '../platforms';
import { commonRank, commonRankOn } from './common';

/** The non-WeChat platform of seed 003 drops nearly a tier: its numbers mean other things. */
const NON_WECHAT_PENALTY = 90;
/**
 * WeCom and Pay reuse WeChat's numbers and words with their own meanings, and a bare query ("token过期") means
 * the older platforms: they drop a tier unless the query names them. The client API tables are narrower still
 * (one API's errCodes beside the general errno table): they drop more, and lead by code, errMsg or when named.
 */
export const SEPARATE_PENALTY = 100;
const CLIENT_API_PENALTY = 150;
/** Per place in PLATFORMS: how far its entries are held back when the query does not name the platform. */
const HELD_BACK: readonly number[] = PLATFORMS.map((p) => {
  if (!p.wechat) return NON_WECHAT_PENALTY;
  if (p.name === '小程序客户端 API') return CLIENT_API_PENALTY;
  return SEPARATE_NUMBERING.has(p.name) ? SEPARATE_PENALTY : 0;
});
/** Platform bits (1 << place in PLATFORMS) of the non-WeChat platforms. */
export const NON_WECHAT_BITS = PLATFORMS.reduce((bits, p, i) => (p.wechat ? bits : bits | (1 << i)), 0);
/** Platform bits of the platforms held back by one tier (WeCom, Pay): an exact wording lifts them (see Ranker.rankText). */
export const LIFTABLE_BITS = HELD_BACK.reduce(
  (bits, held, i) => (held === SEPARATE_PENALTY ? bits | (1 << i) : bits),
  0,
);
/** Entries of a platform the query names ("小店…", "视频号…"): less than a tier, so words still decide first. */
const PLATFORM_BOOST = 20;
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
    for (const i of catalog.sameCode(code)) if (!HELD_BACK[catalog.platformRankAt(i)]) platforms++;
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
