// At most `max` tasks run at once; the rest wait in order. A waiting task whose signal aborts leaves the queue.
import type { AbortSignalLike } from './abort';

export interface Queue {
  run<T>(task: () => Promise<T>, signal: AbortSignalLike | undefined, aborted: () => Error): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createQueue(max: number): Queue {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    // The slot passes straight to the next waiting task, if any.
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const slot = (signal: AbortSignalLike | undefined, aborted: () => Error): Promise<void> =>
    new Promise((resolve, reject) => {
      const onAbort = (): void => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(aborted());
      };
      const go = (): void => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve();
      };
      waiting.push(go);
      if (signal) signal.addEventListener('abort', onAbort);
    });
  return {
    run<T>(task: () => Promise<T>, signal: AbortSignalLike | undefined, aborted: () => Error): Promise<T> {
      if (signal && signal.aborted) return Promise.reject(aborted());
      const go = (): Promise<T> => {
        let p: Promise<T>;
        try {
          p = task();
        } catch (error) {
          p = Promise.reject(error);
        }
        p.then(release, release);
        return p;
      };
      // A free slot runs the task at once (no extra await on the hot path).
      if (active < max) {
        active++;
        return go();
      }
      return slot(signal, aborted).then(go);
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
