// What a cell says beyond its code and meaning, as rendered by the official WXML compiler in
// miniprogram-simulate: the "+N 个平台" of a code with other WeChat meanings (walk6: the view-model carried it,
// the entry-cell template never showed it), and the same count on the scan page's rows (which counted the
// non-WeChat platform of seed 003 too: "+5" beside the search cell's and the CLI's "+4" for 40001); and a cell of
// that non-WeChat platform, shown when the query names it, marked apart from WeChat's (its view-model said
// `apart`, the template did not).
import simulate from 'miniprogram-simulate';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { platformInfo } from '../../miniprogram/core/platforms';
import { search } from '../../miniprogram/core/search';
import { hitCell, type CellView } from '../../miniprogram/core/view/cells';
/** pages/search/index.ts MAX_HITS (the page module registers a Component: not importable here). */
const MAX_HITS = 60;
import { fire, installWx, loader, textOf, typeInto, type Rendered } from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
const renderScan = loader('pages/scan/index');

beforeEach(() => {
  installWx();
});

function firstHit(comp: Rendered): Rendered {
  return comp.querySelectorAll('.hit')[0];
}

test('a code with other WeChat meanings shows "+N 个平台" in its search cell', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001');
  const wechat = bundledCatalog()
    .lookup('40001')
    .filter((e) => platformInfo(e.platform).wechat);
  expect(wechat.length).toBeGreaterThan(1);
  const more = firstHit(comp).querySelector('.tag--more');
  expect(textOf(more)).toBe(`+${wechat.length - 1} 个平台`);
});

test('a code with one meaning shows no "+N 个平台"', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40164');
  expect(bundledCatalog().lookup('40164')).toHaveLength(1);
  expect(textOf(firstHit(comp))).toMatch(/^40164/);
  expect(firstHit(comp).querySelector('.tag--more')).toBeFalsy();
});

test('a scan row counts only the other WeChat meanings, as the search cell does', async () => {
  const all = bundledCatalog().lookup('40001');
  const wechat = all.filter((e) => platformInfo(e.platform).wechat);
  expect(all.length).toBeGreaterThan(wechat.length);
  const comp = renderScan();
  await fire(comp, '.paste', 'input', {
    value: '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}',
  });
  await fire(comp, '.scan-text', 'tap');
  const row = comp.querySelectorAll('.row')[0];
  expect(textOf(row)).toMatch(/^40001/);
  expect(textOf(row)).toContain(`+${wechat.length - 1} 个平台`);
});

test('a query that names the non-WeChat platform shows its cell marked apart, the WeChat cell not', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '40001 非微信');
  const cells = comp.querySelectorAll('.hit');
  const other = cells.find((c) => textOf(c).startsWith('40001非微信'));
  const wechat = cells.find((c) => textOf(c).startsWith('40001通用'));
  if (!other || !wechat) throw new Error(`cells: ${cells.map((c) => textOf(c)).join(' | ')}`);
  expect(other.querySelector('.cell--apart')).toBeTruthy();
  expect(textOf(other.querySelector('.tag--apart'))).toBe('与微信无关');
  expect(wechat.querySelector('.cell--apart')).toBeFalsy();
});

// walk7: those cells were interleaved with WeChat's in rank order; now they stand together in one headed block
// where the best of them ranks (the WeChat cells that outrank it above, the rest after under their own heading),
// and paging keeps that order.
test('the non-WeChat cells stand together in one headed block where the best of them ranks, on every page', async () => {
  const query = '40001 非微信';
  const ranked = search(bundledCatalog(), query, { limit: MAX_HITS }).map(hitCell);
  const best = ranked.findIndex((c) => c.apart);
  expect(best).toBeGreaterThanOrEqual(0);
  expect(ranked.slice(best).some((c) => !c.apart)).toBe(true); // interleaved in rank order
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', query);
  const page = comp.instance as unknown as { onReachBottom(): void; data: { more: boolean } };
  for (let i = 0; i < 5 && page.data.more; i++) {
    page.onReachBottom();
    await simulate.sleep(0);
  }
  const cells = comp.instance.data.cells as CellView[];
  expect(cells.map((c) => c.id).sort()).toEqual(ranked.map((c) => c.id).sort()); // nothing lost, none twice
  const apart = comp.querySelectorAll('.hit').map((c) => !!c.querySelector('.cell--apart'));
  const count = apart.filter(Boolean).length;
  expect(apart.indexOf(true)).toBe(best);
  expect(apart.slice(best, best + count).every(Boolean)).toBe(true);
  expect(cells.slice(0, best).map((c) => c.id)).toEqual(ranked.slice(0, best).map((c) => c.id));
  const heads = comp.querySelectorAll('.apart-head');
  expect(heads).toHaveLength(1);
  expect(textOf(heads[0])).toContain('与微信无关');
  expect(comp.querySelectorAll('.wechat-head')).toHaveLength(1);
  // A query that does not name that platform shows no heading and no such cell.
  await typeInto(comp, '.search-bar__input', '40001');
  expect(comp.querySelectorAll('.apart-head')).toHaveLength(0);
  expect(comp.querySelectorAll('.cell--apart')).toHaveLength(0);
});
