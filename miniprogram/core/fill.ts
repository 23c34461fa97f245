// The next step filled in from the scanned text: where the text carries the value (the caller IP of a
// 40164, the appid, the API path, the quota, the rid), the fix names it instead of saying "fix the
// configuration". Pure TypeScript (no wx, no Node): the CLI scan and the scan page both use it.
// CONTRACT: scanFacts(text, found?) → ScanFacts; filledFix(code, entry, facts) → FilledFix | undefined;
// ownBlock(lines, index) → the text scanFacts may read for the code on lines[index].
// The wording is the project's own (shown with the project's mark), the console paths are WeChat's menus.
import type { Action, Entry } from './types';

/** Values the text around a code carries. */
export interface ScanFacts {
  /** The caller IP WeChat reports (40164 "invalid ip 1.2.3.4", WeCom 60020 "from ip: 1.2.3.4"). */
  ip?: string;
  /** A WeChat appid (wx + 16 hex). */
  appid?: string;
  /** The API path called, e.g. /cgi-bin/message/custom/send. */
  api?: string;
  /** Which quota ran out, when the errmsg says (daily / minute). */
  quota?: 'daily' | 'minute';
  rid?: string;
  /** The text is about WeCom (企业微信): qyapi.weixin.qq.com, work.weixin.qq.com. */
  wecom?: boolean;
}

/** What the extractor already keeps of one code (FoundCode of core/extract.ts). */
export interface FoundFacts {
  ip?: string;
  rid?: string;
  errmsg?: string;
}

export interface FilledFix {
  en: string;
  zh: string;
  /** The facts the text was filled from. */
  facts: ScanFacts;
}

const IPV4 = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}`;
const LABELLED_IP = new RegExp(
  String.raw`(?:invalid ip|from ip|client ?ip|requestip|caller ip|ip)\s*[:：=]?\s*["']?(${IPV4})(?![\d.])`,
  'i',
);
// No lookbehind: iOS JavaScriptCore before 16.4 rejects it, and the whole module would fail to load.
const APPID = /(?:^|[^A-Za-z0-9])(wx[0-9a-f]{16})(?![A-Za-z0-9])/i;
const API_PATH =
  /(?:https?:\/\/[\w.-]*weixin\.qq\.com)?(\/(?:cgi-bin|sns|wxa|wxaapi|tcb|datacube|card|shop|channels|product|customservice|union|merchant|semantic)\/[\w/.-]*[\w])/;
const WECOM = /qyapi\.weixin\.qq\.com|work\.weixin\.qq\.com|企业微信|wecom/i;

/** A line that reports a code of its own (another request's answer): its values are not ours. */
const CODE_KEY = /\b(?:err_?code|errno|ret_?code|error_?code)\b["'\\\s]*[:=]/i;
/** A line that names the request (a method and a path, or a WeChat API path): the answer below is its. */
const namesRequest = (line: string): boolean =>
  /\b(?:GET|POST|PUT|DELETE|PATCH)\s+\S*\//.test(line) || API_PATH.test(line);

/**
 * The text a code's fix may be filled from: its own line first, then the lines above it that still belong to
 * its request (a pretty-printed body, the request line a client logs before the answer), nearest first. The
 * walk up stops at a blank line, at a line with a code of its own (another request's answer) and after the
 * first request line, so an IP, appid or API path of a neighbouring request is never filled in.
 */
export function ownBlock(lines: readonly string[], index: number, maxAbove = 6): string {
  const block = [lines[index] ?? ''];
  if (namesRequest(block[0])) return block[0];
  for (let i = index - 1; i >= 0 && i >= index - maxAbove; i--) {
    const line = lines[i];
    if (!line.trim() || CODE_KEY.test(line)) break;
    block.push(line);
    if (namesRequest(line)) break;
  }
  return block.join('\n');
}

/** The facts in the text around a code (its line and a few after), on top of what the extractor kept. */
export function scanFacts(text: string, found: FoundFacts = {}): ScanFacts {
  const facts: ScanFacts = {};
  const ip = found.ip ?? LABELLED_IP.exec(text)?.[1];
  if (ip) facts.ip = ip;
  const appid = APPID.exec(text)?.[1];
  if (appid) facts.appid = appid.toLowerCase();
  const api = API_PATH.exec(text)?.[1];
  if (api) facts.api = api;
  const said = `${found.errmsg ?? ''} ${text}`.toLowerCase();
  if (/daily[ _-]?quota|每日|今日/.test(said)) facts.quota = 'daily';
  else if (/minute[ _-]?quota|每分钟/.test(said)) facts.quota = 'minute';
  if (found.rid) facts.rid = found.rid;
  if (WECOM.test(text)) facts.wecom = true;
  return facts;
}

/** IP whitelist codes and where each platform keeps its whitelist. */
const WHITELIST: Record<string, { en: string; zh: string }> = {
  '40164': {
    en: 'the IP whitelist (开发管理 → 开发设置 → IP白名单)',
    zh: ' IP 白名单（开发管理 → 开发设置 → IP白名单）',
  },
  '45035': {
    en: 'the IP whitelist (开发管理 → 开发设置 → IP白名单)',
    zh: ' IP 白名单（开发管理 → 开发设置 → IP白名单）',
  },
  '61004': {
    en: "the third-party platform's IP whitelist (开放平台 → 第三方平台 → 开发资料 → 白名单IP)",
    zh: '第三方平台的白名单 IP（开放平台 → 第三方平台 → 开发资料 → 白名单IP）',
  },
  '60020': {
    en: "the app's trusted IPs (企业微信管理后台 → 应用管理 → 应用 → 企业可信IP)",
    zh: '应用的企业可信IP（企业微信管理后台 → 应用管理 → 应用 → 企业可信IP）',
  },
};

const APPID_CODES = new Set(['40013', '40125', '41002', '41004']);
const PERMISSION_CODES = new Set(['48001', '61007']);

type EntryLike = Pick<Entry, 'action'> & Partial<Pick<Entry, 'platform'>>;

/**
 * The concrete next step for a code, filled in from the facts, or undefined when the text carries nothing
 * that makes the step more concrete than the code's advice.
 */
export function filledFix(
  code: string,
  entry: EntryLike | undefined,
  facts: ScanFacts,
): FilledFix | undefined {
  const action: Action = entry?.action ?? 'unknown';
  const done = (en: string, zh: string): FilledFix => ({ en, zh, facts });
  const where = whitelistOf(code, entry);
  if (where && facts.ip) {
    return done(`add ${facts.ip} to ${where.en}, then retry`, `把 ${facts.ip} 加入${where.zh}，生效后重试`);
  }
  if (APPID_CODES.has(code) && facts.appid) {
    return done(
      `check that ${facts.appid} is the right AppID and that the AppSecret belongs to it (开发管理 → 开发设置 → 开发者ID)`,
      `确认 ${facts.appid} 是正确的 AppID，且所用 AppSecret 属于它（开发管理 → 开发设置 → 开发者ID）`,
    );
  }
  if (PERMISSION_CODES.has(code) && facts.api) {
    const holder = code === '61007' ? 'the third-party platform' : (facts.appid ?? 'the account');
    const holderZh = code === '61007' ? '第三方平台' : (facts.appid ?? '该帐号');
    return done(
      `${holder} has no permission for ${facts.api}: grant it (接口权限 / 权限集) before calling again`,
      `${holderZh} 没有 ${facts.api} 的接口权限：先开通（接口权限 / 权限集）再调用`,
    );
  }
  if (action === 'quota' && facts.api) {
    const kind = facts.quota === 'minute' ? 'per-minute' : 'daily';
    const kindZh = facts.quota === 'minute' ? '每分钟' : '每日';
    const query = `POST /cgi-bin/openapi/quota/get {"cgi_path":"${facts.api}"}`;
    return done(
      `the ${kind} quota of ${facts.api} is used up: check it with ${query}; do not retry in a loop`,
      `${facts.api} 的${kindZh}调用额度已用完：用 ${query} 查询，不要循环重试`,
    );
  }
  if (action === 'refresh-token' && (facts.appid || facts.api)) {
    const whose = facts.appid ? ` of ${facts.appid}` : '';
    const whoseZh = facts.appid ? ` ${facts.appid} 的` : '';
    const then = facts.api ? `, then call ${facts.api} again` : ', then retry';
    const thenZh = facts.api ? `，再重新调用 ${facts.api}` : '，再重试';
    return done(
      `fetch a new access_token${whose} once (getStableAccessToken)${then}`,
      `重新获取一次${whoseZh} access_token（getStableAccessToken）${thenZh}`,
    );
  }
  if ((action === 'retry-later' || action === 'unknown') && facts.rid) {
    const query = `POST /cgi-bin/openapi/rid/get {"rid":"${facts.rid}"}`;
    return done(
      `retry later with backoff; if it repeats, look the rid up: ${query}`,
      `稍后以退避方式重试；反复出现时查询 rid：${query}`,
    );
  }
  return undefined;
}

/** Where the IP goes: by code; a WeCom entry's whitelist is its app's trusted IPs. */
function whitelistOf(code: string, entry: EntryLike | undefined) {
  if (!WHITELIST[code]) return undefined;
  return /企业微信/.test(entry?.platform ?? '') ? WHITELIST['60020'] : WHITELIST[code];
}
