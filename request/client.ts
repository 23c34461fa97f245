// createClient: wx.request/uploadFile/downloadFile as promises under one policy (retry, token refresh,
// concurrency cap, dedupe, hooks, realtime log). Every failure is a WxerrError.
import type { AbortSignalLike } from './abort';
import { createAbortController } from './abort';
import { createRefresher, defaultIsAuthExpired } from './auth';
import { abortError, failureError, responseError, type RawResponse } from './classify';
import { WxerrError, isWxerrError } from './errors';
import { createQueue } from './queue';
import { DEFAULT_RETRY, retryDelay, type RetryOptions } from './retry';
import {
  globalWx,
  type Header,
  type Method,
  type RealtimeLogger,
  type WxFail,
  type WxLike,
  type WxRequestOptions,
  type WxUploadOptions,
  type WxDownloadOptions,
} from './wx';

type MaybePromise<T> = T | Promise<T>;

interface CallOptions {
  headers?: Header;
  /** ms; passed to wx as its `timeout` (wx's own default and maximum is 60 000). */
  timeout?: number;
  signal?: AbortSignalLike;
  /** Per-call retry policy, merged over the client's; false = send once. */
  retry?: Partial<RetryOptions> | false;
  /** false: send without the token (the login call itself). */
  auth?: boolean;
}

export interface RequestOptions extends CallOptions {
  url: string;
  method?: Method;
  data?: unknown;
  /** Query parameters appended to the URL (undefined values are skipped). */
  params?: Record<string, string | number | boolean | undefined>;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  /** Share one response among identical GETs in flight (default: the client's `dedupe`). */
  dedupe?: boolean;
}

export interface UploadOptions extends CallOptions {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, unknown>;
}

export interface DownloadOptions extends CallOptions {
  url: string;
  filePath?: string;
}

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

/** One send as the hooks see it; onRequest may change it or return a new one. */
export interface WireRequest {
  type: 'request' | 'upload' | 'download';
  url: string;
  method: Method;
  header: Header;
  data?: unknown;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  filePath?: string;
  name?: string;
  formData?: Record<string, unknown>;
  /** 1 for the first send, 2 for the first retry… (a replay after a token refresh keeps the number). */
  attempt: number;
}

export interface AuthOptions {
  /** The current token (undefined: send without one). */
  getToken(): MaybePromise<string | undefined>;
  /** Gets a new token and stores it where getToken() reads it. Called once for any number of waiting requests. */
  refreshToken(): MaybePromise<unknown>;
  /** Whether a response means the token expired (default: HTTP 401 or errcode 40001/40014/42001). */
  isAuthExpired?(res: RawResponse): boolean;
  /** Puts the token on a send (default: header `Authorization: Bearer <token>`). */
  apply?(req: WireRequest, token: string): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export interface ClientOptions {
  /** Prefixed to every relative URL. */
  baseURL?: string;
  headers?: Header;
  timeout?: number;
  /** Retry policy (see RetryOptions); false = never retry. */
  retry?: Partial<RetryOptions> | false;
  auth?: AuthOptions;
  /** Sends in flight at once (default 10, WeChat's own limit); the rest queue. */
  maxConcurrent?: number;
  /** Share one response among identical GETs in flight (default false). */
  dedupe?: boolean;
  onRequest?(req: WireRequest): MaybePromise<WireRequest | void>;
  onResponse?(res: RawResponse, req: WireRequest): MaybePromise<void>;
  /** Called once per failed call, with the error the promise rejects with. */
  onError?(err: WxerrError): void;
  /** Log failures (code, rid, url) to wx.getRealtimeLogManager(), or to the logger given. */
  realtimeLog?: boolean | RealtimeLogger;
  /** The wx object (default: the global one). */
  wx?: WxLike;
  /** Time and randomness, for tests. */
  clock?: Partial<Clock>;
}

type WithoutUrl<O> = Omit<O, 'url' | 'method' | 'data'>;

export interface Client {
  request<T = unknown>(opts: RequestOptions): Promise<Response<T>>;
  get<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  head<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  options<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  delete<T = unknown>(url: string, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  post<T = unknown>(url: string, data?: unknown, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  put<T = unknown>(url: string, data?: unknown, opts?: WithoutUrl<RequestOptions>): Promise<T>;
  upload<T = unknown>(opts: UploadOptions): Promise<UploadResponse<T>>;
  download(opts: DownloadOptions): Promise<DownloadResponse>;
}

type Res = RawResponse & Record<string, unknown>;
type Outcome = { res: Res; fail?: undefined } | { res?: undefined; fail: WxFail };

// The wrapper's .d.ts must not need DOM or Node typings.
declare function setTimeout(fn: () => void, ms: number): unknown;

const bearer = (req: WireRequest, token: string): void => {
  req.header.Authorization = `Bearer ${token}`;
};

function parseJson(s: unknown): unknown {
  try {
    return typeof s === 'string' ? JSON.parse(s) : s;
  } catch {
    return s;
  }
}

/** An auth error whose cause is what getToken or refreshToken threw. */
function authFailure(what: string, reason: unknown, target: { url: string; method: string }): WxerrError {
  return new WxerrError({
    kind: 'auth',
    action: 're-login',
    what: `${what}: ${reason instanceof Error ? reason.message : String(reason)}`,
    cause: reason,
    ...target,
  });
}

/** Resolves p, or rejects with `err()` as soon as the signal aborts. */
function orAbort<T>(p: Promise<T>, signal: AbortSignalLike | undefined, err: () => Error): Promise<T> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(err());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    const off = (): void => signal.removeEventListener('abort', onAbort);
    p.then(
      (v) => (off(), resolve(v)),
      (e: unknown) => (off(), reject(e)),
    );
  });
}

export function createClient(options: ClientOptions = {}): Client {
  const clock: Clock = {
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    random: Math.random,
    ...options.clock,
  };
  const queue = createQueue(options.maxConcurrent || 10);
  const auth = options.auth;
  const refresher = createRefresher(() => auth && auth.refreshToken());
  const isExpired = (auth && auth.isAuthExpired) || defaultIsAuthExpired;
  const inflight = new Map<string, { p: Promise<Res>; n: number; abort(): void }>();
  let logger: RealtimeLogger | undefined;
  const wx = (): WxLike => options.wx || globalWx();

  function report(err: WxerrError): void {
    const { onError, realtimeLog } = options;
    if (onError) onError(err);
    if (!realtimeLog || err.kind === 'abort') return;
    try {
      if (!logger) {
        const w = realtimeLog === true && wx();
        logger = w ? w.getRealtimeLogManager && w.getRealtimeLogManager() : (realtimeLog as RealtimeLogger);
        if (logger && logger.addFilterMsg) logger.addFilterMsg('wxerr'); // lets the admin console filter the records
      }
      // Bounded fields keep one call far below the realtime log's 5 KB limit.
      const { kind, code, rid, action, method, attempts } = err;
      if (logger)
        logger.error('wxerr', { kind, code, rid, action, method, attempts, url: err.url.slice(0, 1024) });
    } catch {
      // logging must never turn into the caller's failure
    }
  }

  function send(req: WireRequest, signal: AbortSignalLike | undefined): Promise<Outcome> {
    return new Promise((resolve) => {
      const finish = (o: Outcome): void => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(o); // later calls are no-ops: a promise settles once
      };
      const onAbort = (): void => {
        task.abort();
        finish({ fail: { errMsg: 'request:fail abort' } });
      };
      const w = wx();
      // The attempt's own object becomes the wx options (no copy on the hot path); wx ignores the fields it does
      // not know (type, attempt).
      const o = req as WireRequest & WxRequestOptions & WxUploadOptions & WxDownloadOptions;
      o.success = (res: unknown) => finish({ res: res as Res });
      o.fail = (fail: WxFail) => finish({ fail });
      const task =
        req.type === 'upload' ? w.uploadFile(o) : req.type === 'download' ? w.downloadFile(o) : w.request(o);
      if (signal) signal.addEventListener('abort', onAbort);
    });
  }

  async function execute(
    first: Omit<WireRequest, 'attempt'>,
    call: CallOptions,
    signal: AbortSignalLike | undefined,
  ): Promise<Res> {
    const { url, method } = first;
    const target = { url, method };
    const aborted = (): Error => abortError(target);
    const useAuth = !!auth && call.auth !== false;
    const start = clock.now();
    let attempt = 1;
    let replayed = false;
    try {
      for (;;) {
        // Each attempt gets its own object; the headers are copied only when a token or a hook may change them.
        let req: WireRequest = {
          ...first,
          header: useAuth || options.onRequest ? { ...first.header } : first.header,
          attempt,
        };
        const gen = refresher.generation;
        if (useAuth) {
          if (refresher.pending)
            await orAbort(
              refresher.pending.catch(() => undefined),
              signal,
              aborted,
            );
          let token: string | undefined;
          try {
            token = await auth.getToken();
          } catch (reason) {
            throw authFailure('getToken failed', reason, target);
          }
          if (token) (auth.apply || bearer)(req, token);
        }
        if (options.onRequest) req = (await options.onRequest(req)) || req;
        const out = await queue.run(() => send(req, signal), signal, aborted);
        let err: WxerrError | undefined;
        if (out.fail) err = failureError(out.fail, target);
        else {
          if (options.onResponse) await options.onResponse(out.res, req);
          if (useAuth && isExpired(out.res)) {
            if (!replayed) {
              replayed = true;
              try {
                await orAbort(refresher.refresh(gen), signal, aborted);
              } catch (reason) {
                if (isWxerrError(reason) && reason.kind === 'abort') throw reason;
                throw authFailure('token refresh failed', reason, target);
              }
              continue; // replay once with the new token
            }
            const e = (responseError(out.res, target) ||
              responseError({ ...out.res, statusCode: 401 }, target)) as WxerrError;
            err = new WxerrError({
              ...e,
              kind: 'auth',
              what: `still unauthorized after a token refresh: ${e.what}`,
            });
          } else err = responseError(out.res, target);
          if (!err) return out.res;
        }
        err.attempts = attempt;
        const now = clock.now();
        // The policy is only needed once something failed: successful calls skip the merge.
        const policy: RetryOptions =
          options.retry === false || call.retry === false
            ? { ...DEFAULT_RETRY, attempts: 1 }
            : { ...DEFAULT_RETRY, ...options.retry, ...call.retry };
        const delay = retryDelay(err, attempt, policy, now - start, now, clock.random);
        if (delay === undefined) throw err;
        await orAbort(clock.sleep(delay), signal, aborted);
        attempt++;
      }
    } catch (e) {
      if (isWxerrError(e)) report(e);
      throw e;
    }
  }

  function resolveUrl(url: string, params?: RequestOptions['params']): string {
    let full = /^[a-z][a-z\d+.-]*:\/\//i.test(url) || !options.baseURL ? url : options.baseURL + url;
    if (!params) return full;
    const q = Object.keys(params)
      .filter((k) => params[k] !== undefined)
      .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`)
      .join('&');
    if (q) full += (full.includes('?') ? '&' : '?') + q;
    return full;
  }

  /** Identical GETs in flight share one execution; each caller keeps its own abort. */
  function shared(key: string, req: Omit<WireRequest, 'attempt'>, o: RequestOptions): Promise<Res> {
    let s = inflight.get(key);
    if (!s) {
      const ctl = createAbortController();
      const entry = { p: execute(req, o, ctl.signal), n: 0, abort: ctl.abort };
      const drop = (): void => {
        if (inflight.get(key) === entry) inflight.delete(key);
      };
      entry.p.then(drop, drop);
      inflight.set(key, entry);
      s = entry;
    }
    const entry = s;
    entry.n++;
    const leave = (): Error => {
      if (--entry.n === 0) {
        entry.abort();
        inflight.delete(key);
      }
      return abortError(req);
    };
    return orAbort(entry.p, o.signal, leave);
  }

  const wire = (type: WireRequest['type'], method: Method, o: CallOptions & { url: string }) => ({
    type,
    method,
    url: o.url,
    // Shared, never mutated: execute() copies it before a token or a hook can change it.
    header: o.headers ? { ...options.headers, ...o.headers } : options.headers || {},
    timeout: o.timeout === undefined ? options.timeout : o.timeout,
  });
  const transfer = (type: 'upload' | 'download', method: Method, o: UploadOptions | DownloadOptions) => {
    const { url, headers: _h, timeout: _t, signal, retry: _r, auth: _a, ...rest } = o;
    return execute({ ...wire(type, method, o), ...rest, url: resolveUrl(url) }, o, signal);
  };

  /** A request up to its raw wx success object (shared by request() and the verbs). */
  const send1 = (o: RequestOptions): Promise<Res> => {
    const method = (o.method || 'GET').toUpperCase() as Method;
    const req = {
      ...wire('request', method, o),
      url: resolveUrl(o.url, o.params),
      data: o.data,
      dataType: o.dataType || 'json',
      responseType: o.responseType,
    };
    const key =
      method === 'GET' && (o.dedupe === undefined ? options.dedupe : o.dedupe)
        ? JSON.stringify([req.url, req.data, req.header, req.dataType, req.responseType])
        : '';
    return key ? shared(key, req, o) : execute(req, o, o.signal);
  };
  const verb = <T>(method: Method, url: string, o?: WithoutUrl<RequestOptions>, data?: unknown): Promise<T> =>
    send1({ ...o, url, method, data }).then((r) => r.data as T);

  const client: Client = {
    async request<T>(o: RequestOptions): Promise<Response<T>> {
      const res = await send1(o);
      return {
        data: res.data as T,
        statusCode: res.statusCode,
        header: res.header || {},
        cookies: res.cookies as string[] | undefined,
      };
    },
    get<T>(url: string, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('GET', url, o);
    },
    head<T>(url: string, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('HEAD', url, o);
    },
    options<T>(url: string, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('OPTIONS', url, o);
    },
    delete<T>(url: string, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('DELETE', url, o);
    },
    post<T>(url: string, data?: unknown, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('POST', url, o, data);
    },
    put<T>(url: string, data?: unknown, o?: WithoutUrl<RequestOptions>) {
      return verb<T>('PUT', url, o, data);
    },
    async upload<T>(o: UploadOptions): Promise<UploadResponse<T>> {
      const res = await transfer('upload', 'POST', o);
      return { data: parseJson(res.data) as T, statusCode: res.statusCode };
    },
    async download(o: DownloadOptions): Promise<DownloadResponse> {
      const res = await transfer('download', 'GET', o);
      const { tempFilePath, filePath } = res as Res & DownloadResponse;
      return { tempFilePath, filePath, statusCode: res.statusCode };
    },
  };
  return client;
}
