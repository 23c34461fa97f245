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
import type { Catalog } from './catalog';
import { platformInfo, platformRank } from './platforms';
import { analyze, keysOfWord, pairCode, type UnitSink } from './search/analyze';
import { parseQuery, type ParsedQuery } from './search/query';
import { CONCEPTS, ZH_WORDS_BY_FIRST } from './search/synonyms';
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
/** Prior per doubling of the WeChat platforms that document a code (40001 on five is met more than 40187). */
const POPULARITY = 3;
/**
 * Prior for the codes developers meet most: the ones the project wrote specific advice for (catalog/project/
 * advice.tsv, chosen by domain: tokens, login, whitelist, quotas…). It orders hits inside a tier only.
 */
const COMMONLY_MET = 6;
const Q_EXACT = 1;
const Q_CONCEPT = 0.9;
const Q_TYPO1 = 0.8;
const Q_TYPO2 = 0.65;
const Q_PREFIX = 0.7;
const MAX_TERMS = 40;
/** Candidates below this share of the best candidate's score are dropped; below FAIR they are not examined further. */
const WEAK = 0.3;
const FAIR = 0.6;
/** A whole entry text inside a pasted query counts as a phrase when it covers this share of the query. */
const REVERSE_PHRASE = 0.7;

/** One wording of an entry: units [first, first + count) of the flat unit arrays, and its phrase form. */
interface Passage {
  field: number;
  first: number;
  count: number;
  phrase: string;
  /** Entry fields that hold exactly this text. */
  origins: ('en' | 'zh' | 'fix')[];
}

/** A text analysed once during the build: its phrase form and where its units are in the flat arrays. */
interface AnalyzedText {
  phrase: string;
  first: number;
  count: number;
}

interface Term {
  keys: number[];
  quality: number[];
  weight: number;
}

interface VocabWord {
  word: string;
  id: number;
  df: number;
  mask: number;
}

export class SearchIndex {
  private readonly entries: readonly Entry[];
  private readonly keyIds = new Map<string, number>();
  /** Chinese bigrams by pairCode: most keys are bigrams, and numbers cost no string. */
  private readonly pairIds = new Map<number, number>();
  private keyCount = 0;
  /** Per key id: entry index · 8 + field, one per (entry, field). */
  private readonly postings: number[][] = [];
  /** Per key id: number of distinct entries. */
  private readonly df: number[] = [];
  /** Last entry that counted towards df, per key id (build only). */
  private readonly lastEntry: number[] = [];
  private readonly passages: Passage[][] = [];
  // Units of every passage, flat: unit u has key ids unitKeys[unitStart[u] .. unitStart[u + 1]) and covers
  // [unitSpan[2u], unitSpan[2u + 1]) of its text.
  private readonly unitKeys: number[] = [];
  private readonly unitStart: number[] = [];
  private readonly unitSpan: number[] = [];
  private readonly prior: Float64Array;
  private readonly codeIndex = new Map<string, number[]>();
  private readonly indexById = new Map<string, number>();
  private readonly upperCodes: string[] = [];
  /** English words of the catalog, sorted, for typo correction and completion. */
  private readonly vocab: VocabWord[] = [];
  private readonly vocabByWord = new Map<string, VocabWord>();
  /** The same words by length, so a typo scan only reads words of a possible length. */
  private readonly vocabByLength: VocabWord[][] = [];

  // Per-query scratch, allocated once.
  private readonly score: Float64Array;
  private readonly matched: Int32Array;
  private readonly best: Float64Array;
  private readonly seenTerm: Int32Array;
  private readonly seenQuery: Int32Array;
  private readonly touched: Int32Array;
  private queryMark: Uint8Array;
  private generation = 0;

  constructor(readonly catalog: Catalog) {
    this.entries = catalog.entries;
    const n = this.entries.length;
    let current = 0;
    const sink: UnitSink & { id(id: number): void } = {
      unit: (start, end) => {
        this.unitStart.push(this.unitKeys.length);
        this.unitSpan.push(start, end);
      },
      key: (key) => sink.id(this.keyId(key)),
      pair: (code) => {
        let id = this.pairIds.get(code);
        if (id === undefined) {
          id = this.newKey();
          this.pairIds.set(code, id);
        }
        sink.id(id);
      },
      id: (id) => {
        this.unitKeys.push(id);
        const list = this.postings[id];
        if (!hasPosting(list, current)) list.push(current);
        if (this.lastEntry[id] !== current >> 3) {
          this.lastEntry[id] = current >> 3;
          this.df[id]++;
        }
      },
    };
    // The same text stands on several platforms (40001 on five, per-code advice on every WeChat platform):
    // it is analysed once and its units replayed.
    const analyzed = new Map<string, AnalyzedText>();
    const codeCount = new Map<string, number>();
    for (const e of this.entries)
      if (platformInfo(e.platform).wechat) codeCount.set(e.code, (codeCount.get(e.code) ?? 0) + 1);
    this.prior = new Float64Array(n);
    this.entries.forEach((entry, index) => {
      const info = platformInfo(entry.platform);
      this.prior[index] =
        POPULARITY * Math.log2(1 + (codeCount.get(entry.code) ?? 0)) +
        (entry.adviceEn ? COMMONLY_MET : 0) +
        (info.wechat ? 0.1 * (12 - platformRank(entry.platform)) : -NON_WECHAT_PENALTY);
      this.indexById.set(entry.id, index);
      const codeKey = entry.code.toUpperCase();
      this.upperCodes.push(codeKey);
      const list = this.codeIndex.get(codeKey);
      if (list) list.push(index);
      else this.codeIndex.set(codeKey, [index]);
      const passages: Passage[] = [];
      const seen = new Map<string, Passage>();
      const add = (field: number, text: string | undefined, origin?: 'en' | 'zh' | 'fix'): void => {
        if (!text) return;
        let p = seen.get(text);
        if (!p) {
          current = index * 8 + field;
          const first = this.unitStart.length;
          const phrase = this.indexText(text, sink, analyzed);
          p = { field, first, count: this.unitStart.length - first, phrase, origins: [] };
          seen.set(text, p);
          passages.push(p);
        }
        if (origin) p.origins.push(origin);
      };
      add(entry.enSource === 'wxerr' ? PROJ : EN, entry.en, 'en');
      add(entry.zhSource === 'wxerr' ? PROJ : ZH, entry.zh, 'zh');
      add(FIX, entry.fix, 'fix');
      for (const t of entry.texts) {
        add(ALT, t.en);
        add(ALT, t.zh);
        add(FIX, t.fix);
        add(NOTE, t.note);
      }
      add(NOTE, entry.noteEn);
      add(NOTE, entry.noteZh);
      add(NOTE, entry.adviceEn);
      add(NOTE, entry.adviceZh);
      this.passages.push(passages);
    });
    this.unitStart.push(this.unitKeys.length);
    this.keyIds.forEach((id, key) => {
      if (!/^[a-z][a-z0-9]*$/.test(key)) return;
      const word: VocabWord = { word: key, id, df: this.df[id], mask: letterMask(key) };
      this.vocab.push(word);
      this.vocabByWord.set(key, word);
    });
    this.vocab.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    for (const v of this.vocab) (this.vocabByLength[v.word.length] ??= []).push(v);
    this.score = new Float64Array(n);
    this.matched = new Int32Array(n);
    this.best = new Float64Array(n);
    this.seenTerm = new Int32Array(n);
    this.seenQuery = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.queryMark = new Uint8Array(this.keyCount);
  }

  /** Units of a text into the flat arrays: analysed the first time, copied from that first time after. */
  private indexText(
    text: string,
    sink: UnitSink & { id(id: number): void },
    cache: Map<string, AnalyzedText>,
  ): string {
    const hit = cache.get(text);
    if (!hit) {
      const first = this.unitStart.length;
      const phrase = analyze(text, sink);
      cache.set(text, { phrase, first, count: this.unitStart.length - first });
      return phrase;
    }
    for (let u = hit.first; u < hit.first + hit.count; u++) {
      // Push the new unit's start first: for the last unit ever indexed, that is where its keys end.
      this.unitStart.push(this.unitKeys.length);
      this.unitSpan.push(this.unitSpan[2 * u], this.unitSpan[2 * u + 1]);
      for (let k = this.unitStart[u]; k < this.unitStart[u + 1]; k++) sink.id(this.unitKeys[k]);
    }
    return hit.phrase;
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.newKey();
      this.keyIds.set(key, id);
    }
    return id;
  }

  private newKey(): number {
    this.postings.push([]);
    this.df.push(0);
    this.lastEntry.push(-1);
    return this.keyCount++;
  }

  private lookupKey(key: string): number | undefined {
    return key.length === 2 && isHanPair(key) ? this.pairIds.get(pairCode(key)) : this.keyIds.get(key);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.page(query, options).hits;
  }

  /** Number of hits a query has in all (for "N results"). */
  count(query: string, options: Pick<SearchOptions, 'platform'> = {}): number {
    return this.page(query, { ...options, limit: 0 }).total;
  }

  /** A page of hits and the total. */
  page(query: string, options: SearchOptions = {}): SearchPage {
    const { limit = 20, offset = 0, platform } = options;
    if (!query.trim()) return { hits: [], total: 0 };
    const parsed = parseQuery(
      query,
      (code) => this.codeIndex.has(code) || this.catalog.lookup(code).length > 0,
    );
    const ranked = this.rank(parsed, platform);
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    const window = ranked.slice(offset, offset + limit);
    const hits = window.map((r) => ({
      entry: this.entries[r.index],
      score: Math.round(r.score * 100) / 100,
      kind: r.kind,
      highlights: this.highlights(r),
    }));
    this.clearMarks();
    return { total: ranked.length, hits };
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
    if (parsed.wholeCode !== undefined) {
      const code = parsed.wholeCode;
      for (const entry of this.catalog.lookup(code)) {
        const i = this.indexById.get(entry.id) ?? -1;
        if (i < 0 || taken.has(i) || !allowed(i)) continue;
        taken.add(i);
        out.push({
          index: i,
          score: TIER.code + 5 - 0.1 * platformRank(entry.platform),
          kind: 'code',
          codeLength: entry.code.length,
        });
      }
      if (/^-?\d+$/.test(code) || code.includes('_')) {
        this.entries.forEach((entry, i) => {
          if (!this.upperCodes[i].startsWith(code) || taken.has(i) || !allowed(i)) return;
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
    for (const r of textHits) textScore.set(r.index, r.score - this.prior[r.index] - TIER.partial);
    for (const code of parsed.codes) {
      for (const entry of this.catalog.lookup(code)) {
        const i = this.indexById.get(entry.id) ?? -1;
        if (i < 0 || taken.has(i) || !allowed(i)) continue;
        taken.add(i);
        out.push({
          index: i,
          score: TIER.code + 0.5 * (textScore.get(i) ?? 0) - 0.1 * platformRank(entry.platform),
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
    const seen = new Set<string>();
    const rs = runs(text, ZH_STOP_CHARS);
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
    });
    return terms;
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
    const known = this.vocabByWord.get(word);
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
      candidates.push(...(this.vocabByLength[len] ?? []));
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
    let lo = 0;
    let hi = this.vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocab[mid].word < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: VocabWord[] = [];
    for (let i = lo; i < this.vocab.length && i < lo + 300 && this.vocab[i].word.startsWith(prefix); i++)
      found.push(this.vocab[i]);
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
    if (!terms.length) return out;
    const gen = ++this.generation;
    const { score, matched, best, seenTerm, seenQuery, touched } = this;
    const candidates: number[] = [];
    let totalWeight = 0;
    const mark = this.queryMark;
    const markedKeys = this.markedKeys;
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
        for (const posting of this.postings[id]) {
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
          candidates.push(e);
        }
        score[e] += term.weight * best[e];
        matched[e]++;
      }
    });
    const qPhrase = analyze(text, NO_SINK).trim();
    const lead = /^[\u3400-\u9fff]/.test(qPhrase) ? '' : ' ';
    const tail = /[\u3400-\u9fff]$/.test(qPhrase) ? '' : ' ';
    const pattern = lead + qPhrase + tail;
    const fullQuery = ' ' + qPhrase + ' ';
    const { unitStart, unitKeys } = this;
    let maxScore = 0;
    for (const e of candidates) if (score[e] > maxScore) maxScore = score[e];
    for (const e of candidates) {
      if (taken.has(e) || (platform && this.entries[e].platform !== platform)) continue;
      // Entries that share only a small part of what the best ones share are noise ("invalid" alone).
      if (score[e] < WEAK * maxScore) continue;
      const qc = score[e] / totalWeight;
      if (matched[e] < terms.length && score[e] < FAIR * maxScore) {
        out.push({ index: e, score: TIER.partial + 60 * qc + this.prior[e], kind: 'partial', codeLength: 0 });
        continue;
      }
      let ec = 0;
      let phrase = false;
      for (const p of this.passages[e]) {
        if (p.field === NOTE) continue;
        const units = p.count;
        if (!units) continue;
        if (p.field !== FIX) {
          let covered = 0;
          for (let u = p.first; u < p.first + units; u++) {
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
          (p.phrase.includes(pattern) || (units >= 2 && qc >= REVERSE_PHRASE && fullQuery.includes(p.phrase)))
        )
          phrase = true;
      }
      const kind: MatchKind = phrase ? 'phrase' : matched[e] === terms.length ? 'all-words' : 'partial';
      out.push({ index: e, score: TIER[kind] + 60 * qc + 25 * ec + this.prior[e], kind, codeLength: 0 });
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
    for (const p of this.passages[r.index]) {
      if (!p.origins.length) continue;
      const ranges: [number, number][] = [];
      for (let u = p.first; u < p.first + p.count; u++) {
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
      for (const field of p.origins) for (const [start, end] of ranges) out.push({ field, start, end });
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

const NO_SINK: UnitSink = { unit: () => undefined, key: () => undefined, pair: () => undefined };

function isHanPair(s: string): boolean {
  return isHan(s.charCodeAt(0)) && isHan(s.charCodeAt(1));
}

/** Postings arrive entry by entry: a duplicate can only be among the last entry's few postings. */
function hasPosting(list: number[], posting: number): boolean {
  for (let k = list.length - 1; k >= 0 && list[k] >> 3 === posting >> 3; k--)
    if (list[k] === posting) return true;
  return false;
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
