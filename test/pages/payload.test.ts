// setData bytes per interaction and storage reads per page show, over the states a support person walks
// through (pages8, issue 12 "storage read once per page show"): every page in miniprogram-simulate with the
// official compiler, wx strict. WXERR_PAYLOAD_REPORT=1 prints the table (state, calls, largest, total bytes).
import simulate from 'miniprogram-simulate';
import { KEYS } from '../../miniprogram/adapters/storage';
import { MAX_PASTE_CHARS } from '../../miniprogram/pages/scan/results';
import { mediaApi, vkApi } from '../adapters/vk-stub';
import {
  fire,
  installWx,
  instanceOf,
  loader,
  meterSetData,
  typeInto,
  type Rendered,
  type SetDataMeter,
  type WxStub,
} from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
const renderDetail = loader('pages/detail/index');
const renderCategories = loader('pages/categories/index');
const renderScan = loader('pages/scan/index');

/** One call's budget (the page tests' 16 KB per keystroke; WeChat's audit flags 256 KB). */
const CALL_MAX = 16 * 1024;
const table: { state: string; calls: number; max: number; total: number; reads: number }[] = [];

let wxStub: WxStub;
const reads = (): string[] =>
  (wxStub.api.getStorageSync as jest.Mock).mock.calls.map((call: unknown[]) => String(call[0]));

/** Measures one interaction: the setData calls it makes and the storage keys it reads. */
async function measure(
  state: string,
  comp: Rendered,
  act: () => Promise<void> | void,
): Promise<SetDataMeter> {
  const meter = meterSetData(comp);
  (wxStub.api.getStorageSync as jest.Mock).mockClear();
  await act();
  await simulate.sleep(0);
  table.push({
    state,
    calls: meter.sizes.length,
    max: meter.max(),
    total: meter.total(),
    reads: reads().length,
  });
  return meter;
}

afterAll(() => {
  if (!process.env.WXERR_PAYLOAD_REPORT) return;
  const rows = table.map(
    (r) => `${r.state.padEnd(34)} ${r.calls} calls, max ${r.max} B, total ${r.total} B, ${r.reads} reads`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
});

beforeEach(() => {
  wxStub = installWx();
  wxStub.storage.set(KEYS.favourites, ['open:40001']);
  wxStub.storage.set(KEYS.history, ['open:40164', 'open:40001']);
});

describe('search', () => {
  test.each(['40001', 'ip白名单', '40001 非微信', 'hello world', '45999', '4001'])(
    'typing "%s" key by key: every call ≤ 16 KB and no storage read',
    async (query) => {
      const comp = renderSearch();
      const meter = await measure(`search "${query}"`, comp, () =>
        typeInto(comp, '.search-bar__input', query),
      );
      expect(meter.sizes.length).toBeGreaterThan(0);
      expect(meter.max()).toBeLessThanOrEqual(CALL_MAX);
      expect(reads()).toEqual([]);
    },
  );

  test('once the index is there, a keystroke is one setData call (two per key made 20 calls/s at 10 keys/s)', async () => {
    const comp = renderSearch();
    await typeInto(comp, '.search-bar__input', '4'); // the first query may wait for the index
    const meter = await measure('search: 5 keys after the index', comp, () =>
      typeInto(comp, '.search-bar__input', 'ip白名单'),
    );
    expect(meter.sizes).toHaveLength(Array.from('ip白名单').length);
    expect((comp.instance.data as { query: string }).query).toBe('ip白名单');
  });

  test('a show reads each storage key at most once; typing and tapping after it read none', async () => {
    const comp = renderSearch();
    instanceOf(comp).onShow(); // follows attached at once
    await measure('search: back from a detail (show)', comp, () => instanceOf(comp).onShow());
    const shown = reads();
    expect(shown.length).toBeLessThanOrEqual(Object.keys(KEYS).length);
    expect(new Set(shown).size).toBe(shown.length);
    await measure('search: type, open a hit', comp, async () => {
      await typeInto(comp, '.search-bar__input', 'invalid credential');
      await fire(comp, '.hit', 'tap');
    });
    expect(reads()).toEqual([]);
  });
});

describe('detail', () => {
  test.each([
    'open:40001',
    'open:-1',
    'wecom:60020',
    'payv3:APPID_MCHID_NOT_MATCH',
    'wxapi:requestPayment:fail cancel',
    'open:4001',
  ])('opening %s: one call ≤ 16 KB; each storage key read at most once', async (id) => {
    const comp = renderDetail();
    const meter = await measure(`detail ${id}`, comp, () =>
      instanceOf(comp).onLoad({ id: encodeURIComponent(id) } as never),
    );
    expect(meter.max()).toBeLessThanOrEqual(CALL_MAX);
    expect(new Set(reads()).size).toBe(reads().length);
    // Favourite, unfavourite, open a fold, the English advice: from memory, and only what changed.
    if (id === 'open:4001') return;
    const taps = await measure(`detail ${id}: taps`, comp, async () => {
      await fire(comp, '.fav', 'tap');
      await fire(comp, '.fav', 'tap');
      await fire(comp, '.family-fold', 'tap');
    });
    expect(reads()).toEqual([]);
    expect(taps.max()).toBeLessThanOrEqual(512);
  });
});

describe('categories and scan read no storage', () => {
  test('categories: first render, a tab, a chip', async () => {
    const meter = meterSetData(renderCategories());
    expect(reads()).toEqual([]);
    const comp = renderCategories();
    const taps = await measure('categories: tab, chip', comp, async () => {
      await fire(comp, '.tab', 'tap');
      await fire(comp, '.family-chip', 'tap');
    });
    expect(Math.max(meter.max(), taps.max())).toBeLessThanOrEqual(CALL_MAX);
    expect(reads()).toEqual([]);
  });

  const LOG =
    '{"errcode":40164,"errmsg":"invalid ip 47.96.121.18, not in whitelist rid: 65efb3a2-1c0e5d7a-3f1b2c44"}';
  test.each([
    [
      'paste and scan',
      async (comp: Rendered) => {
        await fire(comp, '.paste', 'input', { value: LOG });
        await fire(comp, '.scan-text', 'tap');
      },
    ],
    [
      'a paste past the bound',
      async (comp: Rendered) => {
        await fire(comp, '.paste', 'input', { value: LOG.padEnd(MAX_PASTE_CHARS + 1, ' ') });
        await fire(comp, '.scan-text', 'tap');
      },
    ],
    ['an empty scan', (comp: Rendered) => fire(comp, '.scan-text', 'tap')],
  ] as const)('scan: %s', async (name, act) => {
    const comp = renderScan();
    const meter = await measure(`scan: ${name}`, comp, () => act(comp));
    expect(meter.max()).toBeLessThanOrEqual(CALL_MAX);
    expect(meter.keys.flat()).not.toContain('text'); // the typed text stays out of setData
    expect(reads()).toEqual([]);
  });

  test('scan: the clipboard and a screenshot (VisionKit stub) send the shown text once', async () => {
    const vk = vkApi({ anchors: ['今天开始,授权时候一直报40029,invalid code的错误'] });
    wxStub = installWx({
      ...vk.api,
      ...mediaApi({ width: 300, height: 200 }),
      getClipboardData: (o: { success: (r: { data: string }) => void }) => o.success({ data: LOG }),
    });
    const comp = renderScan();
    // A meter keeps counting after its interaction: each is checked before the next starts.
    const sentText = (m: SetDataMeter): number => m.keys.filter((k) => k.includes('text')).length;
    const clip = await measure('scan: clipboard', comp, () => fire(comp, '.clipboard', 'tap'));
    expect(clip.max()).toBeLessThanOrEqual(CALL_MAX);
    expect(sentText(clip)).toBe(1);
    const before = clip.sizes.length;
    await measure('scan: screenshot (VisionKit stub)', comp, () => instanceOf(comp).onScanImage());
    expect(Math.max(...clip.sizes.slice(before))).toBeLessThanOrEqual(CALL_MAX);
    expect(sentText(clip)).toBe(2);
    expect((comp.instance.data as { rows: unknown[] }).rows).toHaveLength(1);
    expect(reads()).toEqual([]);
  });
});
