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
  /** What happened, "zh / en" (project wording). */
  text: string;
}

// What happened, zh / en, per reason (kept short: every mini-program using the wrapper ships them).
const LABELS: Record<WxFailureReason, string> = {
  timeout: '请求超时 / timed out',
  abort: '已取消 / aborted',
  domain: '域名不在合法域名列表 / domain not in the allowed list',
  interrupted: '网络中断（切到后台）/ interrupted (app in background)',
  ssl: '证书错误 / SSL error',
  dns: '域名解析失败 / DNS failed',
  refused: '连接被拒绝 / connection refused',
  reset: '连接被重置 / connection reset',
  offline: '无网络 / offline',
  'too-many-tasks': '请求数超限 / too many tasks',
  'bad-request': '请求不合法 / bad URL or data',
  unknown: '网络错误 / network error',
};

// Client errno (base library ≥ 2.24.0) first: it is exact. 600001 carries its detail in errMsg only.
const ERRNO: Record<string, WxFailureReason> = {
  5: 'timeout',
  600002: 'domain',
  600003: 'interrupted',
  600005: 'bad-request',
  600007: 'too-many-tasks',
  600008: 'bad-request',
  600009: 'bad-request',
  600010: 'bad-request',
  600011: 'bad-request',
};

// Old clients give only errMsg (English, cronet net_error names, or localized iOS strings). First match wins.
const TEXT: Array<[RegExp, WxFailureReason]> = [
  [/abort|取消/i, 'abort'],
  [/time.?out|timed.out|超时/i, 'timeout'],
  [/domain list|合法域名|安全域名/i, 'domain'],
  [/interrupt|network change|中断/i, 'interrupted'],
  [/ssl|cert|hand ?shake|证书/i, 'ssl'],
  [/dns|not.resolved|ENOTFOUND|unknown host|getaddrinfo|找不到/i, 'dns'],
  [/refused/i, 'refused'],
  [/reset|hang up|closed|EPIPE|empty.response/i, 'reset'],
  [/disconnected|unreachable|offline|no network|not connected|断开/i, 'offline'],
  [/max task|task count/i, 'too-many-tasks'],
  [/url|protocol|argv|redirect/i, 'bad-request'],
];

/** Classifies a wx.* fail result: errno when present, else the errMsg wording. */
export function classifyWxFailure(errMsg: string, errno?: number): WxFailure {
  const n = errno ?? -1;
  const reason: WxFailureReason =
    ERRNO[n] || TEXT.find(([re]) => re.test(errMsg))?.[1] || (n >= 602000 && n < 602200 ? 'dns' : 'unknown');
  const action: Action =
    reason === 'abort'
      ? 'none'
      : reason === 'domain' || reason === 'ssl'
        ? 'fix-config'
        : reason === 'bad-request'
          ? 'fix-request'
          : 'retry-later';
  return { reason, action, text: LABELS[reason] };
}

const RID =
  /[,，]?\s*(?:rid:\s*([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})|hints?:\s*\[\s*(?:req_id:\s*)?([^\]\s]+)\s*\])/i;

/** Splits "invalid credential rid: 65bb65b7-402cd2bc-0d97216b" into the message and its trace id. */
export function splitRid(errmsg: string): { text: string; rid?: string } {
  const m = RID.exec(errmsg);
  if (!m) return { text: errmsg.trim() };
  return { text: (errmsg.slice(0, m.index) + errmsg.slice(m.index + m[0].length)).trim(), rid: m[1] || m[2] };
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
    return m && m[1] !== '0' ? { code: m[1], errmsg: LOOSE_MSG.exec(body)?.[1] ?? '' } : undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  for (const src of [o, o.base_resp as Record<string, unknown> | undefined]) {
    const c = src?.errcode;
    if ((typeof c === 'number' || (typeof c === 'string' && /^-?\d+$/.test(c.trim()))) && Number(c) !== 0) {
      return { code: String(Number(c)), errmsg: String(src?.errmsg ?? '') };
    }
  }
  return undefined;
}
