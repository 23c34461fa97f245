// Category tabs on the real bundled catalog, in miniprogram-simulate: tabs with counts, family chips, a
// windowed list that follows the scroll position, and taps that open a detail.
import simulate from 'miniprogram-simulate';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { PLATFORMS } from '../../miniprogram/core/platforms';
import { compareCodes } from '../../miniprogram/core/view/cells';
import {
  countNodes,
  fire,
  installWx,
  loader,
  meterSetData,
  textOf,
  type Rendered,
  type WxStub,
} from '../helpers/simulate';

const renderCategories = loader('pages/categories/index');
let wxStub: WxStub;

beforeEach(() => {
  wxStub = installWx();
});

function rowCodes(comp: Rendered): string[] {
  return (comp.instance.data.rows as { id: string }[]).map((r) => r.id.split(':').slice(1).join(':'));
}

async function scrollList(comp: Rendered, scrollTop: number): Promise<void> {
  await fire(comp, '.list', 'scroll', { scrollTop });
}

test('one tab per platform, each with its entry count', () => {
  const comp = renderCategories();
  const counts = bundledCatalog().countByPlatform();
  const tabs = comp.querySelectorAll('.tab');
  expect(tabs).toHaveLength(counts.size);
  const open = counts.get('开放平台通用') ?? 0;
  expect(open).toBeGreaterThan(1000);
  expect(textOf(tabs[0])).toBe(`通用${open}`);
  expect(textOf(comp.querySelector('.tab--on'))).toBe(`通用${open}`);
  expect(comp.instance.data.total).toBe(open);
});

test('the long list renders a window of rows, not the whole platform', async () => {
  const comp = renderCategories();
  const total = comp.instance.data.total as number;
  const rows = comp.querySelectorAll('.row');
  expect(rows.length).toBeGreaterThanOrEqual(40);
  expect(rows.length).toBeLessThanOrEqual(60);
  expect(countNodes(comp)).toBeLessThan(1000);
  expect(comp.instance.data.bottom).toBe((total - rows.length) * 72);
  // Rows come in code order.
  const codes = rowCodes(comp).map(Number);
  expect(codes).toEqual([...codes].sort((a, b) => a - b));

  // Scrolling far down moves the window there; the spacer above keeps the scroll height.
  const meter = meterSetData(comp);
  await scrollList(comp, 1000 * 72);
  const start = comp.instance.data.top / 72;
  expect(start).toBeGreaterThan(950);
  expect(start).toBeLessThanOrEqual(1000);
  expect(comp.querySelectorAll('.row').length).toBeLessThanOrEqual(60);
  const sorted = bundledCatalog()
    .entries.filter((e) => e.platform === '开放平台通用')
    .map((e) => e.code)
    .sort(compareCodes);
  expect(rowCodes(comp)).toContain(sorted[1000]);
  // A small scroll inside the window sends nothing.
  meter.reset();
  await scrollList(comp, 1000 * 72 + 30);
  expect(meter.sizes).toHaveLength(0);
  // The end of the list is reachable.
  await scrollList(comp, total * 72);
  expect(comp.instance.data.bottom).toBe(0);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
});

test('tabs switch the list and the family chips', async () => {
  const comp = renderCategories();
  const errnoAt = PLATFORMS.findIndex((p) => p.key === 'errno');
  const tabs = comp.querySelectorAll('.tab');
  tabs[errnoAt].dispatchEvent('tap');
  await simulate.sleep(0);
  expect(comp.instance.data.active).toBe('errno');
  expect(comp.instance.data.total).toBe(bundledCatalog().countByPlatform().get('小程序客户端 errno'));
  const chips = comp.querySelectorAll('.family-chip').map((c) => textOf(c));
  // The tab names the platform: its chips do not repeat it ('网络', not '客户端 errno：网络').
  expect(chips.some((c) => c.startsWith('网络'))).toBe(true);
  for (const id of (comp.instance.data.rows as { id: string }[]).map((r) => r.id))
    expect(id).toMatch(/^errno:/);
});

test('a family chip filters the list; tapping it again clears the filter', async () => {
  const comp = renderCategories();
  const all = comp.instance.data.total as number;
  const chip = comp.querySelectorAll('.family-chip').find((c) => textOf(c).startsWith('45xxx'));
  if (!chip) throw new Error('no 45xxx chip');
  expect(textOf(chip)).toContain('限制与拦截');
  chip.dispatchEvent('tap');
  await simulate.sleep(0);
  const expected = bundledCatalog().entries.filter(
    (e) => e.platform === '开放平台通用' && e.family === '45xxx',
  );
  expect(comp.instance.data.family).toBe('45xxx');
  expect(comp.instance.data.total).toBe(expected.length);
  for (const code of rowCodes(comp)) expect(code).toMatch(/^45\d{3}$/);
  expect(textOf(comp.querySelector('.chip--on'))).toMatch(/^45xxx/);
  chip.dispatchEvent('tap');
  await simulate.sleep(0);
  expect(comp.instance.data.total).toBe(all);
});

test('switching tabs sends cells, never entries', async () => {
  const comp = renderCategories();
  const meter = meterSetData(comp);
  for (const tab of comp.querySelectorAll('.tab')) {
    tab.dispatchEvent('tap');
    await simulate.sleep(0);
  }
  expect(meter.sizes.length).toBeGreaterThan(5);
  expect(meter.max()).toBeLessThanOrEqual(16 * 1024);
  expect(JSON.stringify(comp.instance.data)).not.toContain('"sources"');
});

test('tapping a row opens its detail', async () => {
  const comp = renderCategories();
  await fire(comp, '.row', 'tap');
  const first = (comp.instance.data.rows as { id: string }[])[0].id;
  expect(wxStub.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: `/pages/detail/index?id=${encodeURIComponent(first)}` }),
  );
});

test('rows grow with a large WeChat font setting, and the window follows the taller rows', async () => {
  wxStub = installWx({ getAppBaseInfo: () => ({ SDKVersion: '3.4.0', fontSizeSetting: 22 }) });
  const comp = renderCategories();
  const rowHeight = comp.instance.data.rowHeight as number;
  expect(rowHeight).toBe(Math.ceil((72 * 22) / 17));
  // A scroll of 100 rows of the taller height lands on row 100's window, not row 130's.
  await scrollList(comp, 100 * rowHeight);
  const first = (comp.instance.data.top as number) / rowHeight;
  expect(first).toBeLessThanOrEqual(100);
  expect(first + (comp.instance.data.rows as unknown[]).length).toBeGreaterThan(100);
});

test('without a font setting (old base library) rows keep the default height', () => {
  const comp = renderCategories();
  expect(comp.instance.data.rowHeight).toBe(72);
});
