// One tagged family of errors: every rejection of the wrapper is a WxerrError whose `kind` says which part
// failed (a discriminated union: `if (err.kind === 'api') err.code` is a string) and whose `action` says what to
// do. Words for people (userMessage, the action hints) are wxerr/messages; the catalog's texts wxerr/explain.
import type { Action } from '../miniprogram/core/types';
import type { WxFailureReason } from '../miniprogram/core/wx-failure';

/**
 * network: no response (timeout, offline, domain list…); http: a status ≥ 400 without a known body;
 * api: an error code in the body (WeChat errcode relayed by your backend, WeCom, Pay v3, or your isError hook);
 * auth: your session could not be refreshed; abort: the caller's signal; client: this side's setup or a hook.
 */
export type ErrorKind = 'network' | 'http' | 'api' | 'auth' | 'abort' | 'client';

/** The action classes of the catalog, plus `poll` (Pay USERPAYING: query the order until it settles). */
export type ErrorAction = Action | 'poll';

/** Where `code` comes from: WeChat's errcode, the client errno, WeCom, WeChat Pay v3, or a code of your own backend (isError). */
export type CodeSource = 'wechat' | 'errno' | 'wecom' | 'payv3' | 'backend';

export interface ErrorDetails {
  kind: ErrorKind;
  action: ErrorAction;
  /** What happened, in words a developer reads (the message adds the action and the request). */
  what: string;
  url: string;
  method: string;
  code?: string;
  platform?: CodeSource;
  errmsg?: string;
  rid?: string;
  statusCode?: number;
  data?: unknown;
  header?: Record<string, string>;
  errMsg?: string;
  errno?: number;
  reason?: WxFailureReason;
  cause?: unknown;
  /** Overrides the action's default retryability (Pay codes retryable with the same out_trade_no). */
  retryable?: boolean;
}

/** What the message of a relayed access_token code (action 'refresh-token') says to do. */
export const BACKEND_TOKEN =
  'the backend’s access_token needs refreshing (getStableAccessToken, one central token service); not the user’s session';

class ErrorImpl extends Error {
  declare attempts: number;
  constructor(d: ErrorDetails) {
    super(`${d.what}${d.action === 'refresh-token' ? ` — ${BACKEND_TOKEN}` : ''} (${d.method} ${d.url})`);
    Object.assign(this, d, {
      name: 'WxerrError',
      attempts: 1,
      retryable: d.retryable === undefined ? d.kind !== 'auth' && d.action === 'retry-later' : d.retryable,
    });
  }
}

// What a consumer reads when hovering the error: each field says what it is and where the rest is (the meaning
// in explain(), the next step's words in ACTION_HINT), since the core ships no catalog texts.
interface Base extends Error {
  readonly name: 'WxerrError';
  /** Which part failed: `network` (no response), `http` (the status), `api` (a code in the body), `auth`, `abort`, `client`. */
  readonly kind: ErrorKind;
  /**
   * What to do: `retry-later`, `refresh-token` (your backend's access_token), `re-login`, `fix-config`,
   * `fix-request`, `quota`, `account-state`… In words: `ACTION_HINT[action]` from wxerr/messages; in full, with the
   * code's meaning: `explain(err)` from wxerr/explain.
   */
  readonly action: ErrorAction;
  /** Whether sending the same request again later can succeed (the retry policy also checks the method). */
  readonly retryable: boolean;
  /** What happened, for developers (the start of `message`, without the action and the request). */
  readonly what: string;
  readonly url: string;
  readonly method: string;
  /** Sends made before giving up (a replay after a session refresh is not counted). */
  attempts: number;
  /**
   * The code, as a string: the errcode (`platform` says whose: WeChat, WeCom, Pay, your backend), the client errno
   * for `network`, the status for `http`. Its meaning: `explain(err)` from wxerr/explain.
   */
  readonly code?: string;
  /** Whose table `code` is from: `wechat`, `errno`, `wecom`, `payv3`, `backend` (your isError). */
  readonly platform?: CodeSource;
  /** The body's errmsg, its rid cut off into `rid`. */
  readonly errmsg?: string;
  /** WeChat's request id from the errmsg: `POST /cgi-bin/openapi/rid/get` looks it up. */
  readonly rid?: string;
  readonly statusCode?: number;
  /** The response body as wx gave it. */
  readonly data?: unknown;
  readonly header?: Record<string, string>;
  /** wx's fail errMsg (`network`, `abort`). */
  readonly errMsg?: string;
  readonly errno?: number;
  /** Why no response came (`network`): `timeout`, `offline`, `domain`, `ssl`… (every reason with wxerr/network). */
  readonly reason?: WxFailureReason;
  /** What a hook, your session or wx threw (`client`, `auth`). */
  readonly cause?: unknown;
}

/** No response came (wx's fail callback). */
export interface NetworkError extends Base {
  readonly kind: 'network';
  readonly errMsg: string;
  readonly reason: WxFailureReason;
}
/**
 * A status ≥ 400 whose body carries no known error code, or a 2xx body that is not the JSON asked for (markup,
 * a body cut short: "HTTP 200 …: not JSON"). `code` is the status as a string.
 */
export interface HttpError extends Base {
  readonly kind: 'http';
  readonly code: string;
  readonly statusCode: number;
}
/** An error code in the body: errcode (WeChat, WeCom), Pay v3 `code`, or your isError hook's. */
export interface ApiError extends Base {
  readonly kind: 'api';
  readonly code: string;
  readonly errmsg: string;
  readonly platform: CodeSource;
  readonly statusCode: number;
}
/** Your session could not be renewed (refresh failed, timed out, or still unauthorized after it). */
export interface AuthError extends Base {
  readonly kind: 'auth';
}
export interface AbortError extends Base {
  readonly kind: 'abort';
}
/** This side failed before or after the exchange: no wx, or a hook threw (see `cause`). */
export interface ClientError extends Base {
  readonly kind: 'client';
}

export type WxerrError = NetworkError | HttpError | ApiError | AuthError | AbortError | ClientError;

export interface WxerrErrorConstructor {
  new (d: ErrorDetails): WxerrError;
  readonly prototype: WxerrError;
}
// One class at run time; a union for the type checker, so `kind` narrows.
export const WxerrError = ErrorImpl as unknown as WxerrErrorConstructor;

/** True for any error of the family, even from another copy of the module (checks the name, not the class). */
export function isWxerrError(e: unknown): e is WxerrError {
  return !!e && typeof e === 'object' && (e as Error).name === 'WxerrError';
}
const is =
  <K extends ErrorKind>(kind: K) =>
  (e: unknown): e is Extract<WxerrError, { kind: K }> =>
    isWxerrError(e) && e.kind === kind;
export const isNetworkError = is('network');
export const isHttpError = is('http');
export const isApiError = is('api');
export const isAuthError = is('auth');
export const isAbortError = is('abort');
export const isClientError = is('client');
