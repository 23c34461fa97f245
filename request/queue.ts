// One scheduler for every client in the app: wx allows 10 request/upload/download tasks at once in total
// (older clients fail the 11th with errno 600007), so the cap is module-level, not per client. Two lanes:
// transfers (uploads, downloads) may hold at most `maxTransfers` slots, so requests always find one; a waiting
// task starts as soon as its lane, the total and its client's own cap allow, in arrival order.
import type { AbortSignalLike } from './abort';
import { listen } from './send';

export interface ConcurrencyOptions {
  /** Tasks in flight at once across every client (default 10, WeChat's limit). */
  maxConcurrent: number;
  /** Of those, uploads and downloads (default 5): the rest stay free for requests. */
  maxTransfers: number;
}

/** A client's own cap inside the shared one (createClient's maxConcurrent). */
export interface Gate {
  max: number;
  active: number;
}

const limits: ConcurrencyOptions = { maxConcurrent: 10, maxTransfers: 5 };
let active = 0;
let transfers = 0;
/** Each waiting task's attempt to take a slot: true when it took one and started. */
const waiting: Array<() => boolean> = [];

/** Changes the app-wide caps (call once at start-up, e.g. in app.ts). */
export function configureConcurrency(o: Partial<ConcurrencyOptions>): void {
  Object.assign(limits, o);
  pump();
}

/** Tasks running and waiting now, across every client. */
export function concurrencyState(): { active: number; transfers: number; waiting: number } {
  return { active, transfers, waiting: waiting.length };
}

function pump(): void {
  for (let i = 0; i < waiting.length && active < limits.maxConcurrent;) if (!waiting[i]()) i++;
}

/** Runs task when a slot is free; a waiting task whose signal aborts leaves the queue with aborted(). */
export function schedule<T>(
  task: () => Promise<T>,
  transfer: boolean,
  gate: Gate | undefined,
  signal: AbortSignalLike | undefined,
  aborted: () => Error,
): Promise<T> {
  if (signal && signal.aborted) return Promise.reject(aborted());
  const count = (n: number): void => {
    active += n;
    if (transfer) transfers += n;
    if (gate) gate.active += n;
  };
  const take = (): boolean => {
    const free =
      active < limits.maxConcurrent &&
      (!transfer || transfers < limits.maxTransfers) &&
      (!gate || gate.active < gate.max);
    if (free) count(1);
    return free;
  };
  const go = (): Promise<T> => {
    const p = task();
    const release = (): void => {
      count(-1);
      if (waiting.length) pump();
    };
    p.then(release, release);
    return p;
  };
  // A free slot runs the task at once (no extra await on the hot path). pump() runs on every release, so no
  // waiting task could start now: taking the slot jumps no one who could have had it.
  if (take()) return go();
  return new Promise<void>((resolve, reject) => {
    const leave = (): void => {
      waiting.splice(waiting.indexOf(wait), 1);
      off();
    };
    const wait = (): boolean => take() && (leave(), resolve(), true);
    const onAbort = (): void => (leave(), reject(aborted()));
    waiting.push(wait);
    const off = listen(signal, onAbort);
  }).then(go);
}
