// `wxerr/retry-after`: waits the server asks for, opt in: `createClient({ retry: { wait: retryAfter } })`. A
// Retry-After header (seconds or an HTTP date) on a retried error, and WeChat's 45011 (a per-minute quota)
// until the minute turns. Without it every retry waits the exponential backoff.
import type { WxerrError } from './errors';

/** Milliseconds the server asks to wait: Retry-After (seconds or an HTTP date), or 45011's next minute. */
export function retryAfter(err: WxerrError, now: number): number | undefined {
  const h = err.header;
  for (const k in h)
    if (/^retry-after$/i.test(k)) {
      const v = String(h[k]).trim();
      const ms = /^\d+$/.test(v) ? +v * 1000 : Date.parse(v) - now;
      if (ms >= 0) return ms;
    }
  // 45011 is a per-minute quota: the next call can succeed once the minute turns.
  if (err.kind === 'api' && err.code === '45011') return 60000 - (now % 60000);
  return undefined;
}
