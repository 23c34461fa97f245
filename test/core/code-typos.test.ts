// A typo'd code gets a did-you-mean (polish3 brief, item 1): the known WeChat codes one edit away (a digit
// inserted, deleted, changed, or two neighbouring digits swapped), the most commonly met first (search's
// priors), on the real bundled catalog. The one-edit set is built here independently of the code under test.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { PLATFORMS } from '../../miniprogram/core/platforms';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import { HELD_BACK } from '../../miniprogram/core/search/held';
import { Priors } from '../../miniprogram/core/search/prior';
import { didYouMeanText } from '../../miniprogram/core/view/browse';

const catalog = bundledCatalog();
const DIGITS = '0123456789-';

/** Every string one insertion, deletion, substitution or adjacent swap from `code`. */
function oneEdit(code: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= code.length; i++)
    for (const d of DIGITS) out.add(code.slice(0, i) + d + code.slice(i));
  for (let i = 0; i < code.length; i++) {
    out.add(code.slice(0, i) + code.slice(i + 1));
    for (const d of DIGITS) out.add(code.slice(0, i) + d + code.slice(i + 1));
    if (i + 1 < code.length) out.add(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
  }
  out.delete(code);
  return out;
}

/** Known WeChat codes one edit away, each with its best prior. */
function expected(code: string): Map<string, number> {
  const priors = new Priors(catalog);
  const edits = oneEdit(code);
  const best = new Map<string, number>();
  for (let i = 0; i < catalog.size; i++) {
    const c = catalog.codeAt(i);
    if (!edits.has(c) || !/^-?\d+$/.test(c) || !PLATFORMS[catalog.platformRankAt(i)].wechat) continue;
    best.set(c, Math.max(best.get(c) ?? -Infinity, priors.prior(i)));
  }
  return best;
}

test.each(['4001', '4016', '45999', '-40401', '6002'])(
  '%s: exactly the known codes one edit away, by prior',
  (code) => {
    const want = expected(code);
    const got = codeTypos(catalog, code, 1000).map((c) => c.code);
    expect(new Set(got)).toEqual(new Set(want.keys()));
    const priors = got.map((c) => want.get(c) ?? NaN);
    for (let i = 1; i < priors.length; i++) expect(priors[i]).toBeLessThanOrEqual(priors[i - 1]);
  },
);

test('4001 → 40001 first (the most met code one insertion away), and never a code two edits away', () => {
  const got = codeTypos(catalog, '4001').map((c) => c.code);
  expect(got[0]).toBe('40001');
  expect(got).not.toContain('40164');
});

test('a code a common WeChat platform lists gets none; a non-number gets none', () => {
  expect(codeTypos(catalog, '40001')).toEqual([]);
  expect(codeTypos(catalog, 'SYSTEMERROR')).toEqual([]);
});

test('400011 is only WeCom’s: only advised codes of the common platforms are offered (40001)', () => {
  expect(catalog.lookup('400011').every((e) => e.platform === '企业微信')).toBe(true);
  const cells = codeTypos(catalog, '400011');
  expect(cells.map((c) => c.code)).toContain('40001');
  for (const c of cells) {
    expect(c.primary.adviceZh).toBeTruthy();
    expect(HELD_BACK[PLATFORMS.findIndex((p) => p.name === c.primary.platform)]).toBe(0);
  }
});

test('the sentence in both languages names each code with a few words of its meaning, no family label', () => {
  const cells = codeTypos(catalog, '4001', 2);
  const en = didYouMeanText('4001', cells, 'en');
  expect(en).toMatch(
    /^no code 4001 in the catalog; did you mean 40001 \(invalid credential\), \d+ \([^)]+\)\?$/,
  );
  const zh = didYouMeanText('4001', cells, 'zh');
  expect(zh).toMatch(/^目录中没有 4001；是不是要查 40001（[^）]+）、\d+（[^）]+）？$/);
  expect(`${en}${zh}`).not.toMatch(/xxx|号段|range/);
  expect(didYouMeanText('400011', cells.slice(0, 1), 'en', true)).toBe(
    'did you mean 40001 (invalid credential)?',
  );
});
