// Turns what wx answered into success or a WxerrError. wx.request "succeeds" for every HTTP status, so the
// status and the body decide; fail callbacks are classified by errno, then errMsg.
import { EXPLICIT_ACTIONS, rangeAction } from '../miniprogram/core/action-codes';
import type { Action, Platform } from '../miniprogram/core/types';
import { classifyWxFailure, readApiFailure, splitRid } from '../miniprogram/core/wx-failure';
import { WxerrError } from './errors';
import type { Header, WxFail } from './wx';

/** The part of a response the classification reads (request, upload and download alike). */
export interface RawResponse {
  statusCode: number;
  data?: unknown;
  header?: Header;
}

const OPEN: Platform = '开放平台通用';

interface Target {
  url: string;
  method: string;
}

export function failureError(fail: WxFail, t: Target): WxerrError {
  const f = classifyWxFailure(fail.errMsg || '', fail.errno);
  return new WxerrError({
    kind: f.reason === 'abort' ? 'abort' : 'network',
    action: f.action,
    what: `${fail.errMsg}${fail.errno ? ` (errno ${fail.errno})` : ''}: ${f.text}`,
    code: fail.errno === undefined ? undefined : String(fail.errno),
    platform: '小程序客户端 errno',
    errMsg: fail.errMsg,
    errno: fail.errno,
    reason: f.reason,
    ...t,
  });
}

export function abortError(t: Target): WxerrError {
  return failureError({ errMsg: 'request:fail abort' }, t);
}

/** Action of an HTTP status from your own server (no errcode in the body). */
export function httpAction(status: number): Action {
  if (status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505))
    return 'retry-later';
  if (status === 401) return 're-login';
  if (status === 403) return 'fix-config';
  return 'fix-request';
}

// The wording that marks a transient API error (core/action.ts's retry rule); the other wording classes come
// from the catalog through wxerr/explain, so the client ships only what changes its behaviour.
const RETRY_WORDS =
  /频|过快|too (many|much|frequent)|freq|rate limit|稍[后候]再试|retry later|busy|繁忙|系统错误|system error|time(d )?out|超时/i;

/** The class of an API errcode: its explicit class, else retry wording, else its range. */
export function apiAction(code: string, text: string): Action {
  return EXPLICIT_ACTIONS[code] || (RETRY_WORDS.test(text) ? 'retry-later' : rangeAction(code)) || 'unknown';
}

/** The API error in a body (errcode ≠ 0), whatever the status; else an HTTP error for a status ≥ 400. */
export function responseError(res: RawResponse, t: Target): WxerrError | undefined {
  const api = readApiFailure(res.data);
  if (!api && res.statusCode < 400) return undefined; // the common case, decided without allocating
  const common = { statusCode: res.statusCode, data: res.data, header: res.header, ...t };
  if (api) {
    const { text, rid } = splitRid(api.errmsg);
    return new WxerrError({
      kind: 'api',
      action: apiAction(api.code, text),
      what: `errcode ${api.code}${text ? `: ${text}` : ''}${rid ? ` (rid: ${rid})` : ''}`,
      code: api.code,
      platform: OPEN,
      errmsg: text,
      rid,
      ...common,
    });
  }
  const m = typeof res.data === 'string' && /<title[^>]*>([^<]{1,120})/i.exec(res.data);
  const title = m && m[1].trim();
  return new WxerrError({
    kind: 'http',
    action: httpAction(res.statusCode),
    what: `HTTP ${res.statusCode}${title ? ` ${title}` : ''}`,
    code: String(res.statusCode),
    ...common,
  });
}
