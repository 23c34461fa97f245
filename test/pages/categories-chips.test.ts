// Family chips of the categories page as a support person meets them on a phone (pages8, issue 12 "chips
// grouped and capped, with human names"): the everyday ranges and the biggest families, in code order, capped
// with "更多", and labels without the platform name the tab already shows. miniprogram-simulate, official compiler.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { familyChips, platformEntries } from '../../miniprogram/core/view/browse';
import { textWidth } from '../../miniprogram/core/view/segments';
import { fire, installWx, loader, textOf, type Rendered } from '../helpers/simulate';

const renderCategories = loader('pages/categories/index');

const chipTexts = (comp: Rendered): string[] => comp.querySelectorAll('.family-chip').map((c) => textOf(c));

async function openTab(comp: Rendered, short: string): Promise<void> {
  const tab = comp.querySelectorAll('.tab').find((t) => textOf(t).startsWith(short));
  if (!tab) throw new Error(`no tab ${short}`);
  tab.dispatchEvent('tap', { detail: {} });
  await fire(comp, '.list', 'scroll', {});
}

test('通用: a dozen chips, not 60: the everyday ranges, then the biggest; 更多 shows the rest', async () => {
  installWx();
  const comp = renderCategories();
  const all = familyChips(platformEntries(bundledCatalog(), '开放平台通用'));
  expect(all.length).toBeGreaterThan(40);
  const shown = chipTexts(comp);
  expect(shown.length).toBeLessThanOrEqual(12);
  // The biggest family (40xxx) is there, a one-code family is not.
  expect(shown.some((c) => c.startsWith('40xxx'))).toBe(true);
  expect(textOf(comp.querySelector('.more-chips'))).toContain(String(all.length - shown.length));
  await fire(comp, '.more-chips', 'tap');
  expect(chipTexts(comp)).toHaveLength(all.length);
  expect(comp.querySelector('.more-chips')).toBeFalsy();
});

test.each([
  ['企业微信', '企业微信'],
  ['客户端 errno', '客户端 errno'],
  ['微信支付 v3', '微信支付 APIv3'],
  ['客户端 API', '客户端 API'],
])(
  'on the %s tab no chip repeats the platform name, and none is longer than a phone chip needs',
  async (short, name) => {
    installWx();
    const comp = renderCategories();
    await openTab(comp, short);
    await fire(comp, '.more-chips', 'tap').catch(() => undefined);
    const labels = (comp.instance.data as { chips: { label: string }[] }).chips.map((c) => c.label);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.startsWith(name)).toBe(false);
      expect(textWidth(label)).toBeLessThanOrEqual(28);
    }
  },
);
