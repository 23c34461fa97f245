// Ranking rules of the search engine, on the real bundled catalog.
import { Catalog, bundledCatalog, normalizeCode } from '../../miniprogram/core/catalog';
import { decodeCatalog, type PackedCatalog } from '../../miniprogram/core/codec';
import { CATALOG_JSON } from '../../miniprogram/core/generated/catalog-data';
import '../../cli/prebuilt-index';
import { SEARCH_INDEX } from '../../miniprogram/subpackages/search-index/search-index';
import { Dictionary, buildIndex } from '../../miniprogram/core/search/dictionary';
import { cellsOf, meaningsOf } from '../../miniprogram/core/search/group';
import { codeTypos } from '../../miniprogram/core/search/code-typos';
import type { EntryTexts } from '../../miniprogram/core/search/passages';
import { platformInfo, SEPARATE_NUMBERING } from '../../miniprogram/core/platforms';
import { SearchIndex, search, searchIndex, type SearchHit } from '../../miniprogram/core/search';
import { findPlatformWords } from '../../miniprogram/core/search/platformWords';
import { parseQuery } from '../../miniprogram/core/search/query';
import { boundedDistance } from '../../miniprogram/core/search/typo';

const catalog = bundledCatalog();
const index = searchIndex(catalog);
const codes = (hits: SearchHit[]): string[] => hits.map((h) => h.entry.code);

/** The text a highlight range points at. */
function marked(hit: SearchHit): string[] {
  return hit.highlights.map((h) =>
    (h.field === 'code' ? hit.entry.code : (hit.entry[h.field] ?? '')).slice(h.start, h.end),
  );
}

describe('code queries', () => {
  it('an exact code beats a code prefix, which beats text', () => {
    const hits = index.search('45009', { limit: 50 });
    expect(hits[0].kind).toBe('code');
    expect(hits[0].entry.code).toBe('45009');
    const kinds = hits.map((h) => h.kind);
    expect(kinds.lastIndexOf('code')).toBeLessThan(
      kinds.indexOf('prefix') < 0 ? Infinity : kinds.indexOf('prefix'),
    );
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('gives one cell per code: the common platform leads, the other WeChat platforms behind it', () => {
    // Codes that start with 40001 (WeCom's 400010…) follow as prefix hits.
    const hits = index.search('40001');
    expect(hits.filter((h) => h.kind === 'code').map((h) => h.entry.id)).toEqual(['open:40001']);
    expect(hits.slice(1).every((h) => h.kind === 'prefix')).toBe(true);
    const wechat = catalog.lookup('40001').filter((e) => platformInfo(e.platform).wechat);
    expect(hits[0].also.map((e) => e.id)).toEqual(wechat.slice(1).map((e) => e.id));
    expect(hits[0].apart).toBe(false);
  });

  it('shows the non-WeChat platform only when the query names it, and then apart', () => {
    const named = index.search('40001 非微信').filter((h) => h.entry.code === '40001');
    const apart = named.filter((h) => h.apart);
    expect(apart.map((h) => h.entry.id)).toEqual(['thirdparty:40001']);
    expect(apart[0].also).toEqual([]);
    expect(
      named.find((h) => h.entry.id === 'open:40001')?.also.some((e) => e.id === 'thirdparty:40001'),
    ).toBe(false);
    // A code only that platform has is shown: nothing on WeChat comes before it (WeCom has 301022 now).
    expect(index.search('201001')[0].entry.id).toBe('thirdparty:201001');
    // Its hits after WeChat ones are left out when it is not named.
    expect(index.search('access_token expired', { limit: 50 }).some((h) => h.apart)).toBe(false);
  });

  it('reads negative, full-width and string codes', () => {
    expect(index.search('-404011')[0].entry.id).toBe('cloudbase:-404011');
    expect(index.search('－１')[0].entry.code).toBe('-1');
    expect(index.search('４００１３')[0].entry.code).toBe('40013');
    expect(index.search('api_sys_reqsign')[0].entry.id).toBe('thirdparty:API_SYS_REQSIGN');
  });

  it('a partial code lists its family, shortest codes first, each highlighted on the typed digits', () => {
    const hits = index.search('850', { limit: 10 });
    expect(hits.every((h) => h.kind === 'prefix' && h.entry.code.startsWith('850'))).toBe(true);
    expect(hits[0].entry.code).toBe('85001');
    expect(marked(hits[0])).toEqual(['850']);
  });
});

describe('text queries', () => {
  it('prefers a short text fully covered by the query (invalid appid → 40013)', () => {
    const hits = index.search('invalid appid');
    expect(hits[0].entry.code).toBe('40013');
    expect(hits[0].kind).toBe('phrase');
  });

  it('phrase beats all words, which beats partial (on the platforms a bare query means)', () => {
    const all = index.search('not in whitelist', { limit: 100 });
    // WeCom, Pay and the client API tables are held back when the query does not name them (search.ts).
    const hits = all.filter((h) => !SEPARATE_NUMBERING.has(h.entry.platform));
    const order = ['phrase', 'all-words', 'partial'];
    for (let i = 1; i < hits.length; i++)
      expect(order.indexOf(hits[i - 1].kind)).toBeLessThanOrEqual(order.indexOf(hits[i].kind));
    expect(['40164', '45035', '61004']).toContain(hits[0].entry.code);
    expect(all.map((h) => h.entry.id)).toContain('wecom:60020');
  });

  it('tolerates typos against the catalog vocabulary', () => {
    expect(codes(index.search('acess_token expird', { limit: 1 }))).toEqual(['42001']);
    expect(codes(index.search('invaild appid', { limit: 1 }))).toEqual(['40013']);
    expect(codes(index.search('invalid credentail', { limit: 1 }))).toEqual(['40001']);
    expect(boundedDistance('credentail', 'credential', 2)).toBe(1);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds Chinese text, thesaurus words and mixed queries', () => {
    expect(codes(index.search('调用太频繁', { limit: 1 }))).toEqual(['45011']);
    expect(codes(index.search('今天调用次数用完了', { limit: 1 }))).toEqual(['45009']);
    expect(codes(index.search('token过期', { limit: 1 }))).toEqual(['42001']);
    expect(codes(index.search('access_token 超时', { limit: 1 }))).toEqual(['42001']);
    expect(['40164', '61004', '45035', '30005']).toContain(index.search('ip白名单')[0].entry.code);
  });

  it('puts the non-WeChat platform behind WeChat platforms for the same words', () => {
    const hits = index.search('access_token expired', { limit: 10 });
    const third = hits.findIndex((h) => !platformInfo(h.entry.platform).wechat);
    const wechat42001 = hits.findIndex((h) => h.entry.code === '42001');
    expect(wechat42001).toBe(0);
    if (third >= 0) expect(third).toBeGreaterThan(wechat42001);
  });

  it('highlights point at the matched words of the entry', () => {
    const hit = index.search('access_token expired')[0];
    const words = marked(hit).join(' ').toLowerCase();
    expect(words).toContain('access');
    expect(words).toContain('expired');
    const zh = index.search('调用太频繁')[0];
    expect(marked(zh).join('')).toContain('调用太频繁');
  });
});

describe('pasted errors', () => {
  it('takes the code out of a JSON body and ignores the rid', () => {
    const body =
      '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 65bb65b7-402cd2bc-0d97216b"}';
    const hits = index.search(body);
    expect(hits[0].kind).toBe('code');
    expect(hits[0].entry.id).toBe('open:40001');
  });

  it('matches an errmsg with its rid, hint and IP noise removed', () => {
    expect(
      codes(
        index.search(
          'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 65bb65b7-402cd2bc-0d97216b',
          { limit: 1 },
        ),
      ),
    ).toEqual(['40164']);
    expect(codes(index.search('require subscribe hint: [KJZfAa0644e575]', { limit: 1 }))).toEqual(['43004']);
    const parsed = parseQuery(
      'invalid code, hints: [ req_id: 1xFf3a0ce-G0lVKa ] rid: 6618a2c4-1a2b3c4d-5e6f7a8b',
      () => false,
    );
    expect(parsed.text.replace(/[\s,]+/g, ' ').trim()).toBe('invalid code');
  });

  it('orders the meanings of a pasted code by the words that came with it', () => {
    const hits = index.search('{"errcode":40003,"errmsg":"missing scope"}');
    expect(hits[0].entry.id).toBe('thirdparty:40003');
    // The non-WeChat meaning the words point at, apart; the WeChat meanings in one cell after it.
    expect(hits.filter((h) => h.kind === 'code').map((h) => h.apart)).toEqual([true, false]);
  });
});

describe('project texts', () => {
  it('finds an English-only code by its project Chinese translation', () => {
    // Every entry whose only Chinese is the project's: its own translation, typed as a query, finds it first
    // or among the first five (several codes can share a translation).
    const translated = catalog.entries.filter((e) => e.zhSource === 'wxerr' && e.zh.length >= 6).slice(0, 40);
    expect(translated.length).toBe(40);
    let top5 = 0;
    for (const e of translated) if (index.search(e.zh, { limit: 5 }).some((h) => h.entry.id === e.id)) top5++;
    expect(top5).toBeGreaterThanOrEqual(38);
  });
});

describe('one code on several platforms', () => {
  it('stands together, the most commonly met platform first, even when a rarer one words it shorter', () => {
    const hits = index.search('token过期', { limit: 6 });
    expect(hits[0].entry.id).toBe('open:42001');
    expect(hits[0].also.map((e) => e.id)).toEqual([
      'mp:42001',
      'shop:42001',
      'channels:42001',
      'wecom:42001',
    ]);
    expect(hits.filter((h) => h.entry.code === '42001')).toHaveLength(1);
  });

  it('puts the meaning with specific advice first for a bare code (600002 as the wx.request errno)', () => {
    // One hit per code: the other meanings (WeCom's 600002 too, after the older platforms) ride along.
    const hits = index.search('600002');
    expect(hits.map((h) => h.entry.id)).toEqual(['errno:600002']);
    expect(hits[0].also.map((e) => e.id)).toEqual(['open:600002', 'wecom:600002']);
  });

  it('does not pull up another meaning of the code that only a note matched', () => {
    expect(index.search('版本输入错误')[0].entry.id).toBe('component:85015');
  });
});

describe('platform words in the query', () => {
  const ids = (q: string, n = 5): string[] => index.search(q, { limit: n }).map((h) => h.entry.id);

  it('finds platform names and aliases, longest first, English ones only as whole words', () => {
    const words = (q: string): string[] => findPlatformWords(q).words.map((w) => `${w.word}=${w.platform}`);
    expect(words('小店账号被限制了')).toEqual(['小店=微信小店']);
    expect(words('第三方平台代小程序 版本输入错误')).toEqual(['第三方平台代小程序=第三方平台代小程序']);
    expect(words('mp invalid credential')).toEqual(['mp=公众号']);
    expect(words('temp file too big')).toEqual([]);
    expect(findPlatformWords('视频号账号注销了').text).toBe('   账号注销了');
  });

  it('boosts the named platform softly: 小店, 视频号 and 小微 queries put that platform on top', () => {
    expect(ids('小店账号被限制了')[0]).toBe('shop:43119');
    expect(ids('视频号账号注销了')[0]).toMatch(/^channels:1008000[01]$/);
    expect(ids('小微签名错误')[0]).toBe('xiaowei:30002');
    expect(ids('mp invalid credential')[0]).toBe('mp:40001');
  });

  it("counts a platform word as found in that platform's entries, whose text never names it", () => {
    // Under a platform filter a code has one entry, so each entry's own kind shows.
    const kind = (q: string, id: string): string | undefined =>
      index.search(q, { limit: 50, platform: catalog.get(id)?.platform }).find((h) => h.entry.id === id)
        ?.kind;
    expect(kind('视频号账号注销了', 'channels:10080001')).toBe('all-words');
    expect(kind('小店账号被限制了', 'shop:43119')).toBe('all-words');
    // Another platform's entry that lacks the word has not found it.
    expect(kind('小店账号被限制了', 'open:50002')).toBe('partial');
  });

  it('orders the meanings of a named code and a same-code group by the named platform', () => {
    expect(ids('40001 视频号', 1)).toEqual(['channels:40001']);
    const named = index.search('10080001 视频号', { limit: 1 })[0];
    expect([named.entry.id, ...named.also.map((e) => e.id)]).toEqual(['channels:10080001', 'shop:10080001']);
  });

  it('is a boost, not a filter: a platform word that is also content keeps working as a word', () => {
    expect(ids('appid没绑定小程序')[0]).toBe('open:85005');
    expect(ids('云托管欠费')[0]).toBe('cloudbase:-606003');
    expect(ids('小程序登录被封禁')[0]).toBe('errno:1402101');
  });
});

describe('WeCom, WeChat Pay and the client API tables (issue 9)', () => {
  const ids = (q: string, n = 5): string[] => index.search(q, { limit: n }).map((h) => h.entry.id);

  it('names the new platforms with their everyday words; one word may name both Pay APIs', () => {
    const words = (q: string): string[] => findPlatformWords(q).words.map((w) => `${w.word}=${w.platform}`);
    expect(words('企微 token 过期')).toEqual(['企微=企业微信']);
    expect(words('work weixin secret')).toEqual(['work weixin=企业微信']);
    expect(words('qyapi.weixin.qq.com 60020')).toEqual(['qyapi=企业微信']);
    expect(words('微信支付 签名错误')).toEqual(['微信支付=微信支付 APIv3', '微信支付=微信支付 APIv2']);
    expect(words('wechatpay sign error')).toEqual(['wechatpay=微信支付 APIv3', 'wechatpay=微信支付 APIv2']);
    expect(words('repay later')).toEqual([]);
    // A wx.* API name names the client API tables; wx.request stays the errno table's word.
    expect(words('wx.getlocation fail auth deny')).toEqual(['wx.getlocation=小程序客户端 API']);
    expect(words('wx.request fail')).toEqual(['wx.request=小程序客户端 errno']);
  });

  it('puts 60020 first for its own wording and for a WeCom whitelist query', () => {
    expect(ids('不安全的访问IP')[0]).toBe('wecom:60020');
    expect(ids('企业微信 ip 白名单')[0]).toBe('wecom:60020');
  });

  it('puts the Pay entry first for its exact wording, and finds it by any spelling', () => {
    expect(ids('余额不足')[0]).toBe('payv3:NOT_ENOUGH');
    // Any spelling finds both APIs' entries; the API whose spelling it is comes first (round 8).
    for (const q of ['NOTENOUGH', 'NOT_ENOUGH', 'notenough'])
      expect(ids(q).slice(0, 2).sort()).toEqual(['payv2:NOTENOUGH', 'payv3:NOT_ENOUGH']);
    expect(ids('NOT_ENOUGH')[0]).toBe('payv3:NOT_ENOUGH');
    expect(ids('NOTENOUGH')[0]).toBe('payv2:NOTENOUGH');
    expect(index.search('NOTENOUGH')[0].kind).toBe('code');
    // "error" in lower case stays a word, though Pay v2 has a code ERROR.
    expect(index.search('error')[0].kind).not.toBe('code');
  });

  it('holds the new platforms back for a bare query, and not when the query names them', () => {
    // A tier down: a WeCom phrase hit ranks among the older platforms' all-words hits, not above them.
    const bare = index.search('token过期', { limit: 20 });
    const firstWecom = bare.findIndex((h) => h.entry.platform === '企业微信');
    expect(firstWecom).toBeGreaterThan(4);
    expect(bare.slice(0, firstWecom).every((h) => !SEPARATE_NUMBERING.has(h.entry.platform))).toBe(true);
    expect(ids('企业微信 token过期')[0]).toMatch(/^wecom:/);
    expect(ids('微信支付 签名错误', 2).sort()).toEqual(['payv2:SIGNERROR', 'payv3:SIGN_ERROR']);
    // Their codes do not count toward a code's popularity: WeCom's 40001 does not lift the others.
    const hit = index.search('40001')[0];
    expect(hit.also.map((e) => e.id).pop()).toBe('wecom:40001');
  });
});

describe('options and contract', () => {
  it('pages with limit/offset, filters by platform and counts', () => {
    const all = index.search('invalid', { limit: 30 });
    const second = index.search('invalid', { limit: 10, offset: 10 });
    expect(second.map((h) => h.entry.id)).toEqual(all.slice(10, 20).map((h) => h.entry.id));
    expect(index.count('invalid')).toBeGreaterThan(30);
    const mp = index.search('access_token', { platform: '公众号' });
    expect(mp.length).toBeGreaterThan(0);
    expect(mp.every((h) => h.entry.platform === '公众号')).toBe(true);
  });

  it('search() reuses one index per catalog; an empty query finds nothing', () => {
    expect(search(catalog, '   ')).toEqual([]);
    expect(search(catalog, '40001')[0].entry.code).toBe('40001');
    expect(new SearchIndex(catalog).search('40001')[0].entry.id).toBe('open:40001');
  });
});

describe('concept queries and no match', () => {
  const first = (q: string): string => index.search(q, { limit: 1 })[0]?.entry.code ?? '';

  it('puts the most commonly met code of a concept first', () => {
    expect(first('ip白名单')).toBe('40164');
    expect(first('白名单')).toBe('40164');
    expect(first('whitelist')).toBe('40164');
    expect(['42001', '40014']).toContain(first('access_token 过期'));
    const expired = index.search('access_token expired', { limit: 2 }).map((h) => h.entry.code);
    expect(expired.sort()).toEqual(['40014', '42001']);
  });

  it('answers a query with nothing in common by no hits and the nearest suggestions', () => {
    const page = index.page('hello world');
    expect(page.hits).toEqual([]);
    expect(page.total).toBe(0);
    expect(page.suggestions.length).toBeGreaterThan(0);
    expect(page.suggestions.length).toBeLessThanOrEqual(3);
    // A misspelt word alone still finds its codes.
    expect(index.page('whitlist').hits[0].entry.code).toBe('40164');
  });

  it('suggests the codes one typo away, then the nearest known codes of the family, for an unknown code', () => {
    const page = index.page('45999');
    expect(page.hits).toEqual([]);
    expect(page.suggestions.length).toBe(3);
    const typos = codeTypos(catalog, '45999', 3).map((c) => c.code);
    expect(typos.length).toBeGreaterThan(0);
    const codes = page.suggestions.map((s) => s.entry.code);
    expect(codes.slice(0, typos.length)).toEqual(typos);
    for (const s of page.suggestions.slice(typos.length)) expect(s.entry.family).toBe('45xxx');
    // No typo neighbour: the family's nearest only.
    for (const s of index.page('89999').suggestions) expect(s.entry.family).toBe('89xxx');
  });
});

describe('the index and the lazy catalog', () => {
  it('ships a prebuilt index identical to one built from the bundled texts', () => {
    const packed = JSON.parse(CATALOG_JSON) as PackedCatalog;
    expect(buildIndex(new Catalog(packed))).toEqual(SEARCH_INDEX);
  });

  it('decodes postings as they were built, and finds every key by id', () => {
    const dict = new Dictionary(SEARCH_INDEX);
    const white = dict.id('白名单');
    expect(white).toBeGreaterThanOrEqual(0);
    const entries = new Set([...dict.postings(white)].map((p) => catalog.entryAt(p >> 3).id));
    expect(entries.has('open:40164')).toBe(true);
    expect(dict.df(white)).toBe(entries.size);
    expect(dict.id('no-such-key')).toBe(-1);
    for (const id of [0, 1, dict.size >> 1, dict.size - 1]) expect(dict.id(dict.keyAt(id))).toBe(id);
    // The stored df (read without the postings) is their number of distinct entries.
    const fresh = new Dictionary(SEARCH_INDEX);
    for (let id = 0; id < dict.size; id += 97)
      expect(fresh.dfOnly(id)).toBe(new Set([...dict.postings(id)].map((p) => p >> 3)).size);
  });

  it('stores keys in ASCII that sort as the keys do, and gives every key back as it was', () => {
    expect(/[^\0-\x7f]/.test(SEARCH_INDEX.keys)).toBe(false);
    const dict = new Dictionary(SEARCH_INDEX);
    const keys = Array.from({ length: dict.size }, (_, id) => dict.keyAt(id));
    const han = keys.filter((k) => /[\u3400-\u9fff]/.test(k));
    expect(han.length).toBeGreaterThan(10000);
    for (let id = 1; id < keys.length; id++) expect(keys[id - 1] < keys[id]).toBe(true);
    for (const key of [...han.slice(0, 50), ...han.slice(-50), '白名单', 'access', '@ipwhitelist'].filter(
      (k) => keys.includes(k),
    ))
      expect(dict.keyAt(dict.id(key))).toBe(key);
    // Prefixes: the first key at or after a Han prefix starts with it, as the completions read them.
    const first = dict.keyAt(dict.lowerBound('白'));
    expect(first.startsWith('白')).toBe(true);
    expect(dict.asciiKeys.filter((k) => k !== undefined).length).toBe(keys.length - han.length);
  });

  it('decodes entries on demand exactly as the whole catalog decodes them; codes are stored normalised', () => {
    const packed = JSON.parse(CATALOG_JSON) as PackedCatalog;
    const lazy = new Catalog(packed);
    expect(lazy.get('open:40164')).toEqual(catalog.get('open:40164'));
    expect(lazy.entries).toEqual(decodeCatalog(packed).entries);
    lazy.entries.forEach((e, i) => {
      expect(lazy.codeAt(i)).toBe(normalizeCode(e.code));
      // Numbers are stored normalised; string codes (Pay, errMsg) keep the source's spelling.
      if (/^-?\d+$/.test(e.code)) expect(e.code).toBe(normalizeCode(e.code));
    });
  });

  it("reads an undecoded entry's texts as the decoded entry has them (shared strings, short keys, aliases)", () => {
    const lazy = new Catalog(JSON.parse(CATALOG_JSON) as PackedCatalog);
    const fields = ['en', 'zh', 'fix', 'enSource', 'zhSource', 'fixSource', 'noteEn', 'noteZh'] as const;
    const read = (e: EntryTexts): unknown[] => [
      ...[...fields, 'adviceEn', 'adviceZh', 'aliases'].map((f) => e[f as keyof EntryTexts]),
      e.texts.map((t) => [t.en, t.zh, t.fix, t.note]),
    ];
    const undecoded = Array.from({ length: lazy.size }, (_, i) => read(lazy.textsAt(i)));
    expect(undecoded).toEqual(catalog.entries.map(read));
    expect(undecoded.some((r) => Array.isArray(r[10]))).toBe(true); // some entries have aliases
  });

  it('a catalog of its own builds its index from its texts and ranks the same', () => {
    const copy = new Catalog(catalog.data);
    const own = new SearchIndex(copy);
    for (const q of ['ip白名单', 'access_token expired', '40001', 'invalid'])
      expect(own.search(q).map((h) => h.entry.id)).toEqual(index.search(q).map((h) => h.entry.id));
  });

  it('reads only what a page needs, yet the first hits are those of a longer page', () => {
    for (const q of ['invalid', '错误', 'token', 'error', '不合法 ip', 'access_token'])
      expect(index.search(q, { limit: 5 }).map((h) => [h.entry.id, h.score])).toEqual(
        index
          .search(q, { limit: 200 })
          .slice(0, 5)
          .map((h) => [h.entry.id, h.score]),
      );
  });
});

describe('one cell per code, for lookups (the CLI reuses it)', () => {
  it('puts a code’s WeChat meanings in one cell and keeps the non-WeChat one apart until asked for', () => {
    const m = meaningsOf(catalog, '40001');
    expect(m.wechat?.primary.id).toBe('open:40001');
    expect(m.wechat?.also.map((e) => e.id)).toEqual([
      'mp:40001',
      'shop:40001',
      'channels:40001',
      'wecom:40001',
    ]);
    expect(m.apart).toEqual([]);
    expect(m.hidden).toBe(1);
    const all = meaningsOf(catalog, '40001', { nonWechat: true });
    expect(all.apart.map((c) => [c.primary.id, c.apart])).toEqual([['thirdparty:40001', true]]);
    const onChannels = meaningsOf(catalog, '40001', { prefer: (e) => e.platform === '视频号' });
    expect(onChannels.wechat?.primary.id).toBe('channels:40001');
    expect(onChannels.wechat?.also.map((e) => e.id)).toEqual([
      'open:40001',
      'mp:40001',
      'shop:40001',
      'wecom:40001',
    ]);
  });

  it('shows a code only the non-WeChat platform has, and groups a list of entries by code', () => {
    const only = meaningsOf(catalog, '201001');
    expect(only.wechat).toBeUndefined();
    expect(only.apart.map((c) => c.primary.id)).toEqual(['thirdparty:201001']);
    const cells = cellsOf(catalog, catalog.lookup('42001'));
    expect(cells.map((c) => c.primary.id)).toEqual(['open:42001']);
    expect(meaningsOf(catalog, '45999')).toEqual({ wechat: undefined, apart: [], hidden: 0 });
  });
});
