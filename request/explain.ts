// Optional module `wxerr/explain`: what an error's code means (catalog texts, zh and en), its family and what
// to do, from the bundled catalog. It carries the whole catalog (~290 KB), so only import it where the full
// explanation is shown; the core client never does.
import { actionAdvice, type AdviceText } from '../miniprogram/core/advice';
import { bundledCatalog } from '../miniprogram/core/catalog';
import { familyLabel, familyOf, type FamilyLabel } from '../miniprogram/core/family';
import type { Action, Entry, Platform } from '../miniprogram/core/types';
import { classifyWxFailure, type WxFailureReason } from '../miniprogram/core/wx-failure';
import type { WxerrError } from './errors';

export interface Explanation {
  code?: string;
  platform?: Platform;
  /** What the code means: the catalog's primary texts (empty when the code is not catalogued). */
  zh: string;
  en: string;
  /** True when that text is the project's translation, not an official one: show it with a mark. */
  translated: { zh: boolean; en: boolean };
  family?: FamilyLabel;
  action: Action;
  /** What to do: the code's own advice when the project wrote one, else the advice of its action class. */
  advice: { zh: string; en: string; short: AdviceText['short']; specific: boolean };
  /** The project's note on a source text that is wrong or contradicts another source. */
  note?: { zh?: string; en?: string };
  rid?: string;
  /** The catalog entry the texts come from. */
  entry?: Entry;
}

const ERRNO: Platform = '小程序客户端 errno';

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

/** The entry for a code: on the given platform when listed there, else the most common WeChat platform. */
export function findEntry(code: string, platform?: Platform): Entry | undefined {
  const all = bundledCatalog().lookup(code);
  return (
    all.find((e) => e.platform === platform) ??
    (platform === ERRNO
      ? undefined
      : all.find((e) => e.platform !== ERRNO && e.platform !== '第三方账号平台（非微信）'))
  );
}

/** Explains a code alone (as wxerr's pages do). */
export function explainCode(code: string, platform?: Platform, action?: Action): Explanation {
  const entry = findEntry(code, platform);
  const act = action ?? entry?.action ?? 'unknown';
  const base = actionAdvice(act);
  const p = entry?.platform ?? platform;
  return {
    code,
    platform: p,
    zh: entry?.zh ?? '',
    en: entry?.en ?? '',
    translated: { zh: entry?.zhSource === 'wxerr', en: entry?.enSource === 'wxerr' },
    family: familyLabel(familyOf(code, p ?? '开放平台通用')),
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
  out.rid = err.rid;
  return out;
}
