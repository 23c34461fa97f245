// Formats and contexts that the fifth harvest (bench/data/real/snippets-tune5.txt, tune only) showed the
// extractor missing or misreading. Each case quotes a snippet of that file verbatim (or a verbatim part of
// one), its source named above it; the guards beside them are written here and say so.
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

const explicit = (text: string) =>
  extractCodes(text)
    .codes.filter((c) => !c.inferred)
    .map(labelOf);
const inferred = (text: string) =>
  extractCodes(text)
    .codes.filter((c) => c.inferred)
    .map(labelOf);

describe('codes that head a block of source code', () => {
  // github:lzhsus/dev_cloud:cloudfunctions/orderadmin/common.js (the first cases of its switch)
  const cloudSwitch = [
    'function error_type(error_num){',
    '    var error={}',
    '    error.errCode = error_num;',
    '    switch(error_num) {',
    '        case -401001:',
    "            error.type = '无权限使用 API'",
    '           break;',
    '        case -401002:',
    "            error.type = 'API 传入参数错误'",
    '           break;',
    '        case -401003:',
    "            error.type = 'API 传入参数类型错误'",
    '            break;',
    '        case -404001||-404002||-404003:',
    "            error.type = '云函数调用失败'",
    '            break;',
    '        case -404010:',
    "            error.type = '云函数执行失败'",
    '            break;',
  ].join('\n');

  it('reads the `case` labels of a switch over cloud errCodes, each number of `case a||b:` too', () => {
    expect(explicit(cloudSwitch)).toEqual([
      '-401001',
      '-401002',
      '-401003',
      '-404001',
      '-404002',
      '-404003',
      '-404010',
    ]);
    // What the cases say is theirs: no code is guessed from their Chinese a second time.
    expect(inferred(cloudSwitch)).toEqual([]);
  });

  it('reads numeric keys whose value is an object of texts (an errno table)', () => {
    // github:Alan1034/network-spanner:src/components/MiniprogramErrno/15xx.ts (its first three keys)
    const text = [
      'export const fifteenxx = {',
      '  "1500101": {',
      '    "EN": "not init",',
      '    "CN": "未初始化蓝牙适配器"',
      '  },',
      '  "1500102": {',
      '    "EN": "",',
      '    "CN": "当前蓝牙适配器不可用"',
      '  },',
      '  "1500103": {',
      '    "EN": "",',
      '    "CN": "当前BLE设备获取不到Service/获取不到对应UUID的Service"',
      '  },',
    ].join('\n');
    expect(explicit(text)).toEqual(['1500101', '1500102', '1500103']);
    expect(inferred(text)).toEqual([]);
  });

  it("leaves an app's own switch whose cases describe its own errors (guard written here)", () => {
    const text = [
      'switch (res.code) {',
      '  case 40001:',
      "    toast('用户不存在')",
      '    break;',
      '  case 40002:',
      "    toast('密码错误')",
      '    break;',
      '}',
    ].join('\n');
    expect(explicit(text)).toEqual([]);
  });
});

describe('listings and weak keys', () => {
  it('a run of listing rows mostly described by their own texts vouches for the rest of it', () => {
    // github:chkzack/keycloak-wechat-plugin:src/main/java/org/keycloak/social/wechat/WechatMpAuth.md
    const text = [
      '###### errcode 的合法值',
      '|值|说明|最低版本|',
      '|---|---|---|',
      '|-1|系统繁忙，此时请开发者稍候再试| |',
      '|0|请求成功| |',
      '|40029|code 无效| |',
      '|45011|频率限制，每个用户每分钟100次| |',
    ].join('\n');
    expect(explicit(text)).toEqual(['-1', '40029', '45011']);
  });

  it("a weak `code` beside its own message that is not the code's text is the app's code", () => {
    // github:MikeWang000000/GoLibCookie#12
    const text =
      '现在是被屏蔽了吗，显示app error\n{"errors":[{"msg":"App Error!","code":40008}],"data":{"userAuth":null}}';
    const result = extractCodes(text);
    expect(result.codes).toEqual([]);
    expect(result.ignored?.map((i) => [i.code, i.context])).toEqual([['40008', 'app-specific code']]);
    // The same key with the code's own text stays WeChat's (guard written here).
    expect(explicit('{"msg":"invalid message type","code":40008}')).toEqual(['40008']);
  });
});
