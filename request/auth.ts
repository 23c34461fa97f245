// Single-flight token refresh. Every request remembers the refresh generation it was sent under; when it meets
// an expired token it joins the refresh in flight, takes the outcome of a refresh that started after it was
// sent (replay on success, that reason on failure), or else starts one. N concurrent failures therefore cause
// one refresh, and a failed refresh fails every request that was waiting on it, late answers included.
import { EXPLICIT_ACTIONS } from '../miniprogram/core/action-codes';
import { readApiFailure } from '../miniprogram/core/wx-failure';
import type { RawResponse } from './classify';

/** Default expiry test: HTTP 401, or an errcode of the refresh-token class (40001, 40014, 42001). */
export function defaultIsAuthExpired(res: RawResponse): boolean {
  if (res.statusCode === 401) return true;
  const api = readApiFailure(res.data);
  return !!api && EXPLICIT_ACTIONS[api.code] === 'refresh-token';
}

export interface Refresher {
  /** Refreshes started so far. A request records it when it is sent. */
  readonly generation: number;
  /** The refresh in flight, if any (new requests wait for it before reading the token). */
  readonly pending: Promise<void> | undefined;
  /**
   * Called by a request sent under generation `seen` that met an expired token: joins the refresh in flight,
   * or takes the outcome of one that started after the request was sent, or starts one. Rejects with the
   * refresh's reason.
   */
  refresh(seen: number): Promise<void>;
}

export function createRefresher(run: () => unknown): Refresher {
  let generation = 0;
  let pending: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  return {
    get generation() {
      return generation;
    },
    get pending() {
      return pending;
    },
    refresh(seen) {
      if (pending || seen !== generation) return pending || last;
      generation++;
      const current: Promise<void> = Promise.resolve()
        .then(run)
        .then(() => undefined)
        .finally(() => {
          if (pending === current) pending = undefined;
        });
      current.catch(() => undefined); // the outcome is kept for late requests; never an unhandled rejection
      pending = last = current;
      return current;
    },
  };
}
