// OCR text repair in the pure core (miniprogram/core/ocr): per-line normalisation, the English digit pass and
// wrapped lines joined back. The boxed lines below are what tesseract.js (cli/ocr.ts, eng+chi_sim) read from
// the bench's renders of `tune` real snippets (bench/data/real), copied from its output; the extractor then
// runs on the repaired text as `wxerr scan` does.
import { extractCodes } from '../../miniprogram/core/extract';
import { mergeDigitPass, normalizeOcrLine, normalizeOcrText } from '../../miniprogram/core/ocr/lines';
import { repairOcrPlainText, repairOcrText } from '../../miniprogram/core/ocr/repair';
import { joinWrappedLines, joiner } from '../../miniprogram/core/ocr/wrap';

const codesOf = (text: string) => extractCodes(text).codes.map((c) => c.code);

describe('one line at a time', () => {
  test('CJK spaces, full-width punctuation and letters inside numbers', () => {
    expect(normalizeOcrText('错误 码 : 4O164， 错 误 信息')).toBe('错误码 : 40164,错误信息');
    expect(normalizeOcrLine('errcode：4OOO1')).toBe('errcode:40001');
    expect(normalizeOcrLine('errCode: －404011')).toBe('errCode: -404011');
    expect(normalizeOcrLine('errcode: 4000l, 4I029')).toBe('errcode: 40001, 41029');
    expect(normalizeOcrLine('Online for 10 days, IO lOOk')).toBe('Online for 10 days, IO lOOk');
  });

  test('digit pass: the English reading of a number replaces a misread one on the same line', () => {
    const main = [
      { text: '错误码: 46164, 错误信息: invalid ip 121.40.12.8', y0: 70, y1: 110 },
      { text: 'total 3 lines', y0: 120, y1: 150 },
    ];
    const eng = [
      { text: 'E1263: 40164, FREE: invalid ip 121.40.12.8', y0: 72, y1: 112 },
      { text: 'total 3 lines', y0: 120, y1: 150 },
    ];
    expect(mergeDigitPass(main, eng).map((l) => l.text)).toEqual([
      '错误码: 40164, 错误信息: invalid ip 121.40.12.8',
      'total 3 lines',
    ]);
  });

  test('a line with no Chinese in either reading is taken from the English pass whole', () => {
    // bench/ocr/shots/26-zh-audit-dark.png: eng+chi_sim garbles the JSON punctuation, English reads it
    const box = { x0: 186, x1: 1548, y0: 158, y1: 204 };
    const main = [
      { text: '提交审核一直失败', x0: 77, x1: 314, y0: 76, y1: 106 },
      { text: '[ frerrcode":85009verrmsg":"already has audit version', ...box },
    ];
    const eng = [
      { text: 'RREHZE BAK', x0: 77, x1: 314, y0: 76, y1: 106 },
      { text: '( {"errcode":85009, "errmsg" "already has audit version', ...box },
    ];
    expect(mergeDigitPass(main, eng).map((l) => l.text)).toEqual([
      '提交审核一直失败',
      '( {"errcode":85009, "errmsg" "already has audit version',
    ]);
    // Not when the English line covers only part of the main one (another segmentation).
    const part = [{ ...eng[1], x1: 700 }];
    expect(mergeDigitPass([main[1]], part)[0].text).toBe(main[1].text);
  });
});

describe('wrapped lines joined (tesseract boxes)', () => {
  test('a terminal cut inside a key: Er|rorCode → the second code is found', () => {
    // easywechat-issue-163-40001-to-42001, light-terminal
    const lines = [
      { text: 'Could you please update the AccessToken Expired Er', x0: 43, x1: 1512, y0: 51, y1: 98 },
      { text: 'rorCode from 40001 to 42001.', x0: 48, x1: 838, y0: 119, y1: 157 },
      { text: 'Check the global return code here: http://mp.weixi', x0: 43, x1: 1482, y0: 187, y1: 235 },
      { text: 'n.qq.com/wiki/17/fad4eld434e57290788bde25603fa2fchd.h', x0: 44, x1: 1510, y0: 251, y1: 298 },
      { text: 'tml', x0: 43, x1: 122, y0: 319, y1: 356 },
    ];
    const text = repairOcrText(lines, { width: 1560 });
    expect(text.split('\n')[0]).toBe(
      'Could you please update the AccessToken Expired ErrorCode from 40001 to 42001.',
    );
    expect(codesOf(text)).toEqual(['40001', '42001']);
  });

  test('a chat bubble wraps Chinese mid-word and English at spaces', () => {
    // chatgpt-wecom-issue-51-93000 (chat-bubble): 错误|码 split; the WeCom context is on the first line
    const bubble = [
      { text: '自创应用已经成功，但是如何与企业', x0: 286, x1: 1296, y0: 102, y1: 162 },
      { text: '微信中的机器人链接呢，我用机器人', x0: 278, x1: 1297, y0: 194, y1: 254 },
      { text: '的webhook url 替代conf里面的url里', x0: 281, x1: 1321, y0: 286, y1: 345 },
      { text: '面，得到结果就是: 响应失败，错误', x0: 280, x1: 1266, y0: 382, y1: 442 },
      { text: '码: 93000，错误原因: invalid', x0: 278, x1: 1160, y0: 474, y1: 534 },
      { text: 'webhook url', x0: 278, x1: 647, y0: 569, y1: 621 },
    ];
    const text = repairOcrText(bubble, { width: 1560 });
    expect(text).toBe(
      '自创应用已经成功,但是如何与企业微信中的机器人链接呢,我用机器人的webhook url 替代conf里面的url里面,' +
        '得到结果就是: 响应失败,错误码: 93000,错误原因: invalid webhook url',
    );
    expect(codesOf(text)).toEqual(['93000']);
  });

  test('a line whose next word would have fitted was ended by hand', () => {
    // eric-guo-wechat-issue-230-48001 (chat-bubble): three written lines, each wrapped once or twice
    const bubble = [
      { text: 'HttpClient 对48001 api', x0: 282, x1: 957, y0: 102, y1: 171 },
      { text: 'unauthorized 做了特殊处理', x0: 281, x1: 1074, y0: 194, y1: 254 },
      { text: '48001 表示 Api 未授权，此时多次刷', x0: 277, x1: 1292, y0: 286, y1: 355 },
      { text: '新 access_token 不能解决问题。', x0: 279, x1: 1175, y0: 382, y1: 445 },
      { text: '比如订阅号发送模板消息时，由于订', x0: 282, x1: 1298, y0: 474, y1: 534 },
      { text: '阅号没有该接口权限，微信会返回', x0: 282, x1: 1231, y0: 566, y1: 626 },
      { text: '48001,', x0: 277, x1: 476, y0: 664, y1: 716 },
    ];
    expect(repairOcrText(bubble, { width: 1560 }).split('\n')).toEqual([
      'HttpClient 对48001 api unauthorized 做了特殊处理',
      '48001 表示 Api 未授权,此时多次刷新 access_token 不能解决问题。',
      '比如订阅号发送模板消息时,由于订阅号没有该接口权限,微信会返回 48001,',
    ]);
  });

  test('a Pay code cut at the edge, and one whose underscore OCR read as a space', () => {
    // easy-swoole-pay-pr-63-err-codes and easywechat-issue-2954-v3-400-param-error, light-terminal
    const pay = [
      { text: '是支付成功的三种err code,BANKERROR, SYSTEMERROR, USER', x0: 42, x1: 1493, y0: 115, y1: 168 },
      { text: 'PAYING', x0: 44, x1: 211, y0: 188, y1: 225 },
    ];
    expect(repairOcrText(pay, { width: 1560 })).toMatch(/SYSTEMERROR, USERPAYING$/);
    const v3 = [
      { text: '"string (207) "{"code":"PARAM ERROR", "detail":{"loca', x0: 48, x1: 1510, y0: 0, y1: 50 },
    ];
    expect(repairOcrText(v3, { width: 1560 })).toContain('"code":"PARAM_ERROR"');
    expect(repairOcrText([{ text: 'said "HELLO WORLD" twice' }])).toBe('said "HELLO WORLD" twice');
  });

  test('a URL cut anywhere, a hyphen break, and a long id moved whole to the next line', () => {
    // moviepilot-issue-479-301002-and-ok (chat-bubble, Liberation Sans): the WeCom devtool URL holds the code
    const bubble = [
      { text: 'ERROR: [moviepilot] 2026-01-13', x0: 281, x1: 1244, y0: 101, y1: 162 },
      { text: '13:17:09,304 wechat.py - 发送请求失', x0: 280, x1: 1330, y0: 186, y1: 254 },
      { text: '败，错误信息: not allow operate', x0: 279, x1: 1209, y0: 278, y1: 346 },
      { text: 'another agent with this accesstoken.,', x0: 278, x1: 1324, y0: 381, y1: 442 },
      { text: 'hint:', x0: 280, x1: 391, y0: 473, y1: 521 },
      { text: '[1768281429499302175003038],', x0: 280, x1: 1214, y0: 565, y1: 626 },
      { text: 'from ip: 223.166.31.129, more info at', x0: 276, x1: 1326, y0: 657, y1: 718 },
      { text: 'https://open.work.weixin.qg.com/devt', x0: 280, x1: 1325, y0: 749, y1: 810 },
      { text: 'ool/query?e=301002', x0: 278, x1: 858, y0: 845, y1: 906 },
      { text: '我用浏览器拼了这个', x0: 279, x1: 849, y0: 1022, y1: 1082 },
      { text: 'https://qyapi.weixin.qq.com/cgi-', x0: 280, x1: 1162, y0: 1121, y1: 1182 },
      { text: 'bin/gettoken?', x0: 280, x1: 658, y0: 1213, y1: 1274 },
      { text: 'corpid=YOUR_CORPID&corpsecret=', x0: 278, x1: 1333, y0: 1305, y1: 1366 },
      { text: 'YOUR_SECRET 得到的是成功的', x0: 278, x1: 1216, y0: 1394, y1: 1461 },
    ];
    const text = repairOcrText(bubble, { width: 1560 });
    expect(text.split('\n')).toEqual([
      'ERROR: [moviepilot] 2026-01-13 13:17:09,304 wechat.py - 发送请求失败,错误信息: not allow operate ' +
        'another agent with this accesstoken., hint: [1768281429499302175003038], from ip: 223.166.31.129, ' +
        'more info at https://open.work.weixin.qq.com/devtool/query?e=301002',
      '',
      '我用浏览器拼了这个 https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=YOUR_CORPID&corpsecret=YOUR_SECRET 得到的是成功的',
    ]);
    expect(codesOf(text)).toEqual(['301002']);
  });
});

describe('what is not joined', () => {
  const row = (text: string, x1: number, y0: number, x0 = 40) => ({ text, x0, x1, y0, y1: y0 + 46 });

  test('short lines, indented lines and lines apart stay as they are', () => {
    const json = [
      row('{', 60, 0),
      row('"errcode": 40001,', 560, 66),
      row('"errmsg": "invalid credential"', 800, 132),
      row('}', 60, 198),
    ];
    expect(joinWrappedLines(json)).toBe('{\n"errcode": 40001,\n"errmsg": "invalid credential"\n}');
    // Nothing fits after the widest line: it is a wrap width only if the text spans the screen.
    expect(joinWrappedLines(json, { width: 1560 }).split('\n')).toHaveLength(4);
    const trace = [
      row('Traceback (most recent call last): File "app.py", line 3', 1500, 0),
      row('File', 160, 66, 120),
    ];
    expect(joinWrappedLines(trace).split('\n')).toHaveLength(2);
    // Console rows: a gap of a row's padding between lines is not a wrap.
    const rows = [
      row('errcode 40164 invalid ip 1.2.3.4, not in whitelist rid:', 1500, 0),
      row('xyz', 200, 100),
    ];
    expect(joinWrappedLines(rows).split('\n')).toHaveLength(2);
    // A blank line where the text had one.
    expect(joinWrappedLines([row('errcode 40001', 600, 0), row('errcode 42001', 600, 190)])).toBe(
      'errcode 40001\n\nerrcode 42001',
    );
  });

  test('a soft wrap keeps the space: two codes never become one number', () => {
    expect(joiner('from 40001 to', '42001.', false)).toBe(' ');
    expect(joiner('code 400', '01', true)).toBe('');
    expect(joiner('rid: 65d38b69-62497c5f-7e6c', '18da', true)).toBe('');
    expect(joiner('quota limit', 'hint: [x]', true)).toBe(' ');
    expect(joiner('(cod', 'e: 42001)', true)).toBe('');
    expect(joiner('the error', 'code is', true)).toBe('');
    expect(joiner('made', 'each', true)).toBe(' ');
    expect(joiner('"errcode":40001', 'errmsg', true)).toBe(' ');
    expect(joiner('look for', 'id: 3', true)).toBe(' ');
    expect(joiner('$co', 'de', true)).toBe('');
    expect(joiner('错误', '码', false)).toBe('');
  });

  test('a rid cut at the edge is joined even where OCR read its 1 as I, under an indented block', () => {
    const lines = [
      { text: '错误', x0: 40, x1: 120, y0: 0, y1: 46 },
      row('{"errcode":85009,"errmsg":"already has audit version rid: 6657b8c9-0d1e2f3a-4b', 1510, 66, 186),
      row('Ic6d7e"}', 400, 132, 186),
    ];
    expect(repairOcrText(lines)).toBe(
      '错误\n{"errcode":85009,"errmsg":"already has audit version rid: 6657b8c9-0d1e2f3a-4b1c6d7e"}',
    );
  });

  test('a rid wrapped over two lines is one rid again', () => {
    const lines = [
      row(
        '[ERROR] sendMsg error: Error code: 48001, message: api unauthorized rid: 65d38b69-62497c5f-7e6c',
        1510,
        0,
      ),
      row('18da', 150, 66),
    ];
    const found = extractCodes(repairOcrText(lines)).codes;
    expect(found.map((c) => [c.code, c.rid])).toEqual([['48001', '65d38b69-62497c5f-7e6c18da']]);
  });
});

describe('text-only input (VisionKit anchors)', () => {
  test('columns stand in for pixels', () => {
    const text = [
      '[ERROR] sendMsg error: Error code: 48001, rid: 65d38b69-62497c5f-7e6c',
      '18da',
      'done',
    ].join('\n');
    expect(repairOcrPlainText(text)).toBe(
      '[ERROR] sendMsg error: Error code: 48001, rid: 65d38b69-62497c5f-7e6c18da\ndone',
    );
    expect(repairOcrPlainText('errcode: 40001\nerrmsg: invalid credential')).toBe(
      'errcode: 40001\nerrmsg: invalid credential',
    );
    expect(repairOcrPlainText('')).toBe('');
  });
});
