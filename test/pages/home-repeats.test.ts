// The search home of a returning user (pages8): a code already shown under 收藏 is not shown again under
// 最近查看, nor as a common-code chip; the "most looked up" chips stand in only when they add a code.
// miniprogram-simulate with the official compiler; wx is strict.
import { KEYS } from '../../miniprogram/adapters/storage';
import { installWx, loader, textOf } from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
const codes = (cells: { dom?: Element }[]): string[] => cells.map((c) => textOf(c).slice(0, 5));

test('最近查看 leaves out the favourites shown above it', () => {
  const wxStub = installWx();
  wxStub.storage.set(KEYS.favourites, ['open:40001', 'open:40164']);
  wxStub.storage.set(KEYS.history, ['open:40001', 'open:40164', 'open:45009']);
  const comp = renderSearch();
  expect(codes(comp.querySelectorAll('.fav'))).toEqual(['40001', '40164']);
  expect(codes(comp.querySelectorAll('.seen'))).toEqual(['45009']);
  // Nor do the common-code chips offer them again.
  const chips = comp.querySelectorAll('.popular .chip').map((c) => textOf(c).split(' ')[0]);
  expect(chips.length).toBeGreaterThan(3);
  for (const code of ['40001', '40164', '45009']) expect(chips).not.toContain(code);
});

test('with every recent view a favourite, 最近查看 is not shown at all', () => {
  const wxStub = installWx();
  wxStub.storage.set(KEYS.favourites, ['open:40001']);
  wxStub.storage.set(KEYS.history, ['open:40001']);
  wxStub.storage.set(KEYS.counts, { 'open:40001': 4 });
  const comp = renderSearch();
  expect(textOf(comp)).not.toContain('最近查看');
  // The one code looked up most is already a favourite: the common codes instead of a repeat.
  expect(textOf(comp)).not.toContain('你最常查的错误码');
});
