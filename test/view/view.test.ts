// Pure presentation logic of the lookup pages (core/view): highlight segments, excerpts, list windows,
// cells and the detail view-model, on the real catalog.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { search } from '../../miniprogram/core/search';
import { excerpt, mergeSpans, segments } from '../../miniprogram/core/view/segments';
import { listWindow } from '../../miniprogram/core/view/window';
import { cellOf, compareCodes, detailUrl, hitCell, idFromQuery } from '../../miniprogram/core/view/cells';
import { PLATFORM_DOCS, detailView, neighbours } from '../../miniprogram/core/view/detail';
import {
  familyChips,
  isCodeQuery,
  noMatchHint,
  platformEntries,
  platformTabs,
} from '../../miniprogram/core/view/browse';

const catalog = bundledCatalog();

describe('segments', () => {
  test('splits text into plain and highlighted runs', () => {
    expect(segments('invalid ip, not in whitelist', [{ start: 8, end: 10 }])).toEqual([
      { t: 'invalid ' },
      { t: 'ip', h: 1 },
      { t: ', not in whitelist' },
    ]);
  });
  test('merges overlapping spans and clamps out-of-range ones', () => {
    expect(
      mergeSpans(
        [
          { start: 3, end: 6 },
          { start: 0, end: 4 },
          { start: 8, end: 99 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 10 },
    ]);
    expect(segments('abc', [{ start: 5, end: 9 }])).toEqual([{ t: 'abc' }]);
    expect(segments('', [])).toEqual([{ t: '' }]);
  });
  test('an excerpt keeps a far match visible and joins back to the text', () => {
    const text = 'x'.repeat(100) + 'MATCH' + 'y'.repeat(100);
    const cut = excerpt(text, [{ start: 100, end: 105 }], 40);
    expect(cut.text.length).toBeLessThanOrEqual(40);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
    const [span] = cut.spans;
    expect(cut.text.slice(span.start, span.end)).toBe('MATCH');
  });
  test('a match cut by the excerpt end is highlighted up to the "…", not on it', () => {
    const text = 'x'.repeat(10) + 'MATCH' + 'y'.repeat(27) + 'ip whitelist';
    const cut = excerpt(
      text,
      [
        { start: 10, end: 15 },
        { start: 42, end: 44 },
      ],
      44,
    );
    expect(cut.text.endsWith('i…')).toBe(true);
    expect(cut.spans).toEqual([
      { start: 10, end: 15 },
      { start: 42, end: 43 },
    ]);
  });
});

describe('listWindow', () => {
  const opts = { rowHeight: 72, viewport: 700, size: 50, step: 10 };
  test('starts at the top, with a spacer for the rest', () => {
    expect(listWindow(1833, 0, opts)).toEqual({ start: 0, end: 50, top: 0, bottom: 1783 * 72 });
  });
  test('keeps the visible rows inside the window anywhere in the list', () => {
    for (const row of [0, 7, 99, 500, 1000, 1820, 1832]) {
      const w = listWindow(1833, row * 72, opts);
      expect(w.start).toBeLessThanOrEqual(row);
      expect(w.end).toBeGreaterThanOrEqual(Math.min(1833, row + 10));
      expect(w.end - w.start).toBe(50);
      expect(w.top + (w.end - w.start) * 72 + w.bottom).toBe(1833 * 72);
    }
  });
  test('short lists and odd inputs', () => {
    expect(listWindow(12, 5000, opts)).toEqual({ start: 0, end: 12, top: 0, bottom: 0 });
    expect(listWindow(0, 0, opts)).toEqual({ start: 0, end: 0, top: 0, bottom: 0 });
    expect(listWindow(100, NaN, opts).start).toBe(0);
  });
});

describe('cells', () => {
  it('shows the field where the match says most: Chinese for a Chinese query', () => {
    for (const hit of search(bundledCatalog(), 'ip白名单', { limit: 8 })) {
      const cell = hitCell(hit);
      const marked = cell.line
        .filter((s) => s.h)
        .map((s) => s.t)
        .join('');
      if (hit.entry.zh.includes('白名单')) expect(marked).toContain('白名单');
    }
  });

  test('a search hit becomes a small cell with the match highlighted', () => {
    const [hit] = search(catalog, '40001');
    const cell = hitCell(hit);
    expect(cell).toEqual({
      id: 'open:40001',
      code: [{ t: '40001', h: 1 }],
      tag: '通用',
      line: expect.any(Array),
      act: '刷新 access_token',
    });
    expect(JSON.stringify(cell).length).toBeLessThan(400);
  });
  test('the cell line shows the field the match is in', () => {
    const entry = catalog.get('open:40164');
    if (!entry) throw new Error('missing');
    const at = entry.en.indexOf('whitelist');
    const cell = cellOf(entry, [{ field: 'en', start: at, end: at + 9 }]);
    expect(cell.line.find((s) => s.h)?.t).toBe('whitelist');
  });
  test('detail URLs encode ids and decoding tolerates both forms', () => {
    expect(detailUrl('open:40001')).toBe('/pages/detail/index?id=open%3A40001');
    expect(idFromQuery('open%3A40001')).toBe('open:40001');
    expect(idFromQuery('open:40001')).toBe('open:40001');
    expect(idFromQuery('%E0%A4%A')).toBe('%E0%A4%A');
  });
  test('codes sort by value, string codes last', () => {
    expect(['40002', '-1', 'ABC', '9', '40001'].sort(compareCodes)).toEqual([
      '-1',
      '9',
      '40001',
      '40002',
      'ABC',
    ]);
  });
});

describe('browse', () => {
  test('no-match hint explains a number by its family', () => {
    expect(isCodeQuery('４５９９９')).toBe(true);
    expect(noMatchHint(catalog, '45999').text).toContain('45xxx：超出限制');
    expect(noMatchHint(catalog, 'hello').title).toContain('hello');
  });
  test('tabs cover every entry; chips cover every entry of a platform', () => {
    const tabs = platformTabs(catalog);
    expect(tabs.reduce((n, t) => n + t.count, 0)).toBe(catalog.entries.length);
    const entries = platformEntries(catalog, '开放平台通用');
    const chips = familyChips(entries);
    expect(chips.reduce((n, c) => n + c.count, 0)).toBe(entries.length);
    expect(chips.find((c) => c.key === '40xxx')?.label).toBe('40xxx 参数不合法');
  });
});

describe('detailView', () => {
  test('answer first: texts, the action, what to do, then the folded rest', () => {
    const entry = catalog.get('open:40001');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, entry);
    expect(view.zh).toEqual({ text: entry.zh, project: false });
    expect(view.action.short).toBe('刷新 access_token');
    // 40001 has advice of its own: that is the one advice block, not the general step of its class.
    expect(view.todo.advice).toEqual({ zh: entry.adviceZh, en: entry.adviceEn, own: true });
    expect(view.others.length).toBeGreaterThan(0);
    expect(view.others.every((c) => c.id.endsWith(':40001') && c.id !== entry.id)).toBe(true);
    // The non-WeChat platform's 40001 stands apart, never among the WeChat platforms.
    expect(view.others.some((c) => c.id.startsWith('thirdparty:'))).toBe(false);
    expect(view.elsewhere.map((c) => c.id)).toEqual(
      catalog
        .lookup('40001')
        .filter((e) => e.id.startsWith('thirdparty:'))
        .map((e) => e.id),
    );
    expect(view.neighbours.map((c) => c.id)).toEqual(neighbours(catalog, entry).map((e) => e.id));
    expect(view.share.path).toBe('/pages/detail/index?id=open%3A40001');
    expect(view.message).toBe(`40001 ${entry.zh}\n${entry.en}`);
  });

  test('provenance is one line naming each source and its lines', () => {
    const entry = catalog.get('mp:40001');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, entry);
    expect(view.provenance).not.toContain('\n');
    for (const ref of entry.sources) expect(view.provenance).toContain(String(ref.line));
    expect(view.doc).toBe(PLATFORM_DOCS.mp);
  });

  test('a code without advice of its own gets the general step of its class, marked as general', () => {
    const entry = catalog.entries.find((e) => !e.adviceZh && e.action === 'fix-request');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, entry);
    expect(view.todo.advice.own).toBe(false);
    expect(view.todo.advice.zh).not.toBe('');
  });

  test('a project translation is marked, never attributed to a source', () => {
    const entry = catalog.get('open:40164');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, { ...entry, zh: '无效的 IP', zhSource: 'wxerr' });
    expect(view.zh).toEqual({ text: '无效的 IP', project: true });
  });

  test('HTTP status and other spellings are shown when an entry has them', () => {
    const entry = catalog.get('open:40164');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, { ...entry, http: [400], aliases: ['NOTENOUGH'] });
    expect(view.http).toBe('HTTP 400');
    expect(view.aliases).toBe('也写作 NOTENOUGH');
  });
});

test('a WeCom entry shows its official fix with the project English under it, marked', () => {
  const entry = catalog.entries.find((e) => e.platform === '企业微信' && e.fix && e.fixEn);
  if (!entry) throw new Error('no WeCom entry with a translated fix');
  const view = detailView(catalog, entry);
  expect(view.todo.fix).toEqual({ text: entry.fix, project: false });
  expect(view.todo.fixEn).toBe(entry.fixEn);
  expect(view.doc).toBe(PLATFORM_DOCS.wecom);
});
