// What a user typed or pasted → the code(s) it names and the words that are left. Pure TypeScript.
// Pasted bodies carry noise that matches nothing useful: trace ids (rid, hint, req_id), URLs, IP addresses,
// JSON keys and "api:fail" prefixes of mini-program errMsg strings.
import type { Catalog } from '../catalog';
import { aboutAnotherService, NOT_A_WECHAT_CODE, RUNTIME_ERROR } from './foreign';
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

const NOISE: readonly RegExp[] = [
  /\brid\s*[:：]\s*[0-9a-f]+(?:-[0-9a-f]+)*/g,
  /\bhints?\s*[:：]\s*\[[^\]]*\]?/g,
  /\breq_id\s*[:：]\s*[\w-]+/g,
  /\b(?:https?:\/\/|www\.)[^\s"'，。)）]+/g,
  /\bmore details at\b/g,
  /\bipv[46]\s*[:：]?\s*(?=[0-9a-f]*[:.])/g,
  /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
  /(?:[0-9a-f]{0,4}:){2,}[0-9a-f.]*/g,
  /\b[a-z][\w.]*:\s*fail\b/g,
];

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
const QUOTED_LABEL = /^[\u3400-\u9fff]{1,6}[:：]\s*/;
const QUOTED_SPANS = 3;

/** Names of code fields in bodies and logs, followed by the code. */
const CODE_FIELD =
  /(?:errcode|err_code|errno|error_?code|ret_?code|"code"|返回码|错误码|错误代码)["'\s]*[:=：]?\s*["']?(-?\d+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)/g;
/** A string code in a JSON "code" field, as APIv3 answers (before folding). */
const V3_BODY = /["']code["']\s*:\s*["'][A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+["']/;
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
const SPELLINGS: readonly [RegExp, string][] = [
  [/\b(open|union|corp|app)[_ ]id\b/g, '$1id'],
  [/\baccesstoken\b/g, 'access_token'],
  [/\bget_brand_wcpay_request\b/g, 'wx.requestpayment'],
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
  return text
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(
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
  // A string code: with underscores (API_SYS_REQSIGN), or typed in capitals as logs print it (NOTENOUGH;
  // "error" in lower case stays a word, though WeChat Pay has a code ERROR).
  const stringCode = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i.test(trimmed) || /^[A-Z][A-Z0-9]{3,}$/.test(trimmed);
  if ((stringCode || ERRMSG_CODE.test(trimmed)) && hasCode(normalizeQueryCode(trimmed)))
    return { wholeCode: normalizeQueryCode(trimmed), codes: [], text: '', open };

  const codes: string[] = [];
  // Before folding: string codes typed in capitals, and CamelCase identifiers split into their words.
  const capsCodes: string[] = [];
  for (const m of query.matchAll(CAPS_CODE)) capsCodes.push(m[2]);
  let unknownCode: string | undefined;
  // Brand names stay whole ("WeChat", "WeCom" are not two words).
  // A WeChat body pairs its code with errmsg, whatever the SDK called the code field ("errorCode: 40007,errmsg").
  const ownFields = /\berr_?msg\b/i.test(query);
  const unbranded = query
    .replace(FOREIGN_FIELD, (whole, code: string) => {
      if (ownFields) return whole;
      unknownCode ??= normalizeQueryCode(code);
      return ' ';
    })
    .replace(/\b(?:we(?:chat|com)|weixin)/gi, (w) => w.toLowerCase());
  // A body naming its error by its own constant ({"code":-1,"error":"ERR_SKEY_INVALID"}): the code beside it is
  // that server's, not WeChat's.
  const ownName = ownFields ? undefined : ERROR_NAME_FIELD.exec(query)?.[1];
  const foreignBody = ownName !== undefined && !hasCode(normalizeQueryCode(ownName));
  if (foreignBody) unknownCode ??= normalizeQueryCode(ownName);
  let text = foldChars(
    (foreignBody ? unbranded.replace(BODY_CODE, ' ') : unbranded).replace(EXCEPTION_NAME, (name) =>
      name.replace(CAMEL, '$1 $2'),
    ),
  );
  let otherCode = false;
  text = text.replace(NOT_A_WECHAT_CODE, () => {
    otherCode = true;
    return ' ';
  });
  for (const [host, name] of HOSTS) text = text.replace(host, name);
  for (const [spelling, key] of SPELLINGS) text = text.replace(spelling, key);
  const apiFails: { api: string; rest: string }[] = [];
  for (const m of text.matchAll(ERRMSG_IN_TEXT)) if (m[1] !== 'request') addErrMsg(m[1], m[2]);
  for (const m of text.matchAll(ERRMSG_WITH_PATH)) addCode(`${m[1]}:fail ${m[2]} "…" ${m[3]}`);
  // JS-SDK's wx.config fails with "config:fail,invalid domain": its API word stays (a concept lead's).
  text = text.replace(/\bconfig\s*:\s*fail\b/g, ' config ');
  for (const re of NOISE) text = text.replace(re, ' ');
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
  for (const m of text.matchAll(CODE_WORD)) unknown(m[1] ?? m[2]);
  text = text.replace(CODE_FIELD, (_, code: string) => {
    addCode(code);
    unknown(code);
    return ' ';
  });
  // APIv3's error body is {"code":"PARAM_ERROR","message":…}: a string code in a "code" field names APIv3.
  if (V3_BODY.test(query)) text += ' apiv3 ';
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
  text = text.replace(JSON_KEYS, ' ');
  text = text.replace(LONE_NUMBER, (whole, lead: string, num: string) => {
    // Small positive numbers are counts ("每天5次"), not codes; nor is a short number after a colon.
    if (!num.startsWith('-') && num.length < 4) return whole;
    if (lead === ':' && num.length < 4) return whole;
    const before = codes.length;
    addCode(num);
    return codes.length > before || num.length >= 5 ? lead + ' ' : whole;
  });
  const quoted: string[] = [];
  for (const m of query.matchAll(QUOTED)) {
    const span = foldChars(m[1]).replace(QUOTED_LABEL, '').trim();
    if (quoted.length < QUOTED_SPANS && /[\u3400-\u9fff]{2}|[a-z]+ [a-z]+/.test(span)) quoted.push(span);
  }
  const folded = foldChars(query);
  const foreign = aboutAnotherService(folded, (otherCode || RUNTIME_ERROR.test(folded)) && !codes.length);
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
 * bar page", a bare "canvasToTempFilePath:fail"): the catalog errMsg of that API (folded) the words after ":fail" pick: the one sharing the most words with
 * them, if no other shares as many; the API's only errMsg when nothing follows ":fail". Run only for a query
 * naming an "api:fail" that is no catalog code as written.
 */
export function pickErrMsg(catalog: Catalog, api: string, rest: string): string | undefined {
  const said = errMsgWords(rest);
  let best: string | undefined;
  let top = -1;
  let second = -1;
  for (let i = 0; i < catalog.size; i++) {
    const m = CATALOG_ERRMSG.exec(catalog.codeAt(i));
    if (!m || foldChars(m[1]) !== api) continue;
    const own = errMsgWords(m[2]);
    const shared = said.filter((w) => own.includes(w)).length;
    if (shared > top) {
      second = top;
      top = shared;
      best = catalog.codeAt(i);
    } else if (shared > second) second = shared;
  }
  // (With no words after ":fail" every candidate shares 0: only a lone one is above the second's -1.)
  return top > second && (top > 0 || !said.length) ? best : undefined;
}
