// Errmsg texts: clean them for display, and recognise a code from its errmsg when no number survived
// (OCR garbled it, or only the message was copied). Built from the catalog's English texts, lazily, once per
// catalog.
import type { Catalog } from '../catalog';
import { CONTEXT_ONLY_KEYS, pageWordsOf, platformKeyOf } from './attribute';
import { mayStartPhrase, phraseGate, type PhraseGate } from './phrase-gate';

/**
 * Platforms whose small numbers (10001, 20002…) are too common in logs to accept without a key: their codes
 * are only taken when keyed.
 */
const KEYED_ONLY_PLATFORMS = new Set(['xiaowei']);

/** The rid / hint / "could get access_token…" tail WeChat appends to errmsgs. */
const TAIL =
  /(?:[,，;]?\s*(?:rid|hints?|request_?id|req_id)\s*[:：=].*$)|(?:[,，]?\s*(?:could get access_token by|more (?:details|info) at|微信原始报文).*$)/is;

/**
 * Speed guards (normalizeMessage runs on every line of a log's free text): each is a cheap test that holds
 * whenever the replace after it could change the text, so skipping the replace when it fails changes nothing.
 * What TAIL needs (its words, with the separator after the id words: a logger's "[req-…]" is none): TAIL
 * itself is tried at every offset, this test only where its words start.
 */
const TAIL_WORD =
  /(?:rid|hints?|request_?id|req_id)\s*[:：=]|could get access_token by|more (?:details|info) at|微信原始报文/i;
/** Whitespace that /\s+/ → ' ' would change: a run of two, or a tab, newline, full-width space… */
const SPACES_TO_COLLAPSE = /[^\S ]| {2}/;
/** What the IP replace below needs: digits, a dot, digits, a dot, digits, a dot, a digit. */
const IP_LIKE = /\d\.\d+\.\d+\.\d/;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
/** What the three OCR-slip replaces below need: a letter beside 0, 1 or |. */
const OCR_SLIP = /[a-z][01|]|[1|][a-z]/;

/** The errmsg for display: rid tail removed, whitespace collapsed. */
export function cleanErrmsg(raw: string): string {
  const cut = TAIL_WORD.test(raw) ? raw.replace(TAIL, '') : raw;
  return (SPACES_TO_COLLAPSE.test(cut) ? cut.replace(/\s+/g, ' ') : cut).trim().slice(0, 300);
}

/** Comparable form of a message: lower case, OCR digit/letter slips undone, IPs and punctuation dropped. */
export function normalizeMessage(raw: string): string {
  let s = cleanErrmsg(raw).toLowerCase();
  if (s.includes('ipv6')) s = s.replace(/\bipv6\s+\S+/g, ' ');
  // An IP needs three dots between digits: most lines with one (a time's .117) are not asked to replace.
  if (IP_LIKE.test(s)) s = s.replace(IP, ' ');
  if (OCR_SLIP.test(s))
    s = s
      .replace(/([a-z])[1|](?=[a-z]|\b)/g, '$1l')
      .replace(/\b[1|](?=[a-z])/g, 'l')
      .replace(/([a-z])0(?=[a-z])/g, '$1o');
  return s.replace(/[^a-z0-9_\u4e00-\u9fff]+/g, ' ').trim();
}

interface Phrase {
  words: string[];
  code: string;
}

export interface MessageIndex {
  /** Codes a bare number may stand for (a WeChat entry that is not keyed-only). */
  bareCodes: Set<string>;
  /** Codes a bare number stands for only where these words name their page (attribute.ts pageWordsOf). */
  pageCodes: Map<string, RegExp>;
  /** Normalised text → the WeChat code it belongs to (see dominantCode). */
  exact: Map<string, string>;
  /** Normalised texts of each code, to confirm a bare number by the message beside it. */
  textsByCode: Map<string, string[]>;
  /** Texts several codes share equally: never matched, not even fuzzily. */
  ambiguous: Set<string>;
  /** Fuzzy answers already computed (null for none). */
  fuzzyCache: Map<string, string | null>;
  /** codeFromMessage answers by raw errmsg (null for none). */
  messageCache: Map<string, string | null>;
  /** Distinctive phrases (≥ 4 words) keyed by their first two words, for messages in free text. */
  phrases: Map<string, Phrase[]>;
  /** First words of those phrases: most words of a line start none, and need no pair key built. */
  phraseFirsts: Set<string>;
  /** Those first words' shapes (first character, length) as a table (built on first use, see firstShapes). */
  firstShapes?: Uint8Array;
  /** The test that skips normalising a line that can hold no phrase (phrase-gate.ts; built on first use). */
  phraseGate?: PhraseGate;
  /** Word → texts containing it, to narrow fuzzy matching. */
  byWord: Map<string, string[]>;
  /** 2–4 word text beginnings of one code only (built on first use). */
  prefixes?: Map<string, string>;
}

const indexes = new WeakMap<Catalog, MessageIndex>();

export function messageIndex(catalog: Catalog): MessageIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: Catalog): MessageIndex {
  const bareCodes = new Set<string>();
  const pageCodes = new Map<string, RegExp>();
  // Text → code → how many WeChat entries give that text for that code.
  const codesByText = new Map<string, Map<string, number>>();
  const textsByCode = new Map<string, string[]>();
  for (const entry of catalog.entries) {
    // WeCom, Pay and client-API codes count only in their context; the non-WeChat seed platform never.
    const key = platformKeyOf(entry);
    if (CONTEXT_ONLY_KEYS.has(key) || !/^-?\d+$/.test(entry.code)) continue;
    // A page's prompt counts only where its page is named (pageCodes); its translated text confirms nothing.
    const page = pageWordsOf(entry);
    if (page) {
      pageCodes.set(entry.code, page);
      continue;
    }
    if (!KEYED_ONLY_PLATFORMS.has(key)) bareCodes.add(entry.code);
    for (const en of [entry.en, ...entry.texts.map((t) => t.en)]) {
      const norm = en ? normalizeMessage(en) : '';
      if (!norm || /^[\d\s]*$/.test(norm)) continue;
      const codes = codesByText.get(norm) ?? new Map<string, number>();
      codes.set(entry.code, (codes.get(entry.code) ?? 0) + 1);
      codesByText.set(norm, codes);
      const list = textsByCode.get(entry.code) ?? [];
      if (!list.includes(norm)) list.push(norm);
      textsByCode.set(entry.code, list);
    }
  }
  const exact = new Map<string, string>();
  const ambiguous = new Set<string>();
  const phrases = new Map<string, Phrase[]>();
  const phraseFirsts = new Set<string>();
  const byWord = new Map<string, string[]>();
  for (const [text, codes] of codesByText) {
    const code = dominantCode(codes);
    if (!code) {
      ambiguous.add(text);
      continue;
    }
    exact.set(text, code);
    const words = text.split(' ');
    for (const w of new Set(words)) {
      if (w.length < 4) continue;
      const list = byWord.get(w) ?? [];
      list.push(text);
      byWord.set(w, list);
    }
    if (words.length >= 4 && text.length >= 20) {
      const key = `${words[0]} ${words[1]}`;
      const list = phrases.get(key) ?? [];
      list.push({ words, code });
      phrases.set(key, list);
      phraseFirsts.add(words[0]);
    }
  }
  return {
    bareCodes,
    pageCodes,
    exact,
    ambiguous,
    fuzzyCache: new Map(),
    messageCache: new Map(),
    textsByCode,
    phrases,
    phraseFirsts,
    byWord,
  };
}

/**
 * The code a shared text stands for: the one most platforms list with it ("invalid appid" is 40013 on four
 * platforms and 61306, 80113… on one each). No code when the top is shared.
 */
function dominantCode(codes: Map<string, number>): string | undefined {
  let best: string | undefined;
  let top = 0;
  let tie = false;
  for (const [code, n] of codes) {
    if (n > top) {
      best = code;
      top = n;
      tie = false;
    } else if (n === top) tie = true;
  }
  return tie ? undefined : best;
}

/** Dice coefficient over character bigrams (spaces kept): robust to a few OCR slips. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      grams.set(g, n - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}

const FUZZY_MIN = 0.86;

/** The code an errmsg belongs to, when exactly one WeChat code has that text (or one very close to it). */
export function codeFromMessage(index: MessageIndex, raw: string): string | undefined {
  return remembered(index.messageCache, raw, () => messageCode(index, raw));
}

/**
 * Logs repeat the same lines: answers are remembered (null for none) in a cache that is emptied when it passes
 * 20,000 keys, so a huge paste cannot grow it forever.
 */
export function remembered<T>(
  cache: Map<string, T | null>,
  key: string,
  compute: () => T | undefined,
): T | undefined {
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const answer = compute();
  if (cache.size > 20000) cache.clear();
  cache.set(key, answer ?? null);
  return answer;
}

function messageCode(index: MessageIndex, raw: string): string | undefined {
  // A client errMsg names its API first: "request:fail url not in domain list" is "url not in domain list".
  const failed = /^\s*[\w.]+:fail\s+(\S+\s+\S.*)$/.exec(raw);
  if (failed)
    return codeFromMessage(index, failed[1]) ?? codeFromMessage(index, raw.replace(':fail', ' fail'));
  const norm = normalizeMessage(raw);
  if (norm.length < 6) return undefined;
  const hit = index.exact.get(norm);
  if (hit) return hit;
  if (norm.length < 12 || index.ambiguous.has(norm)) return undefined;
  return remembered(index.fuzzyCache, norm, () => fuzzyCode(index, norm));
}

function fuzzyCode(index: MessageIndex, norm: string): string | undefined {
  const candidates = new Set<string>();
  for (const w of norm.split(' ')) for (const t of index.byWord.get(w) ?? []) candidates.add(t);
  let best = 0;
  let bestCodes = new Set<string>();
  for (const text of candidates) {
    if (Math.abs(text.length - norm.length) > norm.length * 0.3) continue;
    const score = dice(norm, text);
    const code = index.exact.get(text) as string;
    if (score > best + 1e-9) {
      best = score;
      bestCodes = new Set([code]);
    } else if (Math.abs(score - best) <= 1e-9) bestCodes.add(code);
  }
  return best >= FUZZY_MIN && bestCodes.size === 1 ? [...bestCodes][0] : undefined;
}

/** True when a normalised line contains one of the code's texts (two words or more). */
export function lineMentionsMessageOf(index: MessageIndex, code: string, normLine: string): boolean {
  for (const text of index.textsByCode.get(code) ?? []) {
    if (text.includes(' ') && normLine.includes(text)) return true;
  }
  return false;
}

/** Codes whose distinctive phrase appears in a line of free text (no key, no number). */
export function codesFromPhrases(index: MessageIndex, line: string): { code: string; at: number }[] {
  return mayStartPhrase(linePhraseGate(index), line) ? phrasesIn(index, line) : [];
}

/** The phrase gate of an index (phrase-gate.ts), built on first use. */
export function linePhraseGate(index: MessageIndex): PhraseGate {
  return (index.phraseGate ??= phraseGate(index.phraseFirsts, index.phrases.keys(), {
    tail: TAIL_WORD,
    ipLike: IP_LIKE,
    ip: IP,
  }));
}

/** codesFromPhrases without its gate (tests hold the gate to it). */
export function phrasesIn(index: MessageIndex, line: string): { code: string; at: number }[] {
  const norm = normalizeMessage(line);
  if (norm.length < 20 || !startsPhrasePair(index, norm)) return [];
  const words = norm.split(' ');
  const found: { code: string; at: number }[] = [];
  for (let i = 0; i + 3 < words.length; i++) {
    if (!index.phraseFirsts.has(words[i])) continue;
    const list = index.phrases.get(`${words[i]} ${words[i + 1]}`);
    if (!list) continue;
    for (const phrase of list) {
      if (i + phrase.words.length > words.length) continue;
      let same = 0;
      for (let k = 0; k < phrase.words.length; k++) if (words[i + k] === phrase.words[k]) same++;
      // Every word, or all but one for long phrases (one OCR slip).
      if (same === phrase.words.length || (phrase.words.length >= 6 && same >= phrase.words.length - 1)) {
        found.push({ code: phrase.code, at: i });
        break;
      }
    }
  }
  return found;
}

/** A word's shape: its first character (folded to 7 bits) and its length (up to 31). */
const shapeOf = (first: number, length: number) => ((first & 127) << 5) | Math.min(length, 31);

function firstShapes(index: MessageIndex): Uint8Array {
  const table = new Uint8Array(128 << 5);
  for (const w of index.phraseFirsts) table[shapeOf(w.charCodeAt(0), w.length)] = 1;
  return table;
}

/**
 * Speed (asked for every line of a log's free text): true when a word of the normalised line, with three words
 * after it, starts a phrase pair, as codesFromPhrases' loop asks, but without splitting the line: a word whose
 * shape no first word has is passed over unsliced, and a pair is looked up as the line's own substring.
 */
function startsPhrasePair(index: MessageIndex, norm: string): boolean {
  const shapes = (index.firstShapes ??= firstShapes(index));
  let words = 1;
  for (let i = norm.indexOf(' '); i !== -1; i = norm.indexOf(' ', i + 1)) words++;
  for (let w = 0, start = 0; w + 3 < words; w++) {
    // Words are one space apart (normalizeMessage): word w + 1 and w + 2 exist here.
    const end = norm.indexOf(' ', start);
    if (
      shapes[shapeOf(norm.charCodeAt(start), end - start)] &&
      index.phraseFirsts.has(norm.slice(start, end))
    )
      if (index.phrases.has(norm.slice(start, norm.indexOf(' ', end + 1)))) return true;
    start = end + 1;
  }
  return false;
}

/**
 * A catalog errmsg written in prose right after an error word ("公众号发模版消息一直报invalid ip，…", "显示失败：
 * invalid webhook url"): the words that follow are the start of exactly one code's text (two words at least).
 */
export function codesAfterErrorWords(
  index: MessageIndex,
  line: string,
): { code: string; at: number; length: number }[] {
  const found: { code: string; at: number; length: number }[] = [];
  const prefixes = (index.prefixes ??= buildPrefixes(index));
  for (const m of line.matchAll(
    /(?:报错?|提示|出现|显示|失败[:：]?|错误[:：]?|\berror(?![ \t]+codes?\b)[:：]?)\s*([A-Za-z][A-Za-z_ /'-]{4,60})/gi,
  )) {
    const words = normalizeMessage(m[1]).split(' ');
    for (let k = Math.min(4, words.length); k >= 2; k--) {
      const code = prefixes.get(words.slice(0, k).join(' '));
      if (!code) continue;
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      found.push({ code, at, length: m[1].length });
      break;
    }
  }
  return found;
}

/** 2- to 4-word beginnings of the catalog texts that belong to one code only. */
function buildPrefixes(index: MessageIndex): Map<string, string> {
  const codes = new Map<string, Set<string>>();
  for (const [text, code] of index.exact) {
    const words = text.split(' ');
    for (let k = 2; k <= Math.min(4, words.length); k++) {
      const key = words.slice(0, k).join(' ');
      const set = codes.get(key) ?? new Set<string>();
      set.add(code);
      codes.set(key, set);
    }
  }
  const unique = new Map<string, string>();
  for (const [key, set] of codes) if (set.size === 1 && key.length >= 8) unique.set(key, [...set][0]);
  return unique;
}

/**
 * An errmsg as WeChat's servers end it, quoted without its errcode: "invalid appsecret, view more at
 * http://t.cn/…", "WeChatAPIError: invalid appid hint: [ZE0810ge30]", "… rid: 6425…". The words before the
 * suffix must be exactly one code's catalog text.
 */
const SUFFIXED =
  /(?:^|[:：]\s*|["'\s])([A-Za-z][A-Za-z_ ]{3,60}?)\s*(?:,\s*view more at\b|,?\s*hints?\s*:\s*\[|,?\s*rid\s*:)/g;

export function codesBeforeWechatSuffix(
  index: MessageIndex,
  line: string,
): { code: string; at: number; length: number }[] {
  const found: { code: string; at: number; length: number }[] = [];
  if (!/view more at|hints?\s*:|rid\s*:/i.test(line)) return found;
  for (const m of line.matchAll(SUFFIXED)) {
    const norm = normalizeMessage(m[1]);
    const code = index.ambiguous.has(norm) ? undefined : index.exact.get(norm);
    if (code) found.push({ code, at: (m.index ?? 0) + m[0].indexOf(m[1]), length: m[1].length });
  }
  return found;
}
