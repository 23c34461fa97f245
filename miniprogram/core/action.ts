// What to do about a code: the explicit lists and range defaults of action-codes.ts (what the request client
// ships), then the official wording, so every catalog entry gets a class. Only the catalog build needs the wording.
import { explicitAction, familyDefault, rangeAction, table } from './action-codes';
import { SEPARATE_NUMBERING } from './platforms';
import type { Action, Platform } from './types';

/**
 * Classes for the platforms of issue 9, whose numbers are not the older platforms' (WeCom 40001 is a bad
 * secret, so EXPLICIT_ACTIONS never applies to them). Pay lists every spelling of an alias group.
 */
// WXBizMsgCrypt's return codes, the same in WeCom's copy of the library (wecom-msgcrypt) and the 公众号
// sample (mp-msgcrypt): a wrong Token, EncodingAESKey or appid/corpid breaks the signature and the
// decryption; a malformed or cut body breaks parsing, sha and base64.
const MSGCRYPT_CONFIG = '-40001 -40004 -40005 -40006 -40007 -40008';
const MSGCRYPT_REQUEST = '-40002 -40003 -40009 -40010 -40011';

const ADDED_ACTIONS: Partial<Record<Platform, Record<string, Action>>> = {
  企业微信: table({
    none: '0',
    'retry-later': '-1 6000 45009 45033 10001 10002 10003 10008',
    'refresh-token': '40014 42001 40082 42009',
    're-login': '40029',
    // The negative codes are WXBizMsgCrypt's (MSGCRYPT_*). 10000–10011 are the 会话内容存档 SDK's return values (wecom-finance), classed by the official 建议:
    // retry the network, parse, system and DecryptMsg failures; the trusted IP and the SSL setup are
    // configuration; the two 已废弃 codes (10004, 10007) are never returned.
    'fix-config': `40001 40013 40056 60020 48002 301002 60011 81013 ${MSGCRYPT_CONFIG} 10009 10011`,
    'fix-request': `41001 60111 40096 ${MSGCRYPT_REQUEST} 10000 10005 10006 10010`,
    'account-state': '48004',
    unknown: '10004 10007',
  }),
  '微信支付 APIv3': table({
    none: 'HTTP_200 HTTP_204 ORDERPAID',
    'retry-later':
      'SYSTEM_ERROR SYSTEMERROR BANK_ERROR RATELIMIT_EXCEEDED RATE_LIMITED FREQUENCY_LIMITED RATELIMIT_EXCEED USERPAYING SERVICE_UNAVAILABLE HTTP_202',
    'fix-config':
      'SIGN_ERROR SIGNERROR NO_AUTH NOAUTH APPID_MCHID_NOT_MATCH MCH_NOT_EXISTS MCHID_NOT_EXIST REQUEST_BLOCKED',
    'fix-request':
      'PARAM_ERROR INVALID_REQUEST OUT_TRADE_NO_USED ORDER_CLOSED ORDERCLOSED OPENID_MISMATCH HTTP_405 REFUNDNOTEXIST',
    'account-state': 'NOT_ENOUGH NOTENOUGH USER_ACCOUNT_ABNORMAL ACCOUNT_ERROR',
  }),
};
// The mini-program codes that came with issue 9 (catalog/sources/miniprogram_missing_codes.tsv) whose terse
// wording the shared rules cannot read; the other 25 are classified by their wording like the official page's.
// The fast-registration codes whose class the 快速注册 pages' wording (catalog/sources/
// component_fastregister_official.tsv) would get wrong: a missing permission set is configuration, an
// overseas account or a registration still in progress is the account's state, and 89253 means two things
// on two official pages (notes.tsv), so it keeps no class.
// The 快速注册 codes of Senparc's enums (fastregister-senparc): a third party that is not published or lacks
// the permission set is configuration; a closed company, a restricted WeChat account or a personal
// third party or subject is the account's state.
ADDED_ACTIONS['开放平台通用'] = table({
  'fix-request': '76004 89427 89432 86022',
  'fix-config': '61029 86031 86033',
  'account-state': '89430 61057 61061 86021 86034 86040 89295',
  unknown: '89253',
});
// 网页授权 (mp-oauth): a redirect_uri outside the configured 网页授权域名 and a scope the account (or its
// type: only a verified 服务号 has 网页授权) lacks are both fixed in the account's settings or the appid used.
ADDED_ACTIONS['公众号'] = table({
  'fix-config': `${MSGCRYPT_CONFIG} 10003 10005`,
  'fix-request': MSGCRYPT_REQUEST,
});
// APIv2 spells most codes without the underscore; both Pay platforms share one table.
ADDED_ACTIONS['微信支付 APIv2'] = {
  ...ADDED_ACTIONS['微信支付 APIv3'],
  ...table({
    'retry-later': 'BIZERR_NEED_RETRY INVALID_REQ_TOO_MUCH',
    'fix-config': 'APPID_NOT_EXIST CERT_ERROR',
  }),
};

/**
 * The user said no or cancelled (a denied authorisation, a closed picker or dialog, a switch they turned off):
 * their choice, not the account's state. For the client API and client errno rows.
 */
const USER_CHOICE =
  /auth den|authorize (denied|canceled)|user den|user (is )?not authorized|user unauthorized|has not authorized|user cancel|fail:? ?cancel|payment cancel|system permission denied|permission is denied|privacy permission is not authorized|用户拒绝|拒绝授权|用户未授权|未同意|用户关闭|用户取消|用户点击(了)?取消|支付取消|没有授予|未授予/i;

/** wx.* fail callbacks: a denied permission wants wx.openSetting (USER_CHOICE is checked first). */
const WXAPI_RULES: Array<[RegExp, Action]> = [
  [/already connect|已连接/i, 'none'],
  // The phone or the app said no: a switch or service off, a permission the app lacks. The app asks again.
  [
    /authorize no response|permission denied|not authorized|switched off|not available|service unavailable|未授权|开关未打开|未开启|未打开|不可用|受限|未完成/i,
    'account-state',
  ],
  [/session_key\s*过期/i, 're-login'],
  [/限频|断开|no connection|下载失败|未扫描到/i, 'retry-later'],
  [/not declared|未.*声明|未发布|审核不通过|校验不通过/i, 'fix-config'],
  [
    /未初始化|not init|未先调用|没有找到|未找到|no device|no service|no characteristic|还未|未开始|未连接|must be/i,
    'fix-request',
  ],
];

// Wording rules, checked in order; the first match wins. Chinese and English as the official tables word them.
const TEXT_RULES: Array<[RegExp, Action]> = [
  [/白名单|whitelist|white-list|white list|not in domain list|合法域名/i, 'fix-config'],
  [/每日|每天|今日|daily|quota|配额/i, 'quota'],
  [
    /频率|太频繁|频繁|过快|too (many|much|frequent)|freq|rate limit|稍后再试|稍候再试|retry later|system busy|系统繁忙|系统错误|system error|timeout|超时|timed out/i,
    'retry-later',
  ],
  [/封禁|违规|被限制|封号|banned|forbidden|\blimited\b|irregular|冻结|注销|restricted/i, 'account-state'],
  [/access_token (is )?(invalid|expired)|access_token 超时|access_token失效/i, 'refresh-token'],
  [
    /未授权|无权限|没有权限|权限不足|unauthorized|no permission|not authorized|未开通|not open|未配置|appsecret|app_?secret/i,
    'fix-config',
  ],
];

const STATE_MISMATCH =
  /不存在|not exist|no exist|not found|未找到|冲突|conflict|不能|不可|cannot|can not|can't|不允许|not allowed|超出|超过|上限|exceed|too (long|large|big|short)|过长|过大|过多|reach(ed)? (the )?limit|out of limit|已存在|already|duplicate|重复|not match|不匹配|不一致/i;

/**
 * Wording rules for the issue-9 platforms, after TEXT_RULES: their tables (WeCom's above all) state the
 * failed condition tersely ("收款人未实名", "仅支持第三方应用调用"), so more words name the next step.
 */
const SEPARATE_TEXT_RULES: Array<[RegExp, Action]> = [
  [/暂时|维护|稍后|稍候|重试|重新尝试|处理中|正在/, 'retry-later'],
  [/(access_token|ticket|token)\s*(已|已经)?过期/i, 'refresh-token'],
  [/(code|登录态|登陆态|登录|登陆).*(过期|被使用|使用过)/i, 're-login'],
  [
    /未实名|未认证|未验证|尚未验证|没有验证|余额不足|已下架|禁用|停用|已解散|迁移|未上线|未报备|试用|已过期，无法|被封|账号异常|帐号异常|注销|未支付|未购买|购买|到期|没有有效|未签署|没签署|未注册|尚未注册|未网络注册|无注册信息|未激活|未登录|未关联|未安装|没有安装|没有授权|无付费信息|风控|拦截/,
    'account-state',
  ],
  [
    /可见范围|使用范围|权限|未开启|未开通|无授权|仅支持|只支持|只允许|corpsecret|ICP|可信域名|白名单|未设置|没有设置|没配置|未配置|密钥|已关闭|被关闭|已废弃|未绑定|没有共享|没有.*关系|无权/i,
    'fix-config',
  ],
  [
    /不正确|有误|不支持|无法|禁止|不属于|不是|不在|非|已支付|已取消|已删除|已经|过期|相同|循环|重复|冲突|最多|至少|仅|只能|不能|不可|必须|需要|需|不足|超过|超出|超限|上限|太大|大于|不存在|已存在|找不到|格式|错误|非法|不合法|缺少|为空|空列表|参数|异常|失败|不符|不唯一|已绑定|已提交|未提交|锁定|已有|已开启|已在|未在|限制|无对应|不对|已失效|等于0|多个|一样/,
    'fix-request',
  ],
];

/** Action class of a code on a platform, given its official texts (and, for wxapi, its errMsg code). */
export function classifyAction(code: string, platform: Platform, texts: readonly string[] = []): Action {
  const separate = SEPARATE_NUMBERING.has(platform);
  const explicit = separate
    ? ADDED_ACTIONS[platform]?.[code]
    : (explicitAction(code, platform) ?? ADDED_ACTIONS[platform]?.[code]);
  if (explicit) return explicit;
  const text = texts.join(' ');
  if (
    (platform === '小程序客户端 API' || platform === '小程序客户端 errno') &&
    USER_CHOICE.test(`${code} ${text}`)
  )
    return 'user-choice';
  if (platform === '小程序客户端 API')
    for (const [re, action] of WXAPI_RULES) if (re.test(`${code} ${text}`)) return action;
  if (/^(ok|成功|请求成功)$/i.test(text.trim()) || code === '0') return 'none';
  for (const [re, action] of TEXT_RULES) if (re.test(text)) return action;
  // WeCom kept WeChat's five-digit ranges (40xxx invalid, 41xxx missing, 48xxx not authorized…).
  const byFamily = separate
    ? platform === '企业微信'
      ? rangeAction(code)
      : undefined
    : familyDefault(code, platform);
  if (byFamily) return byFamily;
  if (
    /不合法|非法|无效|不合规|错误|缺少|缺失|必填|为空|invalid|illegal|missing|is required|empty|error|wrong|格式/i.test(
      text,
    )
  )
    return 'fix-request';
  // Server codes whose wording says the call does not fit the data or its state (no such object, a
  // conflict, a size or count limit, already done): changing the call is the next step. Client errno
  // rows (devices, payment UI) are left alone: their wording rarely says that much.
  if (platform !== '小程序客户端 errno' && STATE_MISMATCH.test(text)) return 'fix-request';
  if (separate) for (const [re, action] of SEPARATE_TEXT_RULES) if (re.test(text)) return action;
  return 'unknown';
}

export { isRetryableAction } from './action-codes';
