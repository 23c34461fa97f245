// One wx task as a promise, and the small promise helpers around it (abort-aware waits).
import type { AbortSignalLike } from './abort';
import type { RawResponse } from './classify';
import type { CallOptions, WireRequest } from './options';
import type { Progress, WxFail, WxLike, WxTask } from './wx';

export type Res = RawResponse & Record<string, unknown>;
export type Outcome = { res: Res; fail?: undefined } | { res?: undefined; fail: WxFail };
export type Call = CallOptions & { onProgress?(p: Progress): void };

// The wrapper's .d.ts must not need DOM or Node typings.
declare function setTimeout(fn: () => void, ms: number): unknown;
declare function clearTimeout(h: unknown): void;

export function parseJson(s: unknown): unknown {
  try {
    return typeof s === 'string' ? JSON.parse(s) : s;
  } catch {
    return s;
  }
}

const NOOP = (): void => undefined;

/** Calls fn when the signal aborts; returns what stops listening. */
export function listen(signal: AbortSignalLike | undefined, fn: () => void): () => void {
  if (!signal) return NOOP;
  signal.addEventListener('abort', fn);
  return () => signal.removeEventListener('abort', fn);
}

/** Resolves p, or rejects with `err()` as soon as the signal aborts. */
export function orAbort<T>(p: Promise<T>, signal: AbortSignalLike | undefined, err: () => Error): Promise<T> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(err());
    const off = listen(signal, () => reject(err()));
    p.then(
      (v) => (off(), resolve(v)),
      (e: unknown) => (off(), reject(e)),
    );
  });
}

/** A wait that clears its timer when the signal aborts (the caller's orAbort rejects). */
export function sleep(ms: number, signal: AbortSignalLike | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      off();
      clearTimeout(h);
      resolve();
    };
    const h = setTimeout(done, ms);
    const off = listen(signal, done);
  });
}

/** One wx task as a promise of its outcome. Never rejects unless wx itself throws. */
export function send(
  w: WxLike,
  req: WireRequest,
  signal: AbortSignalLike | undefined,
  call: Call,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let task: WxTask | undefined;
    let done = false;
    const finish = (o: Outcome | undefined, thrown?: unknown): void => {
      if (done) return;
      done = true;
      off();
      if (o) resolve(o);
      else reject(thrown);
    };
    const onAbort = (): void => {
      if (task) task.abort();
      finish({ fail: { errMsg: 'request:fail abort' } });
    };
    // The attempt's own object becomes the wx options (no copy on the hot path); wx ignores the fields it does
    // not know (type, attempt).
    const o = req as WireRequest & { success(r: unknown): void; fail(f: WxFail): void };
    o.success = (r) => {
      const res = r as Res;
      if (req.type === 'uploadFile') res.data = parseJson(res.data);
      finish({ res });
    };
    o.fail = (fail) => finish({ fail });
    // Listen first: a wx that calls back synchronously has then removed the listener already.
    const off = listen(signal, onAbort);
    try {
      // wx.request, wx.uploadFile, wx.downloadFile
      task = w[req.type](o as never);
    } catch (e) {
      finish(undefined, e);
    }
    if (done || !task) return;
    if (call.onHeadersReceived && task.onHeadersReceived) task.onHeadersReceived(call.onHeadersReceived);
    if (call.onProgress && task.onProgressUpdate) task.onProgressUpdate(call.onProgress);
  });
}
