// An entry's official doc link is its platform's page, or the page of the API its own text comes from; a page
// that one API's table names (快速注册小程序's) is not the link of a general code merged with that row (walk6:
// `wxerr -1` and the -1 / 0 detail pages linked the fast-registration API page as 开放平台通用's doc).
import { buildCatalog, parseSources } from '../../catalog/build';
import type { RawRow } from '../../catalog/parsers/types';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { PLATFORM_DOCS, officialDoc } from '../../miniprogram/core/view/detail';

const API_PAGE = 'https://developers.weixin.qq.com/doc/oplatform/example/api-page.html';

function row(source: string, extra: Partial<RawRow>): RawRow {
  return {
    source,
    row: 1,
    line: 1,
    platform: '开放平台通用',
    code: '-1',
    en: 'system error',
    zh: '',
    ...extra,
  };
}

function docOf(rows: RawRow[][]): string | undefined {
  const parsed = rows.map((r, i) => ({
    spec: { id: `s${i}`, file: `s${i}.txt`, title: `s${i}`, format: 'test', parse: () => r },
    rows: r,
  }));
  return buildCatalog(parsed).entries[0].doc;
}

test("an API table's page does not become the doc of a general entry it merges into", () => {
  expect(docOf([[row('a', {})], [row('b', { api: 'fastregisterweapp', doc: API_PAGE })]])).toBeUndefined();
});

test("an entry that one API's table brings in keeps that table's page", () => {
  expect(docOf([[row('b', { api: 'fastregisterweapp', doc: API_PAGE })]])).toBe(API_PAGE);
});

test('a row that names a page for the code itself (no API) still gives the doc', () => {
  expect(docOf([[row('a', {})], [row('b', { doc: API_PAGE })]])).toBe(API_PAGE);
});

test('开放平台通用 -1 and 0 link the Open Platform error-code page', () => {
  for (const id of ['open:-1', 'open:0']) {
    const entry = bundledCatalog().get(id);
    if (!entry) throw new Error(`missing ${id}`);
    expect(officialDoc(entry)).toBe(PLATFORM_DOCS.open);
  }
});

test('the committed catalog has no entry linking an API page that only a merged row named', () => {
  const apiRows = parseSources()
    .flatMap((s) => s.rows)
    .filter((r) => r.api && r.doc);
  const apiPages = new Set(apiRows.map((r) => r.doc));
  const wrong = bundledCatalog()
    .entries.filter((e) => e.doc && apiPages.has(e.doc))
    .filter((e) => !apiRows.some((r) => r.doc === e.doc && r.source === e.sources[0].source))
    .map((e) => e.id);
  expect(wrong).toEqual([]);
});
