// Issue 12: "Unknown codes list the nearest known codes of their family" and "no match" comes with the nearest
// suggestions. The hint said "同号段已收录的相近错误码：" but the page drew no cells after it.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { nearestCodes } from '../../miniprogram/core/search/group';
import { fire, installWx, loader, textOf, typeInto, type Rendered, type WxStub } from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
let wxStub: WxStub;

beforeEach(() => {
  wxStub = installWx();
});

const nearCodes = (comp: Rendered): string[] =>
  comp.querySelectorAll('.near-cell').map((cell) => /^-?\d+/.exec(textOf(cell))?.[0] ?? '');

test('45999: the nearest known 45xxx codes are drawn under the hint, and a tap opens one', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '45999');
  expect(textOf(comp.querySelector('.no-match'))).toContain('同号段已收录的相近错误码');
  const expected = nearestCodes(bundledCatalog(), '45999', 5).map((c) => c.code);
  expect(expected.length).toBeGreaterThan(0);
  expect(nearCodes(comp)).toEqual(expected);
  await fire(comp, '.near-cell', 'tap');
  expect(wxStub.api.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: expect.stringContaining(encodeURIComponent(`open:${expected[0]}`)) }),
  );
});

test('a query with nothing in common shows its nearest suggestions as cells', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', 'hello world');
  expect(comp.querySelectorAll('.hit')).toHaveLength(0);
  expect(textOf(comp.querySelector('.no-match'))).toContain('最接近的几个');
  expect(nearCodes(comp).length).toBeGreaterThan(0);
});
