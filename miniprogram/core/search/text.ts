// Text normalisation and tokenising shared by the index and the query. Pure TypeScript (no wx, no Node).
// Every transform here maps one UTF-16 unit to one unit, so token offsets are offsets into the original text
// (that is what highlight ranges need).

/** Full-width ASCII → half-width, ideographic space → space, upper → lower case. Same length as the input. */
export function foldChars(text: string): string {
  // One native scan: most catalog texts need nothing (no capitals, no full-width marks).
  return NEEDS_FOLD.test(text) ? foldAny(text) : text;
}

/**
 * A character foldChars changes, or might: a capital, a full-width form, the ideographic space, or anything
 * outside ASCII and the characters lower-casing leaves alone (general punctuation 2000–206f, CJK punctuation
 * 3001–303f, Han, half-width forms ff5f–ffef).
 */
const NEEDS_FOLD = /[A-Z\u0080-\u1fff\u2070-\u3000\u3040-\u33ff\ua000-\uf8ff\ufb00-\uff5e\ufff0-\uffff]/;

/** Any text (other scripts, accents): a regex pass and lower case, character by character if the length changes. */
function foldAny(text: string): string {
  const folded = text.replace(FULL_WIDTH, fullToHalf).toLowerCase();
  return folded.length === text.length ? folded : foldSlowly(text);
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

function fullToHalf(c: string): string {
  return c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

/** Character by character, for the rare text whose lower case changes length ("İ"). */
function foldSlowly(text: string): string {
  let out = '';
  for (const c of text) {
    const lower = c.replace(FULL_WIDTH, fullToHalf).toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

export function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** A run of one script in folded text: an English/number word, or a run of Han characters. */
export interface Run {
  text: string;
  start: number;
  end: number;
  han: boolean;
}

/**
 * Words ([a-z0-9]+; "_", "-", "." and spaces separate them, so "access_token" is "access" + "token") and
 * Han runs, from folded text. Chinese particles that carry no meaning split Han runs.
 */
export function runs(folded: string, hanStops?: string): Run[] {
  const out: Run[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(folded.charCodeAt(j))) j++;
      out.push({ text: folded.slice(i, j), start: i, end: j, han: false });
      i = j;
    } else if (isHan(c) && !(hanStops && hanStops.includes(folded[i]))) {
      let j = i + 1;
      while (j < n && isHan(folded.charCodeAt(j)) && !(hanStops && hanStops.includes(folded[j]))) j++;
      out.push({ text: folded.slice(i, j), start: i, end: j, han: true });
      i = j;
    } else i++;
  }
  return out;
}

/** Words users and sources leave out of meaning ("please check the …"). */
export const EN_STOP = new Set(
  (
    'a an the is are was were be been being of to or and for by at on in with this that these those please it its ' +
    'i my me we our you your he she they has have had do does did can could should would will may maybe than then ' +
    'there so as if into from which what when while via'
  ).split(' '),
);

/** Chinese particles that split a query's Han run (they never decide which code is meant). */
export const ZH_STOP_CHARS = '的了吗呢啊吧呀嘛哦么';

/** Two words that users and sources write either split or joined: both become the joined form. */
export const COMPOUNDS: ReadonlyMap<string, string> = new Map([
  ['white list', 'whitelist'],
  ['black list', 'blacklist'],
  ['app id', 'appid'],
  ['app secret', 'appsecret'],
  ['open id', 'openid'],
  ['union id', 'unionid'],
  ['time out', 'timeout'],
  ['wi fi', 'wifi'],
  ['log in', 'login'],
  ['sign in', 'login'],
  ['re login', 'relogin'],
  ['head img', 'headimg'],
]);

/** Joined words that sources write split ("accesstoken" is "access" + "token" everywhere else). */
export const SPLITS: ReadonlyMap<string, string[]> = new Map([
  ['accesstoken', ['access', 'token']],
  ['refreshtoken', ['refresh', 'token']],
  ['sessionkey', ['session', 'key']],
  ['templateid', ['template', 'id']],
  ['mediaid', ['media', 'id']],
  ['webhookurl', ['webhook', 'url']],
  ['errcode', ['errcode']],
  ['jssdk', ['js', 'sdk']],
  ['getjsconfig', ['js', 'config']],
]);

/** Plural and third-person "s" off long words, so "limits" meets "limit". */
export function stem(word: string): string {
  const n = word.length;
  if (n > 4 && word.charCodeAt(n - 1) === 115) {
    // Not after s, u or i ("class", "status", "analysis").
    const before = word.charCodeAt(n - 2);
    if (before !== 115 && before !== 117 && before !== 105) return word.slice(0, -1);
  }
  return word;
}
