// Search over the catalog. Pure TypeScript, no wx: used by the search page and `wxerr search`.
// CONTRACT (pages and CLI rely on it): SearchIndex, SearchHit, HighlightRange, search().
//
// Ranking, in tiers (a hit never outranks a hit of a stronger tier):
//   code (the query names a code) > prefix (the query starts a code) > phrase (the query's text occurs in an
//   entry text, or a whole entry text occurs in the pasted query) > all-words (every query term found) > partial.
// Within a text tier: 60·(share of the query's term weight found, terms weighted by rarity and by the field:
// official en/zh 1, other source wordings 0.85, project translations 0.8, fix 0.6, notes/advice 0.35; exact
// word 1, thesaurus word 0.9, typo 0.8/0.65, completion of the word being typed 0.7)
// + 25·(share of the entry's best text that the query covers: short, fully covered texts first)
// + a prior: codes documented on more WeChat platforms are met more often; platforms in their usual order;
// the non-WeChat platform of seed 003 drops nearly a tier.
// Platform words (search/platformWords.ts: the PLATFORMS names and everyday aliases, "小店", "视频号", "公众号",
// "cloud", "小微"…, longest first, English ones as whole words) say which platform is meant, and entries never
// name their own platform. A platform word gives the terms an ordinary word gives, but an entry of that platform
// counts them as found even when its text lacks them (so "小店账号被限制了" is all-words for shop:43119); other
// entries find them only in their text, as before (小程序, cloud stay content words: "appid 未绑定小程序").
// Entries of a named platform also get +20 (less than a tier; the non-WeChat platform, when named, loses its
// penalty) and lead their same-code group; a code named with a platform word ("40001 视频号") puts it first.
import type { Catalog } from './catalog';
import { PLATFORMS, platformInfo, platformRank } from './platforms';
import { analyze, keysOfWord, pairCode, type UnitSink } from './search/analyze';
import { findPlatformWords } from './search/platformWords';
import { commonRank } from './search/common';
import { isWechat, nearestCodes, otherMeanings } from './search/group';
import { parseQuery, type ParsedQuery } from './search/query';
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './search/synonyms';
import { IntTable, UnitStore } from './search/store';
import { COMPOUNDS, EN_STOP, SPLITS, ZH_STOP_CHARS, foldChars, isHan, runs, stem } from './search/text';
import { boundedDistance, letterMask, maxEdits, popcount } from './search/typo';
import type { Entry, Platform } from './types';

/** Why a hit matched, strongest first: exact code > code prefix > phrase > all words > partial. */
export type MatchKind = 'code' | 'prefix' | 'phrase' | 'all-words' | 'partial';

/** A matched span of an entry field, [start, end) in UTF-16 units of that field's text. */
export interface HighlightRange {
  field: 'code' | 'en' | 'zh' | 'fix';
  start: number;
  end: number;
}

export interface SearchHit {
  entry: Entry;
  score: number;
  kind: MatchKind;
  highlights: HighlightRange[];
  /** The code's other WeChat meanings, behind the cell's "+N 个平台" (none under a platform filter). */
  also: Entry[];
  /** True for the non-WeChat platform of seed 003: shown apart, never inside a WeChat cell. */
  apart: boolean;
}

export interface SearchOptions {
  /** Hits to return (default 20). */
  limit?: number;
  /** Hits to skip, for "more on scroll" (default 0). */
  offset?: number;
  /** Only entries of this platform. */
  platform?: Platform;
}

/** Hits of one page and how many there are in all. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
  /** When nothing matches meaningfully: the nearest entries, as "did you mean" (empty otherwise). */
  suggestions: SearchHit[];
}

// Fields of an entry, by how much a match in them says about the entry.
const EN = 0;
const ZH = 1;
const FIX = 2;
const ALT = 3;
const PROJ = 4;
const NOTE = 5;
const FIELD_WEIGHT = [1, 1, 0.6, 0.85, 0.8, 0.35];

const TIER: Record<MatchKind, number> = {
  code: 1000,
  prefix: 500,
  phrase: 300,
  'all-words': 200,
  partial: 100,
};
const NON_WECHAT_PENALTY = 90;
/** Platform bits (1 << place in PLATFORMS) of the non-WeChat platforms. */
const NON_WECHAT_BITS = PLATFORMS.reduce((bits, p, i) => (p.wechat ? bits : bits | (1 << i)), 0);
/** Entries of a platform the query names ("小店…", "视频号…"): less than a tier, so words still decide first. */
const PLATFORM_BOOST = 20;
/** Prior per doubling of the WeChat platforms that document a code (40001 on five is met more than 40187). */
const POPULARITY = 3;
/**
 * Prior for the codes developers meet most: the ones the project wrote specific advice for (catalog/project/
 * advice.tsv, chosen by domain: tokens, login, whitelist, quotas…). It orders hits inside a tier only.
 */
const COMMONLY_MET = 6;
/**
 * Prior of the codes in search/common.ts, most met first (the first one +16): with every query word found,
 * such a code also counts as a phrase hit, so a concept query opens on its usual code (白名单 → 40164).
 */
const COMMON_CODE = 16;
const COMMON_CODE_STEP = 0.5;
/** A term's best match counts as in the entry's wording from this quality · field weight (a thesaurus word in
 * a project translation, 0.9 · 0.8, still does; a note or a fix line does not). */
const IN_TEXT = 0.72;
const Q_EXACT = 1;
const Q_CONCEPT = 0.9;
const Q_TYPO1 = 0.8;
const Q_TYPO2 = 0.65;
const Q_PREFIX = 0.7;
const MAX_TERMS = 40;
/** Suggestions offered when nothing matches. */
const SUGGESTIONS = 3;
/** Candidates below this share of the best candidate's score are dropped; below FAIR they are not examined further. */
const WEAK = 0.3;
const FAIR = 0.6;
/** A whole entry text inside a pasted query counts as a phrase when it covers this share of the query. */
const REVERSE_PHRASE = 0.7;

/** Bits of a passage's origins: the entry fields that hold exactly its text, in highlight order. */
const ORIGINS: readonly ('en' | 'zh' | 'fix')[] = ['en', 'zh', 'fix'];
const ORIGIN_EN = 1;
const ORIGIN_ZH = 2;
const ORIGIN_FIX = 4;

interface Term {
  keys: number[];
  quality: number[];
  weight: number;
  /** For a platform word ("小店", "cloud"): its platform's bit. Entries of that platform match it as if their
   * text had it (entries never name their own platform). */
  platforms?: number;
}

interface VocabWord {
  word: string;
  id: number;
  df: number;
  mask: number;
}

interface CodeMaps {
  byCode: Map<string, number[]>;
  byId: Map<string, number>;
  /** Upper-case code per entry index. */
  upper: string[];
}

/** English words of the catalog for typo correction and completion (built on the first query that needs it). */
interface Vocabulary {
  /** Sorted by word. */
  sorted: VocabWord[];
  byWord: Map<string, VocabWord>;
  /** The same words by length, so a typo scan only reads words of a possible length. */
  byLength: VocabWord[][];
}

export class SearchIndex {
  private readonly entries: readonly Entry[];
  /** Keys other than Chinese bigrams: English words, lone Han characters, long thesaurus words, concepts. */
  private readonly keyIds: Map<string, number>;
  /** Chinese bigrams by pairCode: most keys are bigrams, and numbers cost no string. */
  private readonly pairIds: IntTable;
  private readonly keyCount: number;
  // Postings, CSR: key id k has postings[postStart[k] .. postStart[k + 1]), each entry index · 8 + field,
  // one per (entry, field).
  private postStart: Int32Array = new Int32Array(0);
  private postings: Int32Array = new Int32Array(0);
  /** Per key id: number of distinct entries. */
  private df: Int32Array = new Int32Array(0);
  // Passages (the distinct wordings of an entry), flat: entry e has passages [entryPassages[e],
  // entryPassages[e + 1]); passage p has field passageField[p], units [passageFirst[p], +passageCount[p]),
  // phrase form passagePhrase[p] ('' for notes, never phrase-tested) and origin bits passageOrigins[p].
  private readonly entryPassages: Int32Array;
  private readonly passageField: Uint8Array;
  private readonly passageOrigins: Uint8Array;
  private readonly passageFirst: Int32Array;
  private readonly passageCount: Int32Array;
  private readonly passagePhrase: string[] = [];
  private passageTotal = 0;
  // Units of every distinct text, flat: unit u has key ids unitKeys[unitStart[u] .. unitStart[u + 1]) and
  // covers [unitSpan[2u], unitSpan[2u + 1]) of its text. Passages with the same text share its units.
  private readonly unitKeys: Int32Array;
  private readonly unitStart: Int32Array;
  private readonly unitSpan: Int32Array;
  private readonly prior: Float64Array;
  private codeMaps: CodeMaps | undefined;
  private vocabulary: Vocabulary | undefined;

  // Per-query scratch, allocated once.
  private readonly score: Float64Array;
  private readonly matched: Int32Array;
  /** Per entry: terms found in its own wording (not only in a note, a fix or through a weak typo). */
  private readonly inText: Int32Array;
  private readonly best: Float64Array;
  private readonly seenTerm: Int32Array;
  private readonly seenQuery: Int32Array;
  private readonly touched: Int32Array;
  /** Per entry: bits of the query's platform-word terms its text matched. */
  private readonly platformTermsMatched: Int32Array;
  /** Per entry: 1 << its platform's place in PLATFORMS. */
  private readonly platformBit: Int32Array;
  /** Words of the current query the catalog has no key for, not even through a typo. */
  private unknownWords = 0;
  /** Terms of the current query's text. */
  private lastTerms: Term[] = [];
  /** Platforms the current query names, as those bits. */
  private named = 0;
  private queryMark: Uint8Array;
  private generation = 0;

  constructor(readonly catalog: Catalog) {
    this.entries = catalog.entries;
    const n = this.entries.length;
    const codeCount = new Map<string, number>();
    // Texts and characters in all, to size the flat arrays once.
    let textSlots = 0;
    let chars = 0;
    for (const e of this.entries) {
      if (platformInfo(e.platform).wechat) codeCount.set(e.code, (codeCount.get(e.code) ?? 0) + 1);
      textSlots += 7 + 4 * e.texts.length;
      chars += e.en.length + e.zh.length + (e.fix?.length ?? 0);
      chars += (e.noteEn?.length ?? 0) + (e.noteZh?.length ?? 0);
      chars += (e.adviceEn?.length ?? 0) + (e.adviceZh?.length ?? 0);
      for (const t of e.texts)
        chars += (t.en?.length ?? 0) + (t.zh?.length ?? 0) + (t.fix?.length ?? 0) + (t.note?.length ?? 0);
    }
    this.prior = new Float64Array(n);
    this.platformBit = new Int32Array(n);
    this.entryPassages = new Int32Array(n + 1);
    this.passageField = new Uint8Array(textSlots);
    this.passageOrigins = new Uint8Array(textSlots);
    this.passageFirst = new Int32Array(textSlots);
    this.passageCount = new Int32Array(textSlots);
    // The same text stands on several platforms (40001 on five, per-code advice on every WeChat platform):
    // it is analysed once, and its passages share its units.
    const texts = TEXTS;
    texts.reset(textSlots);
    const store = STORE;
    store.reset(chars);
    for (let index = 0; index < n; index++) this.indexEntry(index, codeCount, texts, store);
    this.entryPassages[n] = this.passageTotal;
    const units = store.finish();
    texts.clear();
    this.keyIds = units.keyIds;
    this.pairIds = units.pairIds;
    this.keyCount = units.keyCount;
    this.unitKeys = units.keys;
    this.unitStart = units.starts;
    this.unitSpan = units.spans;
    this.buildPostings();
    this.score = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.inText = new Int32Array(n);
    this.best = new Float64Array(n);
    this.seenTerm = new Int32Array(n);
    this.seenQuery = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.platformTermsMatched = new Int32Array(n);
    this.queryMark = new Uint8Array(this.keyCount);
  }

  /** Prior, code maps and passages of one entry (a method, so each build runs the same optimised code). */
  private indexEntry(
    index: number,
    codeCount: Map<string, number>,
    texts: TextTable,
    store: UnitStore,
  ): void {
    const entry = this.entries[index];
    const info = platformInfo(entry.platform);
    this.prior[index] =
      POPULARITY * Math.log2(1 + (codeCount.get(entry.code) ?? 0)) +
      (entry.adviceEn ? COMMONLY_MET : 0) +
      commonPrior(entry, info.wechat) +
      (info.wechat ? 0.1 * (12 - platformRank(entry.platform)) : -NON_WECHAT_PENALTY);
    this.platformBit[index] = 1 << platformRank(entry.platform);
    this.entryPassages[index] = this.passageTotal;
    this.addPassage(texts, store, index, entry.enSource === 'wxerr' ? PROJ : EN, entry.en, ORIGIN_EN);
    this.addPassage(texts, store, index, entry.zhSource === 'wxerr' ? PROJ : ZH, entry.zh, ORIGIN_ZH);
    this.addPassage(texts, store, index, FIX, entry.fix, ORIGIN_FIX);
    for (const t of entry.texts) {
      this.addPassage(texts, store, index, ALT, t.en, 0);
      this.addPassage(texts, store, index, ALT, t.zh, 0);
      this.addPassage(texts, store, index, FIX, t.fix, 0);
      this.addPassage(texts, store, index, NOTE, t.note, 0);
    }
    this.addPassage(texts, store, index, NOTE, entry.noteEn, 0);
    this.addPassage(texts, store, index, NOTE, entry.noteZh, 0);
    this.addPassage(texts, store, index, NOTE, entry.adviceEn, 0);
    this.addPassage(texts, store, index, NOTE, entry.adviceZh, 0);
  }

  /** A wording of entry `index`: one passage per distinct text of the entry, the first field it comes in. */
  private addPassage(
    texts: TextTable,
    store: UnitStore,
    index: number,
    field: number,
    text: string | undefined,
    origin: number,
  ): void {
    if (!text) return;
    let t = texts.ids.get(text);
    if (t === undefined) {
      t = texts.size++;
      texts.ids.set(text, t);
      const first = store.unitCount;
      texts.phrase.push(analyze(text, store, field !== NOTE));
      texts.first[t] = first;
      texts.count[t] = store.unitCount - first;
      texts.entry[t] = -1;
    } else if (texts.entry[t] === index) {
      // Already a passage of this entry: one more entry field that holds it.
      this.passageOrigins[texts.passage[t]] |= origin;
      return;
    }
    if (field !== NOTE && !texts.phrase[t]) texts.phrase[t] = analyze(text, NO_SINK);
    const p = this.passageTotal++;
    texts.entry[t] = index;
    texts.passage[t] = p;
    this.passageField[p] = field;
    this.passageFirst[p] = texts.first[t];
    this.passageCount[p] = texts.count[t];
    this.passageOrigins[p] = origin;
    this.passagePhrase.push(field === NOTE ? '' : texts.phrase[t]);
  }

  /**
   * Postings and document frequencies from the passages' units: one posting per (entry, field) that has the
   * key. One pass collects (key, posting) pairs and counts them per key; a second places them (CSR).
   */
  private buildPostings(): void {
    const keyCount = this.keyCount;
    const { unitKeys, unitStart, entryPassages, passageField, passageFirst, passageCount } = this;
    const df = new Int32Array(keyCount);
    const lastEntry = new Int32Array(keyCount).fill(-1);
    const fields = new Uint8Array(keyCount);
    const start = new Int32Array(keyCount + 1);
    // Passages share the units of a text, so there can be more (key, passage) pairs than unit keys.
    let bound = 0;
    for (let p = 0; p < this.passageTotal; p++)
      bound += unitStart[passageFirst[p] + passageCount[p]] - unitStart[passageFirst[p]];
    const pairKey = new Int32Array(bound);
    const pairPosting = new Int32Array(bound);
    let pairs = 0;
    const n = this.entries.length;
    for (let e = 0; e < n; e++) {
      for (let p = entryPassages[e]; p < entryPassages[e + 1]; p++) {
        const f = passageField[p];
        const bit = 1 << f;
        const posting = e * 8 + f;
        const end = unitStart[passageFirst[p] + passageCount[p]];
        for (let k = unitStart[passageFirst[p]]; k < end; k++) {
          const id = unitKeys[k];
          if (lastEntry[id] !== e) {
            lastEntry[id] = e;
            fields[id] = 0;
            df[id]++;
          }
          if (fields[id] & bit) continue;
          fields[id] |= bit;
          start[id + 1]++;
          pairKey[pairs] = id;
          pairPosting[pairs++] = posting;
        }
      }
    }
    for (let k = 0; k < keyCount; k++) start[k + 1] += start[k];
    const at = start.slice(0, keyCount);
    const postings = new Int32Array(pairs);
    for (let i = 0; i < pairs; i++) postings[at[pairKey[i]]++] = pairPosting[i];
    this.postStart = start;
    this.postings = postings;
    this.df = df;
  }

  /** Entries by id and by upper-case code: needed by the first query, not by the text index. */
  private codes(): CodeMaps {
    if (this.codeMaps) return this.codeMaps;
    const byCode = new Map<string, number[]>();
    const byId = new Map<string, number>();
    const upper: string[] = [];
    this.entries.forEach((entry, index) => {
      byId.set(entry.id, index);
      const code = entry.code.toUpperCase();
      upper.push(code);
      const list = byCode.get(code);
      if (list) list.push(index);
      else byCode.set(code, [index]);
    });
    return (this.codeMaps = { byCode, byId, upper });
  }

  /** English words of the catalog, sorted, for typo correction and completion: built on first use. */
  private vocab(): Vocabulary {
    if (this.vocabulary) return this.vocabulary;
    const sorted: VocabWord[] = [];
    const byWord = new Map<string, VocabWord>();
    const byLength: VocabWord[][] = [];
    this.keyIds.forEach((id, key) => {
      if (!/^[a-z][a-z0-9]*$/.test(key)) return;
      const word: VocabWord = { word: key, id, df: this.df[id], mask: letterMask(key) };
      sorted.push(word);
      byWord.set(key, word);
    });
    sorted.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    for (const v of sorted) (byLength[v.word.length] ??= []).push(v);
    return (this.vocabulary = { sorted, byWord, byLength });
  }

  private lookupKey(key: string): number | undefined {
    if (key.length === 2 && isHanPair(key)) {
      const id = this.pairIds.get(pairCode(key));
      return id < 0 ? undefined : id;
    }
    return this.keyIds.get(key);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.page(query, options).hits;
  }

  /** Number of hits a query has in all (for "N results"). */
  count(query: string, options: Pick<SearchOptions, 'platform'> = {}): number {
    return this.page(query, { ...options, limit: 0 }).total;
  }

  /** A page of hits (one per code, see search/group.ts), the total, and suggestions when nothing matched. */
  page(query: string, options: SearchOptions = {}): SearchPage {
    const { limit = 20, offset = 0, platform } = options;
    if (!query.trim()) return { hits: [], total: 0, suggestions: [] };
    const parsed = parseQuery(
      query,
      (code) => this.codes().byCode.has(code) || this.catalog.lookup(code).length > 0,
    );
    const ranked = this.rank(parsed, platform).sort((a, b) => b.score - a.score || a.index - b.index);
    const cells = this.oneCellPerCode(ranked);
    const hit = (r: Ranked): SearchHit => {
      const entry = this.entries[r.index];
      return {
        entry,
        score: Math.round(r.score * 100) / 100,
        kind: r.kind,
        highlights: this.highlights(r),
        also: platform ? [] : otherMeanings(this.catalog, entry),
        apart: !isWechat(entry),
      };
    };
    if (parsed.wholeCode !== undefined && !cells.length) {
      // A code the catalog does not list (45999): its family's nearest known codes.
      const near = nearestCodes(this.catalog, parsed.wholeCode, SUGGESTIONS).map((cell): SearchHit => ({
        entry: cell.primary,
        score: 0,
        kind: 'partial',
        highlights: [],
        also: cell.also,
        apart: cell.apart,
      }));
      return { total: 0, hits: [], suggestions: near };
    }
    if (!parsed.codes.length && this.noOverlap(parsed)) {
      // Nothing meaningful in common ("hello world"): no hits, the nearest ones offered as suggestions.
      const suggestions = cells.slice(0, SUGGESTIONS).map(hit);
      this.clearMarks();
      return { total: 0, hits: [], suggestions };
    }
    const hits = cells.slice(offset, offset + limit).map(hit);
    this.clearMarks();
    return { total: cells.length, hits, suggestions: [] };
  }

  /**
   * One hit per code. A code's WeChat hits merge at the place of the best one, led by the meaning most
   * commonly met (a platform the query names first) among those at most one tier weaker than the best, so
   * that a meaning matched only through a note (85015 "该账号不是小程序账号" for 版本输入错误) does not lead.
   * Hits of the non-WeChat platform stay apart, each its own, and only when the query names that platform or
   * no WeChat hit comes before them (its string codes, its own wordings): its numbers mean other things.
   */
  private oneCellPerCode(ranked: Ranked[]): Ranked[] {
    const nonWechatNamed = (this.named & NON_WECHAT_BITS) !== 0;
    const groups = new Map<string, Ranked[]>();
    const order: Ranked[][] = [];
    let wechatSeen = false;
    for (const r of ranked) {
      const entry = this.entries[r.index];
      if (!isWechat(entry)) {
        if (nonWechatNamed || !wechatSeen) order.push([r]);
        continue;
      }
      wechatSeen = true;
      const group = groups.get(entry.code);
      if (!group) {
        const fresh = [r];
        groups.set(entry.code, fresh);
        order.push(fresh);
      } else if (group[0].score - r.score <= TIER.phrase - TIER['all-words']) group.push(r);
    }
    return order.map((group) => {
      if (group.length === 1) return group[0];
      const ids = this.catalog.lookup(this.entries[group[0].index].code).map((e) => e.id);
      const rank = (x: Ranked): number =>
        ids.indexOf(this.entries[x.index].id) - (this.named & this.platformBit[x.index] ? 1e3 : 0);
      const lead = group.reduce((a, b) => (rank(b) < rank(a) ? b : a));
      return { ...lead, score: group[0].score, kind: group[0].kind };
    });
  }

  /**
   * True when the query shares nothing meaningful with the catalog: some of its words are unknown and the
   * rest were found only through typo corrections or completions ("hello world": "world" → "word").
   */
  private noOverlap(parsed: ParsedQuery): boolean {
    if (parsed.wholeCode !== undefined || !this.unknownWords) return false;
    return !this.lastTerms.some((t) => t.platforms || t.quality.some((q) => q >= Q_CONCEPT));
  }

  /** Key ids the current query can match (set in queryMark until the page is built). */
  private readonly markedKeys: number[] = [];

  private clearMarks(): void {
    for (const id of this.markedKeys) this.queryMark[id] = 0;
    this.markedKeys.length = 0;
  }

  private rank(parsed: ParsedQuery, platform: Platform | undefined): Ranked[] {
    const out: Ranked[] = [];
    const taken = new Set<number>();
    const allowed = (i: number): boolean => !platform || this.entries[i].platform === platform;
    this.clearMarks();
    this.named = 0;
    this.lastTerms = [];
    this.unknownWords = 0;
    if (parsed.wholeCode !== undefined) {
      const code = parsed.wholeCode;
      // In the catalog's order: the meaning most commonly met first.
      this.catalog.lookup(code).forEach((entry, k) => {
        const i = this.codes().byId.get(entry.id) ?? -1;
        if (i < 0 || taken.has(i) || !allowed(i)) return;
        taken.add(i);
        out.push({
          index: i,
          score: TIER.code + 5 - 0.1 * k,
          kind: 'code',
          codeLength: entry.code.length,
        });
      });
      if (/^-?\d+$/.test(code) || code.includes('_')) {
        this.entries.forEach((entry, i) => {
          if (!this.codes().upper[i].startsWith(code) || taken.has(i) || !allowed(i)) return;
          taken.add(i);
          const extra = entry.code.length - code.length;
          out.push({
            index: i,
            score: TIER.prefix + 50 - 5 * Math.min(extra, 8) - 0.1 * platformRank(entry.platform),
            kind: 'prefix',
            codeLength: code.length,
          });
        });
      }
      if (out.length) {
        // Within a prefix, lower codes first (45001 before 45002), as in the official tables.
        out.sort(
          (a, b) => b.score - a.score || codeOrder(this.entries[a.index].code, this.entries[b.index].code),
        );
        out.forEach((r, k) => (r.score -= k * 1e-6));
        return out;
      }
      return this.textRank(foldChars(code), true, platform, out, taken);
    }
    const textHits = this.textRank(parsed.text, parsed.open, platform, [], new Set());
    if (!parsed.codes.length) return textHits;
    // A code named in the query comes first; the words of the query order its meanings across platforms.
    const textScore = new Map<number, number>();
    // The words' evidence without the platform prior: here the words decide between platforms.
    for (const r of textHits)
      textScore.set(r.index, r.score - this.prior[r.index] - this.boost(r.index) - TIER.partial);
    for (const code of parsed.codes) {
      for (const entry of this.catalog.lookup(code)) {
        const i = this.codes().byId.get(entry.id) ?? -1;
        if (i < 0 || taken.has(i) || !allowed(i)) continue;
        taken.add(i);
        out.push({
          index: i,
          score:
            TIER.code + 0.5 * (textScore.get(i) ?? 0) + this.boost(i) - 0.1 * platformRank(entry.platform),
          kind: 'code',
          codeLength: entry.code.length,
        });
      }
    }
    for (const r of textHits) if (!taken.has(r.index)) out.push(r);
    return out;
  }

  /** Terms of the query text: English words and Chinese words/bigrams, each with the keys that can match it. */
  private terms(text: string, open: boolean): Term[] {
    const terms: Term[] = [];
    this.unknownWords = 0;
    const seen = new Set<string>();
    const found = findPlatformWords(text);
    const rs = runs(found.text, ZH_STOP_CHARS);
    const words: string[] = [];
    const push = (term: Term, literal: string): void => {
      if (seen.has(literal) || terms.length >= MAX_TERMS) return;
      seen.add(literal);
      terms.push(term);
    };
    for (let i = 0; i < rs.length; i++) {
      const run = rs[i];
      if (run.han) {
        for (const piece of segmentHan(run.text)) {
          const term = this.hanTerm(piece);
          if (term) push(term, piece);
          else this.unknownWords++;
        }
        continue;
      }
      const next = rs[i + 1];
      const joined = next && !next.han ? COMPOUNDS.get(run.text + ' ' + next.text) : undefined;
      if (joined) {
        words.push(joined);
        i++;
        continue;
      }
      const word = stem(run.text);
      if (/^\d+$/.test(word) && !this.keyIds.has(word)) continue;
      const split = SPLITS.get(word);
      if (split) words.push(...split);
      else words.push(word);
    }
    const meaningful = words.filter((w) => !EN_STOP.has(w));
    const list = meaningful.length ? meaningful : words;
    list.forEach((word, k) => {
      const term = this.wordTerm(word, open && k === list.length - 1 && !rs[rs.length - 1]?.han);
      if (term) push(term, word);
      else this.unknownWords++;
    });
    for (const { word, platform } of found.words) {
      const bit = 1 << platformRank(platform);
      this.named |= bit;
      this.platformTerms(word, bit).forEach((term, k) => push(term, `${word}#${k}`));
    }
    return terms;
  }

  /**
   * A platform word as the terms an ordinary word would give (its thesaurus word or bigrams, its English
   * words), each marked with the platform.
   */
  private platformTerms(word: string, platforms: number): Term[] {
    const out: Term[] = [];
    const han = isHan(word.charCodeAt(0));
    for (const piece of platformWordPieces(word, han)) {
      if (!piece) continue;
      const term: Term = { keys: [], quality: [], weight: 0, platforms };
      if (han) {
        this.addKey(term, piece, Q_EXACT);
        const concepts: readonly string[] = CONCEPTS.get(piece) ?? [];
        for (const concept of concepts) this.addKey(term, concept, Q_CONCEPT);
      } else {
        for (const key of keysOfWord(piece)) this.addKey(term, key, key === piece ? Q_EXACT : Q_CONCEPT);
      }
      const done = this.finishTerm(term);
      if (done) out.push(done);
    }
    return out;
  }

  /** Prior of the platforms the query names: a boost, and the non-WeChat platform no longer held back. */
  private boost(e: number): number {
    if (!(this.named & this.platformBit[e])) return 0;
    return PLATFORM_BOOST + (platformInfo(this.entries[e].platform).wechat ? 0 : NON_WECHAT_PENALTY);
  }

  private addKey(term: Term, key: string, quality: number): void {
    const id = this.lookupKey(key);
    if (id === undefined) return;
    const at = term.keys.indexOf(id);
    if (at >= 0) term.quality[at] = Math.max(term.quality[at], quality);
    else {
      term.keys.push(id);
      term.quality.push(quality);
    }
  }

  private finishTerm(term: Term): Term | undefined {
    if (!term.keys.length) return undefined;
    // Rarity of the term, from the entries any of its strong keys reaches.
    let df = 0;
    term.keys.forEach((id, k) => {
      if (term.quality[k] >= Q_CONCEPT) df = Math.max(df, this.df[id]);
    });
    if (!df) df = Math.max(...term.keys.map((id) => this.df[id]));
    term.weight = Math.log(1 + this.entries.length / (1 + df));
    return term;
  }

  private hanTerm(piece: string): Term | undefined {
    const term: Term = { keys: [], quality: [], weight: 0 };
    this.addKey(term, piece, Q_EXACT);
    for (const concept of CONCEPTS.get(piece) ?? []) this.addKey(term, concept, Q_CONCEPT);
    return this.finishTerm(term);
  }

  private wordTerm(word: string, typing: boolean): Term | undefined {
    const term: Term = { keys: [], quality: [], weight: 0 };
    for (const key of keysOfWord(word)) this.addKey(term, key, key === word ? Q_EXACT : Q_CONCEPT);
    const known = this.vocab().byWord.get(word);
    if (!known || known.df <= 3) {
      for (const fix of this.corrections(word, known?.df ?? 0)) {
        const q = fix.distance === 1 ? Q_TYPO1 : Q_TYPO2;
        for (const key of keysOfWord(fix.word)) this.addKey(term, key, key === fix.word ? q : q * Q_CONCEPT);
      }
    }
    if (typing && !known && word.length >= 2) {
      for (const w of this.completions(word))
        for (const key of keysOfWord(w)) this.addKey(term, key, key === w ? Q_PREFIX : Q_PREFIX * Q_CONCEPT);
    }
    return this.finishTerm(term);
  }

  /** Catalog words within the allowed edits of a word, the closest ones, most frequent first. */
  private corrections(word: string, ownDf: number): { word: string; distance: number }[] {
    const max = maxEdits(word.length);
    if (!max || /^\d+$/.test(word)) return [];
    const mask = letterMask(word);
    let bestDistance = max + 1;
    let found: { word: string; distance: number; df: number }[] = [];
    const candidates: VocabWord[] = [];
    for (let len = word.length - max; len <= word.length + max; len++)
      candidates.push(...(this.vocab().byLength[len] ?? []));
    for (const v of candidates) {
      if (v.word === word) continue;
      if (v.df < Math.max(1, ownDf * 5) || popcount(v.mask ^ mask) > 2 * max) continue;
      const d = boundedDistance(word, v.word, Math.min(max, bestDistance));
      if (d > max || d > bestDistance) continue;
      if (d < bestDistance) {
        bestDistance = d;
        found = [];
      }
      found.push({ word: v.word, distance: d, df: v.df });
    }
    return found.sort((a, b) => b.df - a.df).slice(0, 4);
  }

  /** Catalog words that start with what the user is still typing, most frequent first. */
  private completions(prefix: string): string[] {
    const vocab = this.vocab().sorted;
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocab[mid].word < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: VocabWord[] = [];
    for (let i = lo; i < vocab.length && i < lo + 300 && vocab[i].word.startsWith(prefix); i++)
      found.push(vocab[i]);
    return found
      .sort((a, b) => b.df - a.df)
      .slice(0, 6)
      .map((v) => v.word);
  }

  private textRank(
    text: string,
    open: boolean,
    platform: Platform | undefined,
    out: Ranked[],
    taken: Set<number>,
  ): Ranked[] {
    const terms = this.terms(text, open);
    this.lastTerms = terms;
    if (!terms.length) return out;
    const gen = ++this.generation;
    const { score, matched, inText, best, seenTerm, seenQuery, touched, platformTermsMatched } = this;
    const candidates: number[] = [];
    let totalWeight = 0;
    const mark = this.queryMark;
    const markedKeys = this.markedKeys;
    const { postStart, postings } = this;
    terms.forEach((term, t) => {
      totalWeight += term.weight;
      const stamp = gen * MAX_TERMS + t + 1;
      let count = 0;
      term.keys.forEach((id, k) => {
        if (!mark[id]) {
          mark[id] = 1;
          markedKeys.push(id);
        }
        const quality = term.quality[k];
        for (let j = postStart[id]; j < postStart[id + 1]; j++) {
          const posting = postings[j];
          const e = posting >> 3;
          const v = quality * FIELD_WEIGHT[posting & 7];
          if (seenTerm[e] !== stamp) {
            seenTerm[e] = stamp;
            best[e] = v;
            touched[count++] = e;
          } else if (v > best[e]) best[e] = v;
        }
      });
      for (let c = 0; c < count; c++) {
        const e = touched[c];
        if (seenQuery[e] !== gen) {
          seenQuery[e] = gen;
          score[e] = 0;
          matched[e] = 0;
          inText[e] = 0;
          platformTermsMatched[e] = 0;
          candidates.push(e);
        }
        score[e] += term.weight * best[e];
        matched[e]++;
        if (best[e] >= IN_TEXT) inText[e]++;
        if (term.platforms) platformTermsMatched[e] |= 1 << t;
      }
    });
    const qPhrase = analyze(text, NO_SINK).trim();
    const lead = /^[\u3400-\u9fff]/.test(qPhrase) ? '' : ' ';
    const tail = /[\u3400-\u9fff]$/.test(qPhrase) ? '' : ' ';
    const pattern = lead + qPhrase + tail;
    const fullQuery = ' ' + qPhrase + ' ';
    const { unitStart, unitKeys, entryPassages, passagePhrase } = this;
    const { passageField, passageFirst, passageCount } = this;
    // Each entry's score as a share of the weight that counts for it (all of it without platform words).
    // A platform word is found in every entry of its platform (that the other terms reached).
    if (this.named) {
      terms.forEach((term, t) => {
        if (!term.platforms) return;
        for (const e of candidates) {
          if (term.platforms & this.platformBit[e] && !(platformTermsMatched[e] & (1 << t))) {
            score[e] += term.weight;
            matched[e]++;
          }
        }
      });
    }
    let maxScore = 0;
    for (const e of candidates) if (score[e] > maxScore) maxScore = score[e];
    for (const e of candidates) {
      if (taken.has(e) || (platform && this.entries[e].platform !== platform)) continue;
      // Entries that share only a small part of what the best ones share are noise ("invalid" alone).
      if (score[e] < WEAK * maxScore) continue;
      const qc = score[e] / totalWeight;
      const all = matched[e] === terms.length;
      const prior = this.prior[e] + this.boost(e);
      if (!all && score[e] < FAIR * maxScore) {
        out.push({ index: e, score: TIER.partial + 60 * qc + prior, kind: 'partial', codeLength: 0 });
        continue;
      }
      let ec = 0;
      let phrase = false;
      for (let p = entryPassages[e]; p < entryPassages[e + 1]; p++) {
        const field = passageField[p];
        if (field === NOTE) continue;
        const units = passageCount[p];
        if (!units) continue;
        const first = passageFirst[p];
        if (field !== FIX) {
          let covered = 0;
          for (let u = first; u < first + units; u++) {
            for (let k = unitStart[u]; k < unitStart[u + 1]; k++) {
              if (mark[unitKeys[k]]) {
                covered++;
                break;
              }
            }
          }
          ec = Math.max(ec, covered / units);
        }
        if (
          !phrase &&
          qPhrase &&
          (passagePhrase[p].includes(pattern) ||
            (units >= 2 && qc >= REVERSE_PHRASE && fullQuery.includes(passagePhrase[p])))
        )
          phrase = true;
      }
      const common =
        inText[e] === terms.length &&
        commonRank(this.entries[e].code) >= 0 &&
        this.platformBit[e] & ~NON_WECHAT_BITS;
      const kind: MatchKind = phrase || common ? 'phrase' : all ? 'all-words' : 'partial';
      out.push({ index: e, score: TIER[kind] + 60 * qc + 25 * ec + prior, kind, codeLength: 0 });
    }
    return out;
  }

  private highlights(r: Ranked): HighlightRange[] {
    const entry = this.entries[r.index];
    const out: HighlightRange[] = [];
    if (r.kind === 'code' || r.kind === 'prefix')
      out.push({ field: 'code', start: 0, end: r.kind === 'code' ? entry.code.length : r.codeLength });
    if (!this.markedKeys.length) return out;
    const mark = this.queryMark;
    for (let p = this.entryPassages[r.index]; p < this.entryPassages[r.index + 1]; p++) {
      const origins = this.passageOrigins[p];
      if (!origins) continue;
      const ranges: [number, number][] = [];
      const first = this.passageFirst[p];
      for (let u = first; u < first + this.passageCount[p]; u++) {
        let hit = false;
        for (let k = this.unitStart[u]; k < this.unitStart[u + 1] && !hit; k++)
          hit = mark[this.unitKeys[k]] === 1;
        if (!hit) continue;
        const start = this.unitSpan[2 * u];
        const end = this.unitSpan[2 * u + 1];
        const last = ranges[ranges.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else ranges.push([start, end]);
      }
      ORIGINS.forEach((field, bit) => {
        if (origins & (1 << bit)) for (const [start, end] of ranges) out.push({ field, start, end });
      });
    }
    return out;
  }
}

interface Ranked {
  index: number;
  score: number;
  kind: MatchKind;
  /** For code hits: how many characters of the code matched. */
  codeLength: number;
}

/** One store for every build (a build runs start to end without yielding): the same object each time keeps
 * the compiled code that writes units valid from one build to the next. */
const STORE = new UnitStore(CONCEPTS);

const NO_SINK: UnitSink = {
  unit: () => undefined,
  word: () => undefined,
  key: () => undefined,
  pair: () => undefined,
};

/** The distinct texts met during the build: id by text; per id its phrase, units, and last entry/passage. */
class TextTable {
  ids = new Map<string, number>();
  size = 0;
  phrase: string[] = [];
  first = new Int32Array(0);
  count = new Int32Array(0);
  /** The last entry that has the text as a passage, and that passage. */
  entry = new Int32Array(0);
  passage = new Int32Array(0);

  /** Empties the table for a build with room for `slots` texts. */
  reset(slots: number): void {
    this.ids = new Map();
    this.size = 0;
    this.phrase = [];
    this.first = new Int32Array(slots);
    this.count = new Int32Array(slots);
    this.entry = new Int32Array(slots);
    this.passage = new Int32Array(slots);
  }

  /** Drops what the build left (the texts and their phrases stay with the index's passages only). */
  clear(): void {
    this.reset(0);
  }
}

/** Scratch of every build, like STORE. */
const TEXTS = new TextTable();

/**
 * Bigrams of a Chinese platform word, or the words of an English one. A function, not a conditional after
 * `of`: miniprogram-ci's babel infers a union with `any` for that conditional and fails the compile.
 */
function platformWordPieces(word: string, han: boolean): string[] {
  if (han) return segmentHan(word);
  return word.split(/[^a-z0-9]+/);
}

function isHanPair(s: string): boolean {
  return isHan(s.charCodeAt(0)) && isHan(s.charCodeAt(1));
}

/** Chinese query run → thesaurus words (longest first, left to right) and bigrams of what lies between. */
function segmentHan(run: string): string[] {
  const out: string[] = [];
  let rest = '';
  const flush = (): void => {
    if (rest.length === 1 && !out.length && run.length === 1) out.push(rest);
    for (let k = 0; k + 1 < rest.length; k++) out.push(rest.slice(k, k + 2));
    rest = '';
  };
  for (let p = 0; p < run.length;) {
    const word = (ZH_WORDS_BY_FIRST.get(run[p]) ?? []).find((w) => run.startsWith(w, p));
    if (word) {
      flush();
      out.push(word);
      p += word.length;
    } else rest += run[p++];
  }
  flush();
  return out;
}

function commonPrior(entry: Entry, wechat: boolean): number {
  const rank = commonRank(entry.code);
  return wechat && rank >= 0 ? COMMON_CODE - COMMON_CODE_STEP * rank : 0;
}

function codeOrder(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return Math.abs(na) - Math.abs(nb);
  return a < b ? -1 : a > b ? 1 : 0;
}

const indexes = new WeakMap<Catalog, SearchIndex>();

/** The index of a catalog, built on first use. */
export function searchIndex(catalog: Catalog): SearchIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = new SearchIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/** Search with an index built once per catalog. */
export function search(catalog: Catalog, query: string, options: SearchOptions = {}): SearchHit[] {
  return searchIndex(catalog).search(query, options);
}
