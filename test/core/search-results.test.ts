// The answers of the search engine, recorded: every query of the tuned, blind and real-tune sets plus broad
// ones, their first ten cells (id, kind, score, the code's other meanings, highlights), the total and the
// suggestions. Speed work must leave them identical; a change of ranking re-records them on purpose with
// `npx jest test/core/search-results -u` (and says so in its commit). Held real queries are never read here.
import '../../cli/prebuilt-index';
import { Catalog, bundledCatalog } from '../../miniprogram/core/catalog';
import { SearchIndex, type SearchHit, type SearchPage } from '../../miniprogram/core/search';
import { queriesOf, realTuneQueries } from './query-sets';

/** Queries that reach many entries: short prefixes, one broad word, one character. */
const BROAD = ['in', 'invalid', 'a', '4', '40', 'token', '错误', 'ip'];

const QUERIES = [
  ...new Set([
    ...queriesOf('search-queries.json'),
    ...queriesOf('search-queries-blind.json'),
    ...realTuneQueries(),
    ...BROAD,
  ]),
];

function cell(hit: SearchHit): string {
  const also = hit.also.map((e) => e.id).join(',');
  const marks = hit.highlights.map((h) => `${h.field}${h.start}-${h.end}`).join(',');
  return `${hit.entry.id} ${hit.kind} ${hit.score} [${also}] {${marks}}${hit.apart ? ' apart' : ''}`;
}

function answer(page: SearchPage): string[] {
  return [
    `total ${page.total}`,
    ...page.hits.map(cell),
    ...page.suggestions.map((s) => `suggest ${s.entry.id} [${s.also.map((e) => e.id).join(',')}]`),
  ];
}

function answers(index: SearchIndex): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of QUERIES) out[q] = answer(index.page(q, { limit: 10 }));
  return out;
}

describe('recorded answers', () => {
  it('reads the query sets (held real queries excluded)', () => {
    expect(QUERIES.length).toBeGreaterThan(200);
  });

  const prebuilt = answers(new SearchIndex(bundledCatalog()));

  it('answers every query as recorded, with the prebuilt index', () => {
    expect(prebuilt).toMatchSnapshot();
  });

  it('answers the same with an index built from the texts', () => {
    const fromTexts = new SearchIndex(new Catalog(bundledCatalog().data));
    expect(fromTexts.prebuilt).toBe(false);
    expect(answers(fromTexts)).toEqual(prebuilt);
  });

  it('answers each broad query the same as the first query of a fresh index', () => {
    for (const q of BROAD) {
      const fresh = new SearchIndex(bundledCatalog());
      expect(answer(fresh.page(q, { limit: 10 }))).toEqual(prebuilt[q]);
    }
  });

  it('gives a later page as the same cells a longer first page has there (early termination reads enough)', () => {
    const index = new SearchIndex(bundledCatalog());
    const ids = (page: SearchPage): string[] => page.hits.map((h) => cell(h));
    for (const q of [...BROAD, 'access_token expired', 'ip白名单', 'invalid credential']) {
      const long = index.page(q, { limit: 30 });
      for (const [offset, limit] of [
        [0, 3],
        [5, 5],
        [17, 13],
      ]) {
        const page = index.page(q, { offset, limit });
        expect(ids(page)).toEqual(ids(long).slice(offset, offset + limit));
        expect(page.total).toBe(long.total);
      }
    }
  });

  it('answers broad queries under a platform filter and on a later page as recorded', () => {
    const index = new SearchIndex(bundledCatalog());
    const pages: Record<string, string[]> = {};
    for (const q of BROAD) {
      pages[`${q} @公众号`] = answer(index.page(q, { platform: '公众号', limit: 10 }));
      pages[`${q} @10`] = answer(index.page(q, { offset: 10, limit: 10 }));
    }
    expect(pages).toMatchSnapshot();
  });
});
