// Issue 10: the WXBizMsgCrypt return codes (wecom-msgcrypt, the official WeCom SDK's errorCode.php), as the
// bundled catalog, the extractor and search answer them.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWecomMsgCrypt } from '../../catalog/parsers/wecom';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const FILE = 'msgcrypt_wecom_weworkapi_php_errorCode.tsv';
const rows = parseWecomMsgCrypt(readFileSync(join(__dirname, '../../catalog/sources', FILE), 'utf8'), 'x');
const found = (text: string) => extractCodes(text).codes.map((c) => c.entryId);

describe('WXBizMsgCrypt return codes', () => {
  it('keeps every row of the source as its own WeCom entry, apart from the API errcode 40001', () => {
    expect(rows.map((r) => r.code)).toEqual(
      Array.from({ length: 11 }, (_, i) => `-400${String(i + 1).padStart(2, '0')}`),
    );
    const src = catalog.data.sources.find((s) => s.id === 'wecom-msgcrypt');
    expect(src).toMatchObject({ rows: 11, kept: 11, merged: 0 });
    for (const r of rows)
      expect(catalog.get(`wecom:${r.code}`)).toMatchObject({
        zh: r.zh,
        zhSource: 'wecom-msgcrypt',
        enSource: 'wxerr',
      });
    expect(catalog.get('wecom:-40001')?.texts[0].note).toBe('WXBizMsgCrypt ErrorCode.ValidateSignatureError');
    expect(catalog.get('wecom:40001')?.zh).toBe('不合法的secret参数');
  });

  it('classes key, signature and corpid failures as configuration, malformed bodies as the request', () => {
    for (const code of ['-40001', '-40004', '-40005', '-40007'])
      expect(catalog.get(`wecom:${code}`)?.action).toBe('fix-config');
    for (const code of ['-40002', '-40010', '-40011'])
      expect(catalog.get(`wecom:${code}`)?.action).toBe('fix-request');
  });

  it('rejects a row that is not a WXBizMsgCrypt code', () => {
    const bad = 'code\tzh_msg\tconstant\tsource\n40001\t签名验证错误\tX\ty\n';
    expect(() => parseWecomMsgCrypt(bad, 'x')).toThrow(/x:2: not a WXBizMsgCrypt return code/);
  });

  it('extracts the code from real-shaped WeCom callback lines', () => {
    expect(found('[wecom callback] WXBizMsgCrypt decrypt failed, ret=-40005')).toEqual(['wecom:-40005']);
    expect(found('企业微信回调 DecryptMsg ret: -40007')).toEqual(['wecom:-40007']);
    // The shape of a WeCom community thread (网页提示: ERR: -40001), with its platform named.
    expect(found('企业微信 回调配置 ERR: -40001')).toEqual(['wecom:-40001']);
  });

  // The 公众号 sample has the same codes (mp-msgcrypt, test/catalog/sdk-copies.test.ts): a bare code or the
  // shared wording answers the 公众号 entry first with WeCom's behind it; WeCom named, or corpid, picks WeCom.
  it('answers "-40001" with the WeCom entry in its cell, and first when WeCom is named', () => {
    const hit = search(catalog, '-40001')[0];
    expect([hit.entry.id, ...hit.also.map((e) => e.id)]).toContain('wecom:-40001');
    expect(search(catalog, '企业微信 -40001')[0].entry.id).toBe('wecom:-40001');
    expect(search(catalog, 'corpid 校验错误')[0].entry.id).toBe('wecom:-40005');
  });
});
