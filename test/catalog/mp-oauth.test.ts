// Issue 10: the codes the 公众号 网页授权 authorize page shows (mp-oauth, the official 授权登录常见问题 page),
// as the bundled catalog, the extractor and search answer them.
import { readFileSync } from 'fs';
import { join } from 'path';
import { MP_OAUTH_API, MP_OAUTH_PAGE, parseMpOauth } from '../../catalog/parsers/mp-oauth';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { search } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const FILE = 'mp_oauth_authorize_troubleshooting_official.tsv';
const rows = parseMpOauth(readFileSync(join(__dirname, '../../catalog/sources', FILE), 'utf8'), 'x');
const found = (text: string) => extractCodes(text).codes.map((c) => c.entryId);

describe('公众号 网页授权 authorize-page codes', () => {
  it('keeps both codes the official page names as 公众号 entries of the authorize page', () => {
    expect(rows.map((r) => r.code)).toEqual(['10005', '10003']);
    expect(catalog.data.sources.find((s) => s.id === 'mp-oauth')).toMatchObject({
      rows: 2,
      kept: 2,
      merged: 0,
    });
    for (const r of rows) {
      const entry = catalog.get(`mp:${r.code}`);
      expect(entry).toMatchObject({ zh: r.zh, zhSource: 'mp-oauth', enSource: 'wxerr', doc: MP_OAUTH_PAGE });
      expect(entry?.texts[0].api).toBe(MP_OAUTH_API);
      expect(entry?.action).toBe('fix-config');
    }
    expect(catalog.get('mp:10003')?.fix).toMatch(/网页授权域名/);
    // The numbers keep their other platforms' meanings (WeCom's 会话存档 SDK, a client API).
    expect(catalog.get('wecom:10003')?.zh).toBe('系统调用失败');
    expect(catalog.get('wxapi:requestSubscribeMessage:10005')).toBeDefined();
  });

  it('rejects a row of another page or API', () => {
    const head = 'code\tzh_msg\tzh_advice\tapi\tsource\n';
    expect(() =>
      parseMpOauth(`${head}10003\tx\t-\tsns/oauth2/access_token\t${MP_OAUTH_PAGE}\n`, 'x'),
    ).toThrow(/x:2: api is not/);
    expect(() => parseMpOauth(`${head}10003\tx\t-\t${MP_OAUTH_API}\thttps://example.com\n`, 'x')).toThrow(
      /x:2: source is not/,
    );
  });

  it('extracts the code from real-shaped authorize-page texts on the 公众号', () => {
    expect(found('redirect_uri域名与后台配置不一致，错误码：10003')).toEqual(['mp:10003']);
    expect(found('10003 redirect_uri 参数错误')).toEqual(['mp:10003']);
    expect(
      found('https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&scope=snsapi_base 提示 10005'),
    ).toEqual(['mp:10005']);
  });

  it('answers the page or product named in the query with the new entry first', () => {
    expect(search(catalog, '网页授权 10003')[0].entry.id).toBe('mp:10003');
    expect(search(catalog, 'oauth2 authorize 10005')[0].entry.id).toBe('mp:10005');
    expect(search(catalog, 'redirect_uri域名与后台配置不一致')[0].entry.id).toBe('mp:10003');
    expect(search(catalog, '此公众号并没有这些scope的权限')[0].entry.id).toBe('mp:10005');
  });
});
