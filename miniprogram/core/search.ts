// Search over the catalog. Pure TypeScript, no wx: used by the search page and `wxerr search`.
// CONTRACT (pages and CLI rely on it): SearchIndex, SearchHit, HighlightRange, search().
// The ranking below is the simple first version; the search issue replaces the internals.
import { normalizeCode, type Catalog } from './catalog';
import { platformRank } from './platforms';
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

export class SearchIndex {
  constructor(readonly catalog: Catalog) {}

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const { limit = 20, offset = 0, platform } = options;
    const q = query.trim();
    if (!q) return [];
    const code = normalizeCode(q);
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (entry: Entry, score: number, kind: MatchKind, highlights: HighlightRange[]): void => {
      if (seen.has(entry.id) || (platform && entry.platform !== platform)) return;
      seen.add(entry.id);
      hits.push({ entry, score, kind, highlights });
    };
    for (const entry of this.catalog.lookup(code))
      add(entry, 100, 'code', [{ field: 'code', start: 0, end: entry.code.length }]);
    const needle = q.toLowerCase();
    for (const entry of this.catalog.entries) {
      if (/^-?\d+$/.test(code) && entry.code.startsWith(code)) {
        add(entry, 50, 'prefix', [{ field: 'code', start: 0, end: code.length }]);
        continue;
      }
      for (const field of ['zh', 'en', 'fix'] as const) {
        const at = (entry[field] ?? '').toLowerCase().indexOf(needle);
        if (at >= 0) {
          add(entry, 10, 'phrase', [{ field, start: at, end: at + needle.length }]);
          break;
        }
      }
    }
    return hits
      .sort((a, b) => b.score - a.score || platformRank(a.entry.platform) - platformRank(b.entry.platform))
      .slice(offset, offset + limit);
  }
}

const indexes = new WeakMap<Catalog, SearchIndex>();

/** Search with an index built once per catalog. */
export function search(catalog: Catalog, query: string, options: SearchOptions = {}): SearchHit[] {
  let index = indexes.get(catalog);
  if (!index) {
    index = new SearchIndex(catalog);
    indexes.set(catalog, index);
  }
  return index.search(query, options);
}
