// Pure presentation logic of the lookup pages (core/view): highlight segments, excerpts, list windows,
// cells and the detail view-model, on the real catalog.
import '../../cli/prebuilt-index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { search } from '../../miniprogram/core/search';
import { excerpt, mergeSpans, segments, textWidth } from '../../miniprogram/core/view/segments';
import { listWindow } from '../../miniprogram/core/view/window';
import {
  LINE_MAX,
  cellOf,
  compareCodes,
  detailUrl,
  hitCell,
  idFromQuery,
  isRemedy,
} from '../../miniprogram/core/view/cells';
import { familyLabel } from '../../miniprogram/core/family';
import { PLATFORMS, platformLong, platformShort } from '../../miniprogram/core/platforms';
import { PLATFORM_DOCS, detailView, neighbours } from '../../miniprogram/core/view/detail';
import {
  familyChipGroups,
  familyChips,
  homeChips,
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
  test('a cut falls on a word boundary, and a match cut by it is highlighted up to the "…", not on it', () => {
    const text = 'x'.repeat(10) + 'MATCH' + 'y'.repeat(27) + ' ip whitelist';
    const cut = excerpt(
      text,
      [
        { start: 10, end: 15 },
        { start: 43, end: 45 },
      ],
      50,
    );
    expect(cut.text.endsWith(' ip…')).toBe(true);
    expect(cut.spans).toEqual([
      { start: 10, end: 15 },
      { start: 43, end: 45 },
    ]);
    // Never inside a Latin word when a space is near.
    const words = excerpt('invalid credential, access_token is invalid or not latest', [], 30);
    expect(words.text).toBe('invalid credential…');
  });
  test('an excerpt is sized by display width: Chinese counts double, two cell lines in all', () => {
    const zh = '访问的客户端 ip 未登记，不在 ip 白名单中'.repeat(4);
    const cut = excerpt(zh, [], LINE_MAX);
    expect(textWidth(cut.text)).toBeLessThanOrEqual(LINE_MAX);
    expect(textWidth(cut.text)).toBeGreaterThan(LINE_MAX - 12);
    expect(cut.text.endsWith('…')).toBe(true);
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
      if (hit.entry.zh.includes('白名单') && !isRemedy(hit.entry.zh)) expect(marked).toContain('白名单');
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
      more: '+4 个平台',
      also: [
        { id: 'mp:40001', tag: '公众号' },
        { id: 'shop:40001', tag: '小店' },
        { id: 'channels:40001', tag: '视频号' },
        { id: 'wecom:40001', tag: '企业微信' },
      ],
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
  test('no-match hint: a number with no code one typo away is explained by its family', () => {
    expect(isCodeQuery('４５９９９')).toBe(true);
    const hint = noMatchHint(catalog, '89999');
    expect(hint.text).toContain(`89xxx：${catalog.family('89999').zh}`);
    expect(hint.near.length).toBe(5);
    expect(hint.near.every((c) => c.code[0].t.startsWith('89'))).toBe(true);
    // One typo away from known codes: did you mean, no family label.
    expect(noMatchHint(catalog, '45999')).toMatchObject({
      title: '目录中没有 45999',
      text: expect.stringMatching(/^是不是要查 /),
    });
    expect(noMatchHint(catalog, 'hello world').near.length).toBeGreaterThan(0);
    expect(noMatchHint(catalog, 'hello').title).toContain('hello');
  });
  test('tabs cover every entry; chips cover every entry of a platform', () => {
    const tabs = platformTabs(catalog);
    expect(tabs.reduce((n, t) => n + t.count, 0)).toBe(catalog.entries.length);
    const entries = platformEntries(catalog, '开放平台通用');
    const chips = familyChips(entries);
    expect(chips.reduce((n, c) => n + c.count, 0)).toBe(entries.length);
    expect(chips.find((c) => c.key === '40xxx')?.label).toMatch(/^40xxx 请求不被接受/);
  });
});

describe('labels', () => {
  test('family labels describe the range, never restate the key', () => {
    const keys = [...new Set(catalog.entries.map((e) => e.family))];
    for (const key of keys) {
      const label = familyLabel(key);
      expect(label.zh).not.toContain(key);
      expect(label.zh).not.toMatch(/段错误码$/);
    }
    expect(familyLabel('40xxx').zh).not.toBe('参数不合法');
    expect(familyLabel('45xxx').zh).toContain('IP');
  });
  test('platform names come from one table: each word of the short form is part of the long form', () => {
    for (const p of PLATFORMS) {
      const long = platformLong(p.name).replace('帐', '账');
      // "微信支付 v3" / "微信支付 APIv3": the short form may drop a prefix of a word, never add a word.
      for (const word of platformShort(p.name).replace('帐', '账').split(' ')) expect(long).toContain(word);
    }
    expect(platformShort('开放平台通用')).toBe('通用');
  });
  test('chips: human names for internal keys, grouped and capped', () => {
    const entries = platformEntries(catalog, '开放平台通用');
    const labels = familyChips(entries).map((c) => c.label);
    expect(labels).not.toContain('busy 系统繁忙');
    expect(labels).toContain('系统繁忙');
    // A range no source names is shown as the range, not as the sentence that says it has no common meaning.
    expect(labels.filter((l) => l.includes('此号段没有统一含义'))).toEqual([]);
    expect(labels).toContain('76xxx 号段');
    const groups = familyChipGroups(entries, 6);
    expect(groups.length).toBeGreaterThan(2);
    expect(groups.slice(0, 2).map((g) => g.title)).toEqual(['通用', '接口调用（40–48）']);
    for (const g of groups) expect(g.chips.length).toBeLessThanOrEqual(6);
    const all = groups.flatMap((g) => [...g.chips, ...g.more]);
    expect(all.length).toBe(familyChips(entries).length);
  });
  test('home chips carry the code and a short meaning', () => {
    const chips = homeChips(catalog);
    expect(chips[0].code).toBe('40001');
    for (const chip of chips) {
      expect(chip.meaning.length).toBeGreaterThan(1);
      expect(textWidth(chip.meaning)).toBeLessThanOrEqual(30);
      // The common codes' chips read whole: a meaning cut mid-clause ("获取 access_token 时…") says nothing.
      expect(chip.meaning).not.toMatch(/…$/);
      expect(chip.label).toBe(`${chip.code} ${chip.meaning}`);
    }
  });
});

describe('detailView', () => {
  test('the header uses the long platform name of the same table as the cells; the non-WeChat code stands apart', () => {
    const entry = catalog.get('open:40001');
    if (!entry) throw new Error('missing');
    const view = detailView(catalog, entry);
    expect(view.platform).toBe(platformLong('开放平台通用'));
    expect(view.platformShort).toBe('通用');
    // WeCom's 40001 (a bad secret) is another WeChat platform's meaning: among the others, after the older ones.
    expect(view.others.map((c) => c.id)).toEqual(['mp:40001', 'shop:40001', 'channels:40001', 'wecom:40001']);
    expect(view.elsewhere.map((c) => c.id)).toEqual(['thirdparty:40001']);
  });
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
