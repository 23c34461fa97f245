// Optional module `wxerr/explain`: what an error's code means (catalog texts, zh and en), its family and what
// to do, from the bundled catalog. It carries the whole catalog, so only import it where the full explanation
// is shown; the core client never does. Platform-aware: a WeCom errcode is looked up among WeCom entries, a Pay
// v3 code among Pay entries (when the catalog has them), never under WeChat's meaning of the same number.
import { actionAdvice, type AdviceText } from '../miniprogram/core/advice';
import { bundledCatalog } from '../miniprogram/core/catalog';
import { familyLabel, familyOf, type FamilyLabel } from '../miniprogram/core/family';
import type { Entry, Platform } from '../miniprogram/core/types';
import { classifyWxFailure, type WxFailureReason } from '../miniprogram/core/wx-failure';
import type { CodeSource, ErrorAction, WxerrError } from './errors';

export interface Explanation {
  code?: string;
  /** The catalog platform of the entry (or the one asked for). */
  platform?: Platform;
  /** What the code means: the catalog's primary texts (empty when the code is not catalogued). */
  zh: string;
  en: string;
  /** True when that text is the project's translation, not an official one: show it with a mark. */
  translated: { zh: boolean; en: boolean };
  family?: FamilyLabel;
  action: ErrorAction;
  /** What to do: the code's own advice when the project wrote one, else the advice of its action class. */
  advice: { zh: string; en: string; short: AdviceText['short']; specific: boolean };
  /** The project's note on a source text that is wrong or contradicts another source. */
  note?: { zh?: string; en?: string };
  rid?: string;
  /** The catalog entry the texts come from. */
  entry?: Entry;
}

const ERRNO: Platform = '小程序客户端 errno';

// Platform keys (the prefix of entry ids) that are not WeChat's own errcode space: a WeChat errcode never takes
// their meaning, and a code of theirs never takes WeChat's.
const FOREIGN = ['errno', 'thirdparty', 'wecom', 'payv3', 'payv2', 'wxapi', 'backend'];
const keyOf = (e: Entry): string => e.id.slice(0, e.id.indexOf(':'));

// The project's advice for the wrapper-only action class (the catalog's classes are in core/advice.ts).
const POLL: AdviceText = {
  short: { zh: '查询订单', en: 'poll the order' },
  zh: '用户支付中（如正在输入密码）：不要重新下单，用原商户订单号查询订单，直到状态确定。',
  en: 'The user is still paying (entering the password, say): do not place a new order; query the order by its out_trade_no until it settles.',
};
const adviceFor = (a: ErrorAction): AdviceText => (a === 'poll' ? POLL : actionAdvice(a));
// An abort is the caller's own doing, not a success (action 'none' is the catalog's class of errcode 0).
const ABORTED: AdviceText = {
  short: { zh: '已取消', en: 'cancelled' },
  zh: '请求被调用方主动取消（signal 已 abort）：不是故障，无需上报，也不要自动重试。',
  en: 'The caller cancelled the request (its signal aborted): not a fault; nothing to report or retry.',
};
// What a network failure means, zh / en, per reason (the core error carries only a short word for it).
const LABELS: Record<WxFailureReason, [string, string]> = {
  timeout: ['请求超时', 'timed out'],
  abort: ['已取消', 'aborted'],
  domain: ['域名不在合法域名列表', 'domain not in the allowed list'],
  interrupted: ['网络中断（切到后台）', 'interrupted (app in background)'],
  ssl: ['证书错误', 'SSL error'],
  dns: ['域名解析失败', 'DNS failed'],
  refused: ['连接被拒绝', 'connection refused'],
  reset: ['连接被重置', 'connection reset'],
  offline: ['无网络', 'offline'],
  'too-many-tasks': ['请求数超限', 'too many tasks'],
  'bad-request': ['请求不合法', 'bad URL or data'],
  unknown: ['网络错误', 'network error'],
};

/**
 * The entry for a code from a source: a catalog platform name, or an error's `platform` (wechat, errno, wecom,
 * payv3). WeChat (or nothing) means the most common WeChat server meaning; the others only their own entries.
 */
export function findEntry(code: string, platform?: Platform | CodeSource): Entry | undefined {
  const all = bundledCatalog().lookup(code);
  if (platform === 'backend') return undefined;
  if (platform === 'errno' || platform === ERRNO) return all.find((e) => e.platform === ERRNO);
  if (platform && platform !== 'wechat') {
    const own = all.find((e) => e.platform === platform || keyOf(e) === platform);
    if (own || FOREIGN.includes(platform)) return own;
  }
  return all.find((e) => !FOREIGN.includes(keyOf(e)));
}

const SOURCES: readonly string[] = ['wechat', 'errno', 'wecom', 'payv3', 'backend'];
const isSource = (p: string): p is CodeSource => SOURCES.includes(p);

/** Explains a code alone (as wxerr's pages do). */
export function explainCode(
  code: string,
  platform?: Platform | CodeSource,
  action?: ErrorAction,
): Explanation {
  const entry = findEntry(code, platform);
  const act: ErrorAction = action ?? entry?.action ?? 'unknown';
  const base = adviceFor(act);
  const asked = platform === 'errno' ? ERRNO : platform && !isSource(platform) ? platform : undefined;
  const p = entry?.platform ?? asked;
  return {
    code,
    platform: p,
    zh: entry?.zh ?? '',
    en: entry?.en ?? '',
    translated: { zh: entry?.zhSource === 'wxerr', en: entry?.enSource === 'wxerr' },
    // Without an entry, WeChat's number ranges say nothing about a WeCom, Pay or business code.
    family:
      entry || !platform || !FOREIGN.includes(platform) || platform === 'errno'
        ? familyLabel(entry ? entry.family : familyOf(code, p ?? '开放平台通用'))
        : undefined,
    action: act,
    advice: {
      zh: entry?.adviceZh ?? base.zh,
      en: entry?.adviceEn ?? base.en,
      short: base.short,
      specific: !!(entry?.adviceZh || entry?.adviceEn),
    },
    note: entry?.noteZh || entry?.noteEn ? { zh: entry.noteZh, en: entry.noteEn } : undefined,
    entry,
  };
}

/** Explains an error of the wrapper: catalog texts for its errcode or errno, advice for its action. */
export function explain(
  err: Pick<WxerrError, 'kind' | 'action' | 'what'> &
    Partial<Pick<WxerrError, 'code' | 'platform' | 'rid' | 'errMsg' | 'errno'>>,
): Explanation {
  const catalogued = err.code !== undefined && err.kind !== 'http';
  // The core client classes an unlisted errcode by its range and retry wording only; the catalog knows more.
  const out = catalogued
    ? explainCode(err.code as string, err.platform, err.action === 'unknown' ? undefined : err.action)
    : explainCode(err.code ?? '', undefined, err.action);
  if (!catalogued) {
    // HTTP statuses and errno-less network failures are not catalogue codes: describe them by the error itself.
    out.family = undefined;
    out.entry = undefined;
    out.platform = undefined;
  }
  if (!out.zh && !out.en) {
    // A failure without a catalogued code: the client's own "zh / en" label for network failures.
    const [zh, en] =
      err.kind === 'network' || err.kind === 'abort'
        ? LABELS[classifyWxFailure(err.errMsg ?? '', err.errno).reason]
        : [err.what, err.what];
    out.zh = zh;
    out.en = en;
  }
  if (err.kind === 'abort') out.advice = { ...ABORTED, specific: false };
  out.rid = err.rid;
  return out;
}
