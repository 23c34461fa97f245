// A text the project translated is marked in the pages' cells and scan rows, as on the detail page (walk6: a
// search for ip白名单, the home page and the scan page showed 40164's Chinese, which wxerr wrote, unmarked).
// miniprogram-simulate with the official WXML compiler, on the real bundled catalog.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { fire, installWx, loader, textOf, typeInto, type Rendered } from '../helpers/simulate';

const renderSearch = loader('pages/search/index');
const renderScan = loader('pages/scan/index');

beforeEach(() => {
  installWx();
});

function hitOf(comp: Rendered, code: string): Rendered {
  const hit = comp.querySelectorAll('.hit').find((h) => textOf(h).startsWith(code));
  if (!hit) throw new Error(`no hit for ${code}`);
  return hit;
}

test('the premise: 40164 shows a Chinese text wxerr wrote, 40001 an official one', () => {
  expect(bundledCatalog().get('open:40164')?.zhSource).toBe('wxerr');
  expect(bundledCatalog().get('open:40001')?.zhSource).not.toBe('wxerr');
});

test('a search cell marks the project translation it shows, and only that', async () => {
  const comp = renderSearch();
  await typeInto(comp, '.search-bar__input', 'ip白名单');
  expect(textOf(hitOf(comp, '40164').querySelector('.tag--project'))).toBe('wxerr 译');
  await typeInto(comp, '.search-bar__input', '40001');
  expect(hitOf(comp, '40001').querySelector('.tag--project')).toBeFalsy();
});

test('a scan row marks it too', async () => {
  const comp = renderScan();
  await fire(comp, '.paste', 'input', {
    value: '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"}',
  });
  await fire(comp, '.scan-text', 'tap');
  const row = comp.querySelectorAll('.row')[0];
  expect(textOf(row)).toMatch(/^40164/);
  expect(textOf(comp.querySelector('.row .tag--project'))).toBe('wxerr 译');
});
