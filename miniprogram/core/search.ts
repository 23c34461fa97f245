// Search over the catalog. This is the simple first version (exact code, code prefix, substring);
// ranking is refined by the search issue. Pure TypeScript, no wx.
import { normalizeCode, type Catalog } from './catalog';
import { platformRank } from './platforms';
import type { Entry } from './types';

export interface SearchHit {
  entry: Entry;
  score: number;
  /** Why it matched: 'code', 'prefix', 'text'. */
  reason: 'code' | 'prefix' | 'text';
}

export interface SearchOptions {
  limit?: number;
}

export function search(catalog: Catalog, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 20;
  const q = query.trim();
  if (!q) return [];
  const code = normalizeCode(q);
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const add = (entry: Entry, score: number, reason: SearchHit['reason']): void => {
    if (seen.has(entry.id)) return;
    seen.add(entry.id);
    hits.push({ entry, score, reason });
  };
  for (const entry of catalog.lookup(code)) add(entry, 100, 'code');
  const needle = q.toLowerCase();
  for (const entry of catalog.entries) {
    if (entry.code.startsWith(code) && /^-?\d+$/.test(code)) add(entry, 50, 'prefix');
    else if (entry.en.toLowerCase().includes(needle) || entry.zh.includes(q) || (entry.fix ?? '').includes(q))
      add(entry, 10, 'text');
  }
  return hits
    .sort((a, b) => b.score - a.score || platformRank(a.entry.platform) - platformRank(b.entry.platform))
    .slice(0, limit);
}
