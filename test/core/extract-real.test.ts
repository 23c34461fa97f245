// Formats seen in real threads (issue 10) and WeCom / Pay / client-API attribution (issue 9), each on text
// copied verbatim from a public issue thread or source file (named above each case). These snippets were
// found for these tests; they are not part of the real-snippet corpus in bench/data/real.
import { bundledCatalog, type Catalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

/** The bundled catalog: it has the WeCom, Pay and client-API platforms (ids wecom:60020, payv3:PARAM_ERROR…). */
const scoped = bundledCatalog();
const labels = (text: string, catalog?: Catalog) => extractCodes(text, { catalog }).codes.map(labelOf);

describe('formats seen in real threads', () => {
  it('a code in parentheses after its errmsg, or joined to it by a dash', () => {
    // github:Eric-Guo/wechat#23
    expect(
      labels('在rails中，使用直接使用Wechat.api来处理，token容易过期，出现invalid credential(40001)错误。'),
    ).toEqual(['40001']);
    // github:JeffreySu/WeiXinMPSDK#252
    expect(labels('刚更新了一篇文章，可以参考一下：《解决OAuth出现40029(invalid code)错误》')).toEqual([
      '40029',
    ]);
    expect(
      labels(
        'OAuthApi.GetAuthorizeUrl  ,加上addConnectRedirect还是会有40029-invalid code的问题，不知道怎么解决',
      ),
    ).toEqual(['40029']);
    // A call with a number in parentheses is not a code: github:yorkie/react-native-wechat#467 style noise.
    expect(labels('at Object.handle(40001) in worker')).toEqual([]);
  });

  it('other key names: returnCode, error_code, errCode, err_code, errorCode in exceptions', () => {
    // github:UxxHans/Rainbow-Cats-Personal-WeChat-MiniProgram#71
    expect(
      labels(
        '{"errCode":40003,"errMsg":"openapi.subscribeMessage.send:fail invalid openid rid: 65ee7d3d-68cd9db2-11da2bb5"}',
      ),
    ).toEqual(['40003']);
    // github:w7corp/easywechat#163
    expect(
      labels(
        '[2015-11-16 12:13:14] local.ERROR: Push job crashed. {0} ["[object] (Overtrue\\\\Wechat\\\\Exception(code: 42001): [Wechat]access_token超时，请检查access_token的有效期，',
      ),
    ).toEqual(['42001']);
    // github:ncmonl/BlogSource:threee-way-login-error-code.md (a Weibo table: error_code of another service)
    expect(
      labels(
        '## Weibo Login OAuth2.0 ##  \n| 错误码(error) | 错误编号(error_code) | 错误描述(error_description) |\n| --- | ---- | ---- |\n|redirect_uri_mismatch|21322|重定向地址不匹配 ',
      ),
    ).toEqual([]);
  });

  it('a code in brackets before its text, in a PHP exception message', () => {
    // github:overtrue/laravel-wechat#7
    const php =
      "[2015-04-30 18:52:31] local.ERROR: exception 'Overtrue\\Wechat\\Exception' with message '[Wechat][43002] 43002 需要POST请求' in /var/www/meishenghuo/web/vendor/overtrue/wechat/src/Wechat/Http.php:91";
    expect(labels(php)).toEqual(['43002']);
  });

  it('exception text: SomeError: 40001: msg and WeChatClientException: Error code: 60020, message: …', () => {
    // github:doraemonext/wechat-python-sdk#70
    expect(
      labels(
        'OfficialAPIError: 40001: invalid credential, access_token is invalid or not latest hint: [9.ZaUa0975vr21]',
      ),
    ).toEqual(['40001']);
    // github:mostlittlebee/chatgpt-on-wecom#9
    const wecom =
      'wechatpy.exceptions.WeChatClientException: Error code: 60020, message: not allow to access from your ip, hint: [1680743372339601936772701], from ip: 139.227.20.128, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    expect(labels(wecom, scoped)).toEqual(['60020@wecom']);
    const [found] = extractCodes(wecom, { catalog: scoped }).codes;
    expect(found).toEqual(
      expect.objectContaining({ platform: 'wecom', entryId: 'wecom:60020', ip: '139.227.20.128' }),
    );
  });

  it('tables of codes with their descriptions', () => {
    // github:Xm-Soft/XmSoft.AspNetCore.WxApi:XmSoft.AspNetCore.WxApi/Response/Subscribe/WxApiSendSubscribeResponse.cs
    const table =
      '        //code:\n        // 40003\ttouser字段openid为空或者不正确\t\n        //40037\t订阅模板id为空不正确\t\n        //43101\t用户拒绝接受消息，如果用户之前曾经订阅过，则表示用户取消了订阅关系\t\n        //47003\t模板参数不准确，可能为空或者不满足规则，errmsg会提示具体是哪个字段出错\t\n        //41030\tpage路径不正确，需要保证在现网版本小程序中存在，与app.json保持一致';
    expect(labels(table).sort()).toEqual(['40003', '40037', '41030', '43101', '47003']);
  });

  it('enum and constant declarations in source code', () => {
    // github:dhssingle/WeChat:Enums/ErrorCode.cs
    const cs =
      'namespace WeChat.MiniProgram\n{\n    public enum ErrorCode\n    {\n        touser不是正确的openid = 40003,\n        appid不正确或者不符合绑定关系要求 = 40013,\n        模板id不正确 = 40037,\n        form_id过期或者不正确 = 41028,\n        form_id已被使用 = 41029,\n        page不正确 = 41030,\n        接口调用超过限额 = 45009\n    }\n}';
    expect(labels(cs)).toEqual(['40003', '40013', '40037', '41028', '41029', '41030', '45009']);
    // github:Pumplabs/scrm:scrm-server/scrm-common/src/main/java/com/scrm/common/exception/ErrorMsgEnum.java
    expect(labels('    CODE_40001(40001, "access_token 无效或 AppSecret 错误"),')).toEqual(['40001']);
    // github:fy1236253/wxtuitui:src/mp/error.go — a name that spells the errmsg
    expect(labels('\tErrCodeInvalidCredential  = 40001 // access_token 过期(无效)返回这个错误')).toEqual([
      '40001',
    ]);
    // github:xjellyx/gorm-gin-admin:src/pkg/codes/code.go — an app's own codes, nothing says WeChat
    expect(
      labels(
        'const (\n\tCodeSuccess          = 20000 // 处理成功\n\tCodeParamInvalid     = 40000 // 参数非法\n\tCodeTokenInvalid     = 40001\n\tCodeProcessingFailed = 40002 // 逻辑处理错误\n\tCodeIPAddressInvalid = 40003 // ip地址不正确\n)',
      ),
    ).toEqual([]);
  });

  it('a bare code followed by its official text', () => {
    // github:w7corp/easywechat#344
    expect(labels('客服相关的操作 ： 在线客服  添加客服 请求客服列表  都是 -1  system error')).toEqual([
      '-1',
    ]);
    // github:sbzhu/weworkapi_python#16 (a WeCom SDK; the text names no platform, but its hint id has WeCom's
    // shape, seconds_n_hex32: see extract/evidence.ts)
    expect(
      labels(
        '执行的时候报：40001 invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]...',
      ),
    ).toEqual(['40001@wecom']);
  });

  it('codes in cloud and database traces after :fail', () => {
    // github:Voyzz/Fruit-store-mp#8
    expect(
      labels(
        '1.Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.',
      ),
    ).toEqual(['-502005']);
    // github:TencentCloudBase/cloudbase-extension-cms#93
    expect(labels('{"errCode":-501007,"errMsg":"subscribeMessage.send:fail Invalid request param"}')).toEqual(
      ['-501007'],
    );
    // github:qiushi123/xiaochengxu_demos#6
    expect(
      labels(
        '提交失败 Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID f787ec64-af9b-11ea-b2f7-5254001c5def, cloud function service error code -504002, error message Error: 签名错误',
      ).sort(),
    ).toEqual(['-404011', '-504002']);
  });

  it("WeCom's more info at …/devtool/query?e=N", () => {
    // github:zyh94946/wx-msg-push-tencent#8
    const text =
      '触发API网关访问，提示Send msg return errcode, errcode: 60020 errmsg: not allow to access from your ip, hint: [1662317178339603627481038], from ip: 114.132.235.244, more info at https://open.work.weixin.qq.com/devtool/query?e=60020\\';
    const [found] = extractCodes(text, { catalog: scoped }).codes;
    expect(found).toEqual(expect.objectContaining({ code: '60020', platform: 'wecom', occurrences: 1 }));
    // github:zhayujie/CowAgent#1728 — "[WX]" on the line, but the URL is WeCom's
    expect(
      labels(
        '[ERROR][2024-02-02 12:38:36][chat_channel.py:314] - [WX] sendMsg error: Error code: 60020, message: not allow to access from your ip, hint: [1706848717432011565347844], from ip: x.x.x.x, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
        scoped,
      ),
    ).toEqual(['60020@wecom']);
  });

  it('codes in Chinese prose', () => {
    // github:w7corp/easywechat#5
    expect(
      labels(
        '今天开始，授权时候一直报40029，invalid  code的错误，是我配置错误还是使用错误？？？之前一直很好的在使用，没有问题。。。BTW，谢谢楼主分享这个包',
      ),
    ).toEqual(['40029']);
    // github:crmeb/crmeb_java#23
    expect(labels('小程序微信登录失败 错误代码 40029 invalid code')).toEqual(['40029']);
  });
});

describe('WeCom context', () => {
  it('企业号, 企业微信, WxCp, WechatWork give the WeCom meaning', () => {
    // github:chanjarster/weixin-java-tools#223
    expect(labels('企业号 经常报异常：【微信错误 errcode=40029, errmsg=invalid code】', scoped)).toEqual([
      '40029@wecom',
    ]);
    // github:dcloudio/uni-app#1722
    expect(
      labels(
        '企业微信小程序在小程序端登录使用的是wx.qy.login(Object object),而在小程序端使用的是wx.login(Object object),区别就是会导致后台使用了企业微信小程序获取的access_token在获取用户userId时报错误代码：40029, 错误信息：不合法的oauth_code',
        scoped,
      ),
    ).toEqual(['40029@wecom']);
    // github:other-blowsnow/n8n-nodes-wechat-work#8
    expect(labels('WechatWork Error: 40014, invalid access_token', scoped)).toEqual(['40014@wecom']);
  });
});

describe('not every number is WeChat’s', () => {
  it("Tencent Cloud SCF's errorCode body", () => {
    // github:xiaomustudent/glados-checkin#21
    const scf =
      '{\n\n  "errorCode": -1,\n\n  "errorMessage": "user code exception caught",\n\n  "stackTrace": "Traceback (most recent call last):\\n  File \\"/var/user/index.py\\", line 36, in main_handler\\n    return start()",\n\n  "statusCode": 430\n\n}';
    const result = extractCodes(scf);
    expect(result.codes).toEqual([]);
    expect(result.ignored?.[0]).toEqual(
      expect.objectContaining({ code: '-1', context: 'Tencent Cloud SCF body' }),
    );
    // github:JunzhouLiu/BILIBILI-HELPER-PRE#5
    expect(
      labels('求助，测试运行，报错\nResult:{"errorCode":-1,"errorMessage":"UserCodeError","statusCode":443}'),
    ).toEqual([]);
  });

  it('Alipay, Feishu and an app’s own code', () => {
    // github:alipay/alipay-sdk-nodejs-all#109
    const alipay = "{\n  code: '40002',\n  msg: 'Invalid Arguments',\n  subCode: 'isv.invalid-signature',";
    expect(labels(alipay)).toEqual([]);
    // github:cso1z/Feishu-MCP#17
    expect(
      labels(
        '但当我调用飞书mcp时报错：搜索飞书文档失败: 获取飞书访问令牌失败：invalid param (错误码: 10003) (错误码: -1)',
      ),
    ).toEqual([]);
    // github:sunshine824/Nestjs-Cli-Serve#2
    expect(
      labels(
        '你好，我在登录的时候出现了 {"code":401,"data":null,"message":"Unauthorized","status":true} ， 这是什么问题',
      ),
    ).toEqual([]);
    expect(extractCodes('{"code":40001,"message":"Unauthorized"}').ignored?.[0]?.context).toBe(
      'app-specific code',
    );
  });

  it("a client API's errCode is that API's", () => {
    // github:ClrsDream/WX_Bluetooth:README.md
    const text =
      '    2)蓝牙在扫描过程中，再次启动扫描wx.startBluetoothDevicesDiscovery(OBJECT)：fail，errCode=10008。';
    expect(extractCodes(text, { catalog: scoped }).codes[0]).toEqual(
      expect.objectContaining({ code: '10008', platform: 'wxapi', entryId: 'wxapi:bluetooth:10008' }),
    );
    // Without that API on the line, 10008 is not a Bluetooth code.
    expect(labels('errCode=10008', scoped)).not.toContain('10008@wxapi');
  });
});

describe('Pay in all its shapes', () => {
  it('a v3 body with its HTTP status (ServiceException)', () => {
    // github:wechatpay-apiv3/wechatpay-java#245
    const text =
      'com.wechat.pay.java.core.exception.ServiceException: Wrong HttpStatusCode[500]\nhttpResponseBody[{"code":"SYSTEM_ERROR","message":"系统繁忙，请稍后重试"}] ';
    expect(extractCodes(text, { catalog: scoped }).codes).toEqual([
      expect.objectContaining({
        code: 'SYSTEM_ERROR',
        platform: 'payv3',
        http: 500,
        entryId: 'payv3:SYSTEM_ERROR',
      }),
    ]);
  });

  it('a v3 body relayed by an SDK, and SDK exceptions with the v2 code', () => {
    // github:TheNorthMemory/wechatpay-axios-plugin#38
    const v3 =
      '`{\\"code\\":\\"PARAM_ERROR\\",\\"detail\\":{\\"location\\":\\"body\\",\\"value\\":0.01},\\"message\\":\\"无法将 JSON 输入源“/body/amount/total”映射到目标字段“总金额”中，此字段需要';
    expect(labels(v3, scoped)).toEqual(['PARAM_ERROR@pay']);
    // github:befinal/node-tenpay#55
    expect(
      labels(
        'server error Error: ORDERPAID\n    at Payment._parse (E:\\nodeproject\\everprint\\node_modules\\_tenpay@2.1.6@tenpay\\lib\\index.js:74:51)',
        scoped,
      ),
    ).toEqual(['ORDERPAID@pay']);
    // github:yansongda/pay#279
    expect(
      labels('ERROR_GATEWAY: ERROR_BUSINESS: Wechat Business Error: ORDERPAID - order paid', scoped),
    ).toEqual(['ORDERPAID@pay']);
  });

  it('v2 XML: a FAIL with its Chinese return_msg gives the Pay code, inferred', () => {
    // github:binarywang/WxJava#3351
    const xml =
      '返回代码：[FAIL]，返回信息：[签名错误，请检查后再试]，微信返回的原始报文：\\n<xml><return_code><![CDATA[FAIL]]></return_code>\\n<return_msg><![CDATA[签名错误，请检查后再试]]></return_msg>\\n</xml>';
    const codes = extractCodes(xml, { catalog: scoped }).codes;
    expect(codes.map((c) => [labelOf(c), c.inferred])).toEqual([['SIGNERROR@pay', true]]);
  });

  it('a string code outside a Pay context is not a Pay code', () => {
    // github:apecloud/ApeRAG#1963 — another service's string code
    expect(
      labels(
        '{"success":false,"error_code":"DATABASE_ERROR","code":1050,"message":"数据库出现错误，请稍后重试。"}',
        scoped,
      ),
    ).toEqual([]);
    expect(labels('SYSTEM_ERROR 系统繁忙，请稍后重试', scoped)).toEqual([]);
  });
});

describe('inference from Chinese wording', () => {
  it('gives the code of a catalog text, inferred; several candidates ranked', () => {
    const [exact] = extractCodes('接口调用超过限制').codes;
    expect(exact).toEqual(expect.objectContaining({ code: '45009', inferred: true, score: 1 }));
    const close = extractCodes('今日接口调用次数已达上限').codes;
    expect(close.length).toBeGreaterThanOrEqual(1);
    expect(close.every((c) => c.inferred)).toBe(true);
    expect(close.map((c) => c.score ?? 0)).toEqual([...close.map((c) => c.score ?? 0)].sort((a, b) => b - a));
    expect(close.map((c) => c.code)).toContain('45011');
  });

  it('does not infer from a fragment of longer prose, or when a code is already there', () => {
    expect(labels('我们的服务跑在 40001 端口上，进程号 45011，昨天处理了 40029 个请求，没有报错。')).toEqual(
      [],
    );
    expect(extractCodes('{"errcode":45009,"errmsg":"接口调用超过限制"}').codes).toHaveLength(1);
  });
});
