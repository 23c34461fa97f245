// 企业微信, 微信支付 APIv3/APIv2, 小程序客户端 API and the mini-program codes the seeds lacked, as the bundled
// catalog holds them (the generated file, checked against the sources by catalog.test.ts).
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { familyLabel } from '../../miniprogram/core/family';
import { PLATFORMS } from '../../miniprogram/core/platforms';
import type { Entry } from '../../miniprogram/core/types';

const catalog = bundledCatalog();
const get = (id: string): Entry => {
  const e = catalog.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
const ids = (code: string): string[] => catalog.lookup(code).map((e) => e.id);

describe('platforms', () => {
  it('adds WeCom, Pay v3, Pay v2 and the client API after the other WeChat platforms', () => {
    const keys = PLATFORMS.map((p) => p.key);
    expect(keys.slice(-5)).toEqual(['wecom', 'payv3', 'payv2', 'wxapi', 'thirdparty']);
    expect(
      PLATFORMS.filter((p) => ['wecom', 'payv3', 'payv2', 'wxapi'].includes(p.key)).every((p) => p.wechat),
    ).toBe(true);
  });
});

describe('企业微信', () => {
  it('answers 60020 with the WeCom entry in both languages, with both sources and the official fix', () => {
    expect(ids('60020')).toEqual(['wecom:60020']);
    const e = get('wecom:60020');
    expect(e).toMatchObject({
      zh: '不安全的访问IP',
      zhSource: 'wecom',
      enSource: 'wxerr',
      family: 'wecom:60xxx',
    });
    expect(e.en).toMatch(/IP/);
    // The official table, WxJava's, and the errmsg WeCom answered with in public threads (wecom-seen).
    expect(e.texts.map((t) => t.sources[0].source)).toEqual(['wecom', 'wecom-wxjava', 'wecom-seen']);
    // go-workwx's cell is only "[查看帮助]"; WxJava's short 排查方法 is the fix.
    expect(e).toMatchObject({ fix: '请确认访问ip是否在服务商白名单IP列表', fixSource: 'wecom-wxjava' });
    expect(e.doc).toMatch(/^https:\/\/developer\.work\.weixin\.qq\.com\/document\/path\/90313#/);
    expect(e.action).toBe('fix-config');
  });

  it('keeps WeCom 40001 (a bad secret) apart from the 公众号 credential, without the credential advice', () => {
    const list = catalog.lookup('40001');
    const wecom = list.find((e) => e.platform === '企业微信');
    expect(wecom).toMatchObject({ id: 'wecom:40001', zh: '不合法的secret参数', action: 'fix-config' });
    expect(wecom?.adviceEn ?? '').not.toMatch(/getStableAccessToken/);
    expect(list.find((e) => e.id === 'open:40001')?.adviceEn).toMatch(/getStableAccessToken/);
    // After the platforms that share WeChat's numbering, before the non-WeChat one.
    expect(list.map((e) => e.id).slice(-2)).toEqual(['wecom:40001', 'thirdparty:40001']);
  });

  it('keeps the five codes only WxJava has, and merges WxJava rows into the go-workwx entries', () => {
    for (const code of ['301069', '301070', '301071', '301072', '301075'])
      expect(get(`wecom:${code}`).sources.map((r) => r.source)).toEqual(['wecom-wxjava']);
    const src = catalog.data.sources.find((s) => s.id === 'wecom-wxjava');
    expect(src).toMatchObject({ rows: 281, kept: 5, merged: 276 });
  });

  it('shows the English of an official 排查方法 cell beside it', () => {
    expect(get('wecom:40004')).toMatchObject({
      fix: '不满足系统文件要求。参考：[上传的媒体文件限制]',
      fixSource: 'wecom',
    });
    expect(get('wecom:40004').fixEn).toMatch(/system file requirements/);
  });

  it('labels WeCom families by their own ranges', () => {
    expect(familyLabel('wecom:60xxx').zh).toMatch(/^企业微信：通讯录/);
    expect(familyLabel('wecom:640xxx').en).toMatch(/WeDrive/);
    expect(familyLabel('wecom:999xxx').en).toBe('WeCom codes 999xxx');
  });
});

describe('微信支付', () => {
  it('finds the same Pay entries, in the same order, by any spelling and case', () => {
    const expected = ['payv3:NOT_ENOUGH', 'payv2:NOTENOUGH'];
    for (const q of ['NOT_ENOUGH', 'notenough', 'NOTENOUGH', 'not enough']) expect(ids(q)).toEqual(expected);
    for (const q of ['RATELIMIT_EXCEEDED', 'rate_limited', 'FREQUENCY_LIMITED', 'RATELIMIT_EXCEED'])
      expect(ids(q)).toEqual(['payv3:RATELIMIT_EXCEEDED', 'payv2:FREQUENCY_LIMITED']);
    expect(ids('SYSTEMERROR')).toEqual(ids('system_error'));
  });

  it('keeps each spelling with its source, the HTTP status, per-API wordings and the merge note', () => {
    const e = get('payv3:RATELIMIT_EXCEEDED');
    expect(e.http).toEqual([429]);
    expect(e.aliases).toEqual(['RATE_LIMITED', 'FREQUENCY_LIMITED', 'RATELIMIT_EXCEED']);
    const spelled = (s: string) => e.texts.filter((t) => t.spelling === s).flatMap((t) => t.sources);
    expect(new Set(spelled('FREQUENCY_LIMITED').map((r) => r.source))).toEqual(
      new Set(['pay3-senparc', 'pay3-go']),
    );
    expect(new Set(spelled('RATELIMIT_EXCEED').map((r) => r.source))).toEqual(new Set(['pay3-go']));
    expect(e.texts.find((t) => t.api === 'refunddomestic')?.zh).toBe('频率限制');
    expect(e.noteEn).toMatch(/RATE_LIMITED/);
    expect(e.action).toBe('retry-later');
    const v2 = get('payv2:NOTENOUGH');
    expect(v2.texts.map((t) => t.api)).toEqual(['UnifiedOrder', 'Refund']);
    expect(v2).toMatchObject({ enSource: 'wxerr', family: 'payv2:funds', action: 'account-state' });
  });

  it('accounts for every row of the status table: eight in their typical code, four as status entries', () => {
    const rows = catalog.entries.flatMap((e) =>
      e.sources.filter((r) => r.source === 'pay3-http').map(() => e.id),
    );
    expect(rows).toHaveLength(12);
    expect(rows.filter((id) => id.startsWith('payv3:HTTP_')).sort()).toEqual([
      'payv3:HTTP_200',
      'payv3:HTTP_202',
      'payv3:HTTP_204',
      'payv3:HTTP_405',
    ]);
    expect(get('payv3:SERVICE_UNAVAILABLE').http).toEqual([502, 503]);
    expect(get('payv3:PARAM_ERROR')).toMatchObject({
      en: 'Invalid protocol or parameter',
      enSource: 'pay3-http',
    });
    expect(ids('http 405')).toEqual(['payv3:HTTP_405']);
  });

  it('gives the action classes the Pay docs state', () => {
    const action = (id: string) => get(id).action;
    expect(
      ['payv3:SYSTEM_ERROR', 'payv3:BANK_ERROR', 'payv3:USERPAYING', 'payv2:SYSTEMERROR'].map(action),
    ).toEqual(['retry-later', 'retry-later', 'retry-later', 'retry-later']);
    expect(action('payv3:SIGN_ERROR')).toBe('fix-config');
    expect(action('payv2:ORDERPAID')).toBe('none');
    expect(action('payv3:OUT_TRADE_NO_USED')).toBe('fix-request');
    expect(get('payv3:USERPAYING').family).toBe('payv3:2xx');
    expect(familyLabel('payv3:429').en).toBe('WeChat Pay APIv3, HTTP 429: rate limit exceeded');
  });
});

describe('小程序客户端 API', () => {
  it('keeps per-API errCodes apart from the server codes of the same number', () => {
    const list = ids('10001');
    expect(list).toContain('wxapi:bluetooth:10001');
    expect(list).toContain('wxapi:requestSubscribeMessage:10001');
    expect(list).toContain('xiaowei:10001');
    expect(get('wxapi:bluetooth:10001')).toMatchObject({ scope: 'bluetooth', family: 'wxapi:bluetooth' });
  });

  it('finds an errMsg however it is typed; a user cancel is no error to report', () => {
    expect(ids('requestPayment:fail cancel')).toEqual(['wxapi:requestPayment:fail cancel']);
    expect(ids(' REQUESTPAYMENT:FAIL   CANCEL ')).toEqual(['wxapi:requestPayment:fail cancel']);
    const e = get('wxapi:requestPayment:fail cancel');
    expect(e).toMatchObject({ scope: 'requestPayment', action: 'none', zh: '用户取消支付' });
    expect(e.doc).toMatch(/^https:\/\//);
  });
});

describe('mini-program codes the seeds lacked', () => {
  it('adds 76001–76004, 76021/76022 and 89408–89432 to 开放平台通用 with their doc page', () => {
    const extra = catalog.entries.filter((e) => e.sources.some((r) => r.source === 'mp-extra'));
    expect(extra).toHaveLength(31);
    expect(extra.every((e) => e.platform === '开放平台通用' && e.en && e.zh)).toBe(true);
    expect(get('open:76001')).toMatchObject({ en: 'rid not found', enSource: 'mp-extra' });
    expect(get('open:76021').doc).toMatch(/get_api_quota/);
    // The official page words 89413 differently from WxJava: both kept.
    expect(get('open:89413')).toMatchObject({ zh: '该小程序被申请次数已达今日限制', action: 'quota' });
    expect(get('open:89413').texts[0].note).toBe('WxJava: 该小程序被申请次数已达24h限制');
  });
});

describe('action classes', () => {
  it('classifies every new entry, unknown only for a few terse wordings', () => {
    const fresh = catalog.entries.filter((e) => /^(wecom|payv3|payv2|wxapi):/.test(e.id));
    expect(fresh.every((e) => e.family && e.action)).toBe(true);
    const unknown = fresh.filter((e) => e.action === 'unknown').length;
    expect(unknown / fresh.length).toBeLessThan(0.05);
  });
});
