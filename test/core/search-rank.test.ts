// Ranking mechanisms drawn from the second real-query set (bench/data/search-queries-real-2.json, tune only;
// each query below is copied from the public thread named there), on the real bundled catalog.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { searchIndex } from '../../miniprogram/core/search';
import { parseQuery } from '../../miniprogram/core/search/query';

const catalog = bundledCatalog();
const index = searchIndex(catalog);
const ids = (query: string): string[] => index.search(query, { limit: 5 }).map((h) => h.entry.id);
const parse = (query: string) => parseQuery(query, (code) => catalog.lookupIndices(code).length > 0);

describe('pasted bodies name their code and platform', () => {
  it('reads a WeCom help link as naming 企业微信, though the URL itself is dropped', () => {
    const paste =
      '获取企业微信用户列表失败：41001: access_token missing, hint: [redacted], from ip: [redacted], more info at https://open.work.weixin.qq.com/devtool/query?e=41001';
    expect(parse(paste).codes).toEqual(['41001']);
    expect(ids(paste)[0]).toBe('wecom:41001');
    // Without the link the same body means the common table's 41001.
    expect(ids('{"errcode":41001,"errmsg":"access_token missing"}')[0]).toBe('open:41001');
  });

  it('takes the code of a Pay APIv2 XML body and a string code in capitals inside a sentence', () => {
    expect(ids('2018-08-17T03:28:59.392485000Z <err_code><![CDATA[NOTENOUGH]]></err_code>')[0]).toBe(
      'payv2:NOTENOUGH',
    );
    expect(ids('提示 Error: PARAM_ERROR')[0]).toMatch(/^payv[23]:PARAM_ERROR$/);
  });

  it('reads an exception class name as its words', () => {
    expect(ids('使用jssdk会报Wechat::AccessTokenExpiredError的错')[0]).toMatch(/:42001$/);
    // An API name in CamelCase stays one word (getAccessToken is not "access token").
    expect(ids('关于getAccessToken接口IP白名单问题')[0]).toBe('open:40164');
  });

  it('puts a Pay code first on the API whose spelling it is, and reads a FAIL result field as APIv2', () => {
    expect(ids('ORDERNOTEXIST')[0]).toBe('payv2:ORDERNOTEXIST');
    expect(ids('ORDER_NOT_EXIST')[0]).toBe('payv3:ORDER_NOT_EXIST');
    expect(ids('SYSTEM_ERROR | System error | Call the API again later')[0]).toBe('payv3:SYSTEM_ERROR');
    expect(ids('结果代码：FAIL，错误代码：INVALID_REQUEST')[0]).toBe('payv2:INVALID_REQUEST');
    expect(ids('错误代码：INVALID_REQUEST')[0]).toBe('payv3:INVALID_REQUEST');
  });

  it('puts every WeChat meaning of a named code before the non-WeChat one', () => {
    const paste =
      "Failed to send message: {'errcode': 301002, 'errmsg': 'not allow operate another agent with this accesstoken., hint: [1766386474184591410918595]";
    expect(ids(paste)[0]).toBe('wecom:301002');
  });

  it('quotes an official English errmsg inside Chinese words', () => {
    expect(
      ids(
        '上传图文消息素材失败: title size out of limit hint: [S8QtPA060738-0] rid: 68707d6f-2b04a9a7-51a91aef',
      )[0],
    ).toMatch(/:45003$/);
  });
});

describe('concept leads: a concept’s most met code first', () => {
  it('answers a long whitelist question with 40164 though its other words point at the token errors', () => {
    expect(ids('您好，我获取access_token一直提示ip不在白名单，怎么处理')[0]).toBe('open:40164');
    expect(ids('Error: [微信推送]访问ip不在白名单之中')[0]).toMatch(/^(open:40164|wecom:60020)$/);
    expect(ids('企业微信限制了IP白名单？')[0]).toBe('wecom:60020');
  });

  it('reads 签名错误 as WeChat Pay’s signature error unless another platform is named', () => {
    expect(ids('微信v3一直报签名错误【v3.0.0-alpha.9】')[0]).toMatch(/^payv[23]:SIGN_?ERROR$/);
    expect(ids('小微签名错误')[0]).toBe('xiaowei:30002');
  });

  it('reads jsapi + 签名 outside a payment as JS-SDK’s signature (63002), in a payment as Pay’s', () => {
    expect(ids('获取jsapi的签名不正确')[0]).toBe('open:63002');
    expect(ids('JSAPI支付签名错误')[0]).toMatch(/^payv[23]:SIGN_?ERROR$/);
  });

  it('answers wx.request’s handshake errMsg, bare or in a sentence, and not curl’s SSL certificate problem', () => {
    expect(ids('request:fail ssl hand shake error')[0]).toBe('wxapi:request:fail ssl hand shake error');
    expect(ids('安卓手机预览请求时报错：{errMsg:request:fail ssl hand shake error}')[0]).toBe(
      'wxapi:request:fail ssl hand shake error',
    );
    expect(ids('curl error 60: SSL certificate problem: unable to get local issuer certificate')[0]).not.toBe(
      'wxapi:request:fail ssl hand shake error',
    );
  });

  it('yields to an entry the query spells out, even misspelt', () => {
    expect(ids('refresh token expired')[0]).toMatch(/:42002$/);
    expect(ids('refesh_token expired')[0]).toMatch(/:42002$/);
  });
});

describe('no match for another service or an unknown code', () => {
  it.each([
    '飞书机器人消息发送失败，错误码：10002，错误原因：text is nil',
    '不支持抖音小程序登录么？',
    'xhs.requestOrderPayment API 失败回调没有错误对应报错的信息与文档内容',
    'timeout 에러 관련 문의드립니다',
    'Always get 6000003 code and appid invalid message',
    '手机端登录出现ERR_LOGIN_FAILED',
  ])('%s → no hits, with suggestions', (query) => {
    const page = index.page(query);
    expect(page.hits).toEqual([]);
    expect(page.suggestions.length).toBeGreaterThan(0);
  });

  it('offers an unknown number’s nearest known codes', () => {
    const page = index.page('errcode 853006: this tool is not available for your corporation');
    expect(page.hits).toEqual([]);
    expect(page.suggestions.length).toBeGreaterThan(0);
    expect(page.suggestions.every((h) => h.entry.code !== '853006')).toBe(true);
  });

  it('reads 百度 as a web search, not the Baidu platform, when no Baidu product is named', () => {
    const query = '为啥在白名单中添加了ip，（这个ip是百度到的本机ip）为啥还是提示白名单中没有呢';
    expect(ids(query)[0]).toBe('open:40164');
  });
});
