// Turns what wx answered into success or a WxerrError. wx.request "succeeds" for every HTTP status, so the
// status and the body decide: a WeChat / WeCom errcode, a WeChat Pay v3 `{code, message}`, else the status.
// Fail callbacks are classified by errno, then errMsg.
import { EXPLICIT_ACTIONS, rangeAction } from '../miniprogram/core/action-codes';
import type { Action } from '../miniprogram/core/types';
import { classifyWxFailure, readApiFailure, splitRid } from '../miniprogram/core/wx-failure';
import { WxerrError, isWxerrError, type ErrorAction } from './errors';
import type { Header, WxFail } from './wx';

/** The part of a response the classification reads (request, upload and download alike). */
export interface RawResponse {
  statusCode: number;
  data?: unknown;
  header?: Header;
}

/** Whose errcode a body carries: WeChat's (default) or WeCom's (企业微信: same shape, other meanings). */
export type BodyPlatform = 'wechat' | 'wecom';

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
    platform: 'errno',
    errMsg: fail.errMsg,
    errno: fail.errno,
    reason: f.reason,
    ...t,
  });
}

export function abortError(t: Target): WxerrError {
  return failureError({ errMsg: 'request:fail abort' }, t);
}

/** This side's failure (no wx, a hook threw), or a WxerrError passed through as is. */
export function clientError(e: unknown, t: Target): WxerrError {
  if (isWxerrError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new WxerrError({ kind: 'client', action: 'unknown', what: `wxerr: ${msg}`, cause: e, ...t });
}

/** Action of an HTTP status from your own server (no error code in the body). */
export function httpAction(status: number): Action {
  if (status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505))
    return 'retry-later';
  if (status === 401) return 're-login';
  if (status === 403) return 'fix-config';
  return 'fix-request';
}

/** Space-separated codes per action, expanded once into a lookup table. */
function table(groups: Partial<Record<ErrorAction, string>>): Record<string, ErrorAction> {
  const out: Record<string, ErrorAction> = {};
  for (const a in groups)
    for (const c of (groups[a as ErrorAction] as string).split(' ')) out[c] = a as ErrorAction;
  return out;
}

// WeCom (企业微信) codes whose class differs from WeChat's or is stated by its docs: its 40001 is a bad secret,
// 45009 a frequency limit; 40014/42001/41001 are the backend's access_token as on WeChat.
const WECOM = table({
  'retry-later': '-1 45009 45033',
  'refresh-token': '40014 42001 41001 42009',
  're-login': '40029',
  'fix-config': '40001 40013 40056 48002 60011 60020 50001 301002',
});

// WeChat Pay v3 codes (HTTP status + {code, message}). SYSTEM_ERROR, FREQUENCY_LIMITED and BANK_ERROR are
// retried with the same out_trade_no; USERPAYING means query the order until it settles.
const PAY = table({
  'retry-later': 'SYSTEM_ERROR FREQUENCY_LIMITED BANK_ERROR',
  poll: 'USERPAYING',
  'fix-config': 'SIGN_ERROR NO_AUTH MCH_NOT_EXISTS APPID_MCHID_NOT_MATCH',
  'fix-request':
    'PARAM_ERROR INVALID_REQUEST OUT_TRADE_NO_USED ORDER_NOT_EXIST ORDER_CLOSED OPENID_MISMATCH INVALID_TRANSACTIONID',
  'account-state': 'NOT_ENOUGH TRADE_ERROR RULE_LIMIT ACCOUNT_ERROR',
});

// The wording that marks a transient API error (core/action.ts's retry rule); the other wording classes come
// from the catalog through wxerr/explain, so the client ships only what changes its behaviour.
const RETRY_WORDS =
  /频|过快|too (many|much|frequent)|freq|rate limit|稍[后候]再试|retry later|busy|繁忙|系统错误|system error|time(d )?out|超时/i;

/** The class of an errcode: its explicit class, else retry wording, else its range. */
export function apiAction(code: string, text: string, platform: BodyPlatform = 'wechat'): ErrorAction {
  return (
    (platform === 'wecom' ? WECOM : EXPLICIT_ACTIONS)[code] ||
    (RETRY_WORDS.test(text) ? 'retry-later' : rangeAction(code)) ||
    'unknown'
  );
}

/** A Pay v3 error body: `{"code": "PARAM_ERROR", "message": …}` on a 4xx/5xx (USERPAYING comes with 202). */
function readPayFailure(res: RawResponse): { code: string; message: string } | undefined {
  const d = res.data as { code?: unknown; message?: unknown } | undefined;
  const code = d && typeof d === 'object' ? d.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code) && (res.statusCode >= 400 || PAY[code])
    ? {
        code,
        message:
          typeof (d as { message?: unknown }).message === 'string'
            ? String((d as { message: string }).message)
            : '',
      }
    : undefined;
}

/** The error in a response (body code first, whatever the status; else a status ≥ 400), or undefined. */
export function responseError(
  res: RawResponse,
  t: Target,
  platform: BodyPlatform = 'wechat',
): WxerrError | undefined {
  const api = readApiFailure(res.data);
  const pay = !api && readPayFailure(res);
  if (!api && !pay && res.statusCode < 400) return undefined; // the common case, decided without allocating
  const common = { statusCode: res.statusCode, data: res.data, header: res.header, ...t };
  if (api) {
    const { text, rid } = splitRid(api.errmsg);
    return new WxerrError({
      kind: 'api',
      action: apiAction(api.code, text, platform),
      what: `${platform === 'wecom' ? 'WeCom ' : ''}errcode ${api.code}${text ? `: ${text}` : ''}${rid ? ` (rid: ${rid})` : ''}`,
      code: api.code,
      platform,
      errmsg: text,
      rid,
      ...common,
    });
  }
  if (pay) {
    // Pay's rule for codes it does not list: 5xx is retried with the same parameters, 4xx is the request's.
    const action = PAY[pay.code] || httpAction(res.statusCode);
    return new WxerrError({
      kind: 'api',
      action,
      what: `Pay v3 ${pay.code} (HTTP ${res.statusCode})${pay.message ? `: ${pay.message}` : ''}${action === 'retry-later' ? '; retry with the same out_trade_no' : ''}`,
      code: pay.code,
      platform: 'payv3',
      errmsg: pay.message,
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

/** An error your isError hook reported (a business code in a 200 body, say). */
export function businessError(
  found: true | { code: string | number; message?: string; action?: ErrorAction },
  res: RawResponse,
  t: Target,
): WxerrError {
  const f = found === true ? { code: String(res.statusCode) } : found;
  const code = String(f.code);
  const message = (found !== true && found.message) || '';
  return new WxerrError({
    kind: 'api',
    action: (found !== true && found.action) || 'unknown',
    what: `business code ${code}${message ? `: ${message}` : ''}`,
    code,
    platform: 'backend',
    errmsg: message,
    statusCode: res.statusCode,
    data: res.data,
    header: res.header,
    ...t,
  });
}
