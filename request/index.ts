// wxerr's wx.request wrapper: `import { createClient } from 'wxerr'`. What not every consumer needs is an opt-in
// module of its own (wxerr/session, wxerr/network, wxerr/abort, wxerr/pay, …; the catalog texts are
// wxerr/explain), so this entry stays under 4 KB.
export { createClient } from './client';
export type {
  Auth,
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
export type {
  BodyFailure,
  BodyPlatform,
  Classifier,
  CodeTable,
  FailureReader,
  RawResponse,
} from './classify';
export type { Dedupe } from './dedupe';
export type { RealtimeLogHook, RealtimeLogOptions } from './log';
export {
  WxerrError,
  isAbortError,
  isApiError,
  isAuthError,
  isClientError,
  isHttpError,
  isNetworkError,
  isWxerrError,
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
  WxerrErrorConstructor,
} from './errors';
// createAbortController is wxerr/abort; any AbortSignal-like object works as a call's signal.
export type { AbortControllerLike, AbortSignalLike } from './abort';
export { configureConcurrency, concurrencyState } from './queue';
export type { ConcurrencyOptions } from './queue';
export { DEFAULT_RETRY } from './retry';
export type { RetryOptions } from './retry';
export type { Body, Header, HeadersReceived, Method, Progress, RealtimeLogger, WxLike, WxFail } from './wx';
export type { WxFailure, WxFailureReason } from '../miniprogram/core/wx-failure';
export type { Action } from '../miniprogram/core/types';
