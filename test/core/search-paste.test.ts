// How pasted bodies, logs and issue titles are read (issue 12, third round of real queries): other services'
// code fields, runtime failures, client errMsg strings inside sentences, constants' names, identifier spellings.
// Wordings here are new (not the bench sets'), on the real bundled catalog.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { searchIndex } from '../../miniprogram/core/search';
import { parseQuery, unescapePasted } from '../../miniprogram/core/search/query';

const catalog = bundledCatalog();
const index = searchIndex(catalog);
const has = (code: string): boolean => catalog.lookupIndices(code).length > 0;
const ids = (query: string): string[] => index.search(query, { limit: 5 }).map((h) => h.entry.id);
const page = (query: string) => index.page(query, { limit: 5 });

describe('code fields no WeChat API writes', () => {
  it('takes statusCode / errorCode (with errorMessage) as another service’s code: no match, suggestions', () => {
    for (const q of [
      '{"statusCode":503,"message":"daily limit reached"}',
      '{"errorCode":-1,"errorMessage":"function timed out"}',
      'ErrorCode:12 ErrorInfo:"token expired"',
    ]) {
      const result = page(q);
      expect({ q, total: result.total }).toEqual({ q, total: 0 });
      expect(result.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('keeps errorCode when the body pairs it with errmsg, as WeChat bodies do', () => {
    expect(ids('uploadImg, errorCode: 40004, errmsg: invalid media type')[0]).toBe('open:40004');
  });

  it('reads "code=NNNN" as an explicit code: unknown to the catalog, no match', () => {
    expect(parseQuery('openapi failed: code=777001', has).unknownCode).toBe('777001');
    expect(page('openapi failed: code=777001').total).toBe(0);
  });
});

describe('HTTP statuses, exit codes and runtime failures', () => {
  it('lets a WeChat code beside an exit code answer (the exit code is blanked)', () => {
    const parsed = parseQuery('errcode 40003 invalid openid. Process exited with exit code 2', has);
    expect(parsed.codes).toEqual(['40003']);
    expect(parsed.foreign).toBe(false);
    expect(ids('errcode 40003 invalid openid. Process exited with exit code 2')[0]).toBe('open:40003');
  });

  it('gives no match to an HTTP status or exit code alone', () => {
    expect(page('Request failed with status code: 418').total).toBe(0);
    expect(page('job ended with exit code 137').total).toBe(0);
  });

  it('gives no match to a pasted runtime failure without WeChat words', () => {
    expect(page("TypeError: Cannot read properties of null (reading 'openid')").total).toBe(0);
    expect(page('java.net.SocketTimeoutException: connect timed out').total).toBe(0);
    expect(page("invalid character 'x' looking for beginning of value").total).toBe(0);
  });

  it('still answers a runtime failure that carries a WeChat code or names WeChat', () => {
    expect(ids('TypeError after errcode 42001 access_token expired')[0]).toBe('open:42001');
    expect(page('小程序 TypeError: invalid openid').total).toBeGreaterThan(0);
  });
});

describe('client errMsg strings and constants’ names inside a sentence', () => {
  it('reads the longest catalog errMsg after "api:fail" as that code', () => {
    expect(parseQuery('点击拒绝后 getLocation:fail auth deny 怎么再次弹窗', has).codes).toEqual([
      'GETLOCATION:FAIL AUTH DENY',
    ]);
    expect(ids('点击拒绝后 getLocation:fail auth deny 怎么再次弹窗')[0]).toBe(
      'wxapi:getLocation:fail auth deny',
    );
  });

  it('reads a bare "api:fail", or one whose words pick none, as the API’s catch-all errMsg', () => {
    expect(ids('iOS 上偶发 requestPayment:fail')[0]).toBe('wxapi:requestPayment:fail (detail message)');
    expect(ids('支付回调里只有 requestPayment:fail 商户号配置不对')[0]).toBe(
      'wxapi:requestPayment:fail (detail message)',
    );
    // Words that pick one of the API's errMsgs still pick it.
    expect(ids('requestPayment:fail cancel 用户点了取消')[0]).toBe('wxapi:requestPayment:fail cancel');
  });

  it('takes a JSAPI payment result’s err_code as the bridge’s number: the errMsg names the error', () => {
    const body = '{errMsg: "requestPayment:fail", err_code: "-1", err_desc: "订单已关闭"}';
    expect(parseQuery(body, has).codes).toEqual([]);
    expect(ids(body)[0]).toBe('wxapi:requestPayment:fail (detail message)');
    // Without err_desc a code field is the code, as before.
    expect(parseQuery('{"errcode": 40001, "errmsg": "requestPayment:fail"}', has).codes).toEqual(['40001']);
  });

  it('leaves wx.request’s errMsg to the errno table', () => {
    expect(parseQuery('报 request:fail timeout 了', has).codes).toEqual([]);
  });

  it('searches an unknown constant’s name by its words, and answers when they are an official wording', () => {
    expect(ids('handle ErrorCode API_UNAUTHORIZED in the SDK')[0]).toBe('open:48001');
    // Words that are no entry's wording stay an unknown code: no match.
    expect(page('登录返回 ERR_SESSION_BROKEN').total).toBe(0);
  });
});

describe('identifier spellings and sentence ends', () => {
  it('folds open_id, corp_id and AccessToken to the catalog’s spelling', () => {
    const text = parseQuery('open_id 和 corp_id 都对, AccessToken 也有', has).text;
    expect(text).toContain('openid');
    expect(text).toContain('corpid');
    expect(text).toContain('access_token');
  });

  it('takes a code that ends a sentence with a full stop', () => {
    expect(parseQuery('the code changed from 40001 to 42001.', has).codes).toEqual(['40001', '42001']);
    expect(ids('it says access_token expired and returns 42001.')[0]).toBe('open:42001');
  });
});

describe('concept leads from public threads', () => {
  it('opens a merchant’s missing platform certificate on APIv3 RESOURCE_NOT_EXISTS when a word reaches it', () => {
    expect(ids('下单时报错 无可用的平台证书 请在商户平台申请')[0]).toBe('payv3:RESOURCE_NOT_EXISTS');
  });

  it('opens downloadFile + 合法域名 on the downloadFile failure or errno 600002', () => {
    expect(['wxapi:downloadFile:fail url not in domain list', 'errno:600002']).toContain(
      ids('海报图片 downloadFile 合法域名 配置了还是不行')[0],
    );
  });

  it('opens login failures on 40029 and 订阅消息 errors on 43101', () => {
    expect(ids('公众号网页 登录失败 怎么排查')[0]).toBe('open:40029');
    expect(ids('订阅消息发送报错了')[0]).toBe('open:43101');
  });
});

describe('other backends', () => {
  it('gives no match to Firebase / Appwrite failures', () => {
    expect(page('FirebaseError: Missing or insufficient permissions.').total).toBe(0);
    expect(page('AppwriteException: Document with the requested ID could not be found.').total).toBe(0);
  });
});

describe('escaped pasted bodies', () => {
  it('reads JSON \\u escapes and HTML entities as the characters they stand for', () => {
    expect(unescapePasted('{"errmsg":"\\u4e0d\\u5728\\u767d\\u540d\\u5355\\u4e2d"}')).toBe(
      '{"errmsg":"不在白名单中"}',
    );
    expect(unescapePasted('{&quot;code&quot;:&quot;SIGN_ERROR&quot;} a&#x3D;b &#65; &nbsp;')).toBe(
      '{"code":"SIGN_ERROR"} a=b A &nbsp;',
    );
  });

  it('searches the unescaped words and code fields', () => {
    expect(ids('{"errmsg":"\\u8c03\\u7528\\u65b9 ip \\u4e0d\\u5728\\u767d\\u540d\\u5355\\u4e2d"}')[0]).toBe(
      'open:40164',
    );
    expect(ids('{&quot;code&quot;:&quot;SIGN_ERROR&quot;,&quot;message&quot;:&quot;签名错误&quot;}')[0]).toBe(
      'payv3:SIGN_ERROR',
    );
  });
});

describe('stray numbers', () => {
  it('gives no match when a named number is only a small product’s and the words share nothing with it', () => {
    expect(page('登录接口返回 code 20001，提示 token 签发失败').total).toBe(0);
    // Named, or with words of its meaning, the number keeps its meaning.
    expect(ids('腾讯小微 20001')[0]).toBe('xiaowei:20001');
    expect(ids('10003').length).toBeGreaterThan(0);
  });
});

describe('HTTP reason phrases', () => {
  it('reads "502 Bad Gateway" as an HTTP status: no match alone, blanked beside a WeChat code', () => {
    expect(page('调用接口返回 502 Bad Gateway').total).toBe(0);
    expect(ids('errcode 45009 then 429 Too Many Requests')[0]).toBe('open:45009');
  });
});

describe('other messaging services', () => {
  it('gives no match to a WhatsApp / Twilio template error, and keeps WeChat’s when WeChat is named', () => {
    expect(page('Twilio says the template id is not valid').total).toBe(0);
    expect(page('WhatsApp template id invalid').total).toBe(0);
    expect(ids('公众号 template id invalid')[0]).toBe('open:40037');
  });
});

describe('SDK packages in stack traces', () => {
  it('reads WxJava’s WeCom package as naming WeCom', () => {
    expect(ids('at me.chanjar.weixin.cp.api.impl.BaseWxCpServiceImpl.execute errcode 40014')[0]).toBe(
      'wecom:40014',
    );
    expect(ids('at me.chanjar.weixin.mp.api.impl.WxMpServiceImpl.execute errcode 40014')[0]).not.toBe(
      'wecom:40014',
    );
  });
});
