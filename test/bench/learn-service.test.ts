// Section 10's "another service" evidence (bench/learn/service.ts, `npm run learn -- --service`): each feature on
// the shape it was written for, and not on WeChat's own text of the same number.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { textCandidates } from '../../bench/learn/candidates';
import {
  catalogWordsOf,
  descriptionWords,
  likeOtherService,
  namesOtherHost,
  rowsMostlyUnlike,
  startsRow,
  unlikeItsCode,
  wordsOf,
} from '../../bench/learn/service';

const catalog = bundledCatalog();

/** The features of every candidate of a text, by its code (the first occurrence). */
function featuresOf(text: string): Map<string, Record<string, number>> {
  const found = textCandidates(catalog, text, { service: true }).candidates;
  const byCode = new Map<string, Record<string, number>>();
  for (const c of found) if (!byCode.has(c.code)) byCode.set(c.code, c.features);
  return byCode;
}

describe('another-service evidence', () => {
  it('reads distinctive words: generic error words and JSON keys left out, CJK text in pairs', () => {
    // 调用 is as common in error texts as 'invalid'.
    expect(wordsOf('invalid credential 调用凭证')).toEqual(['credential', '用凭', '凭证']);
    expect(wordsOf('error: request failed, message')).toEqual([]);
    expect(descriptionWords(',"msg":"域名解析异常","reqId":"7')).toEqual(['域名', '名解', '解析', '析异']);
    expect(descriptionWords(' | message sign error | 消息签名错误 |')).toEqual([
      'sign',
      '消息',
      '息签',
      '签名',
      '名错',
    ]);
  });

  it('tells a description unlike the code’s WeChat texts, and one that is another platform’s', () => {
    const words = catalogWordsOf(catalog, '40003');
    expect(unlikeItsCode(words, descriptionWords(' invalid openid 不合法的 OpenID'))).toBe(false);
    // The catalog's third-party (not WeChat) platform holds 40003 as "missing scope".
    expect(unlikeItsCode(words, descriptionWords(' missing scope 缺失scope参数'))).toBe(true);
    expect(likeOtherService(words, descriptionWords(' missing scope 缺失scope参数'))).toBe(true);
    expect(likeOtherService(words, descriptionWords(' invalid openid'))).toBe(false);
    // Nothing described: not unlike.
    expect(unlikeItsCode(words, descriptionWords(' | ')) || unlikeItsCode(words, [])).toBe(false);
  });

  it('finds rows and tables mostly described unlike their codes', () => {
    expect(startsRow('| 90001 | message sign error |', 2)).toBe(true);
    expect(startsRow('- **13000** 当前设备不支持NFC', 4)).toBe(true);
    expect(startsRow('errcode 40001', 8)).toBe(false);
    expect(rowsMostlyUnlike([true, true, false])).toBe(true);
    expect(rowsMostlyUnlike([true, false, false, true])).toBe(false);
    expect(rowsMostlyUnlike([true, true])).toBe(false);
  });

  it('names hosts that are not WeChat’s', () => {
    expect(namesOtherHost('POST https://api.sgroup.qq.com/v2/groups failed')).toBe(true);
    expect(namesOtherHost('openapi.alipay.com/gateway.do')).toBe(true);
    expect(namesOtherHost('https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential')).toBe(
      false,
    );
    expect(namesOtherHost('from ip: 1.2.3.4, developer.work.weixin.qq.com/document/path/90313')).toBe(false);
    expect(namesOtherHost('this.app.globalData.code = 40001')).toBe(false);
  });

  it('is off unless asked: the candidates the core gives, and the weights fitted on them', () => {
    const [c] = textCandidates(catalog, '(node:82001) Error: login failed').candidates;
    expect(c.features['before:noise']).toBeUndefined();
  });

  it('sets the features on candidates: a process id, an app’s table, a WeChat table', () => {
    const pid = featuresOf('(node:82001) UnhandledPromiseRejectionWarning: Error: login failed').get('82001');
    expect(pid?.['before:noise']).toBe(1);
    const app = featuresOf(
      ['|错误码|错误信息|', '|10001|用户认证失败|', '|10002|非法的授权信息|', '|10004|令牌已过期|'].join(
        '\n',
      ),
    );
    expect(app.get('10001')?.['rows:unlike']).toBe(1);
    expect(app.get('10004')?.['line:described-unlike']).toBe(1);
    const wechat = featuresOf(
      [
        '错误码 说明',
        '40001 invalid credential 不合法的调用凭证',
        '40013 invalid appid 不合法的 AppID',
        '45009 reach max api daily quota limit',
      ].join('\n'),
    );
    for (const code of ['40001', '40013', '45009']) {
      expect(wechat.get(code)?.['line:described-unlike']).toBe(0);
      expect(wechat.get(code)?.['rows:unlike']).toBe(0);
    }
    const qqBot = featuresOf('请求 https://api.sgroup.qq.com/channels 返回 {"code": 40034024}\n');
    expect(qqBot.get('40034024')?.['near:other-host']).toBe(1);
    expect(
      featuresOf('POST https://api.weixin.qq.com/cgi-bin/token errcode 40001').get('40001')?.[
        'near:other-host'
      ],
    ).toBe(0);
  });
});
