// Single-flight session refresh. Every request remembers the refresh generation it was sent under; when it meets
// an expired session it joins the refresh in flight, takes the outcome of a refresh that started after it was
// sent (replay on success, that reason on failure), or else starts one. N concurrent failures therefore cause
// one refresh, and a failed refresh fails every request that was waiting on it, late answers included.
// A refresh that does not settle within its timeout fails; one that calls the client back for a call that needs
// the session (the login call without `auth: false`) fails at once instead of waiting for itself.

export interface Refresher {
  /** Refreshes started so far. A request records it when it is sent. */
  readonly generation: number;
  /** The refresh in flight, if any (new requests wait for it before reading the token). */
  readonly pending: Promise<void> | undefined;
  /** True while refreshToken itself is running synchronously: a call made now would wait for itself. */
  readonly inside: boolean;
  /** Joins the refresh in flight, or takes the outcome of one that started after `seen`, or starts one. */
  refresh(seen: number): Promise<void>;
}

// The wrapper's .d.ts must not need DOM or Node typings.
declare function setTimeout(fn: () => void, ms: number): unknown;
declare function clearTimeout(h: unknown): void;

export function createRefresher(run: () => unknown, timeout: number): Refresher {
  let generation = 0;
  let inside = false;
  let pending: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  const start = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const h = setTimeout(
        () =>
          reject(
            new Error(
              `refreshToken did not settle within ${timeout} ms (does it call this client without { auth: false }?)`,
            ),
          ),
        timeout,
      );
      const fail = (e: unknown): void => (clearTimeout(h), reject(e));
      inside = true;
      try {
        Promise.resolve(run()).then(() => (clearTimeout(h), resolve()), fail);
      } catch (e) {
        fail(e);
      } finally {
        inside = false;
      }
    });
  return {
    get generation() {
      return generation;
    },
    get pending() {
      return pending;
    },
    get inside() {
      return inside;
    },
    refresh(seen) {
      if (pending || seen !== generation) return pending || last;
      generation++;
      const current = start().finally(() => {
        if (pending === current) pending = undefined;
      });
      current.catch(() => undefined);
      pending = last = current;
      return current;
    },
  };
}
