import { extractCodes, MAX_SCAN_CHARS, ScanInputTooLarge } from '../../miniprogram/core/extract';
import { labelOf, loadExtractFixtures } from '../../bench/data/extract-fixtures';

const codesOf = (text: string) => extractCodes(text).codes.map(labelOf);

describe('extractCodes', () => {
  it('finds keyed codes in JSON, JS dumps, query strings, XML and SDK exception text', () => {
    expect(codesOf('{"errcode":40001,"errmsg":"invalid credential"}')).toEqual(['40001']);
    expect(codesOf('{"errCode": -404011, "errMsg": "cloud.callFunction:fail"}')).toEqual(['-404011']);
    expect(codesOf('{"errcode":"61003","errmsg":"component is not authorized by this account"}')).toEqual([
      '61003',
    ]);
    expect(codesOf("{ errcode: 40029, errmsg: 'invalid code' }")).toEqual(['40029']);
    expect(codesOf('GET /cb?errcode=40029&errmsg=invalid%20code')).toEqual(['40029']);
    expect(codesOf('<xml><errcode>40014</errcode></xml>')).toEqual(['40014']);
    expect(codesOf('WxErrorException: 错误代码：40001, 错误信息：invalid credential')).toEqual(['40001']);
    expect(codesOf('WeChatClientException: Error code: 40029, message: invalid code')).toEqual(['40029']);
    expect(codesOf('request:fail url not in domain list {errno: 600002}')).toEqual(['600002']);
    expect(codesOf('先是 40029，后来又报 40163 code been used')).toEqual(['40029', '40163']);
  });

  it('ignores the noise numbers of a log line', () => {
    const noise = [
      '2024-03-12 10:21:33.417  INFO 48213 --- [main] Tomcat started on port(s): 40001 (http)',
      'listening on 0.0.0.0:40164; upstream http://127.0.0.1:40029/login',
      '[pid 40001] worker 45011 started, took 42001 ms',
      '    at Object.<anonymous> (/app/src/index.js:40001:13)',
      'HTTP/1.1 404 Not Found status=500 body_bytes_sent=45011',
      'out_trade_no=202403121030004000112 phone 13812340001 total_fee=40001',
      'trace_id=5f3e40001a2b sha=40001fe9c2 rid: 40001234-40029000-42001000',
      '我们的服务跑在 40001 端口上，进程号 45011，昨天处理了 40029 个请求，没有报错。',
      '{"errcode":0,"errmsg":"ok"}',
    ].join('\n');
    expect(extractCodes(noise).codes).toEqual([]);
  });

  it('gives WeCom text the WeCom meaning, drops another service, keeps nearby WeChat ones', () => {
    expect(codesOf('企业微信 gettoken 返回 {"errcode":40001,"errmsg":"invalid secret"}')).toEqual([
      '40001@wecom',
    ]);
    expect(codesOf('alipay: {"code":"40004","msg":"Business Failed"}')).toEqual([]);
    const mixed = '公众号 token 报 {"errcode":40001}\n\n企业微信 报 {"errcode":60011}';
    expect(codesOf(mixed)).toEqual(['40001', '60011@wecom']);
  });

  it('infers a code from its errmsg when no number survived, and marks it inferred', () => {
    const [found] = extractCodes('invalid credential, access_token is invalid or not latest').codes;
    expect(found).toEqual(expect.objectContaining({ code: '40001', inferred: true }));
    const garbled = extractCodes('{"errcode":4O0#1,"errmsg":"invalid appid"}').codes;
    expect(garbled.map((c) => [c.code, c.inferred])).toEqual([['40013', true]]);
    // A number that survived wins over the message.
    expect(extractCodes('{"errcode":40001,"errmsg":"invalid credential"}').codes[0].inferred).toBe(false);
  });

  it('undoes OCR slips: O/0, l/1, spaces in numbers, JSON broken across lines', () => {
    expect(codesOf('{"errcode":4OOO1}')).toEqual(['40001']);
    expect(codesOf('errcode: 4000l errmsg: x')).toEqual(['40001']);
    expect(codesOf('{"errcode": 40 029}')).toEqual(['40029']);
    expect(
      codesOf('cloud.callFunction:fail Error: errCode:\n-404011 cloud function execution error'),
    ).toEqual(['-404011']);
  });

  it('extracts rid, hint, errmsg and the caller IP of 40164', () => {
    const text =
      '{"errcode":40164,"errmsg":"invalid ip 47.98.123.45 ipv6 ::ffff:47.98.123.45, not in whitelist rid: 6634a0b1-2c3d4e5f-60718293"}\n' +
      '{"errcode":47001,"errmsg":"data format error hint: [Zo2F4a0662ge77]"}';
    const { codes, rids } = extractCodes(text);
    expect(codes[0]).toEqual(
      expect.objectContaining({
        code: '40164',
        line: 1,
        ip: '47.98.123.45',
        rid: '6634a0b1-2c3d4e5f-60718293',
        errmsg: 'invalid ip 47.98.123.45 ipv6 ::ffff:47.98.123.45, not in whitelist',
      }),
    );
    expect(codes[1]).toEqual(expect.objectContaining({ code: '47001', line: 2, rid: 'Zo2F4a0662ge77' }));
    expect(rids).toEqual(['6634a0b1-2c3d4e5f-60718293', 'Zo2F4a0662ge77']);
  });

  it('reports each code once with its occurrence count', () => {
    const text = Array.from(
      { length: 5 },
      () => '{"errcode":45011,"errmsg":"api minute-quota reach limit"}',
    ).join('\n');
    const { codes } = extractCodes(text);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toEqual(expect.objectContaining({ code: '45011', line: 1, occurrences: 5 }));
  });

  it('ends a keyed value at a markdown backtick', () => {
    expect(codesOf('we get `errcode=45009` from /cgi-bin/token every evening')).toEqual(['45009']);
    expect(codesOf('返回 `{"errcode":40013}`')).toEqual(['40013']);
  });

  it('joins an OCR letter-spaced keyed value ("4 0 0 1 3"), but not a third group after "40 029"', () => {
    expect(codesOf('{"errcode" : 4 0 0 1 3 , "errmsg" : "x"}')).toEqual(['40013']);
    expect(codesOf('错误码 -5 0 4 0 0 2')).toEqual(['-504002']);
    expect(codesOf('errcode: 40 029 1 time')).toEqual(['40029']);
  });

  it('lets the clause decide when one line names WeChat and another platform', () => {
    expect(codesOf('小程序登录报 40029，钉钉那边扫码报 40078，是同一个问题吗')).toEqual(['40029']);
    expect(codesOf('支付宝报 40004；公众号上传素材报 40007。')).toEqual(['40007']);
    // A clause naming both (or neither) keeps the line's verdict: the other platform.
    expect(codesOf('企业微信 gettoken 返回 {"errcode":40001,"errmsg":"invalid secret"}')).toEqual([
      '40001@wecom',
    ]);
  });

  it('does not read MySQL client errors and duplicate-key values as codes', () => {
    expect(codesOf("ERROR 1062 (23000): Duplicate entry '45009' for key 'uk_no'")).toEqual([]);
    expect(
      codesOf("SQLIntegrityConstraintViolationException: Duplicate entry '40164' for key 'PRIMARY'"),
    ).toEqual([]);
  });

  it('takes a catalog code in chat that says it happened ("又 … 了", "一直出现", "keep hitting")', () => {
    expect(codesOf('线上又 40001 了，token 是不是被别的服务刷掉了')).toEqual(['40001']);
    expect(codesOf('这两天一直出现 45009，接口额度不够')).toEqual(['45009']);
    expect(codesOf('we keep hitting 45011 around 9am')).toEqual(['45011']);
    // Quantities stay quantities.
    expect(codesOf('一直跑了 40001 次都正常')).toEqual([]);
  });

  it('ends a keyed value at a colon followed by a space ("Error: 45011: …"), not inside a time', () => {
    expect(codesOf('Error: 45011: api minute-quota reach limit')).toEqual(['45011']);
    expect(codesOf('errcode: 40001: see log')).toEqual(['40001']);
    expect(codesOf('errcode: 40001:30 see log')).toEqual([]);
  });

  it('infers a code when the whole paste is exactly one catalog errmsg, however short', () => {
    const [found] = extractCodes('  invalid appsecret \n').codes;
    expect(found).toEqual(expect.objectContaining({ code: '40125', inferred: true }));
    expect(codesOf('access_token missing')).toEqual(['41001']);
    // Not a near miss, not inside longer prose, not for another platform.
    expect(codesOf('invalid appsecret?? maybe')).toEqual([]);
    expect(codesOf('企业微信 invalid appsecret')).toEqual([]);
  });

  it('refuses input beyond MAX_SCAN_CHARS with a clear error', () => {
    const big = 'x'.repeat(MAX_SCAN_CHARS + 1);
    expect(() => extractCodes(big)).toThrow(ScanInputTooLarge);
    expect(() => extractCodes(big)).toThrow(/split it/);
  });

  it('keeps precision and recall at or above 0.97 on the fixture set', () => {
    const fixtures = loadExtractFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(120);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const f of fixtures) {
      const got = new Set(codesOf(f.text));
      const want = new Set(f.expected);
      for (const c of got)
        if (want.has(c)) tp++;
        else fp++;
      for (const c of want) if (!got.has(c)) fn++;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.97);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.97);
  });
});

describe('an errmsg read after an error word', () => {
  const inferred = (text: string) =>
    extractCodes(text)
      .codes.filter((c) => c.inferred)
      .map((c) => c.code);

  it('is not "code …" after "error": a system file\'s "error code has been seen" is no 43018', () => {
    // lzgrep's comment, which `wxerr scan /etc` read as 43018 ("code has no been mark!") three times (walk8).
    expect(inferred('# a larger error code has been seen, so exit')).toEqual([]);
    expect(inferred('error: code been used')).toEqual(['40163']);
    expect(inferred('报错 code been used')).toEqual(['40163']);
  });
});
