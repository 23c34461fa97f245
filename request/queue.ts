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
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next task
    else active--;
  };
  const slot = (signal: AbortSignalLike | undefined, aborted: () => Error): Promise<void> => {
    if (active < max) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(aborted());
      };
      const go = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      waiting.push(go);
      signal?.addEventListener('abort', onAbort);
    });
  };
  return {
    async run(task, signal, aborted) {
      if (signal?.aborted) throw aborted();
      await slot(signal, aborted);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
