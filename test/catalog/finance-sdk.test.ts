// Issue 10: the 会话内容存档 SDK return values (wecom-finance, the official WeCom page's SDK错误码说明 table),
// as the bundled catalog, the extractor and search answer them.
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseWecomFinanceSdk } from '../../catalog/parsers/wecom';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const FILE = 'wecom_finance_sdk_errcodes_official.tsv';
const PAGE = 'https://developer.work.weixin.qq.com/document/path/91552';
const rows = parseWecomFinanceSdk(readFileSync(join(__dirname, '../../catalog/sources', FILE), 'utf8'), 'x');
const found = (text: string) => extractCodes(text).codes.map((c) => c.entryId);

describe('会话内容存档 SDK return values', () => {
  it('keeps every row of the official table as its own WeCom entry, with the page as its doc', () => {
    expect(rows.map((r) => r.code)).toEqual(Array.from({ length: 12 }, (_, i) => String(10000 + i)));
    expect(catalog.data.sources.find((s) => s.id === 'wecom-finance')).toMatchObject({
      rows: 12,
      kept: 12,
      merged: 0,
    });
    for (const r of rows)
      expect(catalog.get(`wecom:${r.code}`)).toMatchObject({
        zh: r.zh,
        zhSource: 'wecom-finance',
        enSource: 'wxerr',
        doc: PAGE,
      });
    expect(catalog.get('wecom:10009')?.fix).toMatch(/可信ip/);
    expect(catalog.get('wecom:10000')?.texts[0].note).toMatch(/WeWorkFinanceSdk/);
  });

  it('classes the entries by the official advice', () => {
    const action = (code: string) => catalog.get(`wecom:${code}`)?.action;
    expect(['10001', '10002', '10003', '10008'].map(action)).toEqual(Array(4).fill('retry-later'));
    expect(['10009', '10011'].map(action)).toEqual(['fix-config', 'fix-config']);
    expect(['10000', '10005', '10006', '10010'].map(action)).toEqual(Array(4).fill('fix-request'));
    expect(['10004', '10007'].map(action)).toEqual(['unknown', 'unknown']);
  });

  it('rejects a row that is not one of the SDK return values or names another page', () => {
    const head = 'code\tzh_msg\tzh_advice\tsource\n';
    expect(() => parseWecomFinanceSdk(`${head}10012\t未知\t-\t${PAGE}\n`, 'x')).toThrow(
      /x:2: not a 会话内容存档/,
    );
    expect(() => parseWecomFinanceSdk(`${head}10001\t网络请求错误\t-\thttps://example.com\n`, 'x')).toThrow(
      /x:2: source is not/,
    );
  });

  it('extracts the code from real-shaped 会话存档 SDK log lines', () => {
    expect(found('WeWorkFinanceSdk GetMediaData failed, ret: 10010')).toEqual(['wecom:10010']);
    expect(found('[wecom] msgaudit GetChatData error, ret=10002')).toEqual(['wecom:10002']);
    expect(found('企业微信会话存档 GetChatData ret=10001')).toEqual(['wecom:10001']);
  });

  it('answers a code only this table has, and the official wording, with the new entry first', () => {
    expect(search(catalog, '10009')[0].entry.id).toBe('wecom:10009');
    expect(search(catalog, '10011')[0].entry.id).toBe('wecom:10011');
    expect(search(catalog, '请求的数据过期')[0].entry.id).toBe('wecom:10010');
  });
});
