// Search over the catalog. Pure TypeScript, no wx: used by the search page and `wxerr search`.
// CONTRACT (pages and CLI rely on it): SearchIndex, SearchHit, SearchPage, HighlightRange, search().
// The engine, one concern per file under search/: query.ts and terms.ts parse the query, dictionary.ts and
// passages.ts index the catalog (prebuilt for the bundled one by `npm run catalog`), prior.ts and rank.ts
// score, top.ts (with heap.ts) reads the best hits as far as the page needs and makes one cell per code, group.ts
// does the same for lookups. This file puts them together: codes first, then text, then one cell per code.
// The prebuilt index is not imported here: the mini-program loads it from a subpackage (adapters/search-index.ts)
// and Node imports it; both hand it over with installPrebuiltIndex().
import { isBundled, type Catalog } from './catalog';
import type { Entry, Platform } from './types';
import { Dictionary, INDEX_VERSION, buildIndex, type PackedIndex } from './search/dictionary';
import { codeTypos } from './search/code-typos';
import { decideNoMatch, evidenceOf, numberOfAnotherService, type Evidence } from './search/evidence';
import { isWechat, nearestCodes, otherMeanings, type CodeCell } from './search/group';
import { highlightsOf } from './search/highlights';
import { normalizeQueryCode, parseQuery, pickErrMsg, type ParsedQuery } from './search/query';
import { Ranker, TIER, type MatchKind, type Ranked } from './search/rank';
import { RERANK_K, RERANK_SHIPPED, cellFeatures, reranked, rerankOrder } from './search/rerank';
import { topCells } from './search/top';
import { TermParser, onlyWeakTerms, type QueryTerms } from './search/terms';
import { foldChars } from './search/text';
import { anyServiceNumber, strayCode } from './search/stray';
import { quotesWording, spellsWording } from './search/wording';

export type { MatchKind } from './search/rank';
export type { Evidence } from './search/evidence';

/** The shipped no-match decision: the fitted model's log-odds above 0. It was fitted on unfiltered answers:
 * under a platform filter round 4's bars stay (evidence.weak). */
const fittedNoMatch = (evidence: Evidence): boolean => decideNoMatch(evidence);
const filteredNoMatch = (evidence: Evidence): boolean => evidence.weak;

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
  /**
   * Internal, for the benches only (nomatch.ts records the evidence, search.ts scores round 4's bars): whether a
   * text hit's evidence means no match. Default: the fitted model (search/evidence.ts); round 4's bars under a filter.
   */
  noMatch?: (evidence: Evidence) => boolean;
  /**
   * Internal, for the benches only (rerank.ts records the features and scores orders): the order of the first
   * cells of an answered text query from their features (search/rerank.ts). Default: today's order.
   */
  rerank?: (rows: number[][]) => readonly number[];
}

/** Hits of one page and how many there are in all. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
  /** When nothing matches meaningfully: the nearest entries, as "did you mean" (empty otherwise). */
  suggestions: SearchHit[];
}

/** Suggestions offered when nothing matches. */
const SUGGESTIONS = 3;

/** The bundled catalog's prebuilt index, once installed. */
let prebuiltIndex: PackedIndex | undefined;

/**
 * Gives the core the bundled catalog's prebuilt index (subpackages/search-index/search-index.ts). Indexes made
 * after this use it; one already built from the texts stays as it is (same answers, only built the slow way).
 */
export function installPrebuiltIndex(packed: PackedIndex): void {
  prebuiltIndex = packed;
}

export class SearchIndex {
  /** True when this index is the prebuilt one, false when it was built from the catalog's texts. */
  readonly prebuilt: boolean;
  private readonly dict: Dictionary;
  private readonly ranker: Ranker;
  private readonly parser: TermParser;
  /** Terms of the current query's text. */
  private query: QueryTerms = { terms: [], named: 0, unknown: 0 };

  constructor(readonly catalog: Catalog) {
    // The bundled catalog's index comes prebuilt once installed (catalog:check keeps it in step); others build theirs.
    const packed = isBundled(catalog) ? prebuiltIndex : undefined;
    this.prebuilt = packed?.v === INDEX_VERSION && packed.n === catalog.size;
    this.dict = new Dictionary(packed && this.prebuilt ? packed : buildIndex(catalog));
    this.ranker = new Ranker(catalog, this.dict);
    this.parser = new TermParser(this.dict, catalog.size);
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
    const noMatch = options.noMatch ?? (platform ? filteredNoMatch : fittedNoMatch);
    if (!query.trim()) return { hits: [], total: 0, suggestions: [] };
    let parsed = parseQuery(query, (code) => this.catalog.lookupIndices(code).length > 0);
    // An "api:fail …" that is no catalog code as written: the catalog errMsg of that API its words pick.
    const fails = parsed.apiFails ?? [];
    for (let k = 0; k < fails.length && !parsed.codes.length; k++) {
      const code = pickErrMsg(this.catalog, fails[k].api, fails[k].rest);
      if (code) parsed = { ...parsed, codes: [normalizeQueryCode(code)] };
    }
    // Exact for the first cells of the page (or the suggestions); later hits are only counted.
    // (Off by default: search/rerank.ts RERANK_SHIPPED.)
    const order = options.rerank ?? (RERANK_SHIPPED ? rerankOrder : undefined);
    const need = Math.max(offset + limit, SUGGESTIONS, order ? RERANK_K : 0);
    const top = (q: ParsedQuery) => topCells(this.catalog, this.ranker, this.rank(q, platform), need);
    let found: ReturnType<typeof top> | undefined;
    if (parsed.spelled !== undefined && !parsed.codes.length && !parsed.foreign) {
      // An unknown constant's name (OUT_OF_RESPONSE_COUNT_LIMIT) whose words are an official wording names
      // that error: its words alone are the query.
      const named: ParsedQuery = { codes: [], text: parsed.spelled, open: false };
      const alt = top(named);
      if (spellsWording(this.catalog, parsed.spelled, alt.cells[0])) [parsed, found] = [named, alt];
    }
    if (parsed.quoted && !parsed.codes.length && !parsed.foreign && parsed.unknownCode === undefined) {
      // An official wording quoted whole inside a sentence (系统返回错误：“不合法的文件类型”) is the error, on the
      // platform the sentence names if it names one (获取会话内容存档…提示“API接口无权限调用”: WeCom's 48002).
      // The spans are ranked before the sentence (whose platforms its parse gives), so the ranking the checks
      // below read is always the last one made: the span's, or the sentence's.
      const named = this.parser.parse(parsed.text, parsed.open).named;
      const quoted = this.quotedWording(parsed.quoted, top, named);
      if (quoted) [parsed, found] = quoted;
    }
    found ??= top(parsed);
    const { cells, total } = found;
    const hit = (r: Ranked): SearchHit => {
      const entry = this.catalog.entryAt(r.index);
      return {
        entry,
        score: Math.round(r.score * 100) / 100,
        kind: r.kind,
        highlights: highlightsOf(this.catalog, this.ranker, r),
        also: platform ? [] : otherMeanings(this.catalog, entry),
        apart: !isWechat(entry),
      };
    };
    let result: SearchPage;
    if (parsed.wholeCode !== undefined && !total) {
      // A code the catalog does not list: the codes one typo away (4001 → 40001), then its family's nearest (45999).
      const typos = codeTypos(this.catalog, parsed.wholeCode, SUGGESTIONS);
      const typed = new Set(typos.map((c) => c.code));
      const family = nearestCodes(this.catalog, parsed.wholeCode, SUGGESTIONS).filter(
        (c) => !typed.has(c.code),
      );
      const near = [...typos, ...family].slice(0, SUGGESTIONS).map(suggestion);
      result = { total: 0, hits: [], suggestions: near };
    } else if (!parsed.codes.length && parsed.unknownCode !== undefined) {
      // A code no WeChat table has ("6000003 code", ERR_LOGIN_FAILED, "statusCode": 190): another service's.
      // A number gets its family's nearest known codes, a string code the nearest text hits.
      const family = /^-?\d+$/.test(parsed.unknownCode)
        ? nearestCodes(this.catalog, parsed.unknownCode, SUGGESTIONS).map(suggestion)
        : [];
      const near = family.length ? family : cells.slice(0, SUGGESTIONS).map(hit);
      result = { total: 0, hits: [], suggestions: near };
    } else if (
      parsed.foreign ||
      (!parsed.codes.length && this.noOverlap(parsed)) ||
      strayCode(this.catalog, this.ranker, parsed, cells[0]) ||
      anyServiceNumber(this.catalog, this.ranker, this.dict, this.query.terms, query, parsed, cells[0]) ||
      (!parsed.codes.length &&
        parsed.wholeCode === undefined &&
        numberOfAnotherService(query, parsed.open, cells[0], (code) => this.catalog.has(code))) ||
      this.weakEvidence(query, parsed, cells, noMatch)
    ) {
      // Nothing meaningful in common ("hello world") or another service ("钉钉推送问题", even with a number
      // that WeChat also uses: "飞书…错误码：10002"): no hits, the nearest ones offered as suggestions.
      result = { total: 0, hits: [], suggestions: cells.slice(0, SUGGESTIONS).map(hit) };
    } else {
      // A text query's first cells, re-ordered from their evidence (not under a filter: fitted without one).
      const text = !parsed.codes.length && parsed.wholeCode === undefined && !platform && cells.length > 1;
      const ordered =
        order && text ? reranked(cells, order(cellFeatures(this.catalog, this.ranker, cells))) : cells;
      result = { total, hits: ordered.slice(offset, offset + limit).map(hit), suggestions: [] };
    }
    this.ranker.clearMarks();
    return result;
  }

  /**
   * True when the best hit, a text hit for a query that names no code, is too weakly evidenced to be an answer
   * ("Bug: When creating a new collection get 502 error", "upload 组件上传失败"): search/evidence.ts.
   */
  private weakEvidence(
    query: string,
    parsed: ParsedQuery,
    cells: readonly Ranked[],
    noMatch: (evidence: Evidence) => boolean,
  ): boolean {
    if (parsed.codes.length || parsed.wholeCode !== undefined) return false;
    const { terms, unknown } = this.query;
    const folded = foldChars(query);
    const evidence = evidenceOf(
      query,
      folded,
      parsed.open,
      terms,
      unknown,
      this.ranker,
      this.dict,
      cells,
      (code) => this.catalog.has(code),
    );
    return !!evidence && noMatch(evidence);
  }

  /** The first quoted span that is one of its own top hit's wordings (on a named platform, if any), as a query, and its ranking. */
  private quotedWording<T extends { cells: Ranked[] }>(
    spans: readonly string[],
    top: (q: ParsedQuery) => T,
    platforms: number,
  ): [ParsedQuery, T] | undefined {
    for (const span of spans) {
      const named: ParsedQuery = { codes: [], text: span, open: false };
      const alt = top(named);
      const first = alt.cells[0];
      const onNamed = !platforms || (first && platforms & (1 << this.catalog.platformRankAt(first.index)));
      if (onNamed && quotesWording(this.catalog, span, first)) return [named, alt];
    }
    return undefined;
  }

  /**
   * True when the query shares nothing meaningful with the catalog: some of its words are unknown and the
   * rest were found only through typo corrections or completions ("hello world": "world" → "word").
   */
  private noOverlap(parsed: ParsedQuery): boolean {
    return parsed.wholeCode === undefined && this.query.unknown > 0 && onlyWeakTerms(this.query.terms);
  }

  private rank(parsed: ParsedQuery, platform: Platform | undefined): Ranked[] {
    const out: Ranked[] = [];
    const taken = new Set<number>();
    const catalog = this.catalog;
    const allowed = (i: number): boolean => !platform || catalog.platformAt(i) === platform;
    this.ranker.clearMarks();
    this.ranker.named = 0;
    this.query = { terms: [], named: 0, unknown: 0 };
    if (parsed.wholeCode !== undefined) {
      const code = parsed.wholeCode;
      // In the catalog's order: the meaning most commonly met first; a Pay code as one API spells it
      // (ORDERNOTEXIST is APIv2's, ORDER_NOT_EXIST APIv3's) first on that API.
      const indices = catalog.lookupIndices(code);
      const spelled = spelledAs(catalog, indices, code);
      indices.forEach((i, k) => {
        if (taken.has(i) || !allowed(i)) return;
        taken.add(i);
        out.push({
          index: i,
          score: TIER.code + 5 - 0.1 * k + spelled(i),
          kind: 'code',
          codeLength: catalog.codeAt(i).length,
        });
      });
      if (/^-?\d+$/.test(code) || code.includes('_')) {
        for (let i = 0; i < catalog.size; i++) {
          const own = catalog.codeAt(i);
          if (!own.startsWith(code) || taken.has(i) || !allowed(i)) continue;
          taken.add(i);
          const extra = own.length - code.length;
          out.push({
            index: i,
            score: TIER.prefix + 50 - 5 * Math.min(extra, 8) - 0.1 * catalog.platformRankAt(i),
            kind: 'prefix',
            codeLength: code.length,
          });
        }
      }
      if (out.length) {
        // Within a prefix, lower codes first (45001 before 45002), as in the official tables.
        out.sort((a, b) => b.score - a.score || codeOrder(catalog.codeAt(a.index), catalog.codeAt(b.index)));
        out.forEach((r, k) => (r.score -= k * 1e-6));
        return out;
      }
      return this.rankText(foldChars(code), true, platform, out, taken);
    }
    const textHits = this.rankText(parsed.text, parsed.open, platform, [], new Set());
    if (!parsed.codes.length) return textHits;
    // The words decide between the meanings of a named code: those hits need their exact scores.
    const named = new Set(parsed.codes.flatMap((code) => catalog.lookupIndices(code)));
    for (const r of textHits) if (named.has(r.index)) this.ranker.settle(r);
    // A code named in the query comes first; the words of the query order its meanings across platforms.
    const textScore = new Map<number, number>();
    // The words' evidence without the platform prior: here the words decide between platforms.
    for (const r of textHits)
      textScore.set(
        r.index,
        r.score - this.ranker.prior(r.index) - this.ranker.boost(r.index) - TIER.partial,
      );
    for (const code of parsed.codes) {
      const indices = catalog.lookupIndices(code);
      const spelled = spelledAs(catalog, indices, code);
      for (const i of indices) {
        if (taken.has(i) || !allowed(i)) continue;
        taken.add(i);
        out.push({
          index: i,
          score:
            TIER.code +
            0.5 * (textScore.get(i) ?? 0) +
            this.ranker.boost(i) -
            // "接口调用微信 45009 错误": a platform with its own numbering means the code only when named;
            // the non-WeChat platform comes after every WeChat meaning of the code.
            this.ranker.namedCodePenalty(i) -
            0.1 * catalog.platformRankAt(i) +
            spelled(i),
          kind: 'code',
          codeLength: catalog.codeAt(i).length,
        });
      }
    }
    for (const r of textHits) if (!taken.has(r.index)) out.push(r);
    return out;
  }

  private rankText(
    text: string,
    open: boolean,
    platform: Platform | undefined,
    out: Ranked[],
    taken: Set<number>,
  ): Ranked[] {
    this.query = this.parser.parse(text, open);
    this.ranker.named = this.query.named;
    return this.ranker.rankText(this.query.terms, text, platform, out, taken);
  }
}

function suggestion(cell: CodeCell): SearchHit {
  return {
    entry: cell.primary,
    score: 0,
    kind: 'partial',
    highlights: [],
    also: cell.also,
    apart: cell.apart,
  };
}

/**
 * For a code with several spellings (Pay's ORDERNOTEXIST on APIv2, ORDER_NOT_EXIST on APIv3): 1 for the entries
 * whose own code is the code as typed, 0 for the rest; 0 for all when every entry has it as typed (a number).
 */
function spelledAs(catalog: Catalog, indices: readonly number[], code: string): (i: number) => number {
  if (indices.every((i) => catalog.codeAt(i) === code)) return () => 0;
  return (i) => (catalog.codeAt(i) === code ? 1 : 0);
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
