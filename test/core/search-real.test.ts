// Ranking rules drawn from real queries (public issue titles, the `tune` half of
// bench/data/search-queries-real.json), on the real bundled catalog.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { search, searchIndex } from '../../miniprogram/core/search';

const catalog = bundledCatalog();
const ids = (query: string): string[] => search(catalog, query, { limit: 5 }).map((h) => h.entry.id);

describe('platforms with their own numbering, held back unless named', () => {
  it('gives a WeChat code in a sentence its WeChat meaning, not WeCom’s (微信 alone does not name 企业微信)', () => {
    const hits = ids('接口调用微信 45009 错误, 接口调用超过限制');
    expect(hits[0]).toBe('open:45009');
    expect(ids('企业微信 45009 接口调用超过限制')[0]).toBe('wecom:45009');
  });

  it('reads Pay’s own words (退款, 下单, unifiedOrder) as naming WeChat Pay', () => {
    expect(ids('unifiedOrder 请求提示 签名错误')[0]).toBe('payv2:SIGNERROR');
    expect(['payv2:NOTENOUGH', 'payv3:NOT_ENOUGH']).toContain(ids('退款提示可退款余额不足')[0]);
    expect(ids('小程序下单仅提示参数错误，不返回错误的参数与原因')).toContain('payv3:PARAM_ERROR');
  });

  it('reads wx.cloud as Cloud Development, not as a client API name', () => {
    const hits = ids("Cloud API isn't enabled, please call wx.cloud.init first");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((id) => id.startsWith('cloudbase:'))).toBe(true);
    expect(searchIndex(catalog).search('wx.getLocation fail')[0]?.entry.platform).toBe('小程序客户端 API');
  });
});

describe('pasted bodies and logs', () => {
  it('reads the "code" field of a WeChat Pay v3 body as the code', () => {
    expect(ids('{"code":"PARAM_ERROR","message":"参数错误"}')[0]).toBe('payv3:PARAM_ERROR');
  });

  it('finds a negative cloud code logged without its sign', () => {
    expect(ids('errCode 501007')[0]).toBe('cloudbase:-501007');
    // A code the catalog has as written keeps its own meaning.
    expect(ids('errcode 40001')[0]).toBe('open:40001');
  });
});

describe('questions about another service', () => {
  it.each([
    '钉钉推送问题',
    '钉钉登录认证失败：不合法的access_token',
    '支付宝支付成功 但是验签失败(INVALID_SIGN: Alipay Sign Verify FAILED)',
    'Lark error code 99991663: Invalid access token for authorization',
    '经常发生 状态码：429 临时限制访问',
    'Error: Process completed with exit code 1.这是什么问题啊。。',
  ])('%s → no match, with suggestions', (query) => {
    const page = searchIndex(catalog).page(query);
    expect(page.hits).toEqual([]);
    expect(page.total).toBe(0);
    expect(page.suggestions.length).toBeGreaterThan(0);
  });

  it('still searches when WeChat is named beside the other service', () => {
    expect(ids('微信支付 签名错误 和支付宝不一样')[0]).toMatch(/^payv[23]:SIGN_?ERROR$/);
  });
});

describe('wordings that differ from the official text', () => {
  it('meets a joined word of the official text split in the query (webhookurl)', () => {
    expect(ids('invalid webhook url')[0]).toBe('wecom:93000');
  });

  it('reads "请稍后重试" as a busy error, so Pay’s 系统异常 answers 系统繁忙', () => {
    expect(ids('微信支付 系统繁忙')[0]).toMatch(/^payv[23]:SYSTEM_?ERROR$/);
  });
});

describe('the common table under a platform’s name', () => {
  it('counts 公众号 as naming the common server API codes an Official Account meets', () => {
    expect(ids('无效ip，公众号白名单报错')[0]).toBe('open:40164');
  });

  it('counts 小程序 as naming the common table as well as the client errno table', () => {
    const hits = ids('小程序code 换取session_key失败');
    expect(hits).toContain('open:40029');
    expect(hits.every((id) => !id.startsWith('errno:'))).toBe(true);
  });
});
