// `wxerr/dedupe`: identical GETs in flight share one send, opt in: `createClient({ dedupe })`. The key covers
// everything that changes the send or its handling; each caller keeps its own abort and its own copy of data.
import { createAbortController, type AbortSignalLike } from './abort';
import type { WireRequest } from './options';
import { orAbort, type Call, type Res } from './send';

/** Runs (or joins) one GET: `run` sends it under the signal given; `aborted` makes this caller's abort error. */
export type Dedupe = (
  req: WireRequest,
  call: Call,
  run: (signal: AbortSignalLike | undefined) => Promise<Res>,
  aborted: () => Error,
) => Promise<Res>;

/** A private copy of a shared GET's body (it came from JSON, so a JSON round trip is exact). */
function copyData(d: unknown): unknown {
  if (d instanceof ArrayBuffer) return d.slice(0);
  return d && typeof d === 'object' ? JSON.parse(JSON.stringify(d)) : d;
}

/**
 * The dedupe key: everything that changes the send or its handling (the wire request with sorted headers,
 * auth, retry, platform). Only GET requests; calls with `dedupe: false`, their own functions (hooks, shouldRetry)
 * or a binary body are not shared.
 */
function dedupeKey(req: WireRequest, o: Call & { dedupe?: boolean }): string {
  if (req.method !== 'GET' || req.type !== 'request' || o.dedupe === false) return '';
  for (const k in o) if (typeof (o as Record<string, unknown>)[k] === 'function') return '';
  if ((o.retry && o.retry.shouldRetry) || req.data instanceof ArrayBuffer) return '';
  const h = req.header;
  const sorted = Object.keys(h)
    .sort()
    .map((k) => [k.toLowerCase(), h[k]]);
  return JSON.stringify([
    { ...req, header: sorted },
    o.auth !== false,
    o.retry,
    typeof o.platform === 'object' ? o.platform.id : o.platform,
  ]);
}

/** createClient calls this once per client: calls of different clients are never merged. */
export function dedupe(): Dedupe {
  const inflight = new Map<string, { p: Promise<Res>; n: number; abort(): void }>();
  return (req, o, run, aborted) => {
    const key = dedupeKey(req, o);
    if (!key) return run(o.signal);
    let entry = inflight.get(key);
    if (!entry) {
      const ctl = createAbortController();
      const fresh = { p: run(ctl.signal), n: 0, abort: ctl.abort };
      const drop = (): void => {
        if (inflight.get(key) === fresh) inflight.delete(key);
      };
      fresh.p.then(drop, drop);
      inflight.set(key, fresh);
      entry = fresh;
    }
    const e = entry;
    e.n++;
    const leave = (): Error => {
      if (--e.n === 0) {
        e.abort();
        if (inflight.get(key) === e) inflight.delete(key);
      }
      return aborted();
    };
    // Once settled, no one joins: with more than one caller, each gets a copy and the original stays unseen.
    return orAbort(e.p, o.signal, leave).then((res) =>
      e.n > 1 ? { ...res, data: copyData(res.data) } : res,
    );
  };
}
