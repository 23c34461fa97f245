// Candidate numbers: keyed ones (errcode: 40001, 错误码：40029, <errcode>…) and bare ones in prose or logs,
// with the context rules that tell a WeChat code from the other numbers of a log line.
import { LineIndex, parseCodeToken } from './text';

export interface Candidate {
  code: string;
  /** Offset of the number in the text. */
  offset: number;
  /** Offset just after the number. */
  end: number;
  keyed: boolean;
  /** errcode/errCode/错误码…: any non-zero integer counts. Weak keys (code, ret, error) need a known code. */
  strong: boolean;
  /** The key as written (keyed candidates only): errcode, errorCode, code… */
  key?: string;
  /** A bare number glued to words ("invalid credential(40001)", "#40029 - …"): kept only beside its errmsg. */
  confirm?: boolean;
}

/** errcode, errCode, err_code, errorCode, errno, error code, 错误码… (OCR: errc0de). */
const STRONG_KEY =
  /^(?:err[\s_-]?c[o0]de|err_?no|err_?num|error[\s_-]?code|errorcode|return_?code|错误\s?code|错误码|错误代码|返回码|错误编号|错误号)$/i;
const ERRNO_KEY = /^err_?no$/i;
const KEYED = new RegExp(
  // key
  '(err[\\s_-]?c[o0]de|err_?no|err_?num|error[\\s_-]?code|errorcode|return_?code|错误\\s?code|错误码|错误代码|返回码|错误编号|错误号|ret_?code|ret|code|Exception|error|err)' +
    // closing quotes/brackets, then a separator (optional for strong keys), then opening quotes/brackets
    '([\\\\"\'\\])>\\s]*(?:=>|[:=：]|\\bis\\b|为|是)?[\\s\\\\"\'(\\[]*)' +
    // PHP var_dump wrappers: int(40001), string(5) "40001"
    '(?:int\\(|string\\(\\d+\\)\\s*["\']?)?' +
    // the value: digits with OCR slips, maybe split by one space or line break ("40 029", "400\n01"), or
    // letter-spaced by OCR ("4 0 1 2 5": up to 6 more single-space gaps)
    '([-－—–]?[0-9０-９OIl|][0-9０-９OIl|]*(?:[ \\t]*\\r?\\n?[ \\t]*[0-9０-９][0-9０-９OIl|]*)?(?: [0-9０-９OIl|](?![0-9０-９OIl|])){0,6})',
  'gi',
);

/**
 * What may follow a keyed value: anything that ends a token ("Error: 45011: api minute-quota…" included),
 * not a letter, digit, '#', '?', "12:30"…
 */
const VALUE_END = /^(?:$|[\s,;}\]"')>|&，。；：）」】<\\`]|:\s|\.(?:0+\b|\D|$))/;

export function keyedCandidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(KEYED)) {
    const at = m.index ?? 0;
    const key = m[1];
    // Glued to a word, a key is part of it ("errcode_count"), except an exception class: WeChatAPIError: 40001.
    const exceptionName = /^(?:Error|Exception)$/.test(key) && /^\s*:/.test(m[2]);
    if (at > 0 && /[A-Za-z0-9_]/.test(text.charAt(at - 1)) && !exceptionName) continue;
    const separator = m[2];
    const strong = STRONG_KEY.test(key);
    const explicit = /=>|[:=：]|is|为|是/.test(separator);
    if (!strong && !explicit) continue;
    // A key at the end of one line does not key a number on the next ("错误码\n    '4019'=>…").
    if (!explicit && separator.includes('\n')) continue;
    // A key at the end of a word ("errcode_count", "codeName") is not a key.
    if (/[A-Za-z]/.test(text.charAt(at + key.length))) continue;
    const valueStart = at + m[0].length - m[3].length;
    const value = pickValue(m[3]);
    if (!value) continue;
    const end = valueStart + value.length;
    if (!VALUE_END.test(text.slice(end, end + 3))) continue;
    const code = parseCodeToken(value, 2);
    if (!code || code === '0' || code === '-0') continue;
    const digits = code.replace('-', '').length;
    if (digits > 8) continue;
    if (ERRNO_KEY.test(key) && digits < 5 && !/:fail/.test(lineAround(text, at))) continue;
    found.push({ code, offset: valueStart, end, keyed: true, strong, key });
  }
  return found;
}

/** "40 029" and "400\n01" are one number; "40001 45011" are two; "0 1710209233" is a zero and a timestamp. */
function pickValue(raw: string): string | undefined {
  const gap = /\s+/.exec(raw);
  if (!gap) return raw;
  const groups = raw.trim().split(/\s+/);
  // OCR letter-spacing: every group one character, 5–7 of them ("4 0 1 2 5") — one number.
  if (groups.length >= 5 && groups.every((g) => g.replace(/^[-－—–]/, '').length === 1))
    return raw.replace(/\s+$/, '');
  const first = raw.slice(0, gap.index);
  const firstDigits = first.replace(/^[-－—–]/, '').length;
  // Otherwise only the first two groups may form one number.
  const next = /\s+/.exec(raw.slice(gap.index + gap[0].length));
  const two = next ? raw.slice(0, gap.index + gap[0].length + next.index) : raw.replace(/\s+$/, '');
  const joined = two.replace(/\s+/g, '').replace(/^[-－—–]/, '');
  if (firstDigits >= 2 && firstDigits < 5 && joined.length <= 7) return two;
  return first;
}

function lineAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to === -1 ? text.length : to);
}

/**
 * Bare numbers that could be codes: 5–7 digits (6 for cloud codes with a minus), OCR slips allowed but at
 * least 3 real digits. Boundaries are checked in code (no lookbehind, see text.ts).
 */
const BARE = /-?[0-9０-９][0-9０-９OIl|]{4,6}(?![A-Za-z0-9_|])/g;

/** Characters that, right before a number, make it part of something else: a path, an id, a version. */
const GLUED_BEFORE = /[A-Za-z0-9_.\-+#@$¥￥/\\%&~*^]/;

/** Words that, right before a number, say what it counts or identifies. */
const NOISE_BEFORE = new Set(
  (
    'pid tid ppid thread threads process proc worker job task port ports line lines ln row rows col column id ids uid gid ' +
    'user userid users order orders no num number size len length count total amount price fee fees version ver build ' +
    'release rev revision step attempt attempts retry retries page pages offset seq index idx item items sku event events ' +
    'issue issues pr pull ticket tel phone mobile zip postcode qq room pin otp sms captcha took cost costs elapsed ' +
    'latency duration timeout ttl wait waited sleep delay after in within for bytes size: memory mem cpu heap rss qps tps ' +
    'rank score level lvl age weight height width x y z lat lng latitude longitude accuracy speed altitude balance ' +
    'inventory stock quantity qty max min limit limits'
  ).split(' '),
);
const NOISE_BEFORE_ZH =
  /(?:端口|进程|进程号|线程|行号|第|订单|订单号|单号|工号|学号|编号为|用户|用户id|金额|价格|余额|数量|共计|共|尾号|邮编|电话|手机|手机号|版本|版本号|房间|房间号|耗时|用时|大小|长度|序号|批次|条数|数量为|库存|积分|验证码|密码|超时|等待)$/;
/** Units and counted nouns that, right after a number, say it is a quantity. */
const NOISE_AFTER = new Set(
  (
    'ms s sec secs second seconds min mins minute minutes h hr hrs hour hours d day days w week weeks us ns b byte bytes ' +
    'kb mb gb tb k m g px rpx pt em rem vw vh dp users items records rows lines requests reqs times events words chars ' +
    'characters files retries messages msgs orders tasks jobs threads processes calls hits visits views pv uv ops qps tps'
  ).split(' '),
);
const NOISE_AFTER_ZH =
  /^(?:端口|号|元|分|角|块|件|个|次|条|行|人|位|秒|毫秒|分钟|小时|天|周|月|年|字节|像素|张|份|单|笔|台|页|岁|米|公里|积分|库存)/;

/**
 * Words that make an error reading likely: the line talks about a failure or an error code, or (chat) says
 * a number happened: "又 42001 了", "一直出现 45009", "we keep hitting 45011".
 */
const TRIGGER =
  /报错|收到|错误|出错|失败|异常|返回|报了?|提示|码|出现|遇到|碰到|警告|告警|又是?\s*-?\d|一直|老是|总是|\d\s*了|error|\berr\b|\[err\]|fail|exception|errmsg|errcode|invalid|refuse|denied|unauthori[sz]ed|forbidden|exceed|reject|\breturns?\b|\breturned\b|\bgot\b|\bgetting\b|\bthrows?\b|\bhit(?:ting)?\b|\bseeing\b/i;

/** A key before the number ("port: ", "cost=", "<total_fee>", "Key (id)=("): the number is that field's value. */
export const KEY_BEFORE = /([A-Za-z_][\w-]*|[\u4e00-\u9fff]+)\)?["'\]\\]*[ \t]*(?:=>|[:=：])[ \t]*["'([]*$/;
const TAG_BEFORE = /<([A-Za-z_][\w-]*)>[ \t]*$/;
const CODE_KEY_WORD =
  /^(?:err_?code|errcode|error_?code|errno|err_?no|code|ret_?code|ret|error|err|errorcode)$/i;
const ERROR_KEY_ZH = /错|码|失败|异常|报|提示|返回/;
/** ASCII words before a colon that say an error happened ("An unexpected error occurred: 40007: …"). */
const ERROR_KEY_EN = /^(?:occurred|failed|failure)$/i;

export interface BareJudge {
  /** The line holds an error word. */
  trigger: boolean;
}

/** A bare number of a line text: where it is, its code, and (once asked) the candidate its surroundings leave. */
interface LineNumber {
  column: number;
  raw: string;
  code: string | undefined;
  /** Line-relative; null when its surroundings make it no code; undefined until first asked. */
  candidate?: Candidate | null;
}

/**
 * Bare candidates of a whole text, by line. A line is only sliced when it holds a number. In a text of
 * repeated lines (`same`: each line's first line with its text, TextContext.repeats), each distinct line is
 * read once: its numbers and the tests on their surroundings (which look no further than the line) are
 * remembered, so a repeat costs a lookup. `mayBeCode` (the catalog knows the number) is asked for every
 * occurrence, before the costlier tests; the offsets already taken are skipped.
 */
export function bareCandidatesByLine(
  text: string,
  lines: LineIndex,
  taken: Set<number>,
  mayBeCode: (code: string, line: number) => boolean,
  same?: Int32Array,
): Map<number, Candidate[]> {
  const byLine = new Map<number, Candidate[]>();
  const add = (line: number, c: Candidate) => {
    const list = byLine.get(line);
    if (list) list.push(c);
    else byLine.set(line, [c]);
  };
  if (!same) {
    let line = 0;
    for (const m of text.matchAll(BARE)) {
      const at = m.index ?? 0;
      // Matches come in text order: move the line forward instead of searching for it.
      while (line + 1 < lines.count && lines.start(line + 1) <= at) line++;
      if (taken.has(at)) continue;
      // Most numbers of a log (ids, sizes, times) are no catalog code: ask that first, it is one lookup.
      const code = parseCodeToken(m[0], 3);
      if (!code || !mayBeCode(code, line)) continue;
      const c = candidateIn(text, lines.start(line), lines.end(line), at, m[0], code);
      if (c) add(line, c);
    }
    return byLine;
  }
  const seen = new Map<number, LineNumber[]>();
  const first = new RegExp(BARE.source, 'g');
  let line = 0;
  for (let m = first.exec(text); m; m = first.exec(text)) {
    // Matches come in text order: move the line forward instead of searching for it.
    while (line + 1 < lines.count && lines.start(line + 1) <= m.index) line++;
    const start = lines.start(line);
    const end = lines.end(line);
    // The rest of the line is read from its remembered numbers.
    first.lastIndex = Math.max(end, first.lastIndex);
    let numbers = seen.get(same[line]);
    if (!numbers) {
      numbers = numbersOf(text.slice(start, end));
      seen.set(same[line], numbers);
    }
    for (const n of numbers) {
      const at = start + n.column;
      // Most numbers of a log (ids, sizes, times) are no catalog code: ask that first, it is one lookup.
      if (taken.has(at) || !n.code || !mayBeCode(n.code, line)) continue;
      if (n.candidate === undefined) {
        const lineText = text.slice(start, end);
        n.candidate = candidateIn(lineText, 0, lineText.length, n.column, n.raw, n.code);
      }
      if (!n.candidate) continue;
      add(line, { ...n.candidate, offset: at, end: start + n.candidate.end });
    }
  }
  return byLine;
}

/** The bare numbers of one line, in order (the same matches BARE finds in the whole text: none spans a line). */
function numbersOf(lineText: string): LineNumber[] {
  const numbers: LineNumber[] = [];
  for (const m of lineText.matchAll(BARE))
    numbers.push({ column: m.index ?? 0, raw: m[0], code: parseCodeToken(m[0], 3) });
  return numbers;
}

/** The candidate at `at` on the line [lineStart, lineEnd), or null when its surroundings make it no code. */
function candidateIn(
  text: string,
  lineStart: number,
  lineEnd: number,
  at: number,
  raw: string,
  code: string,
): Candidate | null {
  const c = candidateAt(text, lineStart, lineEnd, at, raw, code);
  if (!c) return null;
  // A confirmed number is kept only beside its own errmsg: the word before it ("size (40016)") is that
  // errmsg's, not a counted noun.
  return passesNoise(text, lineStart, lineEnd, at, c.end, c.confirm) ? c : null;
}

/** The number at `at` if its surroundings do not make it part of something else (cheap character tests). */
function candidateAt(
  text: string,
  lineStart: number,
  lineEnd: number,
  at: number,
  raw: string,
  code: string,
): Candidate | undefined {
  const prev = at > lineStart ? text.charAt(at - 1) : '';
  const prev2 = at - 2 >= lineStart ? text.charAt(at - 2) : '';
  const end = at + raw.length;
  const next = text.slice(end, Math.min(end + 3, lineEnd));
  // Glued to a word, the number is only a code when its errmsg is beside it: "invalid credential(40001)",
  // "40029-invalid code", "#40029 - INVALID_CODE". Otherwise it is a call, an id, a path.
  let confirm = false;
  // "invalid button size (40016)": a code in brackets after its errmsg, with or without a space before.
  const prev3 = at - 3 >= lineStart ? text.charAt(at - 3) : '';
  if (
    prev === '(' &&
    (/[A-Za-z]/.test(prev2) || (prev2 === ' ' && /[A-Za-z]/.test(prev3))) &&
    next.charAt(0) === ')'
  )
    confirm = true;
  else if (prev === '#' && /^(?: - |: |：)/.test(next)) confirm = true;
  // Markdown bold ("- **13000** 当前设备不支持NFC"): the stars set the number off, they glue it to nothing.
  else if (prev === '*' && prev2 === '*' && next.startsWith('**')) confirm = false;
  else if (prev && GLUED_BEFORE.test(prev)) return undefined;
  else if (prev === ':' && /[A-Za-z0-9_)\]]/.test(prev2)) return undefined;
  else if (prev === '(' && /[A-Za-z0-9_]/.test(prev2)) return undefined;
  if (/^-[A-Za-z]/.test(next) || /^\((?!\d)/.test(next)) confirm = true;
  else if (/^[.:,\-/][A-Za-z0-9]/.test(next) || /^[#@]/.test(next)) return undefined;
  if (ocrLetters(raw) > 2) return undefined;
  // -6 digits (cloud), or -5 (虚拟支付's -15013, WXBizMsgCrypt's -40005: the catalog knows few, all in context).
  if (code.startsWith('-') && code.length !== 7 && code.length !== 6) return undefined;
  return { code, offset: at, end, keyed: false, strong: false, confirm };
}

/** How many OCR letters (O, I, l, |) stand for digits in a number (char tests: asked for every candidate). */
function ocrLetters(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 79 || c === 73 || c === 108 || c === 124) n++;
  }
  return n;
}

/** The words before and after the number: a field, a counted noun, a unit. */
function passesNoise(
  text: string,
  lineStart: number,
  lineEnd: number,
  at: number,
  end: number,
  confirmed = false,
): boolean {
  if (!confirmed && isNoiseBefore(text.slice(Math.max(lineStart, at - 40), at))) return false;
  return !isNoiseAfter(text.slice(end, Math.min(end + 16, lineEnd)));
}

/** The rules' test of the text before a number: it is another field's value or a counted noun's (learned pass too). */
export function isNoiseBefore(before: string): boolean {
  // The key patterns only apply when a separator ends the text before: test that cheaply first.
  const key = endsWithSeparator(before) ? KEY_BEFORE.exec(keyTail(before)) : null;
  if (key) {
    const word = key[1];
    if (/[\u4e00-\u9fff]/.test(word)) return !ERROR_KEY_ZH.test(word);
    // A code key is handled by the keyed scan; any other key means the number is that field's value.
    return !ERROR_KEY_EN.test(word);
  }
  const tag = before.endsWith('>') || /> *$/.test(before) ? TAG_BEFORE.exec(before) : null;
  if (tag) return !CODE_KEY_WORD.test(tag[1]);
  // nginx "… HTTP/1.1" 200 45011: the body size after an HTTP status.
  if (/(?:^|\s|")[1-5]\d\d\s+$/.test(before)) return true;
  const word = WORD_BEFORE.exec(wordTail(before));
  if (!word) return false;
  if (/[\u4e00-\u9fff]/.test(word[1])) return NOISE_BEFORE_ZH.test(word[1]);
  return NOISE_BEFORE.has(word[1].toLowerCase());
}

/** The word before a number (and the spaces or brackets between them). */
export const WORD_BEFORE = /([A-Za-z][A-Za-z_]*|[\u4e00-\u9fff]+)[\s[(（#]*$/;

// Speed: KEY_BEFORE and WORD_BEFORE end at $ but a regex engine tries them from every offset (quadratic on a
// run of word characters). A match is made only of the characters its pattern names, so it lies within the
// longest tail of such characters: matching that tail alone gives the same answer. The character sets below
// must cover every character the patterns can match (test/core/extract-speed.test.ts checks it).
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** Punctuation of KEY_BEFORE: ) " ' ] \ space tab = > : ： ( [ (and - of [\w-]). */
const KEY_PUNCT = new Set([
  0x29, 0x22, 0x27, 0x5d, 0x5c, 0x20, 0x09, 0x3d, 0x3e, 0x3a, 0xff1a, 0x28, 0x5b, 0x2d,
]);
const isKeyChar = (c: number) =>
  isLetter(c) || (c >= 48 && c <= 57) || c === 95 || isCjk(c) || KEY_PUNCT.has(c);
/** Brackets of WORD_BEFORE: [ ( （ #. */
const isWordTailChar = (c: number) =>
  isLetter(c) || c === 95 || isCjk(c) || isSpace(c) || c === 0x5b || c === 0x28 || c === 0xff08 || c === 0x23;

function tailOf(text: string, keep: (c: number) => boolean): string {
  let i = text.length;
  while (i > 0 && keep(text.charCodeAt(i - 1))) i--;
  return i === 0 ? text : text.slice(i);
}

/** The tail of `before` a KEY_BEFORE match can lie in. */
export const keyTail = (before: string) => tailOf(before, isKeyChar);
/** The tail of `before` a WORD_BEFORE match can lie in. */
export const wordTail = (before: string) => tailOf(before, isWordTailChar);

/** /[:=：>"'([]\s*$/: the last character that is not a space is a separator (char tests, from the end). */
export function endsWithSeparator(before: string): boolean {
  let i = before.length - 1;
  while (i >= 0 && isSpace(before.charCodeAt(i))) i--;
  return i >= 0 && ':=：>"\'(['.includes(before.charAt(i));
}

/** The rules' test of the text after a number: a unit or counted noun follows it (learned pass too). */
export function isNoiseAfter(after: string): boolean {
  // Spring Boot: "ERROR 40164 --- [main]" puts the pid there.
  if (/^\s+---\s/.test(after)) return true;
  if (/^\s*%/.test(after)) return true;
  const zh = /^\s*([\u4e00-\u9fff]+)/.exec(after);
  if (zh) return NOISE_AFTER_ZH.test(zh[1]);
  const word = /^\s?([A-Za-z]+)\b/.exec(after);
  return word ? NOISE_AFTER.has(word[1].toLowerCase()) : false;
}

export function hasTrigger(line: string): boolean {
  return TRIGGER.test(line);
}
