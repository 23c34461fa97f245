// What a WeChat failure looks like, without the catalog: a wx.* fail callback ({errMsg, errno}), an API body
// ({errcode, errmsg}, also as a string or inside base_resp) and the trace id at the end of an errmsg.
// Small on purpose: the request wrapper's core client ships it to every mini-program. Pure TypeScript.
import type { Action } from './types';

/** Why a wx.request/uploadFile/downloadFile call got no response. */
export type WxFailureReason =
  | 'timeout'
  | 'abort'
  | 'domain'
  | 'interrupted'
  | 'ssl'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'offline'
  | 'too-many-tasks'
  | 'bad-request'
  | 'unknown';

export interface WxFailure {
  reason: WxFailureReason;
  action: Action;
}

/** The reasons in a fixed order (the tables below index into it). */
// Pure calls: a bundle that never classifies failures (the request client's core) drops the tables.
export const WX_FAILURE_REASONS =
  /* @__PURE__ */ 'abort timeout domain interrupted ssl dns refused reset offline too-many-tasks bad-request unknown'.split(
    ' ',
  ) as WxFailureReason[];

// Client errno (base library ≥ 2.24.0) first: it is exact. 600001 carries its detail in errMsg only.
// "errno:reason index" pairs.
const ERRNO = /* @__PURE__ */ errnoTable(
  '5:1 600002:2 600003:3 600005:10 600007:9 600008:10 600009:10 600010:10 600011:10',
);

function errnoTable(pairs: string): Record<string, WxFailureReason> {
  const out: Record<string, WxFailureReason> = {};
  for (const pair of pairs.split(' ')) {
    const [n, i] = pair.split(':');
    out[n] = WX_FAILURE_REASONS[+i];
  }
  return out;
}

// Old clients give only errMsg (English, cronet net_error names, or localized iOS strings). One pattern per
// reason, in the order of WX_FAILURE_REASONS; the first match wins, so abort comes before timeout
// ("request:fail abort" after a timeout option still means abort).
const TEXT = [
  /abort|取消/i,
  /time.?out|timed.out|超时/i,
  /domain list|合法域名|安全域名/i,
  /interrupt|network change|中断/i,
  /ssl|cert|hand ?shake|证书/i,
  /dns|not.resolved|ENOTFOUND|unknown host|getaddrinfo|找不到/i,
  /refused/i,
  /reset|hang up|closed|EPIPE|empty.response/i,
  /disconnected|unreachable|offline|no network|not connected|断开/i,
  /max task|task count/i,
  /url|protocol|argv|redirect/i,
];

/** Classifies a wx.* fail result: errno when present, else the errMsg wording. */
export function classifyWxFailure(errMsg: string, errno?: number): WxFailure {
  const n = errno || 0;
  const i = TEXT.findIndex((re) => re.test(errMsg));
  const reason: WxFailureReason =
    ERRNO[n] || WX_FAILURE_REASONS[i < 0 ? (n >= 602000 && n < 602200 ? 5 : 11) : i];
  const action: Action =
    reason === 'abort'
      ? 'none'
      : reason === 'domain' || reason === 'ssl'
        ? 'fix-config'
        : reason === 'bad-request'
          ? 'fix-request'
          : 'retry-later';
  return { reason, action };
}

const RID =
  /[,，]?\s*(?:rid:\s*([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})|hints?:\s*\[\s*(?:req_id:\s*)?([^\]\s]+)\s*\])/i;

/** Splits "invalid credential rid: 65bb65b7-402cd2bc-0d97216b" into the message and its trace id. */
export function splitRid(errmsg: string): { text: string; rid?: string } {
  const m = RID.exec(errmsg);
  return m ? { text: errmsg.replace(RID, '').trim(), rid: m[1] || m[2] } : { text: errmsg.trim() };
}

export interface ApiFailure {
  code: string;
  errmsg: string;
}

const LOOSE = /["']errcode["']\s*:\s*["']?(-?\d+)/;
const LOOSE_MSG = /["']errmsg["']\s*:\s*["']((?:[^"'\\]|\\.)*)/;

/**
 * The non-zero errcode of a response body, as a number or a numeric string, at the top level or in
 * `base_resp`. A string body that looks like JSON (malformed JSON the client could not parse) is searched too.
 */
export function readApiFailure(body: unknown): ApiFailure | undefined {
  if (typeof body === 'string') {
    const m = /^\s*[{[]/.test(body) ? LOOSE.exec(body) : null;
    return m && m[1] !== '0' ? { code: m[1], errmsg: (LOOSE_MSG.exec(body) || [])[1] || '' } : undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  // No ?. or ??: the library targets es2018, where esbuild would spell them out at every use.
  for (const src of [o, (o.base_resp || {}) as Record<string, unknown>]) {
    const c = src.errcode;
    // A number, or a string of digits; never a success code.
    if ((typeof c === 'number' || (typeof c === 'string' && /^\s*-?\d+\s*$/.test(c))) && +c !== 0) {
      return { code: String(+c), errmsg: src.errmsg == null ? '' : String(src.errmsg) };
    }
  }
  return undefined;
}
