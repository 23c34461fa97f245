// Favourites, history, recent searches and "most looked up" counts, kept in wx storage behind a small typed
// adapter. Values are validated on read: a corrupted or foreign value (another app version, a manual edit)
// makes that list start empty with a notice, never a crash. Write failures (storage full) are caught.

import { bundledCatalog } from '../core/catalog';

/** The storage the adapter needs; wx storage in the app, a Map in tests. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** wx storage. `getStorageSync` answers '' for a missing key. */
export const wxStore: KeyValueStore = {
  get: (key) => wx.getStorageSync(key),
  set: (key, value) => wx.setStorageSync(key, value),
};

export const KEYS = {
  favourites: 'wxerr:favourites:v1',
  history: 'wxerr:history:v1',
  queries: 'wxerr:queries:v1',
  counts: 'wxerr:counts:v1',
} as const;

export const LIMITS = { favourites: 100, history: 30, queries: 10, counts: 200 } as const;

/** Shown once when a stored list could not be read. */
export const RESET_NOTICE = '本机保存的收藏或记录无法读取，已重新开始；错误码目录完整，没有任何内容丢失。';
export const WRITE_NOTICE = '无法保存到本机（存储空间可能已满）；本次使用不受影响。';

const MAX_QUERY = 40;

type ListKey = 'favourites' | 'history' | 'queries';

export class UserData {
  private readonly lists: Partial<Record<ListKey, string[]>> = {};
  private countMap?: Record<string, number>;
  /** One line to show when something stored was unreadable or could not be saved; '' otherwise. */
  notice = '';

  /** `isKnown` tells ids that still exist in the catalog; stale ids are dropped quietly. */
  constructor(
    private readonly store: KeyValueStore,
    private readonly isKnown: (id: string) => boolean,
  ) {}

  favourites(): string[] {
    return this.list('favourites').slice();
  }

  isFavourite(id: string): boolean {
    return this.list('favourites').includes(id);
  }

  /** True when no more favourites can be added (the list is at its bound). */
  favouritesFull(): boolean {
    return this.list('favourites').length >= LIMITS.favourites;
  }

  /**
   * Adds or removes a favourite; answers whether it is a favourite now. Newest first. A full list refuses a
   * new one (answers false) rather than silently dropping the oldest.
   */
  toggleFavourite(id: string): boolean {
    const list = this.list('favourites');
    const on = !list.includes(id);
    if (on && list.length >= LIMITS.favourites) return false;
    this.save('favourites', on ? [id, ...list] : list.filter((x) => x !== id));
    return on;
  }

  /** Entries viewed, newest first, without repeats. */
  history(): string[] {
    return this.list('history').slice();
  }

  /** Records a detail view: moves the id to the front of the history and counts it. */
  recordView(id: string): void {
    if (!this.isKnown(id)) return;
    this.save('history', [id, ...this.list('history').filter((x) => x !== id)]);
    const counts = { ...this.counts() };
    counts[id] = (counts[id] ?? 0) + 1;
    this.saveCounts(counts);
  }

  clearHistory(): void {
    this.save('history', []);
  }

  /** Queries the user opened a hit from, newest first. */
  recentQueries(): string[] {
    return this.list('queries').slice();
  }

  recordQuery(query: string): void {
    const q = query.trim().slice(0, MAX_QUERY);
    if (!q) return;
    this.save('queries', [q, ...this.list('queries').filter((x) => x !== q)]);
  }

  /** Ids viewed most often, most first (ties: most recently viewed first). */
  mostViewed(n: number): string[] {
    const counts = this.counts();
    const recency = this.list('history');
    const rank = (id: string): number => {
      const at = recency.indexOf(id);
      return at < 0 ? recency.length : at;
    };
    return Object.keys(counts)
      .sort((a, b) => counts[b] - counts[a] || rank(a) - rank(b))
      .slice(0, n);
  }

  private list(key: ListKey): string[] {
    const cached = this.lists[key];
    if (cached) return cached;
    const raw = this.read(KEYS[key]);
    let value: string[] = [];
    if (raw !== undefined) {
      if (Array.isArray(raw) && raw.every((x) => typeof x === 'string')) {
        const items = key === 'queries' ? raw : raw.filter((id) => this.isKnown(id));
        value = dedupe(items).slice(0, LIMITS[key]);
      } else {
        // Replace the unreadable value so the notice shows once, not on every start.
        this.notice = RESET_NOTICE;
        this.write(KEYS[key], value);
      }
    }
    this.lists[key] = value;
    return value;
  }

  private counts(): Record<string, number> {
    if (this.countMap) return this.countMap;
    const raw = this.read(KEYS.counts);
    const out: Record<string, number> = {};
    if (raw !== undefined) {
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const [id, n] of Object.entries(raw as Record<string, unknown>)) {
          if (typeof n === 'number' && Number.isInteger(n) && n > 0 && this.isKnown(id)) out[id] = n;
        }
      } else {
        this.notice = RESET_NOTICE;
        this.write(KEYS.counts, out);
      }
    }
    this.countMap = out;
    return out;
  }

  /** The stored value, or undefined when nothing is stored. A throwing storage counts as unreadable. */
  private read(key: string): unknown {
    try {
      const raw = this.store.get(key);
      return raw === '' || raw === null || raw === undefined ? undefined : raw;
    } catch {
      this.notice = RESET_NOTICE;
      return undefined;
    }
  }

  private save(key: ListKey, value: string[]): void {
    const bounded = dedupe(value).slice(0, LIMITS[key]);
    this.lists[key] = bounded;
    this.write(KEYS[key], bounded);
  }

  private saveCounts(counts: Record<string, number>): void {
    let ids = Object.keys(counts);
    if (ids.length > LIMITS.counts) {
      // Keep the most counted; drop the rest.
      ids = ids.sort((a, b) => counts[b] - counts[a]).slice(0, LIMITS.counts);
      counts = Object.fromEntries(ids.map((id) => [id, counts[id]]));
    }
    this.countMap = counts;
    this.write(KEYS.counts, counts);
  }

  private write(key: string, value: unknown): void {
    try {
      this.store.set(key, value);
    } catch {
      // The in-memory state stays; only persistence failed.
      this.notice = WRITE_NOTICE;
    }
  }
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** The user's data in wx storage, validated against the bundled catalog. Reads storage lazily, once per key. */
export function openUserData(store: KeyValueStore = wxStore): UserData {
  const catalog = bundledCatalog();
  return new UserData(store, (id) => catalog.get(id) !== undefined);
}

const perPage = new WeakMap<object, UserData>();

/**
 * The user's data for one page: read from storage once when the page shows (`fresh`, from onShow/onLoad),
 * then served from memory for every tap until the next show. Another page may have changed storage in the
 * meantime, which is why each show starts fresh; writes go through to storage at once.
 */
export function pageUserData(page: object, fresh = false, store: KeyValueStore = wxStore): UserData {
  let user = perPage.get(page);
  if (!user || fresh) {
    user = openUserData(store);
    perPage.set(page, user);
  }
  return user;
}
