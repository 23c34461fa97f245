// wxerr's wx.request wrapper: `import { createClient } from 'wxerr'`. Full explanations of an error (catalog
// texts, advice) live in the optional module `wxerr/explain`, so this entry stays a few KB.
export { createClient } from './client';
export type {
  AuthOptions,
  BusinessFailure,
  CallOptions,
  Client,
  ClientOptions,
  Clock,
  DownloadOptions,
  DownloadResponse,
  RequestOptions,
  Response,
  UploadOptions,
  UploadResponse,
  WireRequest,
} from './options';
export type { BodyFailure, BodyPlatform, Classifier, CodeTable, RawResponse } from './classify';
export type { Dedupe } from './dedupe';
export type { RealtimeLogHook, RealtimeLogOptions } from './log';
export {
  ACTION_HINT,
  WxerrError,
  isAbortError,
  isApiError,
  isAuthError,
  isClientError,
  isHttpError,
  isNetworkError,
  isWxerrError,
  userMessage,
} from './errors';
export type {
  AbortError,
  ApiError,
  AuthError,
  ClientError,
  CodeSource,
  ErrorAction,
  ErrorDetails,
  ErrorKind,
  HttpError,
  NetworkError,
  UserMessage,
  WxerrErrorConstructor,
} from './errors';
export { createAbortController } from './abort';
export type { AbortControllerLike, AbortSignalLike } from './abort';
export { configureConcurrency, concurrencyState } from './queue';
export type { ConcurrencyOptions } from './queue';
export { DEFAULT_RETRY } from './retry';
export type { RetryOptions } from './retry';
export type { Body, Header, HeadersReceived, Method, Progress, RealtimeLogger, WxLike, WxFail } from './wx';
export type { WxFailureReason } from '../miniprogram/core/wx-failure';
export type { Action } from '../miniprogram/core/types';
