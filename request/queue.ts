// One scheduler for every client in the app: wx allows 10 request/upload/download tasks at once in total
// (older clients fail the 11th with errno 600007), so the cap is module-level, not per client. Two lanes:
// transfers (uploads, downloads) may hold at most `maxTransfers` slots, so requests always find one; a waiting
// task starts as soon as its lane, the total and its client's own cap allow, in arrival order.
import type { AbortSignalLike } from './abort';

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

interface Waiter {
  transfer: boolean;
  gate: Gate | undefined;
  go(): void;
}

const limits: ConcurrencyOptions = { maxConcurrent: 10, maxTransfers: 5 };
let active = 0;
let transfers = 0;
const waiting: Waiter[] = [];

/** Changes the app-wide caps (call once at start-up, e.g. in app.ts). */
export function configureConcurrency(o: Partial<ConcurrencyOptions>): void {
  Object.assign(limits, o);
  pump();
}

/** Tasks running and waiting now, across every client. */
export function concurrencyState(): { active: number; transfers: number; waiting: number } {
  return { active, transfers, waiting: waiting.length };
}

const free = (transfer: boolean, gate: Gate | undefined): boolean =>
  active < limits.maxConcurrent &&
  (!transfer || transfers < limits.maxTransfers) &&
  (!gate || gate.active < gate.max);

function take(transfer: boolean, gate: Gate | undefined): void {
  active++;
  if (transfer) transfers++;
  if (gate) gate.active++;
}

function pump(): void {
  for (let i = 0; i < waiting.length && active < limits.maxConcurrent;) {
    const w = waiting[i];
    if (free(w.transfer, w.gate)) {
      waiting.splice(i, 1);
      take(w.transfer, w.gate);
      w.go();
    } else i++;
  }
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
  const release = (): void => {
    active--;
    if (transfer) transfers--;
    if (gate) gate.active--;
    if (waiting.length) pump();
  };
  const go = (): Promise<T> => {
    const p = task();
    p.then(release, release);
    return p;
  };
  // A free slot runs the task at once (no extra await on the hot path). pump() runs on every release, so no
  // waiting task could start now: taking the slot jumps no one who could have had it.
  if (free(transfer, gate)) {
    take(transfer, gate);
    return go();
  }
  return new Promise<void>((resolve, reject) => {
    const w: Waiter = {
      transfer,
      gate,
      go: () => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve();
      },
    };
    const onAbort = (): void => {
      waiting.splice(waiting.indexOf(w), 1);
      reject(aborted());
    };
    waiting.push(w);
    if (signal) signal.addEventListener('abort', onAbort);
  }).then(go);
}
