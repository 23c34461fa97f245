// Formats that the third harvest (bench/data/real/snippets-tune3.txt, tune only) showed the extractor missing
// or misreading. Each case quotes a snippet of that file (or of the tune part of snippets.txt) verbatim, its
// source named above it.
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

const found = (text: string) => extractCodes(text).codes;
const labels = (text: string) => found(text).map(labelOf);

describe('a code beside its own text', () => {
  it('in brackets after its errmsg, with a space before the bracket', () => {
    // github:Eric-Guo/wechat#210
    expect(labels('Wechat::ResponseError: invalid button size (40016)')).toEqual(['40016']);
  });

  it('the word before the bracket is not read as a counted noun unless the errmsg is there', () => {
    // the same shape without the errmsg: "size (40016)" says what was counted
    expect(labels('upload failed: file size (40016) too small')).toEqual([]);
  });

  it('in square brackets at the start of a line, before the Chinese wording', () => {
    // github:wechatpivot/wechatpivot#5 (the poster wrote 40017 beside 40016's description)
    expect(labels('[40017] 不合法的按钮个数\n初次创建菜单时，只有 1 个或 2 个组会报错')).toEqual(['40017']);
  });

  it('at the start of a line, one space and Chinese prose that carries the code text', () => {
    // github:binarywang/WxJava#1539
    const text = [
      'https://github.com/Wechat-Group/WxJava/blob/23c1b0b0df621cf29ed57a92ae5fa287ff749f0f/weixin-java-common/src/main/java/me/chanjar/weixin/common/error/WxMpErrorMsgEnum.java#L91',
      '',
      '40017 应为 不合法的按钮类型',
    ].join('\n');
    expect(labels(text)).toEqual(['40017']);
  });

  it('a number set off like a table cell before a description that is not its text is not WeChat’s', () => {
    // github:fzlee/alipay#160: Alipay's 40004 (交易不存在); WeChat's 40004 is an invalid media type
    const python = [
      '    def direct_pay(self):',
      '        # out_trade_no = str(int(time.time()))   # 字符串和整数都试过，报一样的错 40004    交易不存在',
      '        out_trade_no = int(time.time())',
    ].join('\n');
    expect(labels(python)).toEqual([]);
  });
});

describe('WeCom told by the wording of its code', () => {
  it('the WeCom text of 40096 beside it, no WeCom marker', () => {
    // github:w7corp/easywechat#2621 (title)
    expect(labels('发送客服消息时提示我40096错误，不合法的外部联系人userid，可是我这个')).toEqual([
      '40096@wecom',
    ]);
  });

  it('WxJava prints 微信原始报文 for WeCom too: the WeCom wording of 40085 decides', () => {
    // github:binarywang/WxJava#2910
    const trace = [
      '企业微信服务商 corpId2OpenCorpId',
      'me.chanjar.weixin.common.error.WxErrorException: 错误代码：40085, 错误信息：不合法的的suite_ticket参数；suite_ticket不存在或者已失效，微信原始报文：{"errcode":40085,"errmsg":"invaild suite ticket"}',
      '\tat me.chanjar.weixin.cp.tp.service.impl.BaseWxCpTpServiceImpl.getSuiteTicket(BaseWxCpTpServiceImpl.java:134)',
    ].join('\n');
    expect(labels(trace)).toEqual(['40085@wecom']);
  });

  it("WxJava's shared error text names no platform: the calling module's package does", () => {
    // github:binarywang/WxJava#2910, without its title line: the weixin.cp frame under the shared text
    const trace = [
      'me.chanjar.weixin.common.error.WxErrorException: 错误代码：40085, 错误信息：不合法的的suite_ticket参数；suite_ticket不存在或者已失效，微信原始报文：{"errcode":40085,"errmsg":"invaild suite ticket"}',
      '\tat me.chanjar.weixin.cp.tp.service.impl.BaseWxCpTpServiceImpl.getSuiteTicket(BaseWxCpTpServiceImpl.java:134)',
    ].join('\n');
    // (since tune4 the errmsg's own WeCom token name, suite_ticket, is evidence on the line itself)
    expect(found(trace).map((c) => [labelOf(c), c.context])).toEqual([['40085@wecom', 'suite_ticket']]);
    // the same shape with an errmsg WeChat and WeCom share: only the frame's package can tell
    const shared = (module: string) =>
      labels(
        'me.chanjar.weixin.common.error.WxErrorException: {"errcode":40001,"errmsg":"invalid credential"}\n' +
          `\tat me.chanjar.weixin.${module}.api.impl.ServiceImpl.execute(ServiceImpl.java:354)`,
      );
    expect(shared('cp')).toEqual(['40001@wecom']);
    expect(shared('mp')).toEqual(['40001']);
  });

  it("the 公众号's English errmsg on the line keeps its code though the WeCom wording is there too", () => {
    // github:dodgepudding/wechat-php-sdk#26 (title)
    expect(labels('自定义菜单 invalid button size 不合法的按钮个数 40016')).toEqual(['40016']);
  });

  it('a code whose wording is the 公众号 one stays the 公众号 code', () => {
    // github:binarywang/weixin-java-miniapp-demo#53
    const text =
      '【错误信息】：错误代码：40003, 错误信息：不合法的 OpenID ，请开发者确认 OpenID （该用户）是否已关注公众号，或是否是其他公众号的 OpenID，微信原始报文：{"errcode":40003,"errmsg":"invalid openid rid: 61b9947b-4eeffea7-4f08b7a6"}';
    expect(labels(text)).toEqual(['40003']);
  });
});

describe('client API errCodes in prose', () => {
  it('the API named on the line', () => {
    // github:wechat-miniprogram/miniprogram-demo#15
    const text =
      '问题现象：使用安卓手机先连接双模蓝牙中的经典蓝牙，让后用小程序Demo去连接双模蓝牙中的BLE，wx.getBLEDeviceServices调用会报错：10004, no service，如果经典蓝牙不连接，则不会报错；';
    expect(labels(text)).toEqual(['10004@wxapi']);
    expect(found(text)[0].entryId).toBe('wxapi:bluetooth:10004');
  });

  it('the API family named two lines above', () => {
    // github:xwm111/wechatminiprogramforbluetooth#1
    const text = [
      '蓝牙读写失败1008',
      '作者你好，你有碰到经常性的10008的错误吗',
      '加延时， 控制 write的时序',
    ].join('\n');
    expect(labels(text)).toEqual(['10008@wxapi']);
  });

  it("another framework's call with no WeChat marker near is not WeChat's", () => {
    // github:dcloudio/uni-app#5209 (snippets.txt, tune): uni-app running as a native Android app
    const text =
      'uni.createBLEConnection在故意多次超时后，调用api立马出现10012超时错误，只有重启app才能正常。目前只有在vivo x70上复现';
    expect(labels(text)).toEqual([]);
  });
});

describe("another service's errmsg", () => {
  it('a Chinese errmsg (unicode escapes decoded) that is none of the code’s texts, no WeChat marker near', () => {
    // github:open-dingtalk/corp_demo_php#3 (snippets.txt, tune): DingTalk's 40089, its title quoting the body
    const text = [
      '配置没问题但是一直提示 errcode":40089,"errmsg',
      'Failed: {"errcode":40089,"errmsg":"\\u4e0d\\u5408\\u6cd5\\u7684corpId\\u6216corpSecret"}',
    ].join('\n');
    expect(labels(text)).toEqual([]);
    expect(extractCodes(text).ignored?.map((i) => [i.code, i.context])).toEqual([
      ['40089', 'errmsg of another service'],
    ]);
  });

  it('a Chinese errmsg that is the code’s own text keeps it', () => {
    // the shape of PHP's json_encode of a WeChat answer with a catalog wording
    expect(labels('{"errcode":45009,"errmsg":"接口调用超过限制"}')).toEqual(['45009']);
  });
});

describe('client errMsg', () => {
  it("an API's :fail followed by one errCode's own text gives that errCode, inferred", () => {
    // github:thundersword/fire-shop-lite#16
    const text = [
      'No template data return, verify the template id exist',
      '2020年01月10日起，新发布的小程序将不能使用模板消息，请开发者迁移至订阅消息功能。',
      'requestSubscribeMessage:fail No template data return, verify the template id exist',
    ].join('\n');
    expect(found(text).map((c) => [labelOf(c), c.entryId, c.inferred])).toEqual([
      ['20001@wxapi', 'wxapi:requestSubscribeMessage:20001', true],
    ]);
  });

  it('the errCode written beside it is the code of record, not a second find', () => {
    const text =
      '{errMsg: "requestSubscribeMessage:fail No template data return, verify the template id exist", errCode: 20001}';
    expect(found(text).map((c) => [labelOf(c), c.inferred])).toEqual([['20001@wxapi', false]]);
  });
});

describe('Pay', () => {
  it("v3's could-not-read-the-field message, quoted without its code, gives PARAM_ERROR", () => {
    // github:binarywang/WxJava#2710 (title)
    const found3 = found(
      'V3报关 无法将 JSON 输入源“/body/order_fee”映射到目标字段“应付金额”中，此字段需要一个合法的 32 位有符号整数',
    );
    expect(found3.map((c) => [labelOf(c), c.inferred])).toEqual([['PARAM_ERROR@pay', true]]);
  });
});

describe('source listings and prose', () => {
  it('declarations on the added lines of a diff', () => {
    // github:JeffreySu/WeiXinMPSDK#3279 (the lines of the catalog's codes)
    const diff = [
      'src/Senparc.Weixin.Open/Senparc.Weixin.Open/Enums.cs:601',
      '```diff',
      '+        不支持个人第三方号进行调用 = 86040,',
      '+        系统错误_请稍后重试 = 89247,',
      '+        第三方没有全网发布的权限集 = 89254,',
      '+        CODE参数无效_请检查CODE长度以及内容是否正确 = 89255,',
      '+    }',
      '```',
    ].join('\n');
    expect(labels(diff)).toEqual(expect.arrayContaining(['89247', '89254', '89255']));
  });

  it('-1 named in Chinese prose as the error WeChat answered', () => {
    // github:binarywang/WxJava#1805
    const text = [
      '第三方平台代公众号实现复用微信公众号资料快速注册小程序接口',
      '*注意，如果要测试此接口，请先发布第三方平台，否则微信会先报-1错误，再报ticket无效错误。*',
    ].join('\n');
    expect(labels(text)).toEqual(['-1']);
  });
});
