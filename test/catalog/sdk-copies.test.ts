// Issue 10: the SDK copies of official tables that could not be read here (catalog/parsers/sdk-copies.ts):
// Senparc's 快速注册 enums, the 公众号 WXBizMsgCrypt sample, wechat-trade-js's APIv2 err_code map. Each is
// checked as the bundled catalog, the extractor and search answer it.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Parser } from '../../catalog/parsers/types';
import { parseFastRegisterSenparc, parseMpMsgCrypt, parsePayV2Map } from '../../catalog/parsers/sdk-copies';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const read = (parse: Parser, file: string) =>
  parse(readFileSync(join(__dirname, '../../catalog/sources', file), 'utf8'), 'x');
const found = (text: string) => extractCodes(text).codes.map((c) => c.entryId);
const first = (query: string) => search(catalog, query)[0];
const rowsOf = (id: string, source: string) =>
  catalog.get(id)?.texts.filter((t) => t.sources.some((s) => s.source === source)) ?? [];

describe('快速注册 codes from Senparc (fastregister-senparc)', () => {
  const rows = read(parseFastRegisterSenparc, 'component_fastregister_senparc_Enums.tsv');

  it('keeps every errcode of both enums as a wording of its open-platform entry, `_` read as a space', () => {
    const count = (api: string) => rows.filter((r) => r.api === api).length;
    expect([count('fastregisterweapp'), count('fastregisterpersonalweapp')]).toEqual([10, 14]);
    expect(catalog.data.sources.find((s) => s.id === 'fastregister-senparc')).toMatchObject({
      rows: 24,
      kept: 11,
      merged: 13,
    });
    for (const r of rows)
      expect(rowsOf(`open:${r.code}`, 'fastregister-senparc').map((t) => t.zh)).toContain(r.zh);
    expect(catalog.get('open:86031')).toMatchObject({
      zh: '内部错误 第三方号无效或未全网发布',
      zhSource: 'fastregister-senparc',
      enSource: 'wxerr',
      action: 'fix-config',
    });
    // An official wording stays first: seed 001's 40001 is not replaced by the enum's.
    expect(catalog.get('open:40001')?.zhSource).toBe('001');
  });

  it('classes the restricted and personal-subject codes as account state, 91030 as quota', () => {
    for (const code of ['86034', '86040', '89295', '86021'])
      expect(catalog.get(`open:${code}`)?.action).toBe('account-state');
    expect(catalog.get('open:91030')?.action).toBe('quota');
  });

  it('rejects a status value and a source without a pinned commit', () => {
    const head = 'code\tenum_member\tenum\tsource\n';
    const src = `github:a/b@${'0'.repeat(40)}:Enums.cs`;
    expect(() =>
      parseFastRegisterSenparc(
        `${head}1001\t主体创建小程序数量达到上限\tFastRegisterPersonalWeApp_Status\t${src}\n`,
        'x',
      ),
    ).toThrow(/x:2: not a five-digit errcode/);
    expect(() =>
      parseFastRegisterSenparc(
        `${head}86031\tX\tFastRegisterPersonalWeApp_Status\tgithub:a/b:Enums.cs\n`,
        'x',
      ),
    ).toThrow(/x:2: source is not github:owner\/repo@commit:path/);
  });

  it('finds the code in a real-shaped response and answers it first', () => {
    expect(found('fastregisterpersonalweapp 返回 {"errcode":86031,"errmsg":"invalid component"}')).toEqual([
      'open:86031',
    ]);
    expect(found('快速注册个人小程序失败 errcode: 89295')).toEqual(['open:89295']);
    for (const code of ['86031', '86032', '86033', '86034', '86036', '86040', '89295', '91030'])
      expect(first(code).entry.id).toBe(`open:${code}`);
  });
});

describe('公众号 WXBizMsgCrypt return codes (mp-msgcrypt)', () => {
  const rows = read(parseMpMsgCrypt, 'msgcrypt_mp_senparc_WXBizMsgCrypt.tsv');

  it('keeps -40001…-40011 as 公众号 entries, apart from WeCom’s copy', () => {
    expect(rows.map((r) => r.code)).toEqual(
      Array.from({ length: 11 }, (_, i) => `-400${String(i + 1).padStart(2, '0')}`),
    );
    for (const r of rows)
      expect(catalog.get(`mp:${r.code}`)).toMatchObject({ zh: r.zh, zhSource: 'mp-msgcrypt' });
    expect(catalog.get('mp:-40005')?.zh).toBe('appid 校验错误');
    expect(catalog.get('wecom:-40005')?.zh).toBe('corpid 校验错误');
    expect(catalog.get('mp:-40005')?.texts[0].note).toBe('WXBizMsgCrypt WXBizMsgCrypt_ValidateAppid_Error');
  });

  it('classes each code as WeCom’s copy of the library does', () => {
    for (const r of rows)
      expect([r.code, catalog.get(`mp:${r.code}`)?.action]).toEqual([
        r.code,
        catalog.get(`wecom:${r.code}`)?.action,
      ]);
  });

  it('gives a listing without WeCom evidence to the 公众号, a WeCom-marked one to WeCom', () => {
    expect(found('WXBizMsgCrypt DecryptMsg failed, ret=-40005')).toEqual(['mp:-40005']);
    expect(found('公众号服务器配置 消息加解密 解密失败 errCode: -40007')).toEqual(['mp:-40007']);
    expect(found('[wecom callback] WXBizMsgCrypt decrypt failed, ret=-40005')).toEqual(['wecom:-40005']);
    expect(found('企业微信回调 DecryptMsg ret: -40007')).toEqual(['wecom:-40007']);
    // WeCom's copy of the library names -40005 ValidateCorpid…, the 公众号 sample ValidateAppid… (a C# port's
    // enum, members without the WXBizMsgCrypt_ prefix).
    const listing = (name: string) =>
      `public enum EnumWXBizMsgCryptErrorCode\n{\n    OK = 0,\n    IllegalAesKey = -40004,\n    ${name}_Error = -40005,\n    EncryptAES_Error = -40006,\n}`;
    expect(found(listing('ValidateCorpid'))).toEqual(['wecom:-40004', 'wecom:-40005', 'wecom:-40006']);
    // The same enum with the 公众号 name says nothing of WeChat either: its numbers are not taken as codes.
    expect(found(listing('ValidateAppid'))).toEqual([]);
  });

  it('answers the code and the sample’s wording with the 公众号 entry first, WeCom’s behind it', () => {
    const hit = first('-40005');
    expect(hit.entry.id).toBe('mp:-40005');
    expect(hit.also.map((e) => e.id)).toContain('wecom:-40005');
    expect(first('appid 校验错误').entry.id).toBe('mp:-40005');
    expect(first('corpid 校验错误').entry.id).toBe('wecom:-40005');
  });
});

describe('微信支付 APIv2 err_code map from wechat-trade-js (pay2-tradejs)', () => {
  const rows = read(parsePayV2Map, 'wechatpay_v2_errcodes_wechat-trade-js_WechatApiError.tsv');

  it('adds the refund codes WxJava lacks and merges the rest as wordings', () => {
    expect(rows).toHaveLength(28);
    expect(catalog.data.sources.find((s) => s.id === 'pay2-tradejs')).toMatchObject({
      rows: 28,
      kept: 4,
      merged: 24,
    });
    for (const r of rows) expect(rowsOf(`payv2:${r.code}`, 'pay2-tradejs').map((t) => t.zh)).toEqual([r.zh]);
    expect(catalog.get('payv2:REFUND_FEE_MISMATCH')).toMatchObject({
      zh: '订单金额或退款金额与之前请求不一致，请核实后再试',
      action: 'fix-request',
    });
    expect(catalog.get('payv2:ORDER_NOT_READY')?.action).toBe('retry-later');
    expect(catalog.get('payv2:CERT_ERROR')?.action).toBe('fix-config');
    // WxJava (pay2-wxjava) stays the primary text of the codes both give.
    expect(catalog.get('payv2:TRADE_OVERDUE')?.zhSource).toBe('pay2-wxjava');
  });

  it('finds the code in a real-shaped refund response and answers it first', () => {
    const xml =
      '<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code><![CDATA[FAIL]]></result_code>' +
      '<err_code><![CDATA[REFUND_FEE_MISMATCH]]></err_code><err_code_des><![CDATA[订单金额或退款金额与之前请求不一致，请核实后再试]]></err_code_des></xml>';
    expect(found(xml)).toEqual(['payv2:REFUND_FEE_MISMATCH']);
    expect(found('申请退款 err_code: CERT_ERROR err_code_des: 证书校验错误')).toEqual(['payv2:CERT_ERROR']);
    for (const code of ['CERT_ERROR', 'REFUND_FEE_MISMATCH', 'ORDER_NOT_READY'])
      expect(first(code).entry.id).toBe(`payv2:${code}`);
  });
});
