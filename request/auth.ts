// Single-flight session refresh. Every request remembers the refresh generation it was sent under; when it meets
// an expired session it joins the refresh in flight, takes the outcome of a refresh that started after it was
// sent (replay on success, that reason on failure), or else starts one. N concurrent failures therefore cause
// one refresh, and a failed refresh fails every request that was waiting on it, late answers included.
// A refresh that does not settle within its timeout fails; one that calls the client back for a call that needs
// the session (the login call without `auth: false`) fails at once instead of waiting for itself.

/** Plain fields, not getters: the client reads them, only refresh() writes them. */
export interface Refresher {
  /** Refreshes started so far. A request records it when it is sent. */
  gen: number;
  /** The refresh in flight, if any (new requests wait for it before reading the token). */
  pending?: Promise<void>;
  /** True while refreshToken itself is running synchronously: a call made now would wait for itself. */
  inside: boolean;
  /** Joins the refresh in flight, or takes the outcome of one that started after `seen`, or starts one. */
  refresh(seen: number): Promise<void>;
}

// The wrapper's .d.ts must not need DOM or Node typings.
declare function setTimeout(fn: () => void, ms: number): unknown;
declare function clearTimeout(h: unknown): void;

export function createRefresher(run: () => unknown, timeout: number): Refresher {
  let last: Promise<void> = Promise.resolve();
  const r: Refresher = {
    gen: 0,
    inside: false,
    refresh(seen) {
      if (r.pending || seen !== r.gen) return r.pending || last;
      r.gen++;
      let timer: unknown;
      const current = new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `refreshToken did not settle within ${timeout} ms (does it call this client without { auth: false }?)`,
              ),
            ),
          timeout,
        );
        r.inside = true;
        try {
          Promise.resolve(run()).then(() => resolve(), reject);
        } catch (e) {
          reject(e);
        }
        r.inside = false;
      }).finally(() => {
        clearTimeout(timer);
        if (r.pending === current) r.pending = undefined;
      });
      current.catch(() => undefined);
      return (r.pending = last = current);
    },
  };
  return r;
}
