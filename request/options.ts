// The options and results of createClient (types only: nothing here reaches the bundle).
import type { AbortSignalLike } from './abort';
import type { BodyPlatform, Classifier, FailureReader, RawResponse } from './classify';
import type { Dedupe } from './dedupe';
import type { RealtimeLogHook } from './log';
import type { ErrorAction, WxerrError } from './errors';
import type { RetryOptions } from './retry';
import type {
  Body,
  Header,
  HeadersReceived,
  Method,
  Progress,
  WxLike,
  WxRequestExtras,
  WxTransferExtras,
} from './wx';

export type MaybePromise<T> = T | Promise<T>;

/** What an isError hook reports: a business code in a body the wrapper would otherwise accept. */
export interface BusinessFailure {
  code: string | number;
  message?: string;
  /** What to do (default 'unknown'); 'retry-later' makes it retryable. */
  action?: ErrorAction;
}

export interface CallOptions {
  /** Headers of this call, merged over the client's (wx's own spelling). */
  header?: Header;
  /** Alias of `header` (axios / ky spelling); `header` wins on the same name. */
  headers?: Header;
  /** ms; passed to wx as its `timeout` (wx's own default and maximum is 60 000). */
  timeout?: number;
  signal?: AbortSignalLike;
  /** This call's retry policy, merged over the client's; false = send once. Wins over a client-level false. */
  retry?: Partial<RetryOptions> | false;
  /** false: send without the session token (the login call itself, and any call made inside refreshToken). */
  auth?: boolean;
  /** Whose errcode the body carries (default the client's `platform`). */
  platform?: BodyPlatform;
  /** The task's response headers, before the body arrives. */
  onHeadersReceived?(res: HeadersReceived): void;
}

export interface RequestOptions extends CallOptions, WxRequestExtras {
  url: string;
  method?: Method;
  data?: Body;
  /** Query parameters appended to the URL (undefined values are skipped). */
  params?: Record<string, string | number | boolean | undefined>;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  /** false: not shared with identical GETs in flight (on a client with `dedupe`). */
  dedupe?: boolean;
}

export interface UploadOptions extends CallOptions, WxTransferExtras {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
  onProgress?(p: Progress): void;
}

export interface DownloadOptions extends CallOptions, WxTransferExtras {
  url: string;
  filePath?: string;
  onProgress?(p: Progress): void;
}

/** wx's own success object, as wx gave it (its other fields, errMsg say, are there too). */
export interface Response<T> {
  data: T;
  statusCode: number;
  header: Header;
  cookies?: string[];
}
export interface UploadResponse<T> {
  /** The body, parsed when it is JSON. */
  data: T;
  statusCode: number;
}
export interface DownloadResponse {
  tempFilePath: string;
  filePath?: string;
  statusCode: number;
}

/** One send as the hooks see it; onRequest may change it or return a new one. Other wx options ride along. */
export interface WireRequest extends WxRequestExtras {
  /** The wx method that sends it (uploadFile / downloadFile: wxerr/transfer). */
  type: 'request' | 'uploadFile' | 'downloadFile';
  url: string;
  method: Method;
  header: Header;
  data?: Body;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  filePath?: string;
  name?: string;
  formData?: Record<string, unknown>;
  /** 1 for the first send, 2 for the first retry… (a replay after a session refresh keeps the number). */
  attempt: number;
}

/**
 * What createClient's `auth` takes: `session({ getToken, refreshToken })` from wxerr/session, or your own. The
 * client calls it only for calls without `auth: false`; a rejection of apply or refresh fails the call as kind
 * 'auth' (its reason as `cause`).
 */
export interface Auth {
  /** Before each send: waits for a refresh in flight, puts the token on req; resolves with the refresh generation. */
  apply(req: WireRequest): MaybePromise<number>;
  /** Whether a response (and the error the client found in it) means the session expired. */
  expired(res: RawResponse, err: WxerrError | undefined): boolean;
  /** Renews the session once for every send made under `gen`; the call is then replayed once. */
  refresh(gen: number): Promise<void>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export interface ClientOptions {
  /** Prefixed to every relative URL, with exactly one slash between. */
  baseURL?: string;
  /** Headers of every call (wx's spelling); `headers` is an alias. */
  header?: Header;
  headers?: Header;
  timeout?: number;
  /** Retry policy (see RetryOptions); false = never retry unless a call asks. */
  retry?: Partial<RetryOptions> | false;
  /** `session({ getToken, refreshToken })` from wxerr/session: the token on every call, refresh on HTTP 401. */
  auth?: Auth;
  /** This client's own cap on sends in flight, inside the app-wide one (see configureConcurrency). */
  maxConcurrent?: number;
  /** `dedupe` from wxerr/dedupe: identical GETs in flight share one send (default: none). */
  dedupe?: () => Dedupe;
  /** Whose errcode bodies carry: 'wechat' (default) or `wecom` from wxerr/wecom (企业微信). */
  platform?: BodyPlatform;
  /** Readers of other error bodies, asked when there is no errcode: `[pay]` from wxerr/pay (Pay v3). */
  classifiers?: Classifier[];
  /** `network` from wxerr/network: every reason of a wx fail callback (default: abort, timeout, else 'unknown'). */
  network?: FailureReader;
  onRequest?(req: WireRequest): MaybePromise<WireRequest | void>;
  onResponse?(res: RawResponse, req: WireRequest): MaybePromise<void>;
  /** Business codes: return true or a BusinessFailure for a response that must reject (kind 'api'). */
  isError?(res: RawResponse, req: WireRequest): boolean | BusinessFailure | undefined;
  /** Turns a successful body into what the promise resolves with. */
  transform?(data: unknown, res: RawResponse): unknown;
  /** Before each retry, with the error, the attempt that failed and the delay. */
  onRetry?(err: WxerrError, attempt: number, delay: number): void;
  /** Called once per failed call, with the error the promise rejects with. */
  onError?(err: WxerrError): void;
  /** `realtimeLog()` from wxerr/log: failures (code, rid, redacted url) to wx.getRealtimeLogManager(). */
  realtimeLog?: RealtimeLogHook;
  /** The wx object (default: the global one). */
  wx?: WxLike;
  /** Time and randomness, for tests. */
  clock?: Partial<Clock>;
}

export type WithoutUrl<O> = Omit<O, 'url' | 'method' | 'data'>;

export interface Client {
  request<T = unknown>(opts: RequestOptions): Promise<Response<T>>;
  get<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  head<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  options<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  delete<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  post<T = unknown>(url: string, data?: Body, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  put<T = unknown>(url: string, data?: Body, opts?: WithoutUrl<RequestOptions>): Promise<T>;
}
