// Mini-programs have no AbortController. The wrapper accepts any object shaped like AbortSignal (Node's and
// browsers' included) and offers a tiny controller of its own.

export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(): void;
}

export function createAbortController(): AbortControllerLike {
  const listeners = new Set<() => void>();
  const signal = {
    aborted: false,
    addEventListener: (_: 'abort', fn: () => void) => listeners.add(fn),
    removeEventListener: (_: 'abort', fn: () => void) => listeners.delete(fn),
  };
  return {
    signal,
    abort() {
      if (signal.aborted) return;
      signal.aborted = true;
      for (const fn of [...listeners]) fn();
      listeners.clear();
    },
  };
}
