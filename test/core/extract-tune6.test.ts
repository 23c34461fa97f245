// Formats and contexts that the sixth harvest (bench/data/real/snippets-tune6.txt, tune only) showed the
// extractor missing or misreading. Each case quotes a snippet of that file verbatim (or a verbatim part of
// one), its source named above it; the guards beside them are written here and say so.
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

const explicit = (text: string) =>
  extractCodes(text)
    .codes.filter((c) => !c.inferred)
    .map(labelOf);

describe('a client API named once in a text, its errCodes lines away', () => {
  // github:wdk-docs/wxadev-docs:docs/_sources/api/wx.startBeaconDiscovery.rst.txt (the name and the table)
  const beaconPage = [
    ':wxapi:`wx.startBeaconDiscovery`',
    '============================================',
    '',
    '.. function:: wx.startBeaconDiscovery(Object object)',
    '',
    '基础库 1.2.0 开始支持，低版本需做兼容处理。',
    '',
    '开始搜索附近的 iBeacon 设备',
    '',
    '错误',
    '错误码\t错误信息\t说明',
    '0\tok\t正常',
    '11000\tunsupport\t系统或设备不支持',
    '11001\tbluetooth service unavailable\t蓝牙服务不可用',
    '11002\tlocation service unavailable\t位置服务不可用',
    '11003\talready start\t已经开始搜索',
    '示例代码',
    'wx.startBeaconDiscovery({',
    '  success(res) { }',
    '})',
  ].join('\n');

  it("gives a table's codes the family the page is about, not the generic platform", () => {
    expect(explicit(beaconPage)).toEqual(['11000@wxapi', '11001@wxapi', '11002@wxapi', '11003@wxapi']);
  });

  // github:dcloudio/uni-app#4363 (the audio context named in the title, the errCode two lines down)
  const innerAudio = [
    '# createInnerAudioContext 在IOS真机上，报错 errMsg: "INNERERRCODE:-1, ERRMSG:未知错误", errCode: 10001',
    '**问题描述**',
    '1. 微信小程序',
    '2. IOS真机',
    '3. 播放某段音频，播放失败，出现错误： errMsg: "INNERERRCODE:-1, ERRMSG:未知错误", errCode: 10001',
  ].join('\n');

  it("reads InnerAudioContext's errCode as the audio API's (it shares BackgroundAudioManager's table)", () => {
    expect(explicit(innerAudio)).toEqual(['10001@wxapi']);
  });

  // github:wechat-miniprogram/miniprogram-bug-report#148 (背景音频 in the title, errCode in the JSON below)
  const backgroundAudio = [
    '# [ios] 背景音频播放一段时间后，播放下一个音频时，报错无法播放',
    '报错信息：',
    '```javascript',
    '{',
    '  "errMsg": "playerErrCode:9, systemErrCode:1852077119, domain:ASCII OSStatus:ndt?, description:未能完成操作。（ASCII OSStatus:ndt?错误1852077119。）",',
    '  "errCode": 10001, ',
    '}',
    '```',
  ].join('\n');

  it('names the family in Chinese too (背景音频)', () => {
    expect(explicit(backgroundAudio)).toEqual(['10001@wxapi']);
  });

  it('guards: a server code in a text naming a client API keeps its own platform (written here)', () => {
    const text = [
      'wx.openBluetoothAdapter 调用成功',
      '',
      '',
      '',
      '服务端报错 {"errcode":40001,"errmsg":"invalid credential"}',
    ].join('\n');
    expect(explicit(text)).toEqual(['40001']);
    // A short code (-1, 1001) is every SDK's: the family named far away does not claim it.
    expect(
      explicit(['蓝牙模块已初始化', '', '', '', '{"errcode":-1,"errmsg":"system error"}'].join('\n')),
    ).toEqual(['-1']);
  });
});

describe("a listing of a client API's errCodes, each with its own text", () => {
  // github:wdk-docs/wxadev-docs:source/api/wx.startHCE.rst (a markdown-bold list under the API name)
  const hce = [
    ':wxapi:`wx.startHCE`',
    '============================================',
    '',
    '.. function:: wx.startHCE({aid_list[, success][, fail][, complete]})',
    '',
    '   初始化 NFC 模块。',
    '',
    '   .. versionadded:: 1.7.0 低版本需做 :ref:`compatibility` 。',
    '',
    '   :param Array.<string> aid_list: 需要注册到系统的 AID 列表',
    '   :param function success({errCode,errMsg}): 接口调用成功的回调函数, errCode:',
    '',
    '      - **0** ok 正常',
    '      - **13000** 当前设备不支持NFC',
    '      - **13001** 当前设备支持NFC，但系统NFC开关未开启',
    '      - **13002** 当前设备支持NFC，但不支持HCE',
    '      - **13003** AID列表参数格式错误',
    '      - **13004** 未设置微信为默认NFC支付应用',
    '      - **13005** 返回的指令不合法',
    '      - **13006** 注册AID失败',
  ].join('\n');

  it('reads markdown-bold codes followed by their catalog texts', () => {
    expect(explicit(hce)).toEqual([
      '13000@wxapi',
      '13001@wxapi',
      '13002@wxapi',
      '13003@wxapi',
      '13004@wxapi',
      '13005@wxapi',
      '13006@wxapi',
    ]);
  });

  // github:ob-cloud/hotel-control-miniapp:miniprogram/utils/constant.js
  const wifiObject = [
    'export const WIFI_ERROR_CODE = {',
    '  12000:"未先调用 startWifi 接口",',
    '  12001:"当前系统不支持相关能力",',
    '  12002:"Wi-Fi:密码错误",',
    '  12003:"连接超时",',
    '  12004:"重复连接 Wi-Fi",',
    '  12005:"未打开 Wi-Fi 开关",',
    '}',
  ].join('\n');

  it('reads the keys of an object literal mapping errCodes to their texts', () => {
    expect(explicit(wifiObject)).toEqual([
      '12000@wxapi',
      '12001@wxapi',
      '12002@wxapi',
      '12003@wxapi',
      '12004@wxapi',
      '12005@wxapi',
    ]);
  });

  it('guards: an app object of the same shape whose texts are not the family’s keeps nothing (written here)', () => {
    const text = [
      '// wifi 配网',
      'export const CODES = {',
      '  12003:"设备离线",',
      '  12004:"订单已取消",',
      '}',
    ].join('\n');
    expect(explicit(text)).toEqual([]);
  });
});

describe('wording that names a topic, not an error', () => {
  const inferred = (text: string) =>
    extractCodes(text)
      .codes.filter((c) => c.inferred)
      .map(labelOf);

  // github:jxxghp/MoviePilot#4449
  const tokenNetwork = [
    '# 微信通知无法发送',
    ' v2.5.5-1',
    '无法发送微信通知。日志报错如下：',
    '```',
    '获取微信access_token失败，错误信息：获取微信access_token失败，网络连接失败',
    '```',
  ].join('\n');

  it('implies no code from wording that fits every access_token code (40001, 40014, 41001, 42001…)', () => {
    expect(inferred(tokenNetwork)).toEqual([]);
  });

  it("guards: one code's own Chinese text still implies it (written here)", () => {
    expect(inferred('调用接口报错：不合法的调用凭证')).toEqual(['40001']);
  });
});

describe('a short number the catalog does not know, under a generic key', () => {
  // github:jxxghp/MoviePilot#691
  const httpStatus = [
    '# [错误报告]: wechat.py 发送请求失败，错误码：404，错误原因：Not Found',
    '企业微信配置好环境变量后，可以在企业微信中正常使用，但mp一直有个报错',
    '```bash',
    'wechat.py 发送请求失败，错误码：404，错误原因：Not Found',
    '```',
  ].join('\n');

  it('is not a WeChat code even near WeChat words: an HTTP status', () => {
    expect(explicit(httpStatus)).toEqual([]);
  });

  // github:FreezeNow/workday-server:server/error.js (three of its entries)
  const appTable = [
    '  113: {',
    '    errorCode: 113,',
    "    message: '该用户未绑定微信',",
    '  },',
    '  998: {',
    '    errorCode: 998,',
    "    message: '获取微信信息异常',",
    '  },',
  ].join('\n');

  it("is an app's own table entry", () => {
    expect(explicit(appTable)).toEqual([]);
  });

  it("guards: WeChat's own key still keeps a number the catalog lacks; a known short code still counts (written here)", () => {
    expect(explicit('微信接口返回 {"errcode":4999,"errmsg":"xxx"}')).toEqual(['4999']);
    expect(explicit('微信支付回调报错，错误码：-1，系统繁忙')).toEqual(['-1']);
  });
});

describe("a message that speaks for its own object's number", () => {
  // github:wxpusher/wxpusher-client#20
  const wxpusher = [
    "{'code': 1005, 'msg': \"服务器错误:Content type 'application/x-www-form-urlencoded;charset=UTF-8' not supported\", 'data': None, 'success': False}",
    '返回的是二维码文件吗',
    '目前不支持form的方式提交数据，请使用json',
  ].join('\n');
  // github:zhinjs/qq-official-bot#88
  const qqBot = [
    '# getAppAccessToken请求头错误',
    'getAppAccessToken的Content-Type必须为application/json否则报{"code":100007,"message":"appid invalid"}',
  ].join('\n');

  it('implies no WeChat code from the message of another service’s numbered answer', () => {
    expect(extractCodes(wxpusher).codes).toEqual([]);
    expect(extractCodes(qqBot).codes).toEqual([]);
  });

  it('guards: a WeChat errmsg alone still implies its code (written here)', () => {
    expect(
      extractCodes('返回 {"errmsg":"invalid appsecret"}')
        .codes.filter((c) => c.inferred)
        .map(labelOf),
    ).toEqual(['40125']);
  });
});

describe("Python's OSError", () => {
  // github:littlecodersh/ItChat#453
  const winError = [
    '# 同一台机器，有的微信可以上传文件，有的不行，会报10061错误',
    "HTTPSConnectionPool(host='file.wx8.qq.com', port=443): Max retries exceeded with url: /cgi-bin/mmwebwx-bin/webwxuploadmedia?f=json (Caused by NewConnectionError('<urllib3.connection.VerifiedHTTPSConnection object at 0x0000025AA982F5C0>: Failed to establish a new connection: [Errno 10061] [WinError 10061] 由于目标计算机积极拒绝，无法连接。',))",
    '原因找到了，WX8 ，网络不稳定，号的问题',
  ].join('\n');

  it('gives `[Errno N]` to the operating system, even on a WeChat host', () => {
    const result = extractCodes(winError);
    expect(result.codes).toEqual([]);
    expect((result.ignored ?? []).map((i) => [i.code, i.context])).toEqual([
      ['10061', 'operating system errno'],
    ]);
  });

  it('guards: a WeChat errno keyed plainly still counts (written here)', () => {
    expect(explicit('wx.cloud.callFunction fail, errno: 1504001')).toEqual(['1504001']);
  });
});

describe("WeCom's help URL wrapped over lines", () => {
  // github:jianxcao/notify#1
  const wrapped = [
    '添加图片链接后，不能发送消息，提示以下信息：',
    '发送通知时发生错误：通知服务Emby微信发',
    '送失败：发送消息失败：missing title, hint:',
    '[1754159302031423083812335], from ip:',
    'xxxxxxxcc, more info at',
    'https://open.work.weixin.qq.com/devtool/',
    'query?e=41016',
  ].join('\n');

  it('reads the code of a devtool URL broken after a slash', () => {
    expect(explicit(wrapped)).toEqual(['41016@wecom']);
  });

  it('guards: a query string on its own line with no devtool URL before it is no code (written here)', () => {
    expect(explicit(['见文档', 'query?e=41016'].join('\n'))).toEqual([]);
  });
});

describe('a 5-digit negative errCode in prose', () => {
  // github:wechat-miniprogram/minigame-unity-webgl-transform#298
  const midas = [
    '# 调用支付接口报错-15013',
    '背景：只开通了虚拟支付2.0，并没有使用1.0，对游戏币进行了发布，对分区进行了发布，游戏未上线',
    '问题：调用支付接口后，返回-15013，错误信息是coin not publish',
    '请帮忙查看',
  ].join('\n');

  it('is the virtual-payment API’s when the text names 虚拟支付', () => {
    expect(explicit(midas)).toEqual(['-15013@wxapi']);
  });

  it('guards: without the family named, or as a plain negative number, it is nothing (written here)', () => {
    expect(explicit('调用支付接口报错-15013')).toEqual([]);
    expect(explicit('温度报错 -12345')).toEqual([]);
  });
});
