// Search page on the real bundled catalog, in miniprogram-simulate with the official WXML compiler.
import simulate from 'miniprogram-simulate';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { KEYS } from '../../miniprogram/adapters/storage';
import {
  attrOf,
  countNodes,
  fire,
  installWx,
  instanceOf,
  loader,
  meterSetData,
  textOf,
  typeInto,
  type Rendered,
  type WxStub,
} from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
const renderDetail = loader('pages/detail/index');
let wxStub: WxStub;

beforeEach(() => {
  wxStub = installWx();
});

function hits(comp: Rendered): Rendered[] {
  return comp.querySelectorAll('.hit');
}

/** The id of the entry a hit cell shows (data-id on the cell host). */
function hitIds(comp: Rendered): string[] {
  return (comp.instance.data.cells as { id: string }[]).map((c) => c.id);
}

test('typing "40001" shows 40001 first, with the code highlighted', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001');
  const first = hits(comp)[0];
  expect(textOf(first)).toMatch(/^40001/);
  expect(hitIds(comp)[0]).toBe('open:40001');
  expect(textOf(first.querySelector('.hl'))).toBe('40001');
  expect(textOf(first)).toContain('access_token');
});

test('typing "ip白名单" shows an IP-whitelist entry first', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', 'ip白名单');
  const id = hitIds(comp)[0];
  const entry = bundledCatalog().get(id);
  expect(entry).toBeDefined();
  const text = [entry?.zh, entry?.en, entry?.fix].join(' ').toLowerCase();
  expect(text).toContain('ip');
  expect(text).toMatch(/白名单|whitelist|white-list|white list/);
  // The match is visible in the first cell.
  expect(hits(comp)[0].querySelectorAll('.hl').length).toBeGreaterThan(0);
});

test('tapping a hit opens its detail page and remembers the search', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001');
  await fire(comp, '.hit', 'tap');
  expect(wxStub.navigateTo).toHaveBeenCalledTimes(1);
  expect(wxStub.navigateTo.mock.calls[0][0].url).toBe('/pages/detail/index?id=open%3A40001');
  expect(wxStub.storage.get(KEYS.queries)).toEqual(['40001']);
});

test('a broad query shows 20 hits, then 20 more on reaching the bottom, sending only the new cells', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '4');
  expect(hits(comp)).toHaveLength(20);
  expect(comp.instance.data.more).toBe(true);
  const meter = meterSetData(comp);
  instanceOf(comp).onReachBottom();
  await simulate.sleep(0);
  expect(hits(comp)).toHaveLength(40);
  expect(meter.keys[0].filter((k) => k.startsWith('cells['))).toHaveLength(20);
  expect(meter.keys[0]).not.toContain('cells');
  // Paging stops at the cap with a message instead of growing the page without end.
  for (let i = 0; i < 10; i++) instanceOf(comp).onReachBottom();
  await simulate.sleep(0);
  expect(hits(comp)).toHaveLength(60);
  expect(textOf(comp.querySelector('.foot'))).toContain('更具体');
});

test('budgets: setData per keystroke ≤ 16 KB, never the catalog, and < 1000 WXML nodes at the most hits', async () => {
  const comp = renderSearch();
  const meter = meterSetData(comp);
  for (const query of ['ip白名单', 'invalid', '40001', 'access_token', '-1', '云函数']) {
    await typeInto(comp, '.search-bar__input', query);
    await typeInto(comp, '.search-bar__input', '');
  }
  expect(meter.sizes.length).toBeGreaterThan(20);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
  // No entry objects (texts/sources) ever go to the view layer.
  for (const keys of meter.keys) expect(keys).not.toContain('entries');
  await typeInto(comp, '.search-bar__input', 'invalid');
  for (let i = 0; i < 5; i++) instanceOf(comp).onReachBottom();
  await simulate.sleep(0);
  expect(hits(comp).length).toBe(60);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
  const nodes = countNodes(comp);
  expect(nodes).toBeGreaterThan(60 * 5);
  expect(nodes).toBeLessThan(1000);
  const data = JSON.stringify(comp.instance.data);
  expect(data).not.toContain('"sources"');
});

test('a number that is not in the catalog, with no code one typo away, is explained by its family', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '89999');
  expect(hits(comp)).toHaveLength(0);
  const text = textOf(comp.querySelector('.no-match'));
  expect(text).toContain('目录中没有 89999');
  expect(text).toContain('89xxx');
  expect(text).toContain(bundledCatalog().family('89999').zh);
  await typeInto(comp, '.search-bar__input', 'zzqqxx');
  expect(textOf(comp.querySelector('.no-match'))).toContain('没有找到“zzqqxx”');
});

test('the empty state shows recent searches, favourites, recent views and the most looked-up codes', async () => {
  wxStub.storage.set(KEYS.queries, ['白名单']);
  wxStub.storage.set(KEYS.favourites, ['open:40164']);
  wxStub.storage.set(KEYS.history, ['open:42001', 'open:40001']);
  // 45009 was looked up often but is not among the recent views: the personal list adds something.
  wxStub.storage.set(KEYS.counts, { 'open:40001': 3, 'open:45009': 2, 'open:42001': 1 });
  const comp = renderSearch();
  expect(textOf(comp.querySelector('.recent'))).toBe('白名单');
  expect(textOf(comp.querySelector('.favourites'))).toMatch(/^40164/);
  expect(comp.querySelectorAll('.seen').map((c) => textOf(c).slice(0, 5))).toEqual(['42001', '40001']);
  expect(textOf(comp)).toContain('你最常查的错误码');
  // Chips carry the code and its short meaning.
  const chips = comp.querySelectorAll('.popular .chip').map((c) => textOf(c));
  expect(chips.map((t) => t.split(' ')[0])).toEqual(['40001', '45009', '42001']);
  expect(chips[0].length).toBeGreaterThan(6);
  // A recent search chip runs it.
  await fire(comp, '.recent .chip', 'tap');
  expect(comp.instance.data.state).toBe('results');
  expect(comp.instance.data.query).toBe('白名单');
});

test('the most looked-up codes are not shown when 最近查看 already shows them all: common codes instead', () => {
  wxStub.storage.set(KEYS.history, ['open:42001', 'open:40001']);
  wxStub.storage.set(KEYS.counts, { 'open:40001': 3, 'open:42001': 1 });
  const comp = renderSearch();
  expect(comp.querySelectorAll('.seen')).toHaveLength(2);
  expect(textOf(comp)).not.toContain('你最常查的错误码');
  expect(textOf(comp)).toContain('常见错误码');
  const chips = comp.querySelectorAll('.popular .chip').map((c) => textOf(c).split(' ')[0]);
  expect(chips.length).toBeGreaterThan(2);
  expect(chips).toContain('45009');
});

test('with nothing stored the home suggests common codes and says nothing is wrong', () => {
  const comp = renderSearch();
  expect(textOf(comp)).toContain('常见错误码');
  expect(comp.querySelectorAll('.popular .chip').map((c) => textOf(c).split(' ')[0])).toContain('40001');
  expect(comp.querySelector('.notice')).toBeUndefined();
});

test('corrupted storage is survived: the home starts empty and says the catalog is intact', async () => {
  wxStub.storage.set(KEYS.favourites, '{"not": "a list"');
  wxStub.storage.set(KEYS.history, { foreign: true });
  wxStub.storage.set(KEYS.counts, 'garbage');
  const comp = renderSearch();
  expect(textOf(comp.querySelector('.notice'))).toContain('没有任何内容丢失');
  expect(comp.querySelector('.favourites')).toBeUndefined();
  await typeInto(comp, '.search-bar__input', '40001');
  expect(hitIds(comp)[0]).toBe('open:40001');
});

test('the clear button is labelled and goes back to the home', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001');
  const clear = comp.querySelector('.search-bar__clear');
  expect(attrOf(clear, 'aria-label')).toBe('清除搜索');
  await fire(comp, '.search-bar__clear', 'tap');
  expect(comp.instance.data.state).toBe('home');
  expect(hits(comp)).toHaveLength(0);
});

test('a full favourites list fits the budgets when shown in full on the home', async () => {
  const ids = bundledCatalog()
    .entries.slice(0, 130)
    .map((e) => e.id);
  wxStub.storage.set(KEYS.favourites, ids.slice(0, 100));
  // Recent views that are not favourites (最近查看 leaves favourites out).
  wxStub.storage.set(KEYS.history, ids.slice(100));
  const comp = renderSearch();
  expect(comp.querySelectorAll('.fav')).toHaveLength(10);
  const meter = meterSetData(comp);
  await fire(comp, '.show-all', 'tap');
  expect(comp.querySelectorAll('.fav')).toHaveLength(100);
  expect(comp.querySelectorAll('.seen')).toHaveLength(5);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
  expect(countNodes(comp)).toBeLessThan(1000);
});

test('tapping a hit opens its detail with both texts (following the navigateTo URL)', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001');
  await fire(comp, '.hit', 'tap');
  const url = String(wxStub.navigateTo.mock.calls[0][0].url);
  const [pagePath, query] = url.split('?');
  expect(pagePath).toBe('/pages/detail/index');
  const detail = renderDetail();
  instanceOf(detail).onLoad(Object.fromEntries(query.split('&').map((kv) => kv.split('='))) as never);
  const entry = bundledCatalog().get(hitIds(comp)[0]);
  expect(entry?.zh).not.toBe('');
  expect(entry?.en).not.toBe('');
  expect(textOf(detail.querySelector('.zh .text__body'))).toBe(entry?.zh);
  expect(textOf(detail.querySelector('.en .text__en'))).toBe(entry?.en);
});

test('a walk through search and detail reads each storage key at most once per page show', async () => {
  const reads = wxStub.api.getStorageSync as jest.Mock;
  const keysRead = (): string[] => reads.mock.calls.map((call) => String(call[0]));
  const perShow = Object.keys(KEYS).length;

  const comp = renderSearch(); // attached: the first show reads storage
  instanceOf(comp).onShow(); // the first onShow follows attached at once: no second read
  await typeInto(comp, '.search-bar__input', 'invalid credential');
  await fire(comp, '.hit', 'tap'); // records the query from memory, writes through
  const searchReads = keysRead();
  expect(searchReads.length).toBeLessThanOrEqual(perShow);
  expect(new Set(searchReads).size).toBe(searchReads.length);

  reads.mockClear();
  const detail = renderDetail();
  instanceOf(detail).onLoad({ id: 'open%3A40001' } as never);
  await fire(detail, '.fav', 'tap');
  await fire(detail, '.fav', 'tap');
  expect(keysRead().length).toBeLessThanOrEqual(perShow);

  reads.mockClear();
  instanceOf(comp).onShow(); // back from the detail page: read again, once per key
  expect(keysRead().length).toBeLessThanOrEqual(perShow);
  expect(wxStub.storage.get(KEYS.queries)).toEqual(['invalid credential']);
});

describe('the prebuilt index arrives from its subpackage (require.async)', () => {
  type Adapter = typeof import('../../miniprogram/adapters/search-index');
  type Core = typeof import('../../miniprogram/core/search');
  type CatalogModule = typeof import('../../miniprogram/core/catalog');
  /** A fresh module registry: nothing installed, nothing loaded, as on a phone just launched. */
  function launch(): { adapter: Adapter; core: Core; catalog: CatalogModule; render: () => Rendered } {
    jest.resetModules();
    /* eslint-disable @typescript-eslint/no-require-imports */
    const adapter = require('../../miniprogram/adapters/search-index') as Adapter;
    const core = require('../../miniprogram/core/search') as Core;
    const catalog = require('../../miniprogram/core/catalog') as CatalogModule;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { adapter, core, catalog, render: loader('pages/search/index') };
  }
  /** The subpackage's module as require.async resolves it: its exports. */
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const indexModule = (): unknown => require('../../miniprogram/subpackages/search-index/search-index');

  test('a query typed before the subpackage arrives waits, then answers from the prebuilt index', async () => {
    const { adapter, core, catalog, render } = launch();
    let arrive: () => void = () => undefined;
    // app.ts's onLaunch, with require.async resolving when the download is done.
    void adapter.loadPrebuiltIndex(() => new Promise((resolve) => (arrive = () => resolve(indexModule()))));
    const comp = render();
    await typeInto(comp, '.search-bar__input', '40001');
    expect(comp.instance.data.state).toBe('home');
    expect(hits(comp)).toHaveLength(0);
    arrive();
    await simulate.sleep(0);
    expect(comp.instance.data.state).toBe('results');
    expect(textOf(hits(comp)[0])).toMatch(/^40001/);
    expect(core.searchIndex(catalog.bundledCatalog()).prebuilt).toBe(true);
  });

  test('a query cleared while it waits for the index is not answered when the index arrives', async () => {
    const { adapter, render } = launch();
    let arrive: () => void = () => undefined;
    void adapter.loadPrebuiltIndex(() => new Promise((resolve) => (arrive = () => resolve(indexModule()))));
    const comp = render();
    await typeInto(comp, '.search-bar__input', '40001');
    await fire(comp, '.search-bar__clear', 'tap');
    arrive();
    await simulate.sleep(0);
    expect(comp.instance.data.state).toBe('home');
    expect(hits(comp)).toHaveLength(0);
  });

  test('a require.async that rejects: the query is answered from an index built from the texts', async () => {
    const { adapter, core, catalog, render } = launch();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = { errMsg: 'require.async:fail download subpackage failed', mod: 'search-index.js' };
    void adapter.loadPrebuiltIndex(() => Promise.reject(failure));
    const comp = render();
    await typeInto(comp, '.search-bar__input', '40001');
    expect(textOf(hits(comp)[0])).toMatch(/^40001/);
    expect(core.searchIndex(catalog.bundledCatalog()).prebuilt).toBe(false);
    expect(String(warn.mock.calls[0]?.[0])).toContain(failure.errMsg);
    warn.mockRestore();
  });

  test('a subpackage that never arrives: the query waits only the bounded time, then answers', async () => {
    const { adapter, core, catalog, render } = launch();
    // Long enough for one keystroke to be handled well before it, even on a loaded machine.
    const waitMs = 1000;
    void adapter.loadPrebuiltIndex(() => new Promise(() => undefined), waitMs);
    const comp = render();
    await fire(comp, '.search-bar__input', 'input', { value: '40001' });
    expect(hits(comp)).toHaveLength(0);
    await simulate.sleep(waitMs + 100);
    expect(textOf(hits(comp)[0])).toMatch(/^40001/);
    expect(core.searchIndex(catalog.bundledCatalog()).prebuilt).toBe(false);
  });
});
