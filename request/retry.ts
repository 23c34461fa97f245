// When to send a failed request again, and after how long. Pure: the clock and the dice are passed in.
import type { WxerrError } from './errors';
import type { Method } from './wx';

export interface RetryOptions {
  /** Times a request is sent at most, the first included (default 3; 1 = never retry). */
  attempts: number;
  /** First backoff delay in ms (default 300); doubles each retry. */
  baseDelay: number;
  /** Largest backoff delay in ms (default 10 000). Server-directed waits (`wait`) are bounded by maxTotal instead. */
  maxDelay: number;
  /** Fraction of each backoff delay that is random, 0…1 (default 0.5). */
  jitter: number;
  /** Methods retried (default the idempotent ones). Add 'POST' to opt in; uploads count as POST. */
  methods: Method[];
  /** Never wait past this many ms after the first send (default 60 000). */
  maxTotal: number;
  /**
   * Your rule, asked before the default one: true retries (within attempts and maxTotal) whatever the error
   * and method, false gives up, undefined leaves it to the default (err.retryable and `methods`).
   */
  shouldRetry?(err: WxerrError, attempt: number): boolean | undefined;
  /**
   * Milliseconds the server asks to wait before the next send, or undefined for the backoff: `retryAfter` from
   * wxerr/retry-after (Retry-After, 45011's next minute). Bounded by maxTotal, not maxDelay.
   */
  wait?(err: WxerrError, now: number): number | undefined;
}

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 3,
  baseDelay: 300,
  maxDelay: 10000,
  jitter: 0.5,
  methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'],
  maxTotal: 60000,
};

/** Delay before the next send, or undefined to give up. `attempt` = sends so far (1 after the first). */
export function retryDelay(
  err: WxerrError,
  attempt: number,
  p: RetryOptions,
  elapsed: number,
  now: number,
  random: () => number,
): number | undefined {
  if (attempt >= p.attempts || err.kind === 'abort' || err.kind === 'client') return undefined;
  const own = p.shouldRetry ? p.shouldRetry(err, attempt) : undefined;
  if (own === false || (own === undefined && (!err.retryable || !p.methods.includes(err.method as Method))))
    return undefined;
  const backoff = Math.min(p.maxDelay, p.baseDelay * 2 ** (attempt - 1));
  let delay = p.wait && p.wait(err, now);
  if (delay === undefined) delay = Math.round(backoff * (1 - p.jitter * random()));
  return elapsed + delay > p.maxTotal ? undefined : delay;
}
