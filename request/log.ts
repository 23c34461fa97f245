// `wxerr/log`: failures to the realtime log (wx.getRealtimeLogManager), opt in:
// `createClient({ realtimeLog: realtimeLog() })`. Secrets are taken out of the URL first: the values of token-,
// secret-, password-, sign-, ticket-, session-, key- and phone-like query keys, and any mainland mobile number.
import type { WxerrError } from './errors';
import type { RealtimeLogger, WxLike } from './wx';

export interface RealtimeLogOptions {
  /** Default: the client's wx.getRealtimeLogManager(). */
  logger?: RealtimeLogger;
  /** Rewrites a URL before it is logged (default: redactUrl, which hides secret and phone-like values). */
  redact?(url: string): string;
}

/** What createClient's `realtimeLog` option takes: called once per failure except aborts, with the client's wx. */
export type RealtimeLogHook = (err: WxerrError, wx: WxLike | undefined) => void;

// Whole-word-ish: `keyword`, `design` and `signup` stay readable; `api_key`, `sign`, `session_key` do not.
const SECRET_KEY =
  /token|secret|passw|pwd|phone|mobile|^tel$|(^|_)sign(ature)?$|ticket|session|^code$|(^|_|api|app|access)key$|openid|unionid/i;
const PHONE = /(^|[^\d])1[3-9]\d{9}(?!\d)/g;

/** The URL with sensitive query values replaced by `***`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const query =
    q < 0
      ? ''
      : `?${url
          .slice(q + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            return eq > 0 && SECRET_KEY.test(pair.slice(0, eq)) ? `${pair.slice(0, eq)}=***` : pair;
          })
          .join('&')}`;
  return (q < 0 ? url : url.slice(0, q) + query).replace(PHONE, '$1***');
}

/**
 * A realtime-log hook. Each failure logs `{ kind, code, rid, action, method, attempts, url }` under the filter
 * word 'wxerr': bounded fields keep one call far below the realtime log's 5 KB limit.
 */
export function realtimeLog(o: RealtimeLogOptions | RealtimeLogger = {}): RealtimeLogHook {
  const opts = (typeof (o as RealtimeLogger).error === 'function' ? { logger: o } : o) as RealtimeLogOptions;
  const redact = opts.redact || redactUrl;
  let logger = opts.logger;
  let filtered = false;
  return (err, w) => {
    if (!logger) logger = w && w.getRealtimeLogManager && w.getRealtimeLogManager();
    if (!logger) return;
    if (!filtered && logger.addFilterMsg) logger.addFilterMsg('wxerr'); // lets the admin console filter records
    filtered = true;
    const { kind, code, rid, action, method, attempts } = err;
    logger.error('wxerr', { kind, code, rid, action, method, attempts, url: redact(err.url).slice(0, 1024) });
  };
}
