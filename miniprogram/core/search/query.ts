// What a user typed or pasted → the code(s) it names and the words that are left. Pure TypeScript.
// Pasted bodies carry noise that matches nothing useful: trace ids (rid, hint, req_id), URLs, IP addresses,
// JSON keys and "api:fail" prefixes of mini-program errMsg strings.
import { aboutAnotherService } from './foreign';
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

/** Names of code fields in bodies and logs, followed by the code. */
const CODE_FIELD =
  /(?:errcode|err_code|errno|error_?code|ret_?code|"code"|返回码|错误码|错误代码)["'\s]*[:=：]?\s*["']?(-?\d+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)/g;
const JSON_KEYS =
  /["']?\b(?:errcode|errmsg|errno|err_code|err_msg|error_code|error_msg|message)\b["']?\s*[:=：]?/g;
/** A number standing alone: not part of a version, an IP, a word or a time. */
const LONE_NUMBER = /(^|[^\w.:-])(-?\d+)(?![\w.:])/g;

const DIGITS = /^[-－—–+]?[0-9\uff10-\uff19]+$/;

export function normalizeQueryCode(raw: string): string {
  const s = foldChars(raw.trim())
    .replace(/^[－—–]/, '-')
    .replace(/^\+/, '');
  return /^-?\d+$/.test(s) ? s.replace(/^(-?)0+(?=\d)/, '$1') : s.toUpperCase();
}

/** hasCode tells whether a normalised code is in the catalog. */
export function parseQuery(query: string, hasCode: (code: string) => boolean): ParsedQuery {
  const trimmed = query.trim();
  const open = !/\s$/.test(query);
  if (DIGITS.test(trimmed.replace(/\s+/g, ''))) {
    return { wholeCode: normalizeQueryCode(trimmed.replace(/\s+/g, '')), codes: [], text: '', open };
  }
  // A string code: with underscores (API_SYS_REQSIGN), or typed in capitals as logs print it (NOTENOUGH;
  // "error" in lower case stays a word, though WeChat Pay has a code ERROR).
  const stringCode = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/i.test(trimmed) || /^[A-Z][A-Z0-9]{3,}$/.test(trimmed);
  if (stringCode && hasCode(normalizeQueryCode(trimmed)))
    return { wholeCode: normalizeQueryCode(trimmed), codes: [], text: '', open };

  let text = foldChars(query);
  const foreign = aboutAnotherService(text);
  for (const re of NOISE) text = text.replace(re, ' ');
  const codes: string[] = [];
  const addCode = (raw: string): void => {
    let code = normalizeQueryCode(raw);
    // Cloud codes are negative; logs and titles drop the sign ("errCode 501007" for -501007).
    if (/^\d+$/.test(code) && !hasCode(code) && hasCode('-' + code)) code = '-' + code;
    if (!codes.includes(code) && hasCode(code)) codes.push(code);
  };
  text = text.replace(CODE_FIELD, (_, code: string) => {
    addCode(code);
    return ' ';
  });
  text = text.replace(JSON_KEYS, ' ');
  text = text.replace(LONE_NUMBER, (whole, lead: string, num: string) => {
    // Small positive numbers are counts ("每天5次"), not codes.
    if (!num.startsWith('-') && num.length < 4) return whole;
    const before = codes.length;
    addCode(num);
    return codes.length > before || num.length >= 5 ? lead + ' ' : whole;
  });
  return { codes, text, open, foreign };
}
