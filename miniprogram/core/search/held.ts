// How far each platform's entries are held back when a query does not name the platform, and what naming it
// gives: the platform prior of search/rank.ts. Pure TypeScript.
import { PLATFORMS, SEPARATE_NUMBERING } from '../platforms';

/** The non-WeChat platform of seed 003 drops nearly a tier. */
const NON_WECHAT_PENALTY = 90;
/**
 * WeCom and Pay reuse WeChat's numbers and words with their own meanings, and a bare query ("token过期") means
 * the older platforms: they drop a tier unless the query names them. The client API tables are narrower still
 * (one API's errCodes beside the general errno table): they drop more, and lead by code, errMsg or when named.
 */
export const SEPARATE_PENALTY = 100;
const CLIENT_API_PENALTY = 150;
/** Per place in PLATFORMS: how far its entries are held back when the query does not name the platform. */
export const HELD_BACK: readonly number[] = PLATFORMS.map((p) => {
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
export const PLATFORM_BOOST = 20;
