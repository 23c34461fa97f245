import { buildCatalog, parseSources } from '../../catalog/build';
import { bundledCatalog, Catalog, normalizeCode } from '../../miniprogram/core/catalog';
import { decodeCatalog, packCatalog } from '../../miniprogram/core/codec';
import { GENERATED, renderCatalogModule } from '../../catalog/generate';
import { readFileSync } from 'fs';

const parsed = parseSources();
const data = buildCatalog(parsed);

/** Row counts each source is documented to have (shared/README.md). */
const EXPECTED_ROWS: Record<string, number> = {
  '001': 2030,
  errno: 295,
  '002': 154,
  '004': 70,
  '000': 51,
  '003': 79,
  'mp-extra': 31,
  fastregister: 24,
  'fastregister-senparc': 24,
  'mp-oauth': 2,
  wecom: 1251,
  'wecom-wxjava': 281,
  'wecom-msgcrypt': 11,
  'mp-msgcrypt': 11,
  'wecom-finance': 12,
  'pay3-common': 4,
  'pay3-http': 12,
  'pay3-senparc': 23,
  'pay3-go': 49,
  'pay2-wxjava': 57,
  'pay2-tradejs': 28,
  wxapi: 128,
  'wxapi-seen': 39,
  'wecom-seen': 19,
  'cloud-seen': 5,
  'pay-seen': 8,
};

describe('catalog reconciliation', () => {
  it('reads every documented row of every source', () => {
    expect(Object.fromEntries(data.sources.map((s) => [s.id, s.rows]))).toEqual(EXPECTED_ROWS);
  });

  it('accounts for every row: kept + merged = rows, and each row is listed by exactly one entry', () => {
    const listed = new Map<string, number>();
    for (const e of data.entries)
      for (const r of e.sources)
        listed.set(`${r.source}#${r.row}`, (listed.get(`${r.source}#${r.row}`) ?? 0) + 1);
    for (const s of data.sources) {
      expect(s.kept + s.merged).toBe(s.rows);
      for (let row = 1; row <= s.rows; row++) expect(listed.get(`${s.id}#${row}`)).toBe(1);
    }
    expect(data.entries.length).toBe(data.sources.reduce((n, s) => n + s.kept, 0));
  });

  it('gives every row text to some wording of its entry (nothing dropped)', () => {
    for (const { rows } of parsed) {
      for (const row of rows) {
        const entry = data.entries.find((e) =>
          e.sources.some((r) => r.source === row.source && r.row === row.row),
        );
        const variant = entry?.texts.find((t) =>
          t.sources.some((r) => r.source === row.source && r.row === row.row),
        );
        expect(variant).toMatchObject({ en: row.en, zh: row.zh });
      }
    }
  });

  it('keeps disagreeing wordings of one code on one platform, each with its source', () => {
    const mp = data.entries.find((e) => e.id === 'mp:40001');
    expect(mp?.texts.map((t) => t.sources[0].source)).toEqual(['002', '004']);
    expect(mp?.texts[1]).toMatchObject({ en: 'invalid credential', zh: '不合法的调用凭证' });
    expect(mp).toMatchObject({ en: 'invalid credential', enSource: '004', zhSource: '002' });
    // Two official wordings, and the errMsg a public response carried (cloud-seen), each a text of its own.
    const cloud = data.entries.find((e) => e.id === 'cloudbase:-404011');
    expect(cloud?.texts.map((t) => t.sources[0].source)).toEqual(['001', '001', 'cloud-seen']);
  });

  it('keeps one number on different platforms as different entries', () => {
    const c = new Catalog(data);
    const platforms = c.lookup('40003').map((e) => e.platform);
    expect(platforms).toEqual([
      '开放平台通用',
      '公众号',
      '微信小店',
      '视频号',
      '企业微信',
      '第三方账号平台（非微信）',
    ]);
    expect(c.lookup('40003').find((e) => e.platform === '第三方账号平台（非微信）')?.en).toBe(
      'missing scope',
    );
    expect(c.lookup('85015').map((e) => `${e.platform}:${e.zh}`)).toEqual([
      '开放平台通用:该账号不是小程序账号',
      '第三方平台代小程序:版本输入错误',
    ]);
  });

  it('classifies actions from the notes and families from the ranges', () => {
    const c = new Catalog(data);
    const action = (code: string) => c.lookup(code)[0].action;
    expect(action('42001')).toBe('refresh-token');
    expect(action('45011')).toBe('retry-later');
    expect(action('45009')).toBe('quota');
    expect(action('40164')).toBe('fix-config');
    expect(action('40029')).toBe('re-login');
    expect(action('600002')).toBe('fix-config');
    // Wording that says the call does not fit the data (no such object, a limit, already exists): fix-request,
    // but only for server codes; client errno rows about devices stay unknown.
    expect(c.get('open:20002')?.action).toBe('fix-request');
    expect(c.get('open:61327')?.action).toBe('fix-request');
    expect(c.get('errno:1509006')?.action).toBe('unknown');
    expect(c.lookup('45011')[0].family).toBe('45xxx');
    expect(c.lookup('-404011')[0].family).toBe('-404xxx');
    expect(c.lookup('600002').find((e) => e.platform === '小程序客户端 errno')?.family).toBe('errno:06');
    // 600002 is also an upload error in the official page: two meanings, two entries (and WeCom's own).
    expect(c.lookup('600002').map((e) => e.en || e.id)).toEqual([
      'no permission to upload file',
      'url not in domain list',
      'wecom:600002',
    ]);
  });
});

describe('bundled catalog', () => {
  it('round-trips through the compact bundle format', () => {
    expect(decodeCatalog(JSON.parse(JSON.stringify(packCatalog(data))))).toEqual(
      JSON.parse(JSON.stringify(data)),
    );
  });

  it('is what the sources produce (the committed file is not stale)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderCatalogModule());
  });

  it('looks codes up however they are typed, with wildcard rows', () => {
    const c = bundledCatalog();
    expect(normalizeCode(' ４０００１ ')).toBe('40001');
    expect(normalizeCode('api_sys_reqsign')).toBe('API_SYS_REQSIGN');
    expect(c.lookup('-404005').map((e) => e.code)).toEqual(['-404005', '-40400x']);
    expect(c.lookup('API_SYS_REQSIGN')[0].fix).toBe('检查签名算法');
    expect(c.lookup('12345678')).toEqual([]);
  });

  it('explains unknown codes by family instead of nothing', () => {
    const c = bundledCatalog();
    expect(c.family('45999')).toMatchObject({
      key: '45xxx',
      en: expect.stringContaining('a limit was exceeded'),
    });
    expect(c.family('-404999').zh).toBe('云开发 SDK 云函数错误');
    expect(c.family('777').en).toContain('no common meaning');
  });
});
