// Formats that the second harvest (bench/data/real/snippets-tune2.txt, tune only) showed the extractor
// missing or misreading. Each case quotes a snippet of that file verbatim, its source named above it.
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

const found = (text: string) => extractCodes(text).codes;
const labels = (text: string) => found(text).map(labelOf);

describe('constants classes and enums', () => {
  it('a block whose codes are mostly WeChat-named carries its plainly named ones too', () => {
    // github:GongSong/kzweixin_SOHU:src/main/java/com/kuaizhan/constant/WxErrCode.java
    const java = [
      'public class WxErrCode {',
      '    // 无效模板id',
      '    public static final int INVALID_TEMPLATE_ID = 40037;',
      '    // 模板消息数量达到上限',
      '    public static final int TEMPLATE_NUM_EXCEEDS_LIMIT = 45026;',
      '    // 添加的模板与行业设置冲突',
      '    public static final int TEMPLATE_INDUSTRY_CONFLICT = 45027;',
      '    // App Secret错误或App Secret不属于此公众号',
      '    public static final int INVALID_APP_SECRET = 40001;',
      '    // 调用接口的IP地址不在白名单中',
      '    public static final int IP_NOT_IN_WHITELIST = 40164;',
      '}',
    ].join('\n');
    expect(labels(java)).toEqual(['40037', '45026', '45027', '40001', '40164']);
  });
});

describe('WeCom', () => {
  it('WeiXin_Qy (the 企业号 API name) marks WeCom', () => {
    // github:DingGuodong/LinuxBashShellScriptForOps#1 (snippets-tune2c.txt)
    const log =
      "<class 'sqlite3.OperationalError'> : no such table: weixin_token\nWeiXin_Qy Api Error, result is {u'errcode': 40013, u'errmsg': u'invalid corpid'}";
    expect(labels(log)).toEqual(['40013@wecom']);
  });

  it('the Error-Code response header of a WeCom answer gives its WeCom code', () => {
    // github:ZacharyJia/serverchan#2 (the header lines of the paste)
    const headers = [
      'HTTP/1.1 200 OK',
      'Connection: keep-alive',
      'Error-Code: 60111',
      'Content-Type: application/json; charset=UTF-8',
      'Content-Length: 218',
    ].join('\n');
    expect(found(headers).map((c) => [labelOf(c), c.entryId, c.context])).toEqual([
      ['60111@wecom', 'wecom:60111', 'Error-Code header'],
    ]);
  });

  it("the error-code tool's 错误说明 / 排查方法 text pasted as it is gives the WeCom meaning", () => {
    // github:Squaregentleman/mimotion#69
    const tool = [
      '错误说明:',
      '无权限操作指定的应用',
      '排查方法:',
      '错误码：301002',
      '无权限操作指定的应用。access_token来源需要有指定应用的权限。',
    ].join('\n');
    expect(found(tool).map((c) => [labelOf(c), c.entryId])).toEqual([['301002@wecom', 'wecom:301002']]);
    // github:NotFound403/wecom-sdk#22
    const sdk = [
      'INVALID_ACCESS_TOKEN error_code 从42001变成了40014',
      '```',
      'API错误码',
      '40014',
      '错误说明:',
      '不合法的access_token',
      '排查方法:',
    ].join('\n');
    expect(labels(sdk)).toEqual(['42001@wecom', '40014@wecom']);
  });
});

describe('WeChat Pay', () => {
  it('a v3 body {"code":"…","message":…} in WeChat text is a Pay answer, whatever its message says', () => {
    // github:cloudreve/cloudreve#2491
    const log =
      '内部错误 (Failed to create payment) (failed to create checkout: failed to create wechat trade: {"code":"INVALID_REQUEST","message":"请求内容传入了非UTF8参数"})';
    expect(found(log).map((c) => [labelOf(c), c.entryId])).toEqual([
      ['INVALID_REQUEST@pay', 'payv3:INVALID_REQUEST'],
    ]);
  });
});

describe('listings', () => {
  it('a description that writes "invalid" in Chinese before the field name is the code’s text', () => {
    // github:other-blowsnow/n8n-nodes-wechat-offiaccount#2 (snippets.txt, tune part)
    const reply =
      'https://developers.weixin.qq.com/doc/offiaccount/Getting_Started/Global_Return_Code.html\n\n40125 | 无效的appsecret\n\n错误码 请自行查看官方文档';
    expect(labels(reply)).toEqual(['40125']);
  });
});

describe('errmsgs quoted without their errcode', () => {
  it('the words before WeChat’s own suffix (hint: [...], view more at …, rid:) are an errmsg', () => {
    // github:node-webot/co-wechat-api#66
    const err = found('WeChatAPIError: invalid appid hint: [ZE0810ge30]\nv3.3.0 版本在8.3.0上');
    expect(err.map((c) => [labelOf(c), c.inferred])).toEqual([['40013', true]]);
    // github:iamxjb/winxin-app-watch-life.net#23
    const block = found(
      '```\ninvalid appsecret, view more at http://t.cn/RAEkdVq, hints: [ req_id: jtjo.a0275shc1 ]\n```',
    );
    expect(block.map((c) => [labelOf(c), c.inferred])).toEqual([['40125', true]]);
  });
});

describe('success is not an error', () => {
  it('请求成功 beside a success constant infers nothing (0 is never reported)', () => {
    // github:jayecc/wechat:error.go
    const go =
      'const (\n\tErrCodeOK = 0 // 请求成功\n)\n\ntype Error struct {\n\tErrCode int64  `json:"errcode"`\n\tErrMsg  string `json:"errmsg"`\n}';
    expect(labels(go)).toEqual([]);
  });
});

describe('bare codes in prose', () => {
  it('a warning about a code is an error word too (警告, warning)', () => {
    // github:binarywang/WxJava#3612
    expect(
      labels('perf:【小程序】不再打印发订阅消息的“43101用户未订阅消息”警告日志\n日志量较大，没太大必要'),
    ).toEqual(['43101']);
  });

  it('a WARN log level is not an error word: a bare number on that line stays a number', () => {
    // a line of the scan-stream bench log: every log line has a level, so WARN says nothing about the number
    expect(
      labels(
        '2024-03-12 10:01:52.369  WARN 48213 --- [nio-8080-exec-191] c.e.shop.web.CartController      : cart 72028 has an item out of stock',
      ),
    ).toEqual([]);
  });
});

describe('Pay v3 messages without their code', () => {
  it('the field-rule message 输入源“…”映射到字段“…”…规则校验失败 is PARAM_ERROR', () => {
    // github:hpyer/node-easywechat#69
    const title =
      '最新版 3.5.20 微信支付一直报 输入源“/appid”映射到字段“公众号ID”必填性规则校验失败,此字段为必填项';
    expect(found(title).map((c) => [labelOf(c), c.inferred, c.entryId])).toEqual([
      ['PARAM_ERROR@pay', true, 'payv3:PARAM_ERROR'],
    ]);
  });
});

describe('Pay wording inside other failures', () => {
  it('a Pay SDK message inside a cloud-function failure still names its Pay code', () => {
    // github:qiushi123/xiaochengxu_demos#6 (snippets.txt, tune part)
    const trace =
      '提交失败 Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID f787ec64-af9b-11ea-b2f7-5254001c5def, cloud function service error code -504002, error message Error: 签名错误\n    at Payment._parse (:26337/var/user/node_modules/tenpay/lib/index.js:89)';
    expect(found(trace).map((c) => [labelOf(c), c.inferred])).toEqual([
      ['-404011', false],
      ['-504002', false],
      ['SIGNERROR@pay', true],
    ]);
  });
});

describe('wording that names no WeChat code', () => {
  it('an app’s own error table (message beside an HTTP status) infers nothing from its Chinese', () => {
    // github:v0y4g3r/redis-server:errors/errorCode.js
    const table = [
      'module.exports = {',
      '\t"ENULLOID": {"message": "微信ID为空", "status": "400"},',
      '\t"ENULLUID": {"message": "用户ID为空", "status": "404"},',
      '\t"EOIDEXISTS": {"message": "微信ID已经绑定", "status": "400"},',
      '\t"EREDISERR": {"message": "服务器错误！", "status": "500"},',
      '}',
    ].join('\n');
    expect(labels(table)).toEqual([]);
  });

  it('generic advice (请检查后再试) is no code’s wording', () => {
    // github:binarywang/weixin-java-pay-demo#99
    expect(
      labels('签名错误，请检查后再试\n我从官网校验是校验通过的').filter((l) => !l.endsWith('@pay')),
    ).toEqual([]);
  });
});

describe('numbers of other services', () => {
  it('an unmarked -1 under a generic key is not WeChat’s, unless WeChat’s own text is beside it', () => {
    // github:fanmingming/live#330 (an IPTV player)
    expect(
      labels('直播错误代码-1\n错误代码-1  或者 2001\n\n估计是运营商从光猫入手了   移动数据没有问题'),
    ).toEqual([]);
    // github:NervJS/taro#14065: a wx.cloud failure keeps its -1 (WeChat text on the line)
    expect(
      labels(
        "WAServiceMainContext.js?t=wechat&s=1687701744597&v=2.32.2:1 Error: errCode: -1  | errMsg: Cloud API isn't enabled, please call wx.cloud.init first",
      ),
    ).toEqual(['-1']);
  });
});
