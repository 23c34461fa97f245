// `wxerr/messages`: words for people, opt in. `userMessage(err)`: a short zh / en text safe to show the end user
// (网络不给力，请稍后再试 / 服务繁忙，请稍后再试 …), chosen from the error's action class; `ACTION_HINT`: what to
// do per action, in a few English words (the core's developer message names only the refresh-token one).
import { BACKEND_TOKEN, type ErrorAction, type ErrorKind } from './errors';

/**
 * What to do, per action, in a few English words (core/advice.ts's short texts). The core's messages carry only
 * the refresh-token one; the zh / en explanation (catalog texts, advice) is in `wxerr/explain`.
 */
export const ACTION_HINT: Record<ErrorAction, string> = {
  'retry-later': 'wait and retry',
  quota: 'quota used up',
  'refresh-token': BACKEND_TOKEN,
  're-login': 'log in again',
  'fix-config': 'fix the configuration',
  'fix-request': 'fix the request',
  'account-state': 'check the account',
  'user-choice': "the user's choice",
  poll: 'poll the order until it settles',
  none: 'nothing to do', // an abort, never a success to report
  unknown: 'see the description',
};

export interface UserMessage {
  zh: string;
  en: string;
}

// Words an end user can read, by what they can do about it: wait, log in, or nothing (the app is at fault).
const BUSY: UserMessage = { zh: '服务繁忙，请稍后再试', en: 'The service is busy, please try again later' };
const BROKEN: UserMessage = {
  zh: '服务出了点问题，请稍后再试',
  en: 'Something went wrong, please try again later',
};
const USER: Partial<Record<ErrorAction | 'network' | 'abort', UserMessage>> = {
  network: { zh: '网络不给力，请稍后再试', en: 'The network is unstable, please try again' },
  abort: { zh: '已取消', en: 'Cancelled' },
  're-login': { zh: '登录已过期，请重新登录', en: 'Your session expired, please log in again' },
  'account-state': { zh: '当前帐号暂时无法使用此功能', en: 'This account cannot use this feature right now' },
  'user-choice': { zh: '已取消', en: 'Cancelled' },
  poll: { zh: '支付处理中，请稍候', en: 'Payment in progress, please wait' },
  'retry-later': BUSY,
  quota: BUSY,
  'refresh-token': BUSY,
};

/**
 * A short message safe to show the end user (never the server's text): network and abort by kind, the rest by
 * action class. A 2xx body that is not the JSON asked for is the network's: on a phone, mostly a Wi-Fi portal's
 * page or a body cut short.
 */
export function userMessage({
  kind,
  action,
  statusCode,
}: {
  kind: ErrorKind;
  action: ErrorAction;
  statusCode?: number;
}): UserMessage {
  const network =
    (kind === 'network' && action === 'retry-later') || (kind === 'http' && (statusCode ?? 400) < 400);
  return USER[network ? 'network' : kind === 'abort' ? kind : action] || BROKEN;
}
