// Detail page on the real bundled catalog, in miniprogram-simulate: texts and sources, copy, share,
// favourites (surviving a reload) and corrupted storage.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { KEYS } from '../../miniprogram/adapters/storage';
import {
  attrOf,
  fire,
  installWx,
  instanceOf,
  loader,
  meterSetData,
  textOf,
  type WxStub,
} from '../helpers/simulate';

const renderDetail = loader('pages/detail/index');
let wxStub: WxStub;

beforeEach(() => {
  wxStub = installWx();
});

/** Opens the detail page as navigateTo would: with the URL-encoded id in the query. */
function open(id: string) {
  const comp = renderDetail();
  instanceOf(comp).onLoad({ id: encodeURIComponent(id) } as never);
  return comp;
}

test('answer first: the code, both texts, the action, then one advice block, provenance in one line', () => {
  const comp = open('open:40001');
  const entry = bundledCatalog().get('open:40001');
  expect(textOf(comp.querySelector('.head__code'))).toBe('40001');
  expect(textOf(comp.querySelector('.zh .text__body'))).toBe(entry?.zh);
  expect(textOf(comp.querySelector('.en .text__en'))).toBe(entry?.en);
  // The header names the platform by its long display name (platforms.ts), not the catalog name.
  expect(textOf(comp.querySelector('.head'))).toContain('通用（微信开放平台）');
  expect(textOf(comp.querySelector('.action'))).toBe('刷新 access_token');
  // One advice block: the code's own advice, not also the general step of its action class.
  expect(comp.querySelectorAll('.todo .advice')).toHaveLength(1);
  expect(textOf(comp.querySelector('.todo .project-advice .text__body'))).toBe(entry?.adviceZh);
  expect(textOf(comp.querySelector('.provenance'))).toContain('开放平台 错误码');
  expect(textOf(comp.querySelector('.provenance'))).toContain('第 20 行');
  // Official texts carry no project mark.
  expect(comp.querySelector('.texts .tag--project')).toBeUndefined();
  // The rest is folded until tapped.
  expect(comp.querySelector('.others')).toBeUndefined();
  expect(textOf(comp.querySelector('.family-fold'))).toContain('40xxx：请求不被接受');
});

test('lists the same code on other platforms and the neighbouring codes of the family', async () => {
  const comp = open('open:40001');
  await fire(comp, '.others-fold', 'tap');
  await fire(comp, '.family-fold', 'tap');
  const others = comp.querySelectorAll('.other').map((c) => textOf(c));
  expect(others.length).toBeGreaterThan(0);
  for (const o of others) expect(o).toMatch(/^40001/);
  const neighbours = comp.querySelectorAll('.neighbour').map((c) => textOf(c).slice(0, 5));
  expect(neighbours).toEqual(expect.arrayContaining(['40002', '40003']));
  await fire(comp, '.other', 'tap');
  expect(wxStub.navigateTo.mock.calls[0][0].url).toMatch(/^\/pages\/detail\/index\?id=[a-z]+%3A40001$/);
});

test('copy code calls wx.setClipboardData with the code and confirms with a toast', async () => {
  const comp = open('open:45009');
  await fire(comp, '.copy-code', 'tap');
  expect(wxStub.setClipboardData).toHaveBeenCalledTimes(1);
  expect(wxStub.setClipboardData.mock.calls[0][0].data).toBe('45009');
  expect(wxStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已复制错误码' }));
  await fire(comp, '.copy-message', 'tap');
  const message = wxStub.setClipboardData.mock.calls[1][0].data as string;
  expect(message).toContain('45009');
  expect(message).toContain(bundledCatalog().get('open:45009')?.en);
});

test('share opens this entry', () => {
  const comp = open('open:40164');
  const share = instanceOf(comp).onShareAppMessage() as { path: string; title: string };
  expect(share.path).toBe('/pages/detail/index?id=open%3A40164');
  expect(share.title).toMatch(/^40164/);
  expect(attrOf(comp.querySelector('.share'), 'open-type')).toBe('share');
});

test('icon-like buttons have accessible labels', () => {
  const comp = open('open:40001');
  for (const sel of ['.copy-code', '.copy-message', '.fav', '.share'])
    expect(String(attrOf(comp.querySelector(sel), 'aria-label') ?? '')).not.toBe('');
});

test('favourites survive a reload of the page', async () => {
  const first = open('open:40001');
  expect(first.instance.data.fav).toBe(false);
  await fire(first, '.fav', 'tap');
  expect(first.instance.data.fav).toBe(true);
  expect(textOf(first.querySelector('.fav'))).toContain('已收藏');
  expect(wxStub.storage.get(KEYS.favourites)).toEqual(['open:40001']);
  const again = open('open:40001');
  expect(again.instance.data.fav).toBe(true);
  await fire(again, '.fav', 'tap');
  expect(wxStub.storage.get(KEYS.favourites)).toEqual([]);
  expect(open('open:40001').instance.data.fav).toBe(false);
});

test('opening a detail records it in the history and the counts', () => {
  open('open:40001');
  open('open:42001');
  open('open:40001');
  expect(wxStub.storage.get(KEYS.history)).toEqual(['open:40001', 'open:42001']);
  expect(wxStub.storage.get(KEYS.counts)).toEqual({ 'open:40001': 2, 'open:42001': 1 });
});

test('corrupted storage is survived: the page works and says nothing from the catalog is lost', async () => {
  wxStub.storage.set(KEYS.favourites, 'definitely not json [');
  wxStub.storage.set(KEYS.history, [1, 2, { id: 3 }]);
  const comp = open('open:40001');
  expect(textOf(comp.querySelector('.head__code'))).toBe('40001');
  expect(textOf(comp.querySelector('.notice'))).toContain('没有任何内容丢失');
  await fire(comp, '.fav', 'tap');
  expect(wxStub.storage.get(KEYS.favourites)).toEqual(['open:40001']);
});

test('a full storage does not break favouriting', async () => {
  const comp = open('open:40001');
  wxStub.failWrites = new Error('setStorageSync:fail exceed storage max size 10M');
  await fire(comp, '.fav', 'tap');
  expect(comp.instance.data.fav).toBe(true);
  expect(textOf(comp.querySelector('.notice'))).toContain('无法保存');
});

test('an unknown id says so instead of showing an empty page', () => {
  const comp = open('open:99999999');
  expect(textOf(comp.querySelector('.not-found'))).toContain('open:99999999');
});

test('project texts (translation, note, advice) are marked as the project’s, never as official', () => {
  const catalog = bundledCatalog();
  const base = catalog.get('open:40164');
  if (!base) throw new Error('open:40164 missing from the catalog');
  // A real entry given project texts, as the translation issue adds them (the page reads through catalog.get).
  const translated = {
    ...base,
    zh: 'IP 不在白名单中',
    zhSource: 'wxerr',
    noteZh: '项目注释',
    adviceZh: '项目建议：把服务器出口 IP 加入白名单',
  };
  const get = catalog.get.bind(catalog);
  const spy = jest.spyOn(catalog, 'get').mockImplementation((id) => (id === base.id ? translated : get(id)));
  try {
    const comp = open(base.id);
    expect(textOf(comp.querySelector('.zh'))).toContain('wxerr 译');
    expect(comp.querySelectorAll('.zh .tag--project')).toHaveLength(1);
    expect(textOf(comp.querySelector('.foot'))).toContain('不是微信官方说明');
    expect(comp.querySelector('.en .tag--project')).toBeUndefined();
    expect(textOf(comp.querySelector('.project-advice'))).toContain('wxerr 建议');
    expect(textOf(comp.querySelector('.project-advice'))).toContain('把服务器出口 IP 加入白名单');
    expect(textOf(comp.querySelector('.project-note'))).toContain('wxerr 注');
  } finally {
    spy.mockRestore();
  }
  // And every real project text in the bundled catalog is marked.
  const real = catalog.entries.find((e) => e.zhSource === 'wxerr' || e.enSource === 'wxerr');
  if (real) {
    const comp = open(real.id);
    expect(textOf(comp.querySelector('.texts'))).toMatch(/wxerr 译|translated by wxerr/);
  }
});

test('setData of a detail stays small', () => {
  const comp = renderDetail();
  const meter = meterSetData(comp);
  instanceOf(comp).onLoad({ id: 'open%3A40001' } as never);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
});

test('a full favourites list refuses a new one with a toast and keeps the others', async () => {
  const ids = bundledCatalog()
    .entries.filter((e) => e.id !== 'open:40001')
    .slice(0, 100)
    .map((e) => e.id);
  wxStub.storage.set(KEYS.favourites, ids);
  const comp = open('open:40001');
  await fire(comp, '.fav', 'tap');
  expect(comp.instance.data.fav).toBe(false);
  expect(wxStub.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: expect.stringContaining('收藏已满') }),
  );
  expect(wxStub.storage.get(KEYS.favourites)).toEqual(ids);
});

test('an id of a code the catalog lacks (open:4001): the codes one typo away, drawn as cells that open', async () => {
  const comp = open('open:4001');
  expect(textOf(comp.querySelector('.not-found .empty__title'))).toBe('目录中没有 4001');
  expect(textOf(comp.querySelector('.not-found .empty__text'))).toBe('是不是要查 40001、42001、41001？');
  const cells = comp.querySelectorAll('.not-found .near-cell');
  expect(cells.length).toBeGreaterThan(0);
  expect(textOf(cells[0]).startsWith('40001')).toBe(true);
  await fire(comp, '.near-cell', 'tap');
  expect(wxStub.api.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: expect.stringContaining(encodeURIComponent('open:40001')) }),
  );
  // Not a code: the plain text, no cells.
  const other = open('open:nonsense');
  expect(textOf(other.querySelector('.not-found .empty__text'))).toContain('不在离线目录中');
  expect(other.querySelectorAll('.near-cell')).toHaveLength(0);
});
