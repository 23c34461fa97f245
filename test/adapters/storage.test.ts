// The storage adapter: bounded, deduplicated lists validated on read; corrupted or foreign values start empty
// with a notice; write failures are caught. Runs against an in-memory store and against the wx stub.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import {
  KEYS,
  LIMITS,
  RESET_NOTICE,
  UserData,
  WRITE_NOTICE,
  openUserData,
  type KeyValueStore,
} from '../../miniprogram/adapters/storage';
import { installWx } from '../helpers/simulate';

const catalog = bundledCatalog();
const known = (id: string): boolean => catalog.get(id) !== undefined;
const ids = catalog.entries.map((e) => e.id);

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, unknown>();
  failWrites = false;
  get(key: string): unknown {
    return this.map.has(key) ? JSON.parse(JSON.stringify(this.map.get(key))) : '';
  }
  set(key: string, value: unknown): void {
    if (this.failWrites) throw new Error('setStorageSync:fail exceed storage max size');
    this.map.set(key, JSON.parse(JSON.stringify(value)));
  }
}

test('favourites toggle, newest first, survive a new adapter on the same store', () => {
  const store = new MemoryStore();
  const user = new UserData(store, known);
  expect(user.toggleFavourite('open:40001')).toBe(true);
  expect(user.toggleFavourite('open:42001')).toBe(true);
  expect(user.favourites()).toEqual(['open:42001', 'open:40001']);
  const again = new UserData(store, known);
  expect(again.isFavourite('open:40001')).toBe(true);
  expect(again.toggleFavourite('open:40001')).toBe(false);
  expect(new UserData(store, known).favourites()).toEqual(['open:42001']);
  expect(again.notice).toBe('');
});

test('history is deduplicated and bounded; counts rank the most viewed', () => {
  const store = new MemoryStore();
  const user = new UserData(store, known);
  for (const id of ids.slice(0, LIMITS.history + 10)) user.recordView(id);
  user.recordView(ids[3]);
  user.recordView(ids[3]);
  const history = user.history();
  expect(history).toHaveLength(LIMITS.history);
  expect(new Set(history).size).toBe(history.length);
  expect(history[0]).toBe(ids[3]);
  expect(user.mostViewed(1)).toEqual([ids[3]]);
  expect(store.get(KEYS.counts)).toMatchObject({ [ids[3]]: 3 });
});

test('favourites are bounded and counts never grow past their limit', () => {
  const store = new MemoryStore();
  const user = new UserData(store, known);
  for (const id of ids.slice(0, LIMITS.favourites)) user.toggleFavourite(id);
  expect(user.favouritesFull()).toBe(true);
  // A full list refuses a new favourite instead of silently dropping the oldest.
  expect(user.toggleFavourite(ids[LIMITS.favourites])).toBe(false);
  expect(user.favourites()).toHaveLength(LIMITS.favourites);
  expect(user.favourites()).toContain(ids[0]);
  expect(user.toggleFavourite(ids[0])).toBe(false);
  expect(user.favouritesFull()).toBe(false);
  // A stored list longer than the bound (e.g. written by another version) is cut to the bound on read.
  const store2 = new MemoryStore();
  store2.map.set(KEYS.favourites, ids.slice(0, LIMITS.favourites + 20));
  expect(new UserData(store2, known).favourites()).toHaveLength(LIMITS.favourites);
  for (const id of ids.slice(0, LIMITS.counts + 50)) user.recordView(id);
  expect(Object.keys(store.get(KEYS.counts) as object)).toHaveLength(LIMITS.counts);
});

test('recent queries are trimmed, deduplicated and bounded', () => {
  const user = new UserData(new MemoryStore(), known);
  for (let i = 0; i < 15; i++) user.recordQuery(` q${i} `);
  user.recordQuery('q3');
  user.recordQuery('   ');
  const queries = user.recentQueries();
  expect(queries).toHaveLength(LIMITS.queries);
  expect(queries[0]).toBe('q3');
  expect(queries.filter((q) => q === 'q3')).toHaveLength(1);
});

test.each([
  ['a string', 'not json ['],
  ['an object', { favourites: ['open:40001'] }],
  ['a number', 42],
  ['an array with non-strings', ['open:40001', 7, null]],
])('a corrupted or foreign value (%s) starts empty with a notice, once', (_name, value) => {
  const store = new MemoryStore();
  store.map.set(KEYS.favourites, value);
  const user = new UserData(store, known);
  expect(user.favourites()).toEqual([]);
  expect(user.notice).toBe(RESET_NOTICE);
  expect(RESET_NOTICE).toContain('没有任何内容丢失');
  // The bad value was replaced: the next start is quiet, and new favourites work.
  const next = new UserData(store, known);
  expect(next.favourites()).toEqual([]);
  expect(next.notice).toBe('');
  expect(next.toggleFavourite('open:40001')).toBe(true);
});

test('corrupted counts start empty; unknown ids and bad counts are dropped quietly', () => {
  const store = new MemoryStore();
  store.map.set(KEYS.counts, ['x']);
  expect(new UserData(store, known).mostViewed(5)).toEqual([]);
  store.map.set(KEYS.counts, { 'open:40001': 2, 'gone:1': 9, 'open:42001': -1, 'open:45009': 'x' });
  store.map.set(KEYS.history, ['open:40001', 'gone:1', 'open:40001']);
  const user = new UserData(store, known);
  expect(user.mostViewed(5)).toEqual(['open:40001']);
  expect(user.history()).toEqual(['open:40001']);
  expect(user.notice).toBe('');
});

test('a throwing storage read or write keeps the app running with a notice', () => {
  const throwing: KeyValueStore = {
    get: () => {
      throw new Error('getStorageSync:fail');
    },
    set: () => {
      throw new Error('setStorageSync:fail');
    },
  };
  const user = new UserData(throwing, known);
  expect(user.favourites()).toEqual([]);
  expect(user.notice).toBe(RESET_NOTICE);
  expect(user.toggleFavourite('open:40001')).toBe(true);
  expect(user.isFavourite('open:40001')).toBe(true);
  expect(user.notice).toBe(WRITE_NOTICE);
});

test('openUserData uses wx storage with versioned keys', () => {
  const wxStub = installWx();
  const user = openUserData();
  user.toggleFavourite('open:40001');
  user.recordView('open:40001');
  expect(wxStub.storage.get('wxerr:favourites:v1')).toEqual(['open:40001']);
  expect(wxStub.storage.get('wxerr:history:v1')).toEqual(['open:40001']);
  expect(openUserData().favourites()).toEqual(['open:40001']);
  // An id that is not in the catalog is never recorded.
  user.recordView('open:not-a-code');
  expect(wxStub.storage.get('wxerr:history:v1')).toEqual(['open:40001']);
});
