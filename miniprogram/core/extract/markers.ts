// The platform markers: the names, SDK classes, hosts and answer shapes that say which platform or service a
// piece of text is about, and the spans whose digits are never codes. TextContext (context.ts) places them.
import {
  FOREIGN_EVIDENCE,
  WECHAT_EVIDENCE,
  WECOM_CLASSES,
  WECOM_CORPID,
  WECOM_CORPID_LITERAL,
  WECOM_EVIDENCE,
} from './evidence';

/**
 * Markers of the platform a text is about, by kind. WeCom shares WeChat's body shape but not its meanings;
 * Pay has string codes; Alipay, Douyin, DingTalk, Feishu, Tencent Cloud SCF… have codes of their own.
 * WeCom and foreign markers are matched first and blanked out, so "企业微信" or "qyapi.weixin.qq.com" do not
 * count as WeChat.
 */
// 排查方法: the heading of WeCom's error-code tool (错误码 / 错误说明 / 排查方法), pasted as it is.
export const WECOM_CJK = /企业微信|企微|企业号|排查方法/g;
const WECOM_NAMES =
  /wecom|wework|enterprise[_ ]?we[_ ]?chat|\b(?:wechat ?work|work ?wechat|wechatcom|work\.weixin|qyapi\.weixin|weixin\.cp\b|WxCp[A-Z]|wx\.qy\.|qy_?wechat|Senparc\.Weixin\.Work|wxwork|wx_?work\b|work_?wx\b|qywx\b|qy_?weixin|weixin_?qy\b|qy_(?:client|api|wechat)|open-work)/gi;
export const FOREIGN_CJK =
  /支付宝|蚂蚁金服|抖音|字节跳动|百度小程序|百度智能小程序|钉钉|飞书|QQ ?小程序|快手|淘宝|腾讯云函数/g;
const FOREIGN_NAMES =
  /alipay|dingtalk|feishu|\b(?:isv\.[a-z]|douyin|toutiao|bytedance|smartprogram\.baidu|swan\.|larksuite|lark\b|q\.qq\.com|kuaishou|taobao|my\.request|SCF\b|user code exception|UserCodeError|sub_?code\b|sub_?msg\b|sub[CM][a-z]+\b|Business Failed|Invalid Arguments|ACQ\.|tenant_?access_?token|tenantAccessToken|app_access_token)/gi;
export const WECHAT_CJK = /微信|小程序|公众号|云开发/g;
const WECHAT_NAMES =
  /weixin|wechat|\b(?:wx[.\-_A-Z]|Wx[A-Z]|cloud\.|jscode2session|code2session|getaccesstoken|rid\s*:)/gi;
/** Names, then the answer shapes and SDK names of evidence.ts, each kind as one pattern (one pass). */
const joined = (...res: RegExp[]) => new RegExp(res.map((re) => re.source).join('|'), 'gi');
export const WECOM_ASCII = joined(WECOM_NAMES, WECOM_EVIDENCE, WECOM_CORPID, WECOM_CLASSES);
/** WECOM_ASCII without WECOM_CORPID: the same matches in a text that lacks its literal. */
const WECOM_ASCII_COMMON = joined(WECOM_NAMES, WECOM_EVIDENCE, WECOM_CLASSES);
/** The WeCom ASCII pattern to run over a text: the full one only where `ValidateCorpid` occurs. */
export const wecomAsciiFor = (text: string): RegExp =>
  WECOM_CORPID_LITERAL.test(text) ? WECOM_ASCII : WECOM_ASCII_COMMON;
export const FOREIGN_ASCII = joined(FOREIGN_NAMES, FOREIGN_EVIDENCE);
export const WECHAT_ASCII = joined(WECHAT_NAMES, WECHAT_EVIDENCE);
/**
 * WxJava's shared error text, printed for every platform it serves (公众号, 小程序, 企业微信, Pay…): it names
 * none of them, so the package of the calling module (weixin.mp, weixin.cp) or the text around decides.
 */
export const SHARED_SDK_TEXT =
  /me\.chanjar\.weixin\.common\b|weixin-java-common|WxErrorException|微信原始报文/g;
/** Pay markers: only decide whether a string code (PARAM_ERROR, ORDERPAID) may be a Pay code. */
export const PAY_CJK = /微信支付|商户|付款码|企业付款|支付(?!宝)|微信.{0,6}(?:付款|退款|转账|下单)/g;
export const PAY_ASCII =
  /\/v3\/pay\/|\\?"detail\\?"\s*:\s*\{|\b(?:wechat ?pay|wxpay|tenpay|WxPay[A-Z]|api\.mch\.weixin|pay\.weixin|mch_?id|out_trade_no|prepay_id|return_code|result_code|err_code_des|err_code\b|unifiedorder|requestPayment|getBrandWCPayRequest|com\.wechat\.pay|wechatpay-|Wrong HttpStatusCode|ERROR_BUSINESS: Wechat|Payment\._parse|Gateways[\\/]+Wechat)/gi;
/** Each kind as one pattern, for short texts (a clause); big texts are scanned with the two halves apart. */
const either = (cjk: RegExp, ascii: RegExp) => new RegExp(`${cjk.source}|${ascii.source}`, 'gi');
const WECOM = either(WECOM_CJK, WECOM_ASCII);
const FOREIGN = either(FOREIGN_CJK, FOREIGN_ASCII);
const WECHAT = either(WECHAT_CJK, WECHAT_ASCII);
const PAY = either(PAY_CJK, PAY_ASCII);
/**
 * Non-WeChat error systems whose numbers sit next to error words: Node syscalls, MySQL (driver codes, the
 * mysql client's "ERROR 1062 (23000)", duplicate-key values), Postgres, Oracle.
 */
export const FOREIGN_ERROR =
  /\bE(?:CONNREFUSED|NOTFOUND|TIMEDOUT|CONNRESET|ADDRINUSE|PIPE|ACCES)\b|\bER_[A-Z_]{3,}|sqlState|SQLSTATE|\bORA-\d|\bERROR \d{4} \([0-9A-Z]{5}\)|\bDuplicate entry '|\bduplicate key value violates/;

/**
 * A marker that would hold a line break: a text with one is marked whole (see markRepeats). The patterns
 * whose spaces (\s) may cross one: rid\s*:, Pay's "detail"\s*:\s*{, and evidence.ts's hint ids
 * (hints?\s*:\s*[\s*…\s*]) and `from ip\s*:`. Looser than them (no word boundary, any id), so none is missed.
 */
export const MARKER_ACROSS_LINES = new RegExp(
  [
    /rid\s*\n\s*:/,
    /"detail\\?"\s*\n\s*:|"detail\\?"\s*:\s*\n\s*\{/,
    /hints?\s*\n\s*:|hints?\s*:\s*\n|hints?\s*:\s*\[\s*\n|hints?\s*:\s*\[\s*\d{10}[\w*]*\s*\n/,
    /from ip\s*\n\s*:/,
  ]
    .map((re) => re.source)
    .join('|'),
  'i',
);

/** Trace ids, hints, URLs, UUIDs and long hex: spans whose digits are never codes. */
export const MASKED =
  /\brid\s*[:：]\s*[0-9A-Za-z]{6,10}(?:-\s*[0-9A-Za-z]{6,10}){1,3}|\bhints?\s*[:：]\s*\[[^\]\n]{0,80}\]?|\breq_?id\s*[:：=]\s*[\w.-]+|\brequest_?id\s*[:：=(]\s*[\w.-]+|\b(?:https?|wss?|mongodb|redis|mysql):\/\/[^\s"'<>)\]}]+|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;

export enum Marks {
  Unknown = 0,
  None = 1,
  Wechat = 2,
  Foreign = 4,
  Blank = 8,
  Wecom = 16,
  Pay = 32,
}

/** Which platform markers a text holds (Marks bits, or 0). */
export function markersOf(text: string): number {
  let m = 0;
  if (test(WECOM, text)) m |= Marks.Wecom;
  if (test(FOREIGN, text)) m |= Marks.Foreign;
  if (test(PAY, text)) m |= Marks.Pay;
  const rest = m & (Marks.Wecom | Marks.Foreign) ? text.replace(WECOM, ' ').replace(FOREIGN, ' ') : text;
  if (test(WECHAT, rest)) m |= Marks.Wechat;
  return m;
}

const PATTERN: Partial<Record<Marks, RegExp>> = {
  [Marks.Foreign]: FOREIGN,
  [Marks.Wecom]: WECOM,
  [Marks.Wechat]: WECHAT,
  [Marks.Pay]: PAY,
};

/** The first marker of that kind in a text (a WeChat one only outside WeCom and foreign markers). */
export function firstMarker(text: string, bit: Marks): string {
  const re = PATTERN[bit] as RegExp;
  const source = bit === Marks.Wechat ? text.replace(WECOM, ' ').replace(FOREIGN, ' ') : text;
  re.lastIndex = 0;
  const m = re.exec(source);
  re.lastIndex = 0;
  return m ? m[0].trim() : '';
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
