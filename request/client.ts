// createClient: wx.request/uploadFile/downloadFile as promises under one policy (retry, session refresh,
// app-wide concurrency lanes, dedupe, hooks, realtime log). Every rejection is a WxerrError and passes onError.
import type { AbortSignalLike } from './abort';
import { orAbort, send, sleep, type Call, type Res } from './send';
import { abortError, causeError, failureError, responseError } from './classify';
import type { WxerrError } from './errors';
import type { CallOptions, Client, ClientOptions, RequestOptions, WireRequest, WithoutUrl } from './options';
import { schedule, type Gate } from './queue';
import { DEFAULT_RETRY, retryDelay, type RetryOptions } from './retry';
import { globalWx, type Body, type Header, type Method } from './wx';

type Target = { url: string; method: string };

// The wrapper's own call options: everything else in a call goes to wx as given.
const OWN =
  /^(url|method|data|params|headers?|timeout|signal|retry|auth|dedupe|platform|onHeadersReceived|onProgress)$/;
const NONE: Call = {};
const bodyOf = (res: Res): unknown => res.data;
const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;

export function createClient(options: ClientOptions = {}): Client {
  const { auth, onRequest, realtimeLog: rl } = options;
  const clock = { now: Date.now, random: Math.random, ...options.clock };
  const wait = options.clock && options.clock.sleep;
  const base = options.baseURL ? options.baseURL.replace(/\/+$/, '') : '';
  const baseHeader: Header = { ...options.headers, ...options.header };
  const gate: Gate | undefined = options.maxConcurrent
    ? { max: options.maxConcurrent, active: 0 }
    : undefined;
  const dedupe = options.dedupe && options.dedupe();

  /** Every rejection of a call, as a WxerrError, through onError and the realtime log. */
  function settle<T>(p: Promise<Res>, t: Target, map?: (res: Res) => unknown): Promise<T> {
    return p.then(map as (res: Res) => T, (e: unknown) => {
      const err = causeError('client', 'wxerr', e, t);
      try {
        if (options.onError) options.onError(err);
        if (rl && err.kind !== 'abort') rl(err, options.wx || globalWx());
      } catch {
        // a reporting hook must never turn into the caller's failure
      }
      throw err;
    });
  }

  async function execute(first: WireRequest, call: Call, signal: AbortSignalLike | undefined): Promise<Res> {
    const target = { url: first.url, method: first.method };
    const aborted = (): Error => abortError(target);
    const useAuth = !!auth && call.auth !== false;
    /** A session step (the token, a refresh) under the signal; its failure is kind auth. */
    const step = <T>(what: string, run: () => T | Promise<T>): Promise<T> =>
      orAbort(new Promise<T>((resolve) => resolve(run())), signal, aborted).catch((reason: unknown) => {
        throw causeError('auth', what, reason, target);
      });
    const w = options.wx || globalWx();
    if (!w) throw new Error('no wx: pass createClient({ wx })');
    const platform = call.platform || options.platform;
    const start = clock.now();
    let attempt = 1;
    let replayed = false;
    let policy: RetryOptions | undefined;
    for (;;) {
      // A retry, a token or a hook gets its own object (and headers): the first plain send uses the call's own.
      let req: WireRequest =
        attempt === 1 && !useAuth && !onRequest ? first : { ...first, header: { ...first.header }, attempt };
      let gen = 0;
      if (useAuth) gen = await step('session', () => auth.apply(req));
      if (onRequest) req = (await onRequest(req)) || req;
      const out = await schedule(
        () => send(w, req, signal, call),
        first.type !== 'request',
        gate,
        signal,
        aborted,
      );
      let err: WxerrError | undefined;
      if (out.fail) err = failureError(out.fail, target, options.network);
      else {
        const res = out.res;
        if (options.onResponse) await options.onResponse(res, req);
        err = responseError(
          res,
          target,
          platform,
          options.classifiers,
          options.isError && options.isError(res, req),
          req.dataType,
        );
        if (useAuth && auth.expired(res, err)) {
          if (!replayed) {
            replayed = true;
            await step('session refresh', () => auth.refresh(gen));
            continue; // replay once with the new token
          }
          // Its cause: what the response said (the error found in it, or its status).
          err = causeError(
            'auth',
            'still unauthorized after a session refresh',
            err ? err.what : `HTTP ${res.statusCode}`,
            { statusCode: res.statusCode, data: res.data, header: res.header, ...target },
          );
        }
        if (!err) {
          if (options.transform) res.data = options.transform(res.data, res);
          return res;
        }
      }
      err.attempts = attempt;
      // The policy is only needed once something failed: successful calls skip the merge.
      if (!policy)
        policy = {
          ...DEFAULT_RETRY,
          ...(options.retry || undefined),
          ...(call.retry || undefined),
          // false sends once; a call's own policy wins over the client's false
          ...((call.retry === undefined ? options.retry : call.retry) === false && { attempts: 1 }),
        };
      const now = clock.now();
      const delay = retryDelay(err, attempt, policy, now - start, now, clock.random);
      if (delay === undefined) throw err;
      if (options.onRetry) options.onRetry(err, attempt, delay);
      await orAbort(wait ? wait(delay) : sleep(delay, signal), signal, aborted);
      attempt++;
    }
  }

  const resolveUrl = (url: string, params?: RequestOptions['params']): string => {
    let full = !base || ABSOLUTE.test(url) ? url : `${base}/${url.replace(/^\/+/, '')}`;
    for (const k in params) {
      const v = params[k];
      if (v !== undefined)
        full += `${full.includes('?') ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
    }
    return full;
  };

  const headerOf = (o: CallOptions): Header =>
    // Shared, never mutated: execute() copies it before a token or a hook can change it.
    o.header || o.headers ? { ...baseHeader, ...o.headers, ...o.header } : baseHeader;

  /**
   * A call up to its raw wx success object. The wire request gets every field of the call that is not the
   * wrapper's own option (so every wx option passes through), copied by a loop: object rest was the hot spot.
   */
  function start<T>(
    method: Method,
    url: string,
    data: Body | undefined,
    o: Call,
    map?: (res: Res) => unknown,
  ): Promise<T> {
    const req = {
      type: 'request',
      method,
      url: resolveUrl(url, (o as RequestOptions).params),
      header: headerOf(o),
      timeout: o.timeout === undefined ? options.timeout : o.timeout,
      attempt: 1,
    } as WireRequest & Record<string, unknown>;
    for (const k in o) if (!OWN.test(k)) req[k] = (o as Record<string, unknown>)[k];
    if (data !== undefined) req.data = data;
    const signal = o.signal;
    if (signal && signal.aborted) return settle(Promise.reject(abortError(req)), req, map);
    return settle(
      dedupe
        ? dedupe(
            req,
            o,
            (s) => execute(req, o, s),
            () => abortError(req),
          )
        : execute(req, o, signal),
      req,
      map,
    );
  }

  const verb = <T>(method: Method, url: string, o?: WithoutUrl<RequestOptions>, data?: Body): Promise<T> =>
    start(method, url, data, o || NONE, bodyOf);

  // request resolves with wx's own success object (its documented fields, and errMsg). A `type` in its options
  // (wxerr/transfer's upload and download) reaches the wire request through the copy loop.
  return {
    request: (o) => start((o.method || 'GET').toUpperCase() as Method, o.url, o.data, o),
    get: (url, o) => verb('GET', url, o),
    head: (url, o) => verb('HEAD', url, o),
    options: (url, o) => verb('OPTIONS', url, o),
    delete: (url, o) => verb('DELETE', url, o),
    post: (url, data, o) => verb('POST', url, o, data),
    put: (url, data, o) => verb('PUT', url, o, data),
  };
}
