// Codes that are not WeChat's. A one-digit code (-1, 1, -2) is any service's failure: named with nothing else
// WeChat's about it (no platform, no WeChat word, no clause of its meaning, only generic failure words in common
// with it) it gives no match, the meanings offered as suggestions; with any of those it answers as before. An
// errno beside a lowercase errmsg is a backend's own field (WeChat's client writes errMsg).
import '../../cli/prebuilt-index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { SearchIndex, type Evidence } from '../../miniprogram/core/search';
import { hasForeignNumber } from '../../miniprogram/core/search/evidence';

const index = new SearchIndex(bundledCatalog());
const first = (q: string): string | undefined => index.search(q)[0]?.entry.id;

describe('a one-digit code with nothing WeChat about it', () => {
  it.each([
    'Error Domain=ALAssetsLibraryErrorDomain Code=-1 "Unknown error"',
    '[Error: 無法完成作業。（PHPhotosErrorDomain錯誤-1 。）] error',
    'handshake failed; returned -1, SSL error code 1, net_error -100',
  ])('gives no match, -1 among the suggestions: %s', (q) => {
    const page = index.page(q);
    expect(page.hits).toEqual([]);
    expect(page.suggestions.map((h) => h.entry.code)).toContain('-1');
  });

  it.each([
    ['报错系统错误，错误码：-1，undefined', 'open:-1'],
    ['{"errcode":-1,"errmsg":"system error"}', 'open:-1'],
    ['微信接口返回 -1', 'open:-1'],
    ["Error: errCode: -1 | errMsg: Cloud API isn't enabled, please call wx.cloud.init first", 'cloudbase:-1'],
  ])('answers when the words say it is WeChat’s: %s', (q, id) => {
    expect(first(q)).toBe(id);
  });

  it('leaves longer codes as they were (40001 with generic words)', () => {
    expect(first('Code=40001 "Unknown error"')).toBe('open:40001');
  });
});

describe("a backend's errno (beside a lowercase errmsg)", () => {
  it.each(['`errno:1000,errmsg:登录失败`', '接口返回{errmsg: "登录失败1",errno: 1000}'])(
    'gives no match: %s',
    (q) => {
      const page = index.page(q);
      expect(page.hits).toEqual([]);
      expect(page.total).toBe(0);
    },
  );

  it.each([
    ['errMsg：request:fail timeout errno：5', 'errno:5'],
    ['{"errMsg":"getLocation:fail auth deny","errno":103}', 'errno:103'],
  ])('stays the client errno beside errMsg: %s', (q, id) => {
    expect(first(q)).toBe(id);
  });
});

describe('another service named by a product name or a number no WeChat table has (round 8)', () => {
  it.each([
    'ERROR o.jeecg.common.exception.JeecgBootExceptionHandler:55 - 企业微信下没查询到用户！',
    '你好，跳转到 PAYJS 小程序成功 {errMsg: "navigateToMiniProgram:ok"}',
    '602 uninitialized 未调用 BaaS.init() 进行初始化',
    '-53 | 退款/撤销失败:账户余额不足',
    '提示未知错误，请联系开发者反馈，错误码 -401，信息：非法访问',
    // Phrase hits too: WeChat's words, another service's number.
    '429002 | api request is limited | 接口访问过于频繁，请稍后再试',
    '50000：mch id error',
  ])('gives no match, suggestions kept: %s', (q) => {
    const page = index.page(q);
    expect(page.hits).toEqual([]);
    expect(page.suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    // A camelCase name made of catalog words is no other product's name.
    ['getAccessToken 一个账号每日调用只有2000次 建议加个缓存处理', 'open:45009'],
    // Two capitals are an abbreviation, not a product's name (WC in WeChat's JSAPI payment call).
    [
      '你好，我做JS支付，总是返回getBrandWCPayRequest: fail_invalid signature。第一步UnifiedOrder返回success。',
      'payv2:SIGNERROR',
    ],
    // An HTTP status is no sign of another service (APIv3 answers with them).
    ['401 签名错误，请检查后再试', 'payv2:SIGNERROR'],
    // A number beside a WeChat word is left to the model.
    ['微信支付 5000 签名错误问题', 'payv2:SIGNERROR'],
    ['微信支付 退款失败 -53 账户余额不足', 'payv3:NOT_ENOUGH'],
  ])('answers as before: %s', (q, id) => {
    expect(first(q)).toBe(id);
  });

  const evidence = (q: string): Evidence | undefined => {
    let seen: Evidence | undefined;
    index.search(q, { noMatch: (e) => ((seen = e), false) });
    return seen;
  };

  it('counts a number standing alone, not a date, a time, a version, an amount or one still being typed', () => {
    expect(evidence('| 618 | 上传组件上传失败 |')?.foreignNumber).toBe(true);
    expect(evidence('[2016-01-24 17:50:53] 上传组件上传失败 v2.1.18 金额 27.40')?.foreignNumber).toBe(false);
    expect(hasForeignNumber('上传组件上传失败 4000', true, () => false)).toBe(false);
    expect(hasForeignNumber('上传组件上传失败 4000', false, () => false)).toBe(true);
  });
});
