// Failures to the realtime log (wx.getRealtimeLogManager), with secrets taken out of the URL first: the values
// of token-, secret-, password-, sign-, ticket-, session-, key- and phone-like query keys, and any mainland
// mobile number anywhere in it.
import type { WxerrError } from './errors';
import type { RealtimeLogger } from './wx';

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

/** Bounded fields keep one call far below the realtime log's 5 KB limit. */
export function logFailure(logger: RealtimeLogger, err: WxerrError, redact: (url: string) => string): void {
  const { kind, code, rid, action, method, attempts } = err;
  logger.error('wxerr', { kind, code, rid, action, method, attempts, url: redact(err.url).slice(0, 1024) });
}
