// What a user typed or pasted → the code(s) it names and the words that are left. Pure TypeScript.
// Pasted bodies carry noise that matches nothing useful: trace ids (rid, hint, req_id), URLs, IP addresses,
// JSON keys and "api:fail" prefixes of mini-program errMsg strings.
import type { Catalog } from '../catalog';
import { aboutAnotherService, isRuntimeError, mayNameOtherCode, NOT_A_WECHAT_CODE } from './foreign';
import { foldChars } from './text';

export interface ParsedQuery {
  /** The query is nothing but a code ("40001", "-1", "４５００９", "API_SYS_REQSIGN", "NOTENOUGH"): normalised. */
  wholeCode?: string;
  /** Codes named inside a longer query ("errcode": 40001, a standalone number), in order, normalised. */
  codes: string[];
  /** Folded text with the noise and the code tokens removed. */
  text: string;
  /** True when the user is still typing the last word (no trailing space). */
  open: boolean;
  /** True when the query is about another service ("钉钉…", "HTTP 429"): see search/foreign.ts. */
  foreign?: boolean;
  /**
   * A code the query gives explicitly (in a code field, "code 6000003", ERR_LOGIN_FAILED) that no WeChat table
   * has, normalised: with no known code beside it, the query is about something else ("no match").
   */
  unknownCode?: string;
  /**
   * The unknown code was a constant's name (OUT_OF_RESPONSE_COUNT_LIMIT, as SDKs name errors) and its words
   * are searched: when they are an official wording, the query means that error after all.
   */
  spelled?: string;
  /** Spans the user quoted (“…”, "…", 「…」), folded, a leading label ("错误信息：") dropped: maybe an errmsg. */
  quoted?: string[];
  /** "api:fail …" errMsgs that are no catalog code as written: the API (folded) and the words after ":fail". */
  apiFails?: { api: string; rest: string }[];
}

/** Each with the substrings one of which every match holds (see `holds`). */
const NOISE: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\brid\s*[:：]\s*[0-9a-f]+(?:-[0-9a-f]+)*/g, ['rid']],
  [/\bhints?\s*[:：]\s*\[[^\]]*\]?/g, ['hint']],
  [/\breq_id\s*[:：]\s*[\w-]+/g, ['req_id']],
  [/\b(?:https?:\/\/|www\.)[^\s"'，。)）]+/g, ['http', 'www.']],
  [/\bmore details at\b/g, ['more details at']],
  [/\bipv[46]\s*[:：]?\s*(?=[0-9a-f]*[:.])/g, ['ipv']],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, ['.']],
  [/(?:[0-9a-f]{0,4}:){2,}[0-9a-f.]*/g, [':']],
  [/\b[a-z][\w.]*:\s*fail\b/g, ['fail']],
];

/**
 * True when the text holds one of the substrings: a regex each of whose matches holds one runs only then. A
 * regex is compiled on its first use, 0.05–2 ms each in a fresh process without a JIT (iOS): most queries
 * need few of the ~50 below, and `includes` costs a fraction of a microsecond.
 */
function holds(text: string, parts: readonly string[]): boolean {
  for (let i = 0; i < parts.length; i++) if (text.includes(parts[i])) return true;
  return false;
}
const DIGIT = /\d/;

/**
 * API hosts in pasted logs say which platform answered (the URL itself is noise): they become the platform's
 * name before URLs are dropped. WeCom's qyapi and help links, WeChat Pay's merchant API.
 */
const HOSTS: readonly [RegExp, string][] = [
  [/\b(?:qyapi\.weixin\.qq\.com|(?:open|developer)\.work\.weixin\.qq\.com)\b/g, ' 企业微信 '],
  [/\b(?:api\.mch\.weixin\.qq\.com|pay\.weixin\.qq\.com)\b/g, ' 微信支付 '],
];

/** A quoted span (at most QUOTED_SPANS are tried) and the label an errmsg is often given inside it. */
const QUOTED = /[“"「『]([^“”"「」『』\n]{2,80})[”"」』]/g;
const QUOTES = ['“', '"', '「', '『'];
const QUOTED_LABEL = /^[\u3400-\u9fff]{1,6}[:：]\s*/;
const QUOTED_SPANS = 3;

/** Names of code fields in bodies and logs, followed by the code. */
const CODE_FIELD =
  /(?:errcode|err_code|errno|error_?code|ret_?code|"code"|返回码|错误码|错误代码)["'\s]*[:=：]?\s*["']?(-?\d+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)/g;
/** A string code in a JSON "code" field, as APIv3 answers (before folding). */
const V3_BODY = /["']code["']\s*:\s*["'][A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+["']/;
/** Pay APIv2's result fields: a result or error code FAIL beside its err_code ("结果代码：FAIL", "Error code: FAIL"). */
const V2_FAIL = /(?:结果代码|result_code|return_code|error code)["']?\s*[:：=]\s*["']?FAIL\b/i;
/** Pay APIv2's XML: <err_code><![CDATA[NOTENOUGH]]></err_code> (any string code, checked against the catalog). */
const XML_CODE = /<(?:err_code|return_code|result_code)>\s*(?:<!\[cdata\[)?\s*([a-z][a-z0-9_]*)/g;
/** A string code as logs print it, inside a longer text: PARAM_ERROR, SYSTEMERROR (kept when the catalog has it). */
const CAPS_CODE = /(^|[^A-Za-z0-9_])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z][A-Z0-9]{5,})(?![A-Za-z0-9_])/g;
/** Exception class names (AccessTokenExpiredError, WeChatClientException) say the error in words: split. */
const EXCEPTION_NAME = /\b[A-Z]?[a-z]+(?:[A-Z][a-z]+)+(?:Error|Exception)\b/g;
const CAMEL = /([a-z])([A-Z])/g;
/**
 * A pasted client errMsg that is a catalog code ("getPhoneNumber:fail …"). Not wx.request's: its failures are
 * the errno table's (request:fail timeout → errno 5).
 */
const ERRMSG_CODE = /^(?!request:)[a-z]\w*:\s*fail\b/i;
/** "code 6000003", "code=429002" or "6000003 code": a number called a code in plain words (folded text). */
const CODE_WORD = /\bcode\s*[:：=]?\s*(-?\d{4,})\b|\b(-?\d{4,})\s+code\b/g;
/**
 * Code fields no WeChat API writes (WeChat: errcode, errCode, errno, code): HTTP clients' statusCode, other
 * clouds' errorCode / ErrorCode. Case-sensitive, before folding. Their number is another service's code.
 */
const FOREIGN_FIELD = /["']?\b(?:statusCode|status_code|errorCode|ErrorCode)\b["']?\s*[:=：]\s*["']?(-?\d+)/g;
/**
 * An errno field in a body whose message field is a lowercase errmsg: a backend's own ({"errno":401,"errmsg":
 * "请先登录"}). WeChat's client writes errno beside errMsg, its server APIs errcode beside errmsg.
 */
const BACKEND_ERRNO = /["']?\berrno\b["']?\s*[:=：]\s*["']?(-?\d+)/g;
/** An "error" field holding a constant, and the "code" field a body puts beside it. */
const ERROR_NAME_FIELD = /["']error["']\s*:\s*["']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)["']/;
const BODY_CODE = /["']?\bcode\b["']?\s*[:=]\s*["']?-?\d+/gi;
/** A client errMsg naming a page or URL: the catalog writes the path as "…" (navigateTo:fail page "…" is not found). */
const ERRMSG_WITH_PATH =
  /\b([a-z]\w*)\s*:\s*fail\s+(page|url)\s+"[^"\n]{1,200}"\s+(is not found|is not in app\.json)/g;
/** A client errMsg inside a longer text ("报 \"getUserInfo:fail auth deny\" 的错误"): API, then what follows. */
const ERRMSG_IN_TEXT = /\b([a-z]\w*)\s*:\s*fail\b([^"'{}()[\]，。！？；;\n]*)/g;
const JSON_KEYS =
  /["']?\b(?:errcode|errmsg|errno|err_code|err_msg|error_code|error_msg|message)\b["']?\s*[:=：]?/g;
/** A number standing alone: not part of a version, an IP, a word or a time (a full stop after it ends a sentence). */
const LONE_NUMBER = /(^|[^\w.-])(-?\d+)(?!\w|\.\w|:\d)/g;

/**
 * Other spellings of the identifiers the catalog writes one way (folded text): open_id / union_id / corp_id
 * as parameters are written in other SDKs, CamelCase AccessToken, and the JSAPI name of the client payment
 * call (WeixinJSBridge's get_brand_wcpay_request is wx.requestPayment in a web page).
 */
const SPELLINGS: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [
    /\b(open|union|corp|app)[_ ]id\b/g,
    '$1id',
    ['open_id', 'open id', 'union_id', 'union id', 'corp_id', 'corp id', 'app_id', 'app id'],
  ],
  [/\baccesstoken\b/g, 'access_token', ['accesstoken']],
  [/\bget_brand_wcpay_request\b/g, 'wx.requestpayment', ['get_brand_wcpay_request']],
];

const DIGITS = /^[-－—–+]?[0-9\uff10-\uff19]+$/;

export function normalizeQueryCode(raw: string): string {
  const s = foldChars(raw.trim())
    .replace(/^[－—–]/, '-')
    .replace(/^\+/, '');
  return /^-?\d+$/.test(s) ? s.replace(/^(-?)0+(?=\d)/, '$1') : s.toUpperCase();
}

const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * Pasted bodies often come escaped: JSON's \u4e0d\u5408 (PHP's json_encode writes Chinese so), HTML's &quot;
 * and &#x3D; (issue pages, some forms). Unescaped, their words and code fields read as typed.
 */
export function unescapePasted(text: string): string {
  const unicode = !holds(text, ['\\u', '\\U'])
    ? text
    : text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return !unicode.includes('&')
    ? unicode
    : unicode.replace(
        /&(?:#x([0-9a-f]+)|#(\d+)|(quot|amp|lt|gt|apos));/gi,
        (whole, hex?: string, dec?: string, name?: string) =>
          hex
            ? String.fromCharCode(parseInt(hex, 16))
            : dec
              ? String.fromCharCode(Number(dec))
              : (ENTITIES[name!.toLowerCase()] ?? whole),
      );
}

/** hasCode tells whether a normalised code is in the catalog. */
export function parseQuery(typed: string, hasCode: (code: string) => boolean): ParsedQuery {
  const query = unescapePasted(typed);
  const trimmed = query.trim();
  const open = !/\s$/.test(query);
  if (DIGITS.test(trimmed.replace(/\s+/g, ''))) {
    return { wholeCode: normalizeQueryCode(trimmed.replace(/\s+/g, '')), codes: [], text: '', open };
  }
  // For the guards of case-insensitive regexes (ASCII letters only: a regex without the u flag folds no others).
  const lower = query.toLowerCase();
  // A string code: with underscores (API_SYS_REQSIGN), or typed in capitals as logs print it (NOTENOUGH;
  // "error" in lower case stays a word, though WeChat Pay has a code ERROR).
  const stringCode =
    (trimmed.includes('_') && /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i.test(trimmed)) ||
    (lower !== query && /^[A-Z][A-Z0-9]{3,}$/.test(trimmed));
  if (
    (stringCode || (lower.includes('fail') && ERRMSG_CODE.test(trimmed))) &&
    hasCode(normalizeQueryCode(trimmed))
  )
    return { wholeCode: normalizeQueryCode(trimmed), codes: [], text: '', open };

  const codes: string[] = [];
  // Before folding: string codes typed in capitals, and CamelCase identifiers split into their words.
  const capsCodes: string[] = [];
  if (lower !== query) for (const m of query.matchAll(CAPS_CODE)) capsCodes.push(m[2]);
  let unknownCode: string | undefined;
  // Brand names stay whole ("WeChat", "WeCom" are not two words).
  // A WeChat body pairs its code with errmsg, whatever the SDK called the code field ("errorCode: 40007,errmsg").
  const ownFields = holds(lower, ['errmsg', 'err_msg']) && /\berr_?msg\b/i.test(query);
  const fields = !holds(query, ['tatus', 'rrorCode'])
    ? query
    : query.replace(FOREIGN_FIELD, (whole, code: string) => {
        if (ownFields) return whole;
        unknownCode ??= normalizeQueryCode(code);
        return ' ';
      });
  const backend =
    query.includes('errno') &&
    /\berrmsg\b/.test(query) &&
    !query.includes('errMsg') &&
    !lower.includes('errcode');
  const ownCodes = !backend
    ? fields
    : fields.replace(BACKEND_ERRNO, (_whole, code: string) => {
        unknownCode ??= normalizeQueryCode(code);
        return ' ';
      });
  const unbranded = lower.includes('we')
    ? ownCodes.replace(/\b(?:we(?:chat|com)|weixin)/gi, (w) => w.toLowerCase())
    : ownCodes;
  // A body naming its error by its own constant ({"code":-1,"error":"ERR_SKEY_INVALID"}): the code beside it is
  // that server's, not WeChat's.
  const ownName = ownFields || !query.includes('error') ? undefined : ERROR_NAME_FIELD.exec(query)?.[1];
  const foreignBody = ownName !== undefined && !hasCode(normalizeQueryCode(ownName));
  if (foreignBody) unknownCode ??= normalizeQueryCode(ownName);
  const named = foreignBody ? unbranded.replace(BODY_CODE, ' ') : unbranded;
  let text = foldChars(
    holds(named, ['Error', 'Exception'])
      ? named.replace(EXCEPTION_NAME, (name) => name.replace(CAMEL, '$1 $2'))
      : named,
  );
  let otherCode = false;
  if (mayNameOtherCode(text))
    text = text.replace(NOT_A_WECHAT_CODE, () => {
      otherCode = true;
      return ' ';
    });
  if (text.includes('weixin.qq.com')) for (const [host, name] of HOSTS) text = text.replace(host, name);
  for (const [spelling, key, parts] of SPELLINGS) if (holds(text, parts)) text = text.replace(spelling, key);
  const apiFails: { api: string; rest: string }[] = [];
  if (text.includes('fail')) {
    for (const m of text.matchAll(ERRMSG_IN_TEXT)) if (m[1] !== 'request') addErrMsg(m[1], m[2]);
    for (const m of text.matchAll(ERRMSG_WITH_PATH)) addCode(`${m[1]}:fail ${m[2]} "…" ${m[3]}`);
    // JS-SDK's wx.config fails with "config:fail,invalid domain": its API word stays (a concept lead's).
    if (text.includes('config')) text = text.replace(/\bconfig\s*:\s*fail\b/g, ' config ');
  }
  for (const [re, parts] of NOISE) if (holds(text, parts)) text = text.replace(re, ' ');
  function addErrMsg(api: string, rest: string): void {
    // The longest run of words after "api:fail" that is a catalog code ("getUserProfile:fail getUserAvatarInfo fail").
    for (let tail = rest.trimEnd(); ; tail = tail.replace(/\s*\S+$/, '')) {
      // Some catalog errMsgs end with a full stop ("…by user TAP gesture."), pasted ones often without.
      for (const end of ['', '.'])
        if (tail && hasCode(normalizeQueryCode(`${api}:fail${tail}${end}`)))
          return addCode(`${api}:fail${tail}${end}`);
      if (!/\S/.test(tail)) return void apiFails.push({ api, rest });
    }
  }
  function addCode(raw: string): void {
    let code = normalizeQueryCode(raw);
    // Cloud codes are negative; logs and titles drop the sign ("errCode 501007" for -501007).
    if (/^\d+$/.test(code) && !hasCode(code) && hasCode('-' + code)) code = '-' + code;
    if (!codes.includes(code) && hasCode(code)) codes.push(code);
  }
  // An explicit code the catalog lacks: a long number (not 0, the success value) or a string code.
  const unknown = (raw: string): void => {
    const code = normalizeQueryCode(raw);
    if (unknownCode === undefined && !hasCode(code) && (/^-?\d{4,}$/.test(code) || code.includes('_')))
      unknownCode = code;
  };
  if (text.includes('code')) for (const m of text.matchAll(CODE_WORD)) unknown(m[1] ?? m[2]);
  // A JSAPI payment result ({err_code: "-1", err_desc: …, errMsg: "requestPayment:fail"}): its err_code is the
  // bridge's own number, not a WeChat code; the errMsg names the error.
  const bridgeResult = apiFails.length > 0 && lower.includes('err_desc');
  if (holds(text, ['err', 'ret', '"code"', '码']))
    text = text.replace(CODE_FIELD, (_, code: string) => {
      if (bridgeResult) return ' ';
      addCode(code);
      unknown(code);
      return ' ';
    });
  // APIv3's error body is {"code":"PARAM_ERROR","message":…}: a string code in a "code" field names APIv3.
  if (query.includes('code') && V3_BODY.test(query)) text += ' apiv3 ';
  // APIv3 answers with HTTP statuses and a code; only APIv2 writes FAIL in a result field: it names APIv2.
  if (query.includes('FAIL') && V2_FAIL.test(query)) text += ' apiv2 ';
  if (text.includes('<'))
    text = text.replace(XML_CODE, (whole, code: string) => {
      const before = codes.length;
      addCode(code);
      // The XML body is APIv2's: it names that platform.
      return codes.length > before ? ' apiv2 ' : whole;
    });
  let spelled: string | undefined;
  for (const code of capsCodes) {
    addCode(code);
    unknown(code);
    // An unknown constant name is also its words (OUT_OF_RESPONSE_COUNT_LIMIT → out of response count limit).
    if (code.includes('_') && !hasCode(normalizeQueryCode(code))) {
      const name = code.toLowerCase();
      const words = name.replace(/_/g, ' ');
      // (A code field may have taken the name out: "ErrorCode OUT_OF_…".)
      text = text.includes(name) ? text.split(name).join(` ${words} `) : `${text} ${words}`;
      if (unknownCode === normalizeQueryCode(code)) spelled = words;
    }
  }
  if (holds(text, ['err', 'message'])) text = text.replace(JSON_KEYS, ' ');
  if (DIGIT.test(text))
    text = text.replace(LONE_NUMBER, (whole, lead: string, num: string) => {
      // Small positive numbers are counts ("每天5次"), not codes; nor is a short number after a colon.
      if (!num.startsWith('-') && num.length < 4) return whole;
      if (lead === ':' && num.length < 4) return whole;
      const before = codes.length;
      addCode(num);
      return codes.length > before || num.length >= 5 ? lead + ' ' : whole;
    });
  const quoted: string[] = [];
  if (holds(query, QUOTES))
    for (const m of query.matchAll(QUOTED)) {
      const span = foldChars(m[1]).replace(QUOTED_LABEL, '').trim();
      if (quoted.length < QUOTED_SPANS && /[\u3400-\u9fff]{2}|[a-z]+ [a-z]+/.test(span)) quoted.push(span);
    }
  const folded = foldChars(query);
  const foreign = aboutAnotherService(folded, (otherCode || isRuntimeError(folded)) && !codes.length);
  return {
    codes,
    text,
    open,
    foreign,
    ...(unknownCode === undefined ? {} : { unknownCode }),
    ...(spelled ? { spelled } : {}),
    ...(quoted.length ? { quoted } : {}),
    ...(apiFails.length ? { apiFails } : {}),
  };
}

/** A catalog errMsg code: "api:fail …" (the colon may stand apart: "canvasToTempFilePath: fail …"). */
const CATALOG_ERRMSG = /^([a-z]\w*)\s*:\s*fail\b(.*)$/i;
const ERRMSG_WORD = /[a-z0-9]+|[\u3400-\u9fff]+/g;

function errMsgWords(text: string): string[] {
  return foldChars(text).match(ERRMSG_WORD) ?? [];
}

/**
 * A client errMsg pasted in another form than the catalog writes it ("navigateTo:fail:can not navigate to a tab
 * bar page", a bare "canvasToTempFilePath:fail"): of that API's catalog errMsgs, the one sharing the most words
 * after ":fail" with it, if no other shares as many; the API's only errMsg when nothing follows ":fail". Run
 * only for a query naming an "api:fail" that is no catalog code as written.
 */
export function pickErrMsg(catalog: Catalog, api: string, rest: string): string | undefined {
  const said = errMsgWords(rest);
  let best: string | undefined;
  let top = -1;
  let second = -1;
  const list = errMsgsOf(catalog).get(api) ?? [];
  for (const { code, words } of list) {
    const shared = said.filter((w) => words.includes(w)).length;
    if (shared > top) {
      second = top;
      top = shared;
      best = code;
    } else if (shared > second) second = shared;
  }
  // (With no words after ":fail" every candidate shares 0: only a lone one is above the second's -1.)
  if (top > second && (top > 0 || !said.length)) return best;
  // Words that pick none, or none at all: the API's catch-all "api:fail (detail message)", where it has one
  // ("requestPayment:fail" with the reason in another field: err_desc).
  return top <= 0 ? list.find((m) => m.catchAll)?.code : undefined;
}

/** The words of a catalog errMsg that stands for any failure detail: "requestPayment:fail (detail message)". */
const CATCH_ALL = ['detail', 'message'];

/** The catalog's errMsg codes by their API (folded), in entry order, with the words after ":fail". */
const errMsgIndexes = new WeakMap<Catalog, Map<string, CatalogErrMsg[]>>();

interface CatalogErrMsg {
  code: string;
  words: string[];
  catchAll: boolean;
}

// Read once per catalog: a query typed key by key asks again on every keystroke.
function errMsgsOf(catalog: Catalog): Map<string, CatalogErrMsg[]> {
  let index = errMsgIndexes.get(catalog);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < catalog.size; i++) {
    const code = catalog.codeAt(i);
    const m = CATALOG_ERRMSG.exec(code);
    if (!m) continue;
    const api = foldChars(m[1]);
    let list = index.get(api);
    if (!list) index.set(api, (list = []));
    const words = errMsgWords(m[2]);
    list.push({ code, words, catchAll: words.join(' ') === CATCH_ALL.join(' ') });
  }
  errMsgIndexes.set(catalog, index);
  return index;
}
