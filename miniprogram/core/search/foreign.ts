// Queries about another service ("钉钉推送问题", "Alipay Sign Verify FAILED", "状态码：429", "exit code 1"):
// the catalog holds only WeChat's codes, so such a query gets "no match" (and suggestions), not WeChat
// codes that share a generic word ("access_token", "签名"). Pure TypeScript, on folded text, no lookbehind.

/**
 * Other platforms, by name (Han names need no word boundary; English ones do: "lark" not in "clark"). 百度 only
 * as a product (百度小程序, 百度地图): "百度到的 ip" is a web search. xhs.* is 小红书's mini-program API. Other
 * backends-as-a-service (Firebase, Appwrite, Supabase) answer instead of 云开发, also as class names (AppwriteException);
 * other messaging and mail services (WhatsApp, Telegram, Slack, Twilio, Gupshup…) instead of WeChat's messages.
 */
const OTHER_SERVICES =
  /支付宝|钉钉|飞书|抖音|字节跳动|今日头条|快手|小红书|百度(?=小程序|智能|地图|支付|账号|帐号|开放|云|统计|推送|ai)|银联|云闪付|\bxhs\.[a-z]|\b(?:alipay|dingtalk|dingding|lark|larksuite|feishu|douyin|tiktok|bytedance|kuaishou|baidu|unionpay|apple pay|google pay|paypal|stripe|razorpay)\b|\b(?:firebase|appwrite|supabase)|\b(?:whatsapp|telegram|slack|discord|twilio|gupshup|sendgrid|mailgun)\b/;
/**
 * Not an error code of any WeChat table: an HTTP status ("状态码：429", "http 502", "invalid status code: -1",
 * "400 Bad Request", "错误码:404，错误原因:Not Found", "500 Server Error", "Erreur 500", PHP's "[error] => 401")
 * or a process exit code. Blanked out of the query; alone (no WeChat code beside it) it means
 * another kind of error.
 */
export const NOT_A_WECHAT_CODE =
  /(?:状态码|http(?: status)?(?: code)?)\s*[:：]?\s*[1-5]\d\d\b|\bstatus code\s*[:：]?\s*-?\d+|\b[1-5]\d\d\b[^\w\n]{0,3}(?:错误原因\s*[:：]?\s*)?(?:bad request|unauthorized|forbidden|not found|method not allowed|too many requests|(?:internal )?server error|bad gateway|service unavailable|gateway time-?out)\b|\b(?:erreur|error)\]?\s*(?:=>\s*)?[1-5]\d\d\b|\bexit (?:code|status) \d+/g;
/** Substrings one of which every match of NOT_A_WECHAT_CODE holds, besides a digit (see mayNameOtherCode). */
const OTHER_CODE_WORDS = [
  '状态码',
  'http',
  'status code',
  'bad request',
  'unauthorized',
  'forbidden',
  'not found',
  'method not allowed',
  'too many requests',
  'bad gateway',
  'service unavailable',
  'gateway time',
  'erreur',
  'error',
  'exit ',
];
const DIGIT = /\d/;

/**
 * False when NOT_A_WECHAT_CODE cannot match the folded text. Its first use compiles it, ~2 ms in a fresh
 * process without a JIT: most first queries (no digit, no status word) skip that.
 */
export function mayNameOtherCode(folded: string): boolean {
  return DIGIT.test(folded) && OTHER_CODE_WORDS.some((w) => folded.includes(w));
}

/**
 * A language runtime's or library's own failure, pasted (TypeError, KeyError, any FooException not named for WeChat
 * (WxErrorException and WeChatPayException carry WeChat's errors), module "x" is not defined,
 * Go's "invalid character '<' looking for beginning of value", SQLite's "constraint failed", _ssl.c): with no
 * WeChat code beside it and no WeChat word, it is not a WeChat error (folded text).
 */
export const RUNTIME_ERROR =
  /\b(?:type|reference|syntax|range|key|value|attribute|index|assertion|database|runtime)error\b|\b(?![a-z]*(?:wechat|weixin|wx))[a-z][a-z0-9]*exception\b|looking for beginning of value|\bconstraint failed\b|\b_ssl\.c\b|\bis not defined\b|\bcannot find module\b/;
/** Substrings one of which every match of RUNTIME_ERROR holds. */
const RUNTIME_WORDS = [
  'error',
  'exception',
  'looking for beginning of value',
  'constraint failed',
  '_ssl.c',
  'is not defined',
  'cannot find module',
];

/** RUNTIME_ERROR's test, its compilation (~0.3 ms without a JIT) spared when no match is possible. */
export function isRuntimeError(folded: string): boolean {
  return RUNTIME_WORDS.some((w) => folded.includes(w)) && RUNTIME_ERROR.test(folded);
}

/** Words that say WeChat is meant after all ("微信支付和支付宝…"): then the query is searched as usual. */
const WECHAT = /微信|公众号|小程序|企微|\b(?:wechat|weixin|wecom|wxwork|wx\.[a-z]+)\b/;
/** Another platform's mini-program ("抖音小程序", "支付宝小程序"): 小程序 there does not mean WeChat's. */
const OTHER_MINIPROGRAM = /(?:支付宝|百度|抖音|字节跳动|头条|快手|小红书|qq|飞书|钉钉)(?:智能)?小程序/g;
/** Scripts the catalog has no text in (Hangul, kana): a query mostly in them is about another service. */
const OTHER_SCRIPT = /[\uac00-\ud7af\u1100-\u11ff\u3040-\u30ff]/g;
const HAN = /[\u3400-\u9fff]/g;

/**
 * True when a folded query is about another service, or (`otherCode`: it gave an HTTP status or exit code and
 * no WeChat code) another kind of error, and never names WeChat.
 */
export function aboutAnotherService(text: string, otherCode = false): boolean {
  const other = text.match(OTHER_SCRIPT)?.length ?? 0;
  if (other >= 2 && other > (text.match(HAN)?.length ?? 0)) return true;
  if (!OTHER_SERVICES.test(text) && !otherCode) return false;
  return !WECHAT.test(text.replace(OTHER_MINIPROGRAM, ' '));
}
