// Codes from Chinese wording: "接口调用超过限制", "今日接口调用次数已达上限" are the catalog's Chinese texts (or
// close to them) with no number. Built once per catalog, lazily: every Chinese clause of every entry, indexed by
// character bigram, so that a line costs a few map lookups, never a pass over the catalog.
import type { Catalog } from '../catalog';
import type { Entry } from '../types';
import { CONTEXT_ONLY_KEYS, platformKeyOf } from './attribute';

interface Clause {
  text: string;
  grams: number;
  entries: Entry[];
  /** Its bigrams, once a closeness test has asked for them. */
  gramSet?: Set<string>;
}

interface ZhIndex {
  clauses: Clause[];
  /** Code → ids of its clauses. */
  byCode: Map<string, number[]>;
  /** Bigram → ids of the clauses holding it. */
  byGram: Map<string, number[]>;
  /** Exact clause text → id (short clauses match only exactly). */
  exact: Map<string, number>;
  /** Scratch counters for fuzzy matching, one per clause. */
  counts?: Uint16Array;
  /** Answers already worked out, by context class and line (logs repeat lines; bounded). */
  answers: Map<string, ZhMatch[]>;
}

/** Clause separators in catalog texts and in logs. */
const CLAUSE_SPLIT = /[，。；、,;.!?！？（）()【】[\]“”"'：:\n|/]+/;
/** A run of Chinese wording (with the identifiers inside it) on a line of text. */
const SEGMENT = /[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9_ ]*[\u4e00-\u9fffA-Za-z0-9_]/g;
/** Clauses shorter than this (normalised characters) only match exactly. */
const FUZZY_LENGTH = 6;
/** A bigram in more clauses than this says nothing (接口, 错误, 不合). */
const COMMON_GRAM = 150;
export const ZH_MIN_SCORE = 0.6;
/** Share of the line's Chinese characters a wording must hold to be matched approximately. */
const DOMINANT = 0.6;
/** Other candidates within this of the best are returned too, ranked. */
const RANK_BAND = 0.12;

const indexes = new WeakMap<Catalog, ZhIndex>();

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

function cjkCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

function zhIndex(catalog: Catalog): ZhIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const byText = new Map<string, Entry[]>();
  for (const entry of catalog.entries) {
    for (const zh of new Set([entry.zh, ...entry.texts.map((t) => t.zh)])) {
      if (!zh) continue;
      for (const part of zh.split(CLAUSE_SPLIT)) {
        const text = normalize(part);
        if (cjkCount(text) < 4) continue;
        const list = byText.get(text) ?? [];
        if (!list.includes(entry)) list.push(entry);
        byText.set(text, list);
      }
    }
  }
  const clauses: Clause[] = [];
  const byGram = new Map<string, number[]>();
  const exact = new Map<string, number>();
  const byCode = new Map<string, number[]>();
  for (const [text, entries] of byText) {
    const id = clauses.length;
    for (const code of new Set(entries.map((e) => e.code))) {
      const list = byCode.get(code);
      if (list) list.push(id);
      else byCode.set(code, [id]);
    }
    const grams = bigrams(text);
    clauses.push({ text, grams: grams.size, entries });
    exact.set(text, id);
    if (text.length < FUZZY_LENGTH) continue;
    for (const g of grams) {
      const list = byGram.get(g);
      if (list) list.push(id);
      else byGram.set(g, [id]);
    }
  }
  index = { clauses, byCode, byGram, exact, answers: new Map() };
  indexes.set(catalog, index);
  return index;
}

export interface ZhMatch {
  entry: Entry;
  score: number;
  /** Offset of the matched wording in the line. */
  at: number;
  length: number;
}

/** True when the line holds a run of four Chinese characters or more (the only lines worth asking). */
export function hasChineseWording(line: string): boolean {
  return /[\u4e00-\u9fff]{2}[^\n]*[\u4e00-\u9fff]{2}/.test(line);
}

/**
 * Entries whose Chinese text the line's wording is, or is close to, best first. `allowed` filters the
 * platforms that count here (WeCom and Pay only in their context). Short texts (签名错误) match only exactly and
 * only when few codes share them.
 */
export function codesFromChinese(
  catalog: Catalog,
  line: string,
  allowed: (platformKey: string) => boolean,
  /** Names the `allowed` filter, so that answers can be remembered per filter. */
  allowedKey: string,
): ZhMatch[] {
  const index = zhIndex(catalog);
  const memoKey = `${allowedKey}|${line}`;
  const known = index.answers.get(memoKey);
  if (known) return known;
  const answer = matchChinese(index, line, allowed);
  if (index.answers.size > 20000) index.answers.clear();
  index.answers.set(memoKey, answer);
  return answer;
}

function matchChinese(index: ZhIndex, line: string, allowed: (platformKey: string) => boolean): ZhMatch[] {
  const best = new Map<string, ZhMatch>();
  const lineCjk = cjkCount(line);
  for (const m of line.matchAll(SEGMENT)) {
    const at = m.index ?? 0;
    for (const part of m[0].split(CLAUSE_SPLIT)) {
      const text = normalize(part);
      if (cjkCount(text) < 4) continue;
      const offset = at + m[0].indexOf(part);
      const scored = new Map<number, number>();
      // A near miss or a short text counts only when it is the line's Chinese wording, not a fragment of
      // longer prose ("字符串规则校验失败" inside a Pay message is not 安全规则校验失败; "系统繁忙" in a sentence).
      const dominant = cjkCount(text) >= lineCjk * DOMINANT;
      const exact = index.exact.get(text);
      if (exact !== undefined && (text.length >= FUZZY_LENGTH || dominant)) scored.set(exact, 1);
      if (text.length >= FUZZY_LENGTH && dominant) fuzzy(index, text, scored);
      for (const [id, score] of scored) {
        const clause = index.clauses[id];
        const entries = clause.entries.filter((e) => allowed(platformKeyOf(e)));
        const codes = new Set(entries.map((e) => e.code));
        if (entries.length === 0 || (clause.text.length < FUZZY_LENGTH && codes.size > 3)) continue;
        for (const entry of entries) {
          const key = `${platformKeyOf(entry)}:${entry.code}`;
          const previous = best.get(key);
          if (!previous || previous.score < score)
            best.set(key, { entry, score, at: offset, length: part.length });
        }
      }
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  if (ranked.length === 0 || ranked[0].score < ZH_MIN_SCORE) return [];
  return ranked.filter((m) => m.score >= ranked[0].score - RANK_BAND);
}

/** Dice over bigrams between the wording and the clauses sharing enough of its bigrams. */
function fuzzy(index: ZhIndex, text: string, scored: Map<number, number>): void {
  const grams = bigrams(text);
  // Shared-bigram counts in a reused array: only the touched clauses are read back and reset.
  const counts = (index.counts ??= new Uint16Array(index.clauses.length));
  const touched: number[] = [];
  for (const g of grams) {
    const list = index.byGram.get(g);
    if (!list || list.length > COMMON_GRAM) continue;
    for (const id of list) if (counts[id]++ === 0) touched.push(id);
  }
  for (const id of touched) {
    const shared = counts[id];
    counts[id] = 0;
    if (shared < 3) continue;
    const score = (2 * shared) / (grams.size + index.clauses[id].grams);
    if (score >= ZH_MIN_SCORE - RANK_BAND && score > (scored.get(id) ?? 0)) scored.set(id, score);
  }
}

/** The code has a Chinese catalog clause (chineseCloseness is 0 for every text otherwise). */
export function hasChineseClauses(catalog: Catalog, code: string): boolean {
  return zhIndex(catalog).byCode.has(code);
}

/** How close a text's Chinese wording is to one of the code's Chinese texts: best bigram Dice (0–1). */
export function chineseCloseness(catalog: Catalog, code: string, text: string, entry?: Entry): number {
  const index = zhIndex(catalog);
  const ids = (index.byCode.get(code) ?? []).filter(
    (id) => !entry || index.clauses[id].entries.includes(entry),
  );
  if (!ids.length) return 0;
  let best = 0;
  // Chinese wording with the identifiers after it ("无效的appsecret").
  for (const m of text.matchAll(/[\u4e00-\u9fffA-Za-z0-9_][\u4e00-\u9fffA-Za-z0-9_ ]*/g)) {
    if (cjkCount(m[0]) < 2) continue;
    const grams = bigrams(normalize(m[0]));
    if (grams.size < 2) continue;
    for (const id of ids) {
      const clause = index.clauses[id];
      const other = (clause.gramSet ??= bigrams(clause.text));
      let shared = 0;
      for (const g of grams) if (other.has(g)) shared++;
      best = Math.max(best, (2 * shared) / (grams.size + other.size));
    }
  }
  return best;
}

/**
 * wecomByWording answers remembered by code, then line text (a log repeats both), at most 5,000: one per text,
 * kept on its TextContext, so that the rules' passes and the learned pass ask each line once.
 */
export class WecomWordings {
  private readonly byCode = new Map<string, Map<string, Entry | undefined>>();
  private kept = 0;

  constructor(readonly catalog: Catalog) {}

  /** The memo of a text's context for this catalog (a new one if the context has none, or another's). */
  static of(catalog: Catalog, ctx: { wecomWordings?: WecomWordings }): WecomWordings {
    if (ctx.wecomWordings?.catalog !== catalog) ctx.wecomWordings = new WecomWordings(catalog);
    return ctx.wecomWordings;
  }

  on(code: string, text: string): Entry | undefined {
    // Keyed by code, then text: no key string of the line's length built per number.
    let byText = this.byCode.get(code);
    if (byText?.has(text)) return byText.get(text);
    const found = wecomByWording(this.catalog, code, text);
    if (this.kept < 5000) {
      if (!byText) this.byCode.set(code, (byText = new Map()));
      byText.set(text, found);
      this.kept++;
    }
    return found;
  }
}

/**
 * The code's WeCom wording beside it ("40096错误，不合法的外部联系人userid", "81013 user & party & tag all
 * invalid"), when none of its other meanings' wordings is: the number is WeCom's though no WeCom marker is near
 * (WxJava prints 微信原始报文 for every platform). Only wordings from sources count (official texts and errmsgs
 * seen in real answers), not the project's translations; English ones must be two words at least.
 */
export function wecomByWording(catalog: Catalog, code: string, near: string): Entry | undefined {
  const wecom = catalog.get(`wecom:${code}`);
  if (!wecom) return undefined;
  // Speed (asked for many numbers of a log): with no Chinese on the line, only an English wording of the WeCom
  // entry can answer, and each of its words is then in the lower-cased line.
  const chinese = /[\u4e00-\u9fff]{2}/.test(near);
  if (!chinese && !mayHoldPhrase(wecom, near.toLowerCase())) return undefined;
  const others = otherMeanings(catalog, code, wecom);
  const words = englishWords(near);
  const saysEnglish = (e: Entry) => phrasesOf(e).some((phrase) => words.includes(phrase));
  // Another meaning's own wording on the line ("invalid button size" is the 公众号's 40016) keeps that one.
  if (words.length > 0 && others.some(saysEnglish)) return undefined;
  if (words.length > 0 && saysEnglish(wecom)) return wecom;
  if (!chinese || !wecom.texts.some((t) => t.zh)) return undefined;
  const squeezed = squeeze(near);
  const contains = wecom.texts.some((t) => cjkCount(t.zh) >= 4 && squeezed.includes(squeeze(t.zh)));
  if (!contains && chineseCloseness(catalog, code, near, wecom) < 0.8) return undefined;
  return others.some((e) => chineseCloseness(catalog, code, near, e) >= 0.5) ? undefined : wecom;
}

/** The code's other meanings than its WeCom one that count without context, worked out once per code. */
const otherLists = new WeakMap<Catalog, Map<string, Entry[]>>();
function otherMeanings(catalog: Catalog, code: string, wecom: Entry): Entry[] {
  let byCode = otherLists.get(catalog);
  if (!byCode) otherLists.set(catalog, (byCode = new Map()));
  let list = byCode.get(code);
  if (!list) {
    list = catalog.lookup(code).filter((e) => e !== wecom && !CONTEXT_ONLY_KEYS.has(platformKeyOf(e)));
    byCode.set(code, list);
  }
  return list;
}

/** An entry's English texts of two words or more as englishWords() gives them, worked out once per entry. */
const phrases = new WeakMap<Entry, string[]>();
function phrasesOf(entry: Entry): string[] {
  let list = phrases.get(entry);
  if (!list) {
    list = entry.texts.filter((t) => t.en.includes(' ')).map((t) => englishWords(t.en));
    phrases.set(entry, list);
  }
  return list;
}

/** True unless no English wording of the entry can be in the text: one of its words is not even a substring. */
function mayHoldPhrase(entry: Entry, lowerText: string): boolean {
  return phraseWordsOf(entry).some((words) => words.every((word) => lowerText.includes(word)));
}

/** The words of each phrase of phrasesOf(entry), split once per entry. */
const phraseWords = new WeakMap<Entry, string[][]>();
function phraseWordsOf(entry: Entry): string[][] {
  let list = phraseWords.get(entry);
  if (!list) {
    list = phrasesOf(entry).map((phrase) => phrase.trim().split(' '));
    phraseWords.set(entry, list);
  }
  return list;
}

/** Lower case, no spaces: "不安全的访问IP" inside "报错 60020 不安全的访问ip". */
const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** Lower-case words of a text, one space between (punctuation but & / _ dropped): for phrase containment. */
function englishWords(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9_&/]+/g, ' ')
    .trim()} `.replace(/^ +$/, '');
}
