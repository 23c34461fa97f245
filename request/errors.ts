// One tagged family of errors: every failure of the wrapper is a WxerrError whose `kind` says which part
// failed and whose `action` says what to do about it.
import { isRetryableAction } from '../miniprogram/core/action-codes';
import type { Action, Platform } from '../miniprogram/core/types';
import type { WxFailureReason } from '../miniprogram/core/wx-failure';

export type ErrorKind = 'network' | 'http' | 'api' | 'auth' | 'abort';

export interface ErrorDetails {
  kind: ErrorKind;
  action: Action;
  /** What happened, in words a person reads (the message adds the action and the request). */
  what: string;
  url: string;
  method: string;
  /** errcode of an API error, errno of a network error (as a string), HTTP status of an HTTP error. */
  code?: string;
  /** Where `code` comes from, for the explain module. */
  platform?: Platform;
  errmsg?: string;
  rid?: string;
  statusCode?: number;
  data?: unknown;
  header?: Record<string, string>;
  errMsg?: string;
  errno?: number;
  reason?: WxFailureReason;
  cause?: unknown;
}

// The short advice of core/advice.ts for each action, copied here so the core client stays small
// (advice.ts carries the long texts too). A test keeps the two in step.
export const ACTION_HINT: Record<Action, string> = {
  'retry-later': '稍后重试 / wait and retry',
  quota: '额度用尽 / quota used up',
  'refresh-token': '刷新 access_token / refresh the access_token',
  're-login': '重新登录 / log in again',
  'fix-config': '检查配置 / fix the configuration',
  'fix-request': '修正请求参数 / fix the request',
  'account-state': '检查帐号状态 / check the account',
  none: '成功 / success',
  unknown: '见说明 / see the description',
};

export class WxerrError extends Error implements ErrorDetails {
  declare readonly kind: ErrorKind;
  declare readonly action: Action;
  /** Whether retrying the same request later can succeed (the policy also checks the method). */
  declare readonly retryable: boolean;
  declare readonly what: string;
  declare readonly url: string;
  declare readonly method: string;
  declare readonly code?: string;
  declare readonly platform?: Platform;
  declare readonly errmsg?: string;
  declare readonly rid?: string;
  declare readonly statusCode?: number;
  declare readonly data?: unknown;
  declare readonly header?: Record<string, string>;
  declare readonly errMsg?: string;
  declare readonly errno?: number;
  declare readonly reason?: WxFailureReason;
  declare readonly cause?: unknown;
  /** Sends the retry policy made before giving up (a replay after a token refresh is not counted). */
  declare attempts: number;

  constructor(d: ErrorDetails) {
    super(`${d.what}${d.kind === 'abort' ? '' : ` — ${ACTION_HINT[d.action]}`} (${d.method} ${d.url})`);
    Object.assign(this, d, {
      name: 'WxerrError',
      attempts: 1,
      retryable: d.kind !== 'auth' && d.kind !== 'abort' && isRetryableAction(d.action),
    });
  }
}

export interface NetworkError extends WxerrError {
  kind: 'network';
  errMsg: string;
  reason: WxFailureReason;
}
export interface HttpError extends WxerrError {
  kind: 'http';
  code: string;
  statusCode: number;
}
export interface ApiError extends WxerrError {
  kind: 'api';
  code: string;
  errmsg: string;
}
export interface AuthError extends WxerrError {
  kind: 'auth';
}
export interface AbortError extends WxerrError {
  kind: 'abort';
}

/** True for any error of the family, even from another copy of the module (checks the name, not the class). */
export function isWxerrError(e: unknown): e is WxerrError {
  return e instanceof WxerrError || (!!e && typeof e === 'object' && (e as Error).name === 'WxerrError');
}
const is =
  <E extends WxerrError>(kind: ErrorKind) =>
  (e: unknown): e is E =>
    isWxerrError(e) && e.kind === kind;
export const isNetworkError = is<NetworkError>('network');
export const isHttpError = is<HttpError>('http');
export const isApiError = is<ApiError>('api');
export const isAuthError = is<AuthError>('auth');
export const isAbortError = is<AbortError>('abort');
