// core/fill.ts: the next step filled in from the text, on real errmsg shapes (see shared notes: 40164 carries
// the caller IP; WeCom's 60020 says "from ip"), with the extractor's own FoundCode as input.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { filledFix, scanFacts } from '../../miniprogram/core/fill';

const catalog = bundledCatalog();
/** Extract the code from the text, then fill its fix as the CLI scan does. */
function fill(text: string, code?: string) {
  const found = extractCodes(text).codes.find((c) => code === undefined || c.code === code);
  const wanted = found?.code ?? code ?? '';
  return filledFix(wanted, catalog.lookup(wanted)[0], scanFacts(text, found ?? {}));
}

describe('filledFix', () => {
  it('40164: the caller IP the errmsg carries goes into the whitelist step', () => {
    const fix = fill(
      '{"errcode":40164,"errmsg":"invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 65efc0ad-61c5d4a2-3a6b0a31"}',
    );
    expect(fix?.en).toBe('add 1.2.3.4 to the IP whitelist (开发管理 → 开发设置 → IP白名单), then retry');
    expect(fix?.zh).toBe('把 1.2.3.4 加入 IP 白名单（开发管理 → 开发设置 → IP白名单），生效后重试');
  });

  it("60020 (WeCom): the IP goes to the app's trusted IPs, even without a catalog entry", () => {
    const text =
      'WeChatClientException: Error code: 60020, message: not allow to access from your ip, hint: [1603012342_42_8e1b], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    const fix = filledFix('60020', undefined, scanFacts(text));
    expect(fix?.en).toBe(
      "add 203.0.113.7 to the app's trusted IPs (企业微信管理后台 → 应用管理 → 应用 → 企业可信IP), then retry",
    );
    expect(fix?.facts.wecom).toBe(true);
  });

  it('61004 on the third-party platform points at its own whitelist', () => {
    const fix = filledFix(
      '61004',
      catalog.lookup('61004')[0],
      scanFacts('errcode=61004 errmsg=access clientip is not registered requestIP: 10.1.2.3'),
    );
    expect(fix?.en).toMatch(
      /^add 10\.1\.2\.3 to the third-party platform's IP whitelist \(开放平台 → 第三方平台/,
    );
  });

  it('45009 with the API path: the quota of that API and how to query it', () => {
    const fix = fill(
      'POST /cgi-bin/message/custom/send → {"errcode":45009,"errmsg":"reach max api daily quota limit"}',
    );
    expect(fix?.en).toBe(
      'the daily quota of /cgi-bin/message/custom/send is used up: check it with POST /cgi-bin/openapi/quota/get {"cgi_path":"/cgi-bin/message/custom/send"}; do not retry in a loop',
    );
  });

  it('40013 with an appid, 48001 with the API path, 40001 with both', () => {
    expect(
      fill(
        'GET https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wx1234567890abcdef&secret=… {"errcode":40013,"errmsg":"invalid appid"}',
      )?.en,
    ).toMatch(/^check that wx1234567890abcdef is the right AppID/);
    expect(
      fill('https://api.weixin.qq.com/wxa/getwxacodeunlimit {"errcode":48001,"errmsg":"api unauthorized"}')
        ?.en,
    ).toBe(
      'the account has no permission for /wxa/getwxacodeunlimit: grant it (接口权限 / 权限集) before calling again',
    );
    expect(
      fill(
        'appid=wx1234567890abcdef POST /cgi-bin/message/subscribe/send {"errcode":40001,"errmsg":"invalid credential"}',
      )?.en,
    ).toBe(
      'fetch a new access_token of wx1234567890abcdef once (getStableAccessToken), then call /cgi-bin/message/subscribe/send again',
    );
  });

  it('-1 with a rid: how to look it up', () => {
    expect(fill('{"errcode":-1,"errmsg":"system error rid: 65efc0ad-61c5d4a2-3a6b0a31"}')?.en).toBe(
      'retry later with backoff; if it repeats, look the rid up: POST /cgi-bin/openapi/rid/get {"rid":"65efc0ad-61c5d4a2-3a6b0a31"}',
    );
  });

  it("nothing filled when the text carries no value (the code's own advice stays)", () => {
    expect(fill('{"errcode":40164,"errmsg":"not in whitelist"}', '40164')).toBeUndefined();
    expect(fill('{"errcode":45009,"errmsg":"reach max api daily quota limit"}')).toBeUndefined();
    expect(fill('{"errcode":40029,"errmsg":"invalid code"}')).toBeUndefined();
  });
});

describe('scanFacts', () => {
  it('takes labelled IPs only, lower-cases the appid, keeps the API path without its query', () => {
    expect(scanFacts('order 1.2.3.4 shipped').ip).toBeUndefined();
    expect(scanFacts('version 10.2.3.4 client ip: 192.168.0.9').ip).toBe('192.168.0.9');
    const facts = scanFacts(
      'https://api.weixin.qq.com/sns/jscode2session?appid=WX1234567890ABCDEF&js_code=x',
    );
    expect(facts).toEqual({ appid: 'wx1234567890abcdef', api: '/sns/jscode2session' });
    expect(scanFacts('api minute-quota reach limit').quota).toBe('minute');
  });
});
