// Whole-text passes that the extractor narrows for speed find what the full pass finds: random texts built
// from the pieces each pattern names (and the fixtures), matched both ways. See docs/extract-history.md, 3e, 3f.
import { readFileSync } from 'fs';
import { join } from 'path';
import { random } from '../../bench/random';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { familyPatternIn, platformIndex } from '../../miniprogram/core/extract/attribute';
import { TextContext } from '../../miniprogram/core/extract/context';
import { MASK_LITERAL } from '../../miniprogram/core/extract/masks';
import { MASKED, WECOM_ASCII, markersOf, wecomAsciiFor } from '../../miniprogram/core/extract/markers';
import { HEADER_CELL, headerCellStarts } from '../../miniprogram/core/extract/table';

const FIXTURES = readFileSync(join(__dirname, '../../bench/data/extract-fixtures.txt'), 'utf8');

/** `count` random texts of up to `pieces` pieces drawn from `parts`. */
function texts(parts: string[], count: number, seed: number, pieces = 12): string[] {
  const r = random(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    for (let i = Math.floor(r() * pieces); i > 0; i--) s += parts[Math.floor(r() * parts.length)];
    out.push(s);
  }
  return out;
}

/** Every match with its offset (matchAll: a global pattern's lastIndex is left as it was). */
const show = (re: RegExp, t: string) => [...t.matchAll(re)].map((m) => `${m.index}:${m[0]}`).join('|');

test('the WeCom ASCII pass without ValidateCorpid finds what the full one finds', () => {
  const parts = [
    ...' _.-:\n\t[]*',
    'x',
    '9',
    'Validate',
    'Corpid',
    'ValidateCorpid',
    'validatecorpid',
    'VALIDATECORPID_Error',
    'qywx_',
    'qyab',
    'QYWX',
    'wecom',
    'suite_ticket',
    'hint: [1597733128',
    '1234567',
    'from ip:',
  ];
  const all = [...texts(parts, 30000, 20261206), FIXTURES];
  expect(all.filter((t) => show(wecomAsciiFor(t), t) !== show(WECOM_ASCII, t))).toEqual([]);
  // Not empty: the constant is matched, and the narrowed pattern is the one taken where it cannot be.
  expect(all.filter((t) => /validatecorpid/i.test(t) && show(WECOM_ASCII, t) !== '').length).toBeGreaterThan(
    1000,
  );
  expect(all.filter((t) => wecomAsciiFor(t) !== WECOM_ASCII && show(WECOM_ASCII, t)).length).toBeGreaterThan(
    1000,
  );
});

test('headerCellStarts is where HEADER_CELL matches start', () => {
  const parts = [
    ...'|,\t \n\rx_-:',
    '\u2028',
    'code',
    'Code',
    'errcode',
    'ERR_CODE',
    'error_code',
    'errorcode',
    'errno',
    'err_no',
    'ret_code',
    'retcode',
    'err',
    'or',
    '错误码',
    '错误代码',
    '返回码',
    '错误编号',
    '错误',
  ];
  const all = [...texts(parts, 60000, 20261207, 20), FIXTURES];
  const starts = (t: string) => [...t.matchAll(HEADER_CELL)].map((m) => m.index).join();
  expect(all.filter((t) => headerCellStarts(t).join() !== starts(t))).toEqual([]);
  // Not empty: cells after a separator, at a line start and after a tab all occur.
  expect(all.filter((t) => /(?:^|\n)[ \t]*code[ \t]*\|/i.test(t)).length).toBeGreaterThan(100);
  expect(all.filter((t) => /[^,|\n\r]\tcode,/i.test(t)).length).toBeGreaterThan(20);
  expect(headerCellStarts('x \t code|')).toEqual([2]);
  expect(all.filter((t) => starts(t) !== '').length).toBeGreaterThan(10000);
});

test('a text MASKED matches in holds MASK_LITERAL, and isMasked reads it line by line or in one pass alike', () => {
  const parts = [
    ...' _.-:：=[]()\n\t/',
    'rid',
    'RID',
    'Rid',
    'hint',
    'HINTS',
    'req',
    'req_id',
    'REQID',
    'request',
    'Request_Id',
    'https',
    'wss',
    'mongodb',
    '://',
    '0x',
    '0X',
    'deadBEEF',
    'ab12',
    '65bb65b7',
    '402cd2bc',
    '-0d97-',
    'rid\n: 65bb65b7-402cd2bc',
    '\n-0d97216b',
    'hints:\n[abc',
    '0d97',
    'ı',
    'x',
    '9',
  ];
  const all = [...texts(parts, 60000, 20261208, 14), ...FIXTURES.split('\n')];
  expect(all.filter((t) => show(MASKED, t) !== '' && !MASK_LITERAL.test(t))).toEqual([]);
  // Not empty: masked spans of every kind occur, and texts the cheap test turns away.
  expect(all.filter((t) => show(MASKED, t) !== '').length).toBeGreaterThan(1500);
  expect(all.filter((t) => !MASK_LITERAL.test(t)).length).toBeGreaterThan(1000);
  // isMasked as first written: MASKED over the line and the one above, every time.
  const reference = (t: string) => {
    const ctx = new TextContext(t);
    return Array.from({ length: t.length }, (_, i) => {
      const line = ctx.lines.lineOf(i);
      const from = ctx.lines.start(Math.max(0, line - 1));
      const spans = [...t.slice(from, ctx.lines.end(line)).matchAll(MASKED)];
      return spans.some((m) => i >= from + (m.index ?? 0) && i < from + (m.index ?? 0) + m[0].length) ? 1 : 0;
    }).join('');
  };
  const masks = (t: string, onePass: boolean) => {
    const ctx = new TextContext(t);
    if (onePass) ctx.findMaskLiterals();
    return Array.from({ length: t.length }, (_, i) => (ctx.isMasked(i) ? 1 : 0)).join('');
  };
  const multiline = all.filter((t) => t.includes('\n')).slice(0, 5000);
  expect(
    multiline.filter((t) => masks(t, true) !== reference(t) || masks(t, false) !== reference(t)),
  ).toEqual([]);
  // Masks that reach over a line break occur.
  expect(
    multiline.filter((t) => /\n/.test([...t.matchAll(MASKED)].map((m) => m[0]).join(''))).length,
  ).toBeGreaterThan(50);
  expect(multiline.filter((t) => masks(t, true).includes('1')).length).toBeGreaterThan(150);
});

test('TextContext.lineMarkers is markersOf of each line, from the whole-text marking', () => {
  const parts = [
    ...' \n\n\r:.[]_-',
    '\r\n',
    '微信',
    '小程序',
    'QQ小程序',
    'qq 小程序',
    '企业微信',
    '钉钉',
    '支付宝',
    '微信支付',
    'wechat',
    'WeChat work',
    'wecom',
    'dingtalk',
    'DingTalk',
    'alipay',
    'wx.',
    'wx',
    'Wx',
    'WxCpService',
    'WxErrorException',
    'me.chanjar.weixin.common',
    'rid',
    'rid:',
    'hint: [1597733128',
    'hints: [',
    'req_id',
    'dLTTea0566vr46!]',
    // Markers over a line break: the whole-text match takes the next line's `wx_` (every line is then read).
    'hints:\n[wx_ab12c]',
    'rid\n:',
    'from ip',
    'sub_code',
    'suite_key',
    'ValidateCorpid',
    'mch_id',
    '"detail": {',
    'cloud.',
    'code2session',
    '40001',
  ];
  const random = texts(parts, 20000, 20261209, 16);
  // Texts of repeats are marked line by line (context.ts markRepeats): some of those too.
  const repeated = Array.from({ length: 50 }, (_, k) =>
    `${random.slice(k * 10, k * 10 + 10).join('\n')}\n`.repeat(25),
  );
  const all = [...random, ...repeated, FIXTURES];
  const differs = (t: string) => {
    const ctx = new TextContext(t);
    for (let l = 0; l < ctx.lines.count; l++)
      if (ctx.lineMarkers(l) !== markersOf(ctx.lines.lineText(l))) return true;
    return false;
  };
  expect(all.filter(differs)).toEqual([]);
  // Not empty: lines with markers, texts of repeated lines (marked line by line) among them.
  expect(all.filter((t) => markersOf(t) !== 0).length).toBeGreaterThan(15000);
  expect(all.filter((t) => new TextContext(t).repeats() !== undefined).length).toBeGreaterThan(40);
});

test('the Bluetooth family pattern without its \\w*BLE alternative finds the same where BLE is missing', () => {
  const bluetooth = platformIndex(bundledCatalog()).scopes.find((s) => s.scope === 'bluetooth')?.pattern;
  if (!bluetooth) throw new Error('the catalog has no Bluetooth errCodes');
  const parts = [
    ...' _.-:\n\t()',
    'x',
    'create',
    'BLE',
    'BL',
    'ble',
    'Connection',
    'Device',
    'Characteristic',
  ];
  parts.push('Bluetooth', 'bluetooth', '蓝牙', 'open', 'notifyBLECharacteristicValueChange', '10001');
  const all = [...texts(parts, 30000, 20261208), FIXTURES];
  const global = (re: RegExp) => new RegExp(re.source, 'g');
  const differ = all.filter(
    (t) => show(global(familyPatternIn(bluetooth, t)), t) !== show(global(bluetooth), t),
  );
  expect(differ).toEqual([]);
  // Both kinds of text are there: some match through BLE, some are narrowed and still match.
  expect(all.filter((t) => t.includes('BLE') && /\w*BLE(?:C|D)/.test(t)).length).toBeGreaterThan(1000);
  expect(
    all.filter((t) => familyPatternIn(bluetooth, t) !== bluetooth && bluetooth.test(t)).length,
  ).toBeGreaterThan(1000);
});
