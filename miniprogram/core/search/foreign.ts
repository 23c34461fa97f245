// Queries about another service ("钉钉推送问题", "Alipay Sign Verify FAILED", "状态码：429", "exit code 1"):
// the catalog holds only WeChat's codes, so such a query gets "no match" (and suggestions), not WeChat
// codes that share a generic word ("access_token", "签名"). Pure TypeScript, on folded text.

/** Other platforms, by name (Han names need no word boundary; English ones do: "lark" not in "clark"). */
const OTHER_SERVICES =
  /支付宝|钉钉|飞书|抖音|字节跳动|今日头条|快手|百度|银联|云闪付|\b(?:alipay|dingtalk|dingding|lark|larksuite|feishu|douyin|tiktok|bytedance|kuaishou|baidu|unionpay|apple pay|google pay|paypal|stripe)\b/;
/** Not an error code of any WeChat table: an HTTP status ("状态码：429", "http 502") or a process exit code. */
const NOT_A_WECHAT_CODE =
  /(?:状态码|http(?: status)?(?: code)?|status code)\s*[:：]?\s*[1-5]\d\d\b|\bexit (?:code|status) \d+/;
/** Words that say WeChat is meant after all ("微信支付和支付宝…"): then the query is searched as usual. */
const WECHAT = /微信|公众号|小程序|企微|\b(?:wechat|weixin|wecom|wxwork|wx\.[a-z]+)\b/;

/** True when a folded query is about another service or another kind of code, and never names WeChat. */
export function aboutAnotherService(text: string): boolean {
  return (OTHER_SERVICES.test(text) || NOT_A_WECHAT_CODE.test(text)) && !WECHAT.test(text);
}
