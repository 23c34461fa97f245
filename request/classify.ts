// Turns what wx answered into success or a WxerrError. wx.request "succeeds" for every HTTP status, so the
// status and the body decide: a WeChat errcode (or WeCom's, with wxerr/wecom), a code the consumer's
// classifiers read (wxerr/pay: Pay v3 `{code, message}`), else the status.
// Fail callbacks are classified by errno, then errMsg.
import { table } from '../miniprogram/core/action-codes';
import {
  readApiFailure,
  splitRid,
  type WxFailure,
  type WxFailureReason,
} from '../miniprogram/core/wx-failure';
import { WxerrError, isWxerrError, type CodeSource, type ErrorAction, type ErrorDetails } from './errors';
import { httpAction } from './status';
import type { BusinessFailure } from './options';
import type { Header, WxFail } from './wx';

/** The part of a response the classification reads (request, upload and download alike). */
export interface RawResponse {
  statusCode: number;
  data?: unknown;
  header?: Header;
}

/**
 * Whose errcode a body carries: WeChat's (default), or another platform's table with the same body shape
 * (`wecom` from `wxerr/wecom`: 企业微信's meanings).
 */
export type BodyPlatform = 'wechat' | CodeTable;

/** A platform's errcode classes (see wxerr/codes, wxerr/wecom). */
export interface CodeTable {
  id: CodeSource;
  /** Put before "errcode" in the message ("WeCom "). */
  label: string;
  actions: Record<string, ErrorAction>;
  /** The class of a code the table does not list and whose wording says nothing (wxerr/codes: the ranges). */
  range?(code: string): ErrorAction | undefined;
}

/**
 * The core's WeChat table: the classes that change what the client does (retried codes, quota codes never
 * retried whatever their wording, the backend's access_token codes). The other classes and the range rule are
 * `wechat` from wxerr/codes.
 */
const WECHAT: CodeTable = {
  id: 'wechat',
  label: '',
  actions: /* @__PURE__ */ table<ErrorAction>({
    'retry-later': '-1 45011 89401 -501002 102002',
    quota: '45009 48006',
    'refresh-token': '40001 40014 42001',
  }),
};

/** What a classifier found in a body: the fields of a kind 'api' error. */
export interface BodyFailure {
  code: string;
  action: ErrorAction;
  platform: CodeSource;
  errmsg: string;
  rid?: string;
  /** The developer message's first part. */
  what: string;
}

/** Reads an error code of another shape from a body with no WeChat errcode (see wxerr/pay). */
export type Classifier = (res: RawResponse) => BodyFailure | undefined;

interface Target {
  url: string;
  method: string;
}

/** Reads why a wx fail callback came: `network` from wxerr/network (every reason), or the core's own reader. */
export type FailureReader = (errMsg: string, errno?: number) => WxFailure;

/** The core's reader: abort, timeout (errno 5 or its wording), else 'unknown' (retried like any network failure). */
const basicReader: FailureReader = (m, n) => {
  const reason: WxFailureReason = /abort|取消/i.test(m)
    ? 'abort'
    : n === 5 || /time.?out|超时/i.test(m)
      ? 'timeout'
      : 'unknown';
  return { reason, action: reason === 'abort' ? 'none' : 'retry-later' };
};

export function failureError(fail: WxFail, t: Target, read: FailureReader = basicReader): WxerrError {
  const f = read(fail.errMsg || '', fail.errno);
  return new WxerrError({
    kind: f.reason === 'abort' ? 'abort' : 'network',
    action: f.action,
    what: `${fail.errMsg}${fail.errno ? ` (errno ${fail.errno})` : ''}: ${f.reason}`,
    code: fail.errno ? String(fail.errno) : undefined,
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

/**
 * A failure of this side (`client`: no wx, a hook threw) or of the session (`auth`: getToken or refreshToken
 * threw), its cause in the message; a WxerrError passes through as is.
 */
export function causeError(
  kind: 'auth' | 'client',
  what: string,
  cause: unknown,
  t: Target & Partial<ErrorDetails>,
): WxerrError {
  return isWxerrError(cause)
    ? cause
    : new WxerrError({
        kind,
        action: kind === 'auth' ? 're-login' : 'unknown',
        what: `${what}: ${cause instanceof Error ? cause.message : String(cause)}`,
        cause,
        ...t,
      });
}

/** The class of an errcode: its class in the platform's table, else retry wording, else the table's range. */
export function apiAction(code: string, text: string, p: CodeTable): ErrorAction {
  return p.actions[code] || (RETRY_WORDS.test(text) ? 'retry-later' : p.range && p.range(code)) || 'unknown';
}

// The wording that marks a transient API error (core/action.ts's retry rule); the other wording classes come
// from the catalog through wxerr/explain, so the client ships only what changes its behaviour.
const RETRY_WORDS =
  /频|过快|too (many|much|frequent)|freq|rate limit|稍[后候]再试|retry later|busy|繁忙|系统错误|system error|time(d )?out|超时/i;

/**
 * The error in a response, or undefined: what the isError hook found (a business code in a 200 body, say), else
 * the body's code (whatever the status), else a status ≥ 400, else a body that is not the JSON `dataType` asked for.
 */
export function responseError(
  res: RawResponse,
  t: Target,
  platform?: BodyPlatform,
  classifiers?: Classifier[],
  found?: boolean | BusinessFailure,
  dataType?: string,
): WxerrError | undefined {
  const { statusCode, data } = res;
  let body: BodyFailure | undefined;
  const api = !found && readApiFailure(data);
  if (found) {
    const f: BusinessFailure = found === true ? { code: statusCode } : found;
    const code = String(f.code);
    const message = f.message || '';
    body = {
      code,
      action: f.action || 'unknown',
      platform: 'backend',
      errmsg: message,
      what: `business code ${code}${message ? `: ${message}` : ''}`,
    };
  } else if (api) {
    const { text, rid } = splitRid(api.errmsg);
    const p = typeof platform === 'object' ? platform : WECHAT;
    body = {
      code: api.code,
      action: apiAction(api.code, text, p),
      platform: p.id,
      errmsg: text,
      rid,
      what: `${p.label}errcode ${api.code}${text ? `: ${text}` : ''}${rid ? ` (rid: ${rid})` : ''}`,
    };
  } else if (classifiers) for (let i = 0; !body && i < classifiers.length; i++) body = classifiers[i](res);
  // A body wx could not parse although JSON was asked: markup (a portal's or proxy's page) or a JSON object or
  // array cut short. A typed get<T>() must not resolve with that text. Plain text stays what wx gives (it may be
  // a JSON string literal); dataType 'text' (any value but 'json') gets any body as text.
  const notJson =
    statusCode < 400 && (dataType || 'json') == 'json' && typeof data == 'string' && /^\s*[[{<]/.test(data);
  if (!body && statusCode < 400 && !notJson) return undefined; // the common case, decided without allocating
  const common = { statusCode, data, header: res.header, ...t };
  if (body) return new WxerrError({ kind: 'api', ...body, ...common });
  const m = typeof data == 'string' && /<title[^>]*>([^<]{1,120})/i.exec(data);
  const title = m && m[1].trim();
  return new WxerrError({
    kind: 'http',
    action: httpAction(statusCode),
    what: `HTTP ${statusCode}${title ? ` ${title}` : ''}${notJson ? ': not JSON' : ''}`,
    code: String(statusCode),
    ...common,
  });
}
