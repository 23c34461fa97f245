// Platform evidence and formats that the fourth harvest (bench/data/real/snippets-tune4.txt, tune only)
// showed the extractor missing or misreading. Each case quotes a snippet of that file verbatim (or a verbatim
// part of one, as a pasted log is often cut), its source named above it.
import { extractCodes } from '../../miniprogram/core/extract';
import { labelOf } from '../../bench/data/extract-fixtures';

const labels = (text: string) => extractCodes(text).codes.map(labelOf);
const explicit = (text: string) =>
  extractCodes(text)
    .codes.filter((c) => !c.inferred)
    .map(labelOf);

describe('WeCom evidence that is not a WeCom name', () => {
  it("WeCom's numeric hint id and `from ip:` say WeCom where the devtool link was cut off", () => {
    // github:binarywang/WxJava#3924, the log line up to its `, more info at …` tail (41001 is also the
    // 公众号's access_token missing)
    const text =
      '【错误信息】：错误代码：41001, 错误信息：缺少access_token参数，微信原始报文：{"errcode":41001,"errmsg":"access_token missing, hint: [1773135922491623578308740], from ip: 111.4.87.60';
    expect(labels(text)).toEqual(['41001@wecom']);
    expect(labels('{"errcode":41001,"errmsg":"access_token missing"}')).toEqual(['41001']);
  });

  it("WeChat's own short hint id does not (a 公众号 answer stays WeChat's)", () => {
    // github:bottenderjs/messaging-apis#502
    expect(labels('{\n  "errcode": 40013,\n  "errmsg": "invalid appid hint: [7Bj.La0878e508]"\n}')).toEqual([
      '40013',
    ]);
  });

  it('suite_access_token (a WeCom 服务商 token) makes a corp package’s constants WeCom’s', () => {
    // github:chanxuehong/wechat:corp/error.go
    const text = [
      '// @description wechat 是腾讯微信公众平台 api 的 golang 语言封装',
      '// @link        https://gopkg.in/chanxuehong/wechat.v1 for the canonical source repository',
      '',
      'package corp',
      '',
      'import "fmt"',
      '',
      'const (',
      '\tErrCodeOK                      = 0',
      '\tErrCodeAccessTokenExpired      = 42001 // access_token 过期(无效)返回这个错误',
      '\tErrCodeSuiteAccessTokenExpired = 42009 // suite_access_token 过期(无效)返回这个错误',
      ')',
    ].join('\n');
    expect(labels(text).sort()).toEqual(['42001@wecom', '42009@wecom']);
  });
});

describe('another service’s evidence', () => {
  it("DingTalk's ISV config names (SUITE_KEY) make its 40014 DingTalk's", () => {
    // github:injekt/openapi-demo-php#5 (DingTalk's ISV demo)
    const text = [
      'SUITE_KEY',
      'SUITE_SECRET',
      'TOKEN',
      'APPID',
      'ENCODING_AES_KEY 都已经填写正确。',
      '提示：',
      'var _config = object(stdClass)#9 (2) {',
      '  ["errcode"]=>',
      '  int(40014)',
      '  ["errmsg"]=>',
      '  string(24) "不合法的access_token"',
      '}',
    ].join('\n');
    expect(labels(text)).toEqual([]);
  });
});

describe('a bare code after an error phrase and a colon', () => {
  it('`error occurred: 40007: invalid media_id` is that code, not an inferred one', () => {
    // github:caol64/wenyan-cli#9
    const text =
      'An unexpected error occurred: 40007: invalid media_id hint: [7uyCKA007158-0] rid: 698ea13f-7fddc2d7-08ae5e0c';
    expect(explicit(text)).toEqual(['40007']);
  });

  it('`提示：40007 错误` in a title', () => {
    // github:caol64/wenyan-cli#9
    expect(explicit('# 发布到微信公众号，提示：40007 错误')).toEqual(['40007']);
  });

  it('another key before a colon still names a field, not an error', () => {
    // the noise lines of the extract bench's log: a number after an ordinary key is that field's value
    expect(labels('worker occurred ok, latency: 40007 ms')).toEqual([]);
  });
});

describe('a listing of Pay codes is its own context', () => {
  // github:bittercoffeetech/wechat-trade-js:src/enums/ErrorCodeEnum.ts, from NOAUTH to SIGNERROR: its Pay
  // words (商户…) are in the comments of the first half only
  const enumText = [
    '\t/**',
    '\t * 商户无此接口权限.异常IP请求不予受理',
    '\t */',
    '\tNOAUTH = "NOAUTH",',
    '',
    '\t/**',
    '\t * 编码格式错误',
    '\t */',
    '\tNOT_UTF8 = "NOT_UTF8",',
    '',
    '\t/**',
    '\t * 余额不足',
    '\t */',
    '\tNOTENOUGH = "NOTENOUGH",',
    '',
    '\t/**',
    '\t * 订单处理中，暂时无法退款，请稍后再试',
    '\t */',
    '\tORDER_NOT_READY = "ORDER_NOT_READY",',
    '',
    '\t/**',
    '\t * 订单已关闭',
    '\t */',
    '\tORDERCLOSED = "ORDERCLOSED",',
    '',
    '\t/** 此交易订单号不存在',
    '\t */',
    '\tORDERNOTEXIST = "ORDERNOTEXIST",',
    '',
    '\t/**',
    '\t * 商户订单已支付',
    '\t */',
    '\tORDERPAID = "ORDERPAID",',
    '',
    '\t/**',
    '\t * 商户订单号重复',
    '\t */',
    '\tOUT_TRADE_NO_USED = "OUT_TRADE_NO_USED",',
    '',
    '\t/**',
    '\t * 参数错误',
    '\t */',
    '\tPARAM_ERROR = "PARAM_ERROR",',
    '',
    '\t/**',
    '\t * post数据为空',
    '\t */',
    '\tPOST_DATA_EMPTY = "POST_DATA_EMPTY",',
    '',
    '\t/**',
    '\t * 订单金额或退款金额与之前请求不一致，请核实后再试',
    '\t */',
    '\tREFUND_FEE_MISMATCH = "REFUND_FEE_MISMATCH",',
    '',
    '\t/**',
    '\t * 退款订单查询失败',
    '\t */',
    '\tREFUNDNOTEXIST = "REFUNDNOTEXIST",',
    '',
    '\t/**',
    '\t * 请使用post方法',
    '\t */',
    '\tREQUIRE_POST_METHOD = "REQUIRE_POST_METHOD",',
    '',
    '\t/**',
    '\t * 签名错误',
    '\t */',
    '\tSIGNERROR = "SIGNERROR",',
  ].join('\n');

  it('members beyond the Pay marker’s reach count, while the listing goes on', () => {
    const got = explicit(enumText);
    expect(got).toEqual(
      expect.arrayContaining(['REFUNDNOTEXIST@pay', 'REQUIRE_POST_METHOD@pay', 'SIGNERROR@pay']),
    );
  });

  it('a lone Pay-code-looking name far from any Pay word does not', () => {
    expect(labels('\t/**\n\t * 签名错误\n\t */\n\tSIGNERROR = "SIGNERROR",')).toEqual([]);
  });
});

describe('Chinese wording that describes a number of the text’s own', () => {
  it('an app’s code table names its own codes, not WeChat errors it resembles', () => {
    // github:WintersHan/Vue-vant-demo:src/constants/index.js
    const text = [
      '// 常量写在这里',
      'export const WXAuthCode = {',
      '  SUCCESS: 0, // 成功',
      '  UNAUTHORIZED: 101, // 未授权',
      '  NOT_LOGIN: 102, // 未登录',
      '  UNCONCERNED: 105, // 未关注公众号访问',
      '  ORDER_NOT_EXIST: 2101 // 订单不存在',
      '};',
    ].join('\n');
    expect(labels(text)).toEqual([]);
  });

  it('a comment above a declaration describes the declared number', () => {
    // github:DoudiNCer/lrcat-go:response/response.go (a Feishu bot's codes)
    const text = [
      'const (',
      '\t// 一切正常',
      '\tSUCCESS = 0',
      '\t// 请求体格式错误',
      '\tBAD_REQUEST = 9499',
      '\t// 签名校验失败',
      '\tSIGN_ERR = 19021',
      '\t//关键词校验错误',
      '\tKEY_WORD_ERR = 19024',
      '\t// IP白名单限制',
      '\tIP_ADDR_ERR = 19022',
      ')',
    ].join('\n');
    expect(labels(text)).toEqual([]);
  });

  it('a file:line position is no declaration: the wording beside it is still read', () => {
    // github:w7corp/easywechat#164 (tune part of snippets.txt), its title
    expect(labels("[Wechat]不合法的oauth_code' in /src/Wechat/Http.php:124")).toEqual(['40029']);
  });
});

describe('an app’s enum constant with a number of its own', () => {
  it('is not a Pay code, and its Chinese text names that number', () => {
    // github:wenfengSAT/wenfengSAT-Dubbo:dubbo-api/src/main/java/com/dubbo/api/constant/ErrorCode.java
    const text = [
      '\tORDER_NOT_EXIST("10301", "订单不存在"),',
      '\tAMOUNT_CHECK_ERROR("10302", "金额不相等"),',
      '\tUPDATE_PAY_STATUS_FAIL("10303", "更新订单状态失败"),',
      '\t',
      '\tALIPAY_REQUEST_QRCODE_FAIL("10200", "请求支付宝支付二维码失败"),',
      '\tALIPAY_ISP_UNKNOW_ERROR("20000", "服务不可用"),',
      '\tALIPAY_AOP_INVALID_AUTH_TOKEN("20001", "授权权限不足"),',
      '\tALIPAY_ISV_MISSING_METHOD("40001", "缺少方法名参数"),',
      '\tALIPAY_SV_INVALID_PARAMETER("40002", "非法的参数"),',
      '\tALIPAY_BUSINESS_PROCESSING_FAILED("40004", "业务处理失败"),',
      '\tALIPAY_ISV_INSUFFICIENT_ISV_PERMISSIONS("40006", "权限不足"),',
      '\tALIPAY_ORDER_IS_EXECUTED("10210", "订单号已执行"),',
      '\tALIPAY_SIGN_VERIFIED_FAIL("10211", "支付宝验签异常"),',
      '\tALIPAY_PARAMETER_APPID_CHECK_ERROR("10212", "appId校验失败"),',
      '\tALIPAY_PARAMETER_SELLERID_CHECK_ERROR("10213", "sellerId校验失败"),',
      '\t',
      '\tWEIXIN_SIGN_CHECK_FAIL("10400", "微信支付返回结果签名校验不通过"),',
      '\tWEIXIN_REQUEST_QRCODE_FAIL("10401", "请求微信支付二维码失败"),',
    ].join('\n');
    expect(labels(text)).toEqual([]);
  });
});

describe('Tencent Cloud SCF’s own answer', () => {
  it('its errorMessage is SCF’s, not a wx.cloud function’s timeout code', () => {
    // github:luolongfei/freenom#4
    const text = [
      '返回结果',
      '',
      'Text',
      '{"errorCode":-1,"errorMessage":"Invoking task timed out after 3 seconds","requestId":"179f949c-648a-4746-b828-edf350886988","statusCode":433}',
    ].join('\n');
    expect(labels(text)).toEqual([]);
  });
});
