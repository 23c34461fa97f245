// wxerr's wx.request wrapper: `import { createClient } from 'wxerr'`. Full explanations of an error (catalog
// texts, advice) live in the optional module `wxerr/explain`, so this entry stays a few KB.
export { createClient } from './client';
export type {
  AuthOptions,
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
} from './client';
export type { RawResponse } from './classify';
export {
  ACTION_HINT,
  WxerrError,
  isAbortError,
  isApiError,
  isAuthError,
  isHttpError,
  isNetworkError,
  isWxerrError,
} from './errors';
export type {
  AbortError,
  ApiError,
  AuthError,
  ErrorDetails,
  ErrorKind,
  HttpError,
  NetworkError,
} from './errors';
export { createAbortController } from './abort';
export type { AbortControllerLike, AbortSignalLike } from './abort';
export { DEFAULT_RETRY } from './retry';
export type { RetryOptions } from './retry';
export type { Header, Method, RealtimeLogger, WxLike, WxFail } from './wx';
export type { WxFailureReason } from '../miniprogram/core/wx-failure';
export type { Action, Platform } from '../miniprogram/core/types';
