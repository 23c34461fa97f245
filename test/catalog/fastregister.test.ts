// Issue 10: the 错误码说明 tables of the two official 快速注册小程序 API pages (fastregister), merged into
// the open platform's common entries as API-specific wordings.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseFastRegister } from '../../catalog/parsers/fastregister';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const FILE = 'component_fastregister_official.tsv';
const rows = parseFastRegister(readFileSync(join(__dirname, '../../catalog/sources', FILE), 'utf8'), 'x');
const found = (text: string) => extractCodes(text).codes.map((c) => c.entryId);

describe('快速注册小程序 error codes', () => {
  it('reads both pages: 12 rows of fastregisterweapp, 12 of account/fastregister', () => {
    const count = (api: string) => rows.filter((r) => r.api === api).length;
    expect([count('fastregisterweapp'), count('account/fastregister')]).toEqual([12, 12]);
    const src = catalog.data.sources.find((s) => s.id === 'fastregister');
    expect(src).toMatchObject({ rows: 24, kept: 3, merged: 21 });
  });

  it('keeps every row as a wording of its open-platform entry, with its API', () => {
    for (const r of rows) {
      const entry = catalog.get(`open:${r.code}`);
      const text = entry?.texts.find((t) =>
        t.sources.some((s) => s.source === 'fastregister' && s.row === r.row),
      );
      expect(text).toMatchObject({ zh: r.zh, en: r.en, api: r.api });
    }
  });

  it('adds the codes the catalog lacked, and gives official Chinese where 001 has only English', () => {
    expect(catalog.get('open:89252')).toMatchObject({
      zh: '法人&企业信息一致性校验中',
      en: 'front checking',
      zhSource: 'fastregister',
    });
    expect(catalog.get('open:61057')).toMatchObject({ zhSource: 'fastregister', enSource: 'wxerr' });
    expect(catalog.get('open:61051')).toMatchObject({
      en: 'invalid realname type',
      enSource: '001',
      zh: '公众号主体类型不允许快速创建',
      zhSource: 'fastregister',
    });
  });

  it('keeps the error-code page as the primary text where the two pages disagree, with a note', () => {
    const e = catalog.get('open:89253');
    expect(e).toMatchObject({ en: 'front checking', enSource: '001', action: 'unknown' });
    expect(e?.texts.map((t) => t.en)).toContain('lack of some params');
    expect(e?.noteEn).toMatch(/89252/);
  });

  it('rejects a row whose page is not its API page', () => {
    const bad = 'code\tzh_msg\ten_msg\tapi\tsource\n61051\tx\t\tfastregisterweapp\thttps://example.com\n';
    expect(() => parseFastRegister(bad, 'x')).toThrow(/x:2: https:\/\/example.com is not the page/);
  });

  it('extracts a real-shaped fastregisterweapp response and answers the new codes first', () => {
    expect(found('{"errcode":89252,"errmsg":"front checking rid: 5f55f5d5-3db7637c-7fff73dd"}')).toEqual([
      'open:89252',
    ]);
    for (const code of ['89252', '61057', '61060'])
      expect(search(catalog, code)[0].entry.id).toBe(`open:${code}`);
  });
});
