// Issue 12: "Unknown codes list the nearest known codes of their family" and "no match" comes with the nearest
// suggestions. The hint said "同号段已收录的相近错误码：" but the page drew no cells after it.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import { nearestCodes } from '../../miniprogram/core/search/group';
import { fire, installWx, loader, textOf, typeInto, type Rendered, type WxStub } from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
let wxStub: WxStub;

beforeEach(() => {
  wxStub = installWx();
});

const nearCodes = (comp: Rendered): string[] =>
  comp.querySelectorAll('.near-cell').map((cell) => /^-?\d+/.exec(textOf(cell))?.[0] ?? '');

test('89999 (no code one typo away): the nearest known 89xxx codes are drawn under the hint, a tap opens one', async () => {
  expect(codeTypos(bundledCatalog(), '89999')).toEqual([]);
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '89999');
  expect(textOf(comp.querySelector('.no-match'))).toContain('同号段已收录的相近错误码');
  const expected = nearestCodes(bundledCatalog(), '89999', 5).map((c) => c.code);
  expect(expected.length).toBeGreaterThan(0);
  expect(nearCodes(comp)).toEqual(expected);
  await fire(comp, '.near-cell', 'tap');
  expect(wxStub.api.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: expect.stringContaining(encodeURIComponent(`open:${expected[0]}`)) }),
  );
});

test('45999: did you mean the codes one typo away (no family label), drawn first, then nearby 45xxx codes', async () => {
  const typos = codeTypos(bundledCatalog(), '45999', 5).map((c) => c.code);
  expect(typos.length).toBeGreaterThan(0);
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '45999');
  const text = textOf(comp.querySelector('.no-match .empty__text'));
  expect(textOf(comp.querySelector('.no-match .empty__title'))).toBe('目录中没有 45999');
  // The question names the codes; their meanings stand once, in the cells under it (pages8: not twice).
  expect(text).toMatch(new RegExp(`^是不是要查 ${typos.slice(0, 3).join('、')}？`));
  expect(text).not.toContain('（');
  expect(text).not.toContain('按号段');
  const drawn = nearCodes(comp);
  expect(drawn.slice(0, typos.length)).toEqual(typos);
  for (const code of drawn.slice(typos.length)) expect(code).toMatch(/^45\d{3}$/);
});

test('4001 has prefix hits (40010…): the codes one typo away stand above them as chips that search them', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', '4001');
  expect(comp.querySelectorAll('.hit').length).toBeGreaterThan(0);
  const hint = textOf(comp.querySelector('.typo-hint__text'));
  expect(hint).toMatch(/^目录中没有 4001；是不是要查 40001（/);
  const chips = comp.querySelectorAll('.typo-chip').map(textOf);
  expect(chips).toEqual(codeTypos(bundledCatalog(), '4001', 3).map((c) => c.code));
  await fire(comp, '.typo-chip', 'tap');
  expect(textOf(comp.querySelector('.hit')).startsWith('40001')).toBe(true);
  expect(comp.querySelector('.typo-hint')).toBeFalsy();
});

test('a query with nothing in common shows its nearest suggestions as cells', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', 'hello world');
  expect(comp.querySelectorAll('.hit')).toHaveLength(0);
  expect(textOf(comp.querySelector('.no-match'))).toContain('最接近的几个');
  expect(nearCodes(comp).length).toBeGreaterThan(0);
});
