/**
 * @jest-environment node
 */
// The optional `wxerr/explain` module and the small classification helpers the core client ships.
import { actionAdvice } from '../../miniprogram/core/advice';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import type { Action } from '../../miniprogram/core/types';
import { classifyWxFailure, readApiFailure, splitRid } from '../../miniprogram/core/wx-failure';
import { responseError, failureError } from '../../request/classify';
import { ACTION_HINT } from '../../request/messages';
import { explain, explainCode, findEntry } from '../../request/explain';
import { pay } from '../../request/pay';
import { wecom as wecomCodes } from '../../request/wecom';
import { createClient, isWxerrError } from '../../request';
import { createAbortController } from '../../request/abort';
import { delay, json, startServer } from '../helpers/http-server';
import { createWxShim } from '../helpers/wx-shim';

const target = { url: 'https://api.example.com/x', method: 'GET' };

describe('explain (catalog texts)', () => {
  test('an API error gets the catalog texts of its errcode and the advice for it', () => {
    const err = responseError(
      {
        statusCode: 200,
        data: { errcode: 40001, errmsg: 'invalid credential rid: 65bb65b7-402cd2bc-0d97216b' },
      },
      target,
    );
    if (!err) throw new Error('expected an error');
    const entry = bundledCatalog().get('open:40001');
    if (!entry) throw new Error('catalog has no open:40001');
    const x = explain(err);
    expect(x.code).toBe('40001');
    expect(x.zh).toBe(entry.zh);
    expect(x.en).toBe(entry.en);
    expect(x.action).toBe('refresh-token');
    expect(x.rid).toBe('65bb65b7-402cd2bc-0d97216b');
    expect(x.family?.key).toBe('40xxx');
    expect(x.advice.zh).toBe(entry.adviceZh ?? actionAdvice('refresh-token').zh);
    expect(x.advice.specific).toBe(!!entry.adviceZh);
  });

  test('a network error is explained from the client errno table, not the server code of the same number', () => {
    const err = failureError(
      { errMsg: 'request:fail url not in domain list', errno: 600002 },
      target,
      classifyWxFailure,
    );
    const x = explain(err);
    expect(x.platform).toBe('小程序客户端 errno');
    expect(x.zh).toBe(findEntry('600002', '小程序客户端 errno')?.zh);
    expect(x.zh).not.toBe(findEntry('600002')?.zh); // 600002 on the server side is an upload permission error
    expect(x.action).toBe('fix-config');
  });

  test('an HTTP error or an errno-less failure is described by the error itself', () => {
    const http = responseError({ statusCode: 502, data: '<title>Bad Gateway</title>' }, target);
    if (!http) throw new Error('expected an error');
    const x = explain(http);
    expect(x.zh).toBe('HTTP 502 Bad Gateway');
    expect(x.family).toBeUndefined();
    expect(x.advice.zh).toBe(actionAdvice('retry-later').zh);
    const old = explain(failureError({ errMsg: 'request:fail timeout' }, target));
    expect(old.zh).toBe('请求超时');
    expect(old.en).toBe('timed out');
  });

  test('project translations are marked, official texts are not', () => {
    const entries = bundledCatalog().entries;
    const official = entries.find((e) => e.zh && e.zhSource && e.zhSource !== 'wxerr');
    if (!official) throw new Error('catalog has no official Chinese text');
    expect(explainCode(official.code, official.platform).translated.zh).toBe(false);
    const translated = entries.find((e) => e.zhSource === 'wxerr' && findEntry(e.code, e.platform) === e);
    if (translated) expect(explainCode(translated.code, translated.platform).translated.zh).toBe(true);
  });

  test('a code the catalog lacks is still explained by its family', () => {
    const x = explainCode('45999');
    expect(x.entry).toBeUndefined();
    expect(x.family?.key).toBe('45xxx');
    expect(x.advice.en).toBe(actionAdvice('unknown').en);
  });
});

describe('explain per platform (WeCom, Pay: the catalog lookup by platform key)', () => {
  const catalog = bundledCatalog();

  test('a WeCom errcode takes WeCom’s meaning, never WeChat’s entry for the same number', () => {
    const err = responseError(
      { statusCode: 200, data: { errcode: 40001, errmsg: 'invalid secret' } },
      target,
      wecomCodes,
    );
    if (!err) throw new Error('expected an error');
    const x = explain(err);
    const wecom = catalog.get('wecom:40001');
    expect(x.entry).toBe(wecom); // undefined while the catalog has no WeCom platform: then no WeChat text either
    if (wecom) expect(x.zh).toBe(wecom.zh);
    expect(x.zh).not.toBe(catalog.get('open:40001')?.zh);
    expect(x.action).toBe('fix-config');
  });

  test('a WeChat errcode never takes a WeCom or Pay meaning', () => {
    expect(findEntry('40001')?.id).toBe('open:40001');
    expect(findEntry('60020', 'wechat')?.id).not.toBe('wecom:60020');
    const wecom = catalog.get('wecom:60020');
    expect(findEntry('60020', 'wecom')).toBe(wecom);
  });

  test('a Pay v3 body is explained from the Pay entries, other spellings included', () => {
    const err = responseError(
      { statusCode: 403, data: { code: 'NOT_ENOUGH', message: '用户账号余额不足' } },
      { url: 'https://shop.example.com/pay', method: 'POST' },
      undefined,
      [pay],
    );
    if (!err) throw new Error('expected an error');
    const entry = catalog.get('payv3:NOT_ENOUGH');
    const x = explain(err);
    expect(x.entry).toBe(entry);
    expect(x.action).toBe('account-state');
    expect(findEntry('NOTENOUGH', 'payv3')).toBe(entry); // the v2 spelling finds the v3 entry through its aliases
    const poll = explain({
      kind: 'api',
      action: 'poll',
      what: 'USERPAYING',
      code: 'USERPAYING',
      platform: 'payv3',
    });
    expect(poll.advice.en).toMatch(/query the order/);
  });

  test("an isError code ('backend') is described by the error, not by a catalog entry", () => {
    const x = explain({
      kind: 'api',
      action: 'unknown',
      what: 'business code 2001: 库存不足',
      code: '2001',
      platform: 'backend',
    });
    expect(x.entry).toBeUndefined();
    expect(x.family).toBeUndefined();
    expect(x.zh).toBe('business code 2001: 库存不足');
  });
});

describe('core helpers shipped with the client', () => {
  test.each([
    ['request:fail timeout', 5, 'timeout'],
    ['request:fail timeout', undefined, 'timeout'],
    ['request:fail 请求超时。', undefined, 'timeout'],
    ['request:fail abort', undefined, 'abort'],
    ['request:fail url not in domain list', 600002, 'domain'],
    ['request:fail interrupted', 600003, 'interrupted'],
    ['request:fail net::ERR_NAME_NOT_RESOLVED', 600001, 'dns'],
    ['request:fail net::ERR_CONNECTION_RESET', 600001, 'reset'],
    ['request:fail net::ERR_CONNECTION_REFUSED', 600001, 'refused'],
    ['request:fail ssl hand shake error', 600001, 'ssl'],
    ['request:fail 似乎已断开与互联网的连接。', undefined, 'offline'],
    ['request:fail exceed max task count', 600007, 'too-many-tasks'],
    ['request:fail invalid url', 600009, 'bad-request'],
    ['request:fail', 602105, 'dns'],
    ['request:fail something new', 600000, 'unknown'],
  ])('%s (errno %s) → %s', (errMsg, errno, reason) => {
    expect(classifyWxFailure(errMsg, errno).reason).toBe(reason);
  });

  test('splitRid handles every rid format', () => {
    expect(splitRid('invalid credential rid: 65bb65b7-402cd2bc-0d97216b')).toEqual({
      text: 'invalid credential',
      rid: '65bb65b7-402cd2bc-0d97216b',
    });
    expect(splitRid('invalid ip 1.2.3.4, not in whitelist, rid: 65bb65b7-402cd2bc-0d97216b').text).toBe(
      'invalid ip 1.2.3.4, not in whitelist',
    );
    expect(splitRid('invalid code, hints: [ req_id: 1dKnBbYFe-iEhxEa ]').rid).toBe('1dKnBbYFe-iEhxEa');
    expect(splitRid('invalid appid hint: [KJZfAa0644e575]')).toEqual({
      text: 'invalid appid',
      rid: 'KJZfAa0644e575',
    });
    expect(splitRid('ok')).toEqual({ text: 'ok' });
  });

  test('readApiFailure: number, numeric string, base_resp, JSON-looking text; never success codes', () => {
    expect(readApiFailure({ errcode: 40001, errmsg: 'x' })).toEqual({ code: '40001', errmsg: 'x' });
    expect(readApiFailure({ errcode: ' 61003 ' })).toEqual({ code: '61003', errmsg: '' });
    expect(readApiFailure({ base_resp: { errcode: -1, errmsg: 'busy' } })).toEqual({
      code: '-1',
      errmsg: 'busy',
    });
    expect(readApiFailure({ errcode: 0 })).toBeUndefined();
    expect(readApiFailure({ errcode: 'abc' })).toBeUndefined();
    expect(readApiFailure('{"errcode": "45009", "errmsg": "daily')).toEqual({
      code: '45009',
      errmsg: 'daily',
    });
    expect(readApiFailure('docs mention "errcode": 40001')).toBeUndefined();
    expect(readApiFailure(null)).toBeUndefined();
  });

  test('the message hints are core/advice.ts short English texts; refresh-token names the backend', () => {
    for (const [action, hint] of Object.entries(ACTION_HINT)) {
      // poll: the wrapper's own class (Pay USERPAYING); none: in the wrapper only an abort, never a success
      if (action === 'poll' || action === 'refresh-token' || action === 'none') continue;
      expect(hint).toBe(actionAdvice(action as Action).short.en);
    }
    expect(ACTION_HINT['refresh-token']).toMatch(/backend.*getStableAccessToken.*not the user/);
  });
});

// walk7: an aborted call was explained as "Success: nothing to do." (ACTION_HINT 'success'), over a real socket.
describe('an abort from the caller', () => {
  test('is explained as the caller cancelling, never as a success', async () => {
    const server = await startServer();
    const shim = createWxShim();
    server.on('/slow', async (_req, res) => {
      await delay(2000);
      json(res, { late: true });
    });
    try {
      const client = createClient({ baseURL: server.origin, wx: shim });
      const ctl = createAbortController();
      const call = client.get('/slow', { signal: ctl.signal }).catch((e: unknown) => e);
      setTimeout(() => ctl.abort(), 50);
      const err = await call;
      if (!isWxerrError(err)) throw new Error('expected a WxerrError');
      expect(err.kind).toBe('abort');
      const x = explain(err);
      expect(x.advice.en).toMatch(/caller cancelled/);
      expect(x.advice.zh).toMatch(/主动取消/);
      expect(`${x.advice.en} ${x.advice.zh} ${ACTION_HINT[err.action]}`).not.toMatch(/success|成功/i);
      expect(x.zh).toBe('已取消');
    } finally {
      shim.destroy();
      await server.close();
    }
  });
});
