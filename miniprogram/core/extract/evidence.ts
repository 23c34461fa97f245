// Platform evidence that is not a platform's name: the shape of its answers and the names of the SDK classes
// and packages that call it. A WeCom answer pasted without its host still carries WeCom's hint id
// (`hint: [1597733128_47_64fc…]`, `hint: [1740671476450144148366218]`) and `from ip: …`; WeChat's carry a
// short mixed id (`hint: [dLTTea0566vr46!]`, `hints: [ req_id: … ]`).

// Each is joined to the names pass of its kind in context.ts (one pass over the text, not one more each).

/**
 * WeCom: answer shapes, SDK packages and WeCom-only token names.
 */
export const WECOM_EVIDENCE =
  /\b(?:hint\s*:\s*\[\s*\d{10}(?:_\d+_[0-9a-f]{16,}|\d{6,}\**)\s*\]|from ip\s*:|weixin-java-cp\b|wechatpy[./\\]+enterprise\b|EasyWeChat\\+Work\b|Senparc\.Weixin\.QY\b|qydev\b|(?:suite|provider)_access_token\b|suite_ticket\b|qywx_)/g;

/**
 * `ValidateCorpid…`, the -40005 constant of WeCom's WXBizMsgCrypt (the 公众号 sample's is ValidateAppid…): it
 * tells the two copies' listings apart. Kept apart from WECOM_EVIDENCE, whose last alternative it is, for
 * speed: its leading `\w*` is tried at every word of a text (~8 ms a MB), and a text without the literal cannot
 * match it, so markers.ts leaves it out of the pass there.
 */
export const WECOM_CORPID = /\b\w*ValidateCorpid\w*/g;
export const WECOM_CORPID_LITERAL = /ValidateCorpid/i;

/** WeCom class names of the old 企业号 SDKs (QySuite, QyAuthAgent, QYWX_Notify): no English word starts so. */
export const WECOM_CLASSES = /\bqy[a-z]{2}\w*/gi;

/** DingTalk's ISV config names (SuiteKey / suite_key): WeCom calls its own suite_id. */
export const FOREIGN_EVIDENCE = /\b[Ss]uite_?[Kk]ey\b/g;

/** WeChat (not WeCom) answer shapes: the old `hints: [ req_id: … ]` and a short mixed hint id. */
export const WECHAT_EVIDENCE =
  /\bhints?\s*:\s*\[(?:\s*req_id\b|(?=[\w.!-]{6,24}\])(?=[^\]\d]*\d)(?=[^\]A-Za-z]*[A-Za-z])[\w.!-]{6,24}\])/g;
