// What to do about a code, in plain words. The project's own wording (not official text), always shown with
// the project's mark. Two levels: a general text per action class, and specific advice per code
// (entry.adviceZh/adviceEn, written in catalog/project/advice.tsv) that wins when present.
// CONTRACT: actionAdvice(action) → { en, zh, short }; entryAdvice(entry) → the best advice for one entry.
import type { Action, Entry } from './types';

export interface AdviceText {
  /** A few words for a badge: "wait and retry". */
  short: { en: string; zh: string };
  en: string;
  zh: string;
}

/** Every action class, in the order pages and the CLI list them. */
export const ACTIONS: readonly Action[] = [
  'retry-later',
  'quota',
  'refresh-token',
  're-login',
  'fix-config',
  'fix-request',
  'account-state',
  'user-choice',
  'none',
  'unknown',
];

const ACTION_ADVICE: Record<Action, AdviceText> = {
  'retry-later': {
    short: { en: 'wait and retry', zh: '稍后重试' },
    en: 'A temporary failure or a rate limit: wait, then retry with exponential backoff. If it persists, look the rid up (POST /cgi-bin/openapi/rid/get) or report it with the rid.',
    zh: '临时故障或频率限制：稍等片刻，再以指数退避重试。持续出现时，用 rid 查询接口（POST /cgi-bin/openapi/rid/get）排查，或带上 rid 反馈。',
  },
  quota: {
    short: { en: 'quota used up', zh: '额度用尽' },
    en: 'A quota is used up: do not retry in a loop. Check it with get_api_quota; clear_quota resets it (itself limited), otherwise wait for the next day.',
    zh: '调用额度已用完：不要循环重试。可用 get_api_quota 查询，clear_quota 清零（清零次数本身有限制），否则等到次日额度恢复。',
  },
  'refresh-token': {
    short: { en: 'refresh the access_token', zh: '刷新 access_token' },
    en: 'The access_token is invalid or expired: fetch a new one once (getStableAccessToken keeps other holders valid), then retry. If it repeats, check the AppSecret and that only one service fetches tokens.',
    zh: 'access_token 无效或已过期：重新获取一次（推荐 getStableAccessToken，不会让其他地方持有的 token 失效）后重试；反复出现请检查 AppSecret，并确认只有一处服务在获取 token。',
  },
  're-login': {
    short: { en: 'log in again', zh: '重新登录' },
    en: 'The login code or refresh token is invalid or used: get a new code with wx.login (or re-authorise) and try again; each code can be used once.',
    zh: '登录 code 或 refresh_token 无效或已使用：重新调用 wx.login（或重新授权）获取新的 code 再试；每个 code 只能使用一次。',
  },
  'fix-config': {
    short: { en: 'fix the configuration', zh: '检查配置' },
    en: 'A configuration problem: IP whitelist, API permission, domain list or appid/secret. Fix it in the admin console (开发管理 → 开发设置); retrying will not help.',
    zh: '配置问题：IP 白名单、接口权限、服务器域名或 appid/secret。请在管理后台（开发管理 → 开发设置）修正，重试无效。',
  },
  'fix-request': {
    short: { en: 'fix the request', zh: '修正请求参数' },
    en: 'The request itself is wrong (parameter, method, body format): fix the call; retrying the same request will fail again.',
    zh: '请求本身有误（参数、请求方法、数据格式）：修正调用，原样重试仍会失败。',
  },
  'account-state': {
    short: { en: 'check the account', zh: '检查帐号状态' },
    en: 'The account or user is restricted, banned or in a state that forbids this: check the notices in the admin console.',
    zh: '帐号或用户受限、被封禁或状态不允许此操作：请查看管理后台的站内信与通知。',
  },
  'user-choice': {
    short: { en: "the user's choice", zh: '用户的选择' },
    en: 'The user said no or cancelled: that is their choice, not a fault to report or retry in a loop. Explain why the feature needs it and let the user ask again from a tap; a permission refused earlier is switched back on in 设置 (wx.openSetting from a tap; for a system permission, the phone settings). Keep a path that works without it.',
    zh: '用户拒绝或取消了：这是用户的选择，不是需要上报的故障，也不要循环重试。说明功能为什么需要它，由用户点击后再次发起；之前拒绝过的权限要引导用户到设置页打开（在点击事件中调用 wx.openSetting；系统权限则到手机设置）。并保留不依赖它的路径。',
  },
  none: {
    short: { en: 'success', zh: '成功' },
    en: 'Success: nothing to do.',
    zh: '成功，无需处理。',
  },
  unknown: {
    short: { en: 'see the description', zh: '见说明' },
    en: 'No action class is known for this code: read the description and its family; if unclear, report it with the rid.',
    zh: '该错误码暂无处理分类：请参考说明与所属错误码段；仍不清楚时带上 rid 反馈。',
  },
};

export function actionAdvice(action: Action): AdviceText {
  return ACTION_ADVICE[action];
}

export interface EntryAdvice {
  en: string;
  zh: string;
  /** "code": written for this code (entry.adviceZh/adviceEn); "action": the general text of its action class. */
  kind: 'code' | 'action';
}

/** The most specific advice for an entry: its own when the project wrote one, else its action class's. */
export function entryAdvice(entry: Pick<Entry, 'action' | 'adviceEn' | 'adviceZh'>): EntryAdvice {
  if (entry.adviceEn && entry.adviceZh) return { en: entry.adviceEn, zh: entry.adviceZh, kind: 'code' };
  const general = actionAdvice(entry.action);
  return { en: general.en, zh: general.zh, kind: 'action' };
}
