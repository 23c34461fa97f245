// A code's family comes from its range ("45xxx": limits and restrictions). It explains codes the catalog
// does not list, and groups codes into filter chips. Labels are the project's own wording, built from the
// ranges in the official tables (see shared notes: code families).
import type { Platform } from './types';

export interface FamilyLabel {
  key: string;
  en: string;
  zh: string;
}

const WECHAT_SERVER_RANGES: Record<string, [string, string]> = {
  '40xxx': [
    'request not accepted: an invalid credential, parameter, value or caller IP',
    '请求不被接受（凭证、参数、取值或调用 IP 不合法）',
  ],
  '41xxx': ['missing parameter', '缺少参数'],
  '42xxx': ['expired (token, code or ticket)', '已过期（凭证、code 或票据）'],
  '43xxx': [
    'a requirement is not met (method, https, subscription…)',
    '条件不满足（请求方法、https、关注关系等）',
  ],
  '44xxx': ['empty data', '数据为空'],
  '45xxx': [
    'a limit was exceeded or the call is restricted (rate, size, count, caller IP…)',
    '限制与拦截（频率、大小、数量、调用 IP 等）',
  ],
  '46xxx': ['does not exist', '对象不存在'],
  '47xxx': ['format or parse error', '格式或解析错误'],
  '48xxx': ['API forbidden or not authorized', '接口未授权或被禁止'],
  '50xxx': ['user-level restriction', '用户级限制'],
  '53xxx': ['account verification and naming', '帐号认证与命名'],
  '61xxx': ['third-party platform (component) authorization', '第三方平台授权'],
  '63xxx': ['signature and ticket', '签名与票据'],
  '65xxx': ['custom menus', '个性化菜单'],
  '85xxx': ['mini-program code, release and domain management', '小程序代码、发布与域名管理'],
  '86xxx': ['third-party code submission', '第三方代码提交'],
  '87xxx': ['mini-program release, rollback and signature', '小程序发布、回退与签名'],
  '89xxx': ['third-party operations and plug-ins', '第三方操作与插件'],
};

/**
 * Ranges the official tables fill with one product's codes. Labels say what the codes in the catalog are about
 * (read from their texts), not what WeChat calls the range.
 */
const PRODUCT_RANGES: Record<string, [string, string]> = {
  '49xxx': ['Official Account: QR codes, payments and ids (mixed)', '公众号二维码、支付与 id 校验（混合）'],
  '51xxx': ['enterprise accounts, users and shows (mixed)', '企业帐号、用户与节目（混合）'],
  '52xxx': ['store, goods and shelves', '门店、商品与货架'],
  '60xxx': ['JS-SDK authorization', 'JS-SDK 授权'],
  '62xxx': ['open platform apps', '开放平台应用管理'],
  '68xxx': ['merchants and payment services', '商户与支付服务'],
  '71xxx': ['coins and virtual payments', '代币与虚拟支付'],
  '72xxx': ['cards, coupons and invoices', '卡券、会员卡与发票'],
  '73xxx': ['invoicing and card play', '开具发票与卡券玩法'],
  '74xxx': ['hotel, travel and vehicle services', '酒店、出行与车辆服务'],
  '75xxx': ['order business and encryption', '订单业务与加解密'],
  '80xxx': ['merchant onboarding and identity checks', '商家接入与身份核验'],
  '81xxx': ['gift cards', '礼品卡'],
  '82xxx': ['industry templates, parking and customer service', '行业模板、停车与客服'],
  '83xxx': ['web encryption tokens and app parameters', '网页加密 token 与应用参数'],
  '84xxx': ['identity verification', '身份核验'],
  '88xxx': ['article comments', '文章留言'],
  '90xxx': ['orders and bills', '订单与账单'],
  '91xxx': ['mini-program creation and naming', '小程序快速创建与命名'],
  '92xxx': ['nearby places and qualifications', '附近地点与经营资质'],
  '93xxx': ['nearby mini-programs and categories', '附近的小程序与类目'],
  '94xxx': ['payment certificates and signatures', '支付证书与签名'],
  '95xxx': ['product materials and wxcode', '商品素材与 wxcode'],
  '200xxx': ['subscription message templates', '订阅消息模板'],
  '300xxx': ['live streaming goods and rooms', '直播商品与直播间'],
  '1008xxxx': ['account deregistration and seller identity', '帐号注销与带货身份'],
  '102xxx': ['cloud run and gateway: timeouts, limits and routing', '云托管与网关：超时、限频与路由'],
  '103xxx': ['business capabilities: parameters, limits and sending', '商业能力：参数、上限与发送'],
  '104xxx': ['replayed requests blocked', '请求重放拦截'],
};

const CLOUD_RANGES: Record<string, [string, string]> = {
  '-401xxx': ['cloud SDK: common', '云开发 SDK 通用错误'],
  '-402xxx': ['cloud SDK: database', '云开发 SDK 数据库错误'],
  '-403xxx': ['cloud SDK: file storage', '云开发 SDK 文件存储错误'],
  '-404xxx': ['cloud SDK: cloud functions', '云开发 SDK 云函数错误'],
  '-501xxx': ['cloud resources: common', '云资源通用错误'],
  '-502xxx': ['cloud resources: database', '云资源数据库错误'],
  '-503xxx': ['cloud resources: file storage', '云资源文件存储错误'],
  '-504xxx': ['cloud resources: cloud functions', '云资源云函数错误'],
  '-601xxx': ['WeChat backend: common', '微信后台通用错误'],
  '-604xxx': ['WeChat backend: cloud functions', '微信后台云函数错误'],
  '-605xxx': ['WeChat backend: HTTP API', '微信后台 HTTP API 错误'],
  '-606xxx': ['WeChat backend: cloud run', '微信后台云托管错误'],
};

/** Categories of the client errno table (errno = category × 100000 + n). */
const ERRNO_CATEGORIES: Record<string, [string, string]> = {
  '00': ['general', '通用'],
  '01': ['basics', '基础'],
  '05': ['interface', '界面'],
  '06': ['network', '网络'],
  '07': ['payment', '支付'],
  '11': ['media', '媒体'],
  '13': ['files', '文件'],
  '14': ['open APIs', '开放接口'],
  '15': ['devices', '设备'],
  '20': ['AI', 'AI'],
};

const NUMERIC = /^-?\d+[xX]*$/;

/** "45011" → "45xxx", "-404011" → "-404xxx", "9300501" → "930xxxx", "-1" → "-1". */
export function rangeKey(code: string): string {
  if (!NUMERIC.test(code)) return code.split('_').slice(0, 2).join('_');
  const neg = code.startsWith('-');
  const digits = neg ? code.slice(1) : code;
  if (digits.length <= 4) return code;
  const keep = digits.length === 5 ? 2 : digits.length <= 7 ? 3 : 4;
  return (neg ? '-' : '') + digits.slice(0, keep) + 'x'.repeat(digits.length - keep);
}

function errnoCategory(code: string): string {
  const n = Number(code);
  if (!Number.isFinite(n) || n < 100000) return '00';
  return String(Math.floor(n / 100000)).padStart(2, '0');
}

/** Family key of a code on a platform. Platforms that reuse numbers keep their own families. */
export function familyOf(code: string, platform: Platform, detail: FamilyDetail = {}): string {
  const separate = separateFamily(code, platform, detail);
  if (separate) return separate;
  if (platform === '小程序客户端 errno') return `errno:${errnoCategory(code)}`;
  if (code === '0') return 'ok';
  if (code === '-1') return 'busy';
  if (platform === '第三方账号平台（非微信）') return `other:${rangeKey(code)}`;
  return rangeKey(code);
}

/** Human label for a family key, in English and Chinese. Always answers, however unknown the family. */
export function familyLabel(key: string): FamilyLabel {
  const known = (en: string, zh: string): FamilyLabel => ({ key, en, zh });
  const separate = separateFamilyLabel(key);
  if (separate) return known(separate[0], separate[1]);
  if (key === 'ok') return known('success', '成功');
  if (key === 'busy') return known('system busy', '系统繁忙');
  if (key.startsWith('errno:')) {
    const cat = ERRNO_CATEGORIES[key.slice(6)];
    return cat
      ? known(`client errno: ${cat[0]}`, `客户端 errno：${cat[1]}`)
      : known('client errno', '客户端 errno');
  }
  if (key.startsWith('other:')) {
    return known(`non-WeChat platform codes ${key.slice(6)}`, `非微信平台错误码 ${key.slice(6)}`);
  }
  const hit = WECHAT_SERVER_RANGES[key] ?? PRODUCT_RANGES[key] ?? CLOUD_RANGES[key];
  if (hit) return known(hit[0], hit[1]);
  if (/^9\d{2}x{4}$/.test(key))
    return known(
      'service-specific code (logistics, payments, devices…)',
      '具体业务的错误码（物流、支付、设备等）',
    );
  if (/^-\d{3}x{3}$/.test(key)) return known('cloud development code', '云开发错误码');
  // No common meaning is documented for this range: say so, and let the code's own text speak.
  return known(NO_COMMON_MEANING.en, NO_COMMON_MEANING.zh);
}

/** The label of a range no source gives a common meaning (a chip then shows the range alone). */
export const NO_COMMON_MEANING: Readonly<{ en: string; zh: string }> = {
  en: 'no common meaning for this range: see the code itself',
  zh: '此号段没有统一含义，以错误码本身的说明为准',
};

/** Explains a code that may not be in the catalog: "45xxx: limits and restrictions". */
export function explainFamily(code: string, platform: Platform = '开放平台通用'): FamilyLabel {
  return familyLabel(familyOf(code.trim(), platform));
}

// ---------------------------------------------------------------------------------------------------------
// Families of the platforms added in issue 9 (企业微信, 微信支付 APIv3/APIv2, 小程序客户端 API). Their numbers
// and strings mean other things than on the platforms above, so their keys carry the platform key. Labels are
// the project's own summary of the codes each range holds in the sources (catalog/sources/wecom_*, wechatpay_*).

/** What a family needs besides the code: the wx.* API family (wxapi) and the HTTP status (Pay APIv3). */
export interface FamilyDetail {
  scope?: string;
  http?: readonly number[];
}

const WECOM_RANGES: Record<string, [string, string]> = {
  '-40xxx': ['callback message encryption (WXBizMsgCrypt)', '回调消息加解密（WXBizMsgCrypt）'],
  '6000': ['data version conflict', '数据版本冲突'],
  '10xxx': ['chat archive (会话内容存档) SDK return values', '会话内容存档 SDK 返回值'],
  '40xxx': ['invalid parameter', '参数不合法'],
  '41xxx': ['missing parameter', '缺少参数'],
  '42xxx': ['expired (access_token, code or ticket)', '已过期（access_token、code 或票据）'],
  '43xxx': ['a requirement is not met (verification, callback URL…)', '条件不满足（主体验证、回调 URL 等）'],
  '44xxx': ['empty data', '数据为空'],
  '45xxx': ['a limit was exceeded (size, length, count)', '超出限制（大小、长度、数量）'],
  '46xxx': ['does not exist (menu, member)', '对象不存在（菜单、成员）'],
  '48xxx': ['API not authorized or forbidden', '接口未授权或无权限调用'],
  '49xxx': ['signature, group chat and buyer checks', '签名、群聊与购买方校验'],
  '50xxx': ['app and member scope restrictions', '应用与成员范围限制'],
  '60xxx': ['contacts (departments, members, tags) and caller IP', '通讯录（部门、成员、标签）与访问 IP'],
  '65xxx': ['home-school (education) contacts', '家校通讯录'],
  '71xxx': ['smart hardware devices and door access rules', '智慧硬件设备与门禁规则'],
  '72xxx': ['electronic invoices', '电子发票'],
  '80xxx': ['trusted domain', '可信域名'],
  '81xxx': ['contacts limits and visibility', '通讯录数量限制与可见范围'],
  '82xxx': ['recipient lists (members, departments, tags)', '接收人列表（成员、部门、标签）'],
  '84xxx': ['third-party apps, tickets and service providers', '第三方应用、票据与服务商'],
  '85xxx': ['content checks and trusted domain settings', '内容检查与可信域名设置'],
  '86xxx': ['group chats', '群聊'],
  '90xxx': [
    'Shake nearby, external profiles, mini-program notices and paid-app orders',
    '摇一摇周边、对外属性、小程序通知与付费应用订单',
  ],
  '91xxx': ['ticket type', '票据类型'],
  '92xxx': ['app visibility and cross-corp calls', '应用可见范围与跨企业调用'],
  '93xxx': ['group robots (webhook)', '群机器人（webhook）'],
  '94xxx': ['workbench customisation', '工作台自定义展示'],
  '95xxx': ['WeChat customer service (open_kfid)', '微信客服（open_kfid）'],
  '301xxx': ['app and contacts operation permissions', '应用与通讯录操作权限'],
  '302xxx': ['bulk import of contacts', '通讯录批量导入'],
  '400xxx': ['meetings', '会议'],
  '600xxx': ['smart hardware registration', '智慧硬件设备注册'],
  '610xxx': ['customer contact (QR codes, customers)', '客户联系（联系我二维码、客户）'],
  '640xxx': ['WeDrive (微盘) spaces and files', '微盘空间与文件'],
  '660xxx': ['external payment collection', '对外收款'],
  '670xxx': ['upstream/downstream (上下游) networks', '上下游'],
  '680xxx': ['email and mail groups', '邮件与邮件群组'],
  '701xxx': ['interface licences and activation codes', '接口许可（license）与激活码'],
  '710xxx': ['open_corpid and ID conversion', 'open_corpid 与 ID 转换'],
  '730xxx': ['live streams, recordings and sign-ups', '直播、录制与报名'],
  '740xxx': ['secure gateway', '安全网关'],
  '751xxx': ['mailbox advanced features', '邮箱高级功能'],
  '770xxx': ['advanced-feature accounts', '高级功能账号'],
  '790xxx': ['asynchronous jobs', '异步任务'],
  '830xxx': ['temporary media uploaded by URL', '通过 URL 上传临时素材'],
  '842xxx': ['customized-app (代开发) templates', '代开发应用模版'],
  '844xxx': ['other third-party app capabilities', '第三方应用其他能力'],
  '845xxx': ['openid/unionid and corp subject checks', 'openid/unionid 与企业主体校验'],
  '846xxx': ['app type (customized or third-party only)', '应用类型（仅代开发或第三方应用）'],
  '200xxxx': ['door access devices', '门禁设备'],
  '240xxxx': ['general resource errors', '通用资源错误'],
};

/** WeChat Pay APIv3 answers with an HTTP status first; its codes are grouped by it. */
const PAY_HTTP: Record<string, [string, string]> = {
  '2xx': ['HTTP 2xx: success or accepted', 'HTTP 2xx：成功或已受理'],
  '400': ['HTTP 400: invalid protocol or parameter', 'HTTP 400：协议或参数非法'],
  '401': ['HTTP 401: signature verification failed', 'HTTP 401：签名验证失败'],
  '403': ['HTTP 403: permission or business rule', 'HTTP 403：权限或业务规则'],
  '404': ['HTTP 404: resource does not exist', 'HTTP 404：资源不存在'],
  '405': ['HTTP 405: method not allowed', 'HTTP 405：请求方式不正确'],
  '429': ['HTTP 429: rate limit exceeded', 'HTTP 429：请求超过频率限制'],
  '5xx': ['HTTP 5xx: WeChat Pay or bank system error', 'HTTP 5xx：微信支付或银行系统错误'],
};

/** WeChat Pay APIv2 has no HTTP status: its err_code values are grouped by what they are about. */
const PAY_KINDS: Array<[RegExp, string, string, string]> = [
  [/SYSTEM|BIZERR|GZIP/i, 'system', 'system error, retry', '系统错误，可重试'],
  [/SIGN/i, 'sign', 'signature', '签名'],
  [/FREQUENCY|TOO_MUCH|LIMIT/i, 'limit', 'rate limit', '频率限制'],
  [/^(invalid bill_type|data format error|missing parameter)$/i, 'request', '', ''],
  [/BILL/i, 'bill', 'statements (bills)', '对账单'],
  [/ORDER|TRADE|REFUND|TRANSACTION/i, 'order', 'order and refund state', '订单与退款状态'],
  [/AUTH|APPID|MCH/i, 'merchant', 'merchant, appid and permissions', '商户号、appid 与权限'],
  [/ENOUGH|ACCOUNT/i, 'funds', 'balance and user account', '余额与用户帐号'],
  [/./, 'request', 'request format and parameters', '请求格式与参数'],
];

/** Families of the client API scopes the sources name; others get a generic label with the scope. */
const WXAPI_SCOPES: Record<string, [string, string]> = {
  bluetooth: ['Bluetooth', '蓝牙'],
  requestSubscribeMessage: ['subscription messages', '订阅消息'],
  requestPayment: ['payment', '支付'],
  login: ['login', '登录'],
  authorize: ['authorization', '授权'],
};

function payKind(code: string): string {
  return (PAY_KINDS.find(([re]) => re.test(code)) ?? PAY_KINDS[PAY_KINDS.length - 1])[1];
}

function separateFamily(code: string, platform: Platform, detail: FamilyDetail): string | undefined {
  if (platform === '企业微信') return code === '0' || code === '-1' ? undefined : `wecom:${rangeKey(code)}`;
  if (platform === '微信支付 APIv3') {
    const status = detail.http?.[0];
    if (status === undefined) return `payv3:${payKind(code)}`;
    return `payv3:${status < 300 ? '2xx' : status >= 500 ? '5xx' : String(status)}`;
  }
  if (platform === '微信支付 APIv2') return `payv2:${payKind(code)}`;
  if (platform === '小程序客户端 API') return `wxapi:${detail.scope ?? code.split(':')[0]}`;
  return undefined;
}

function separateFamilyLabel(key: string): [string, string] | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const [platform, rest] = [key.slice(0, colon), key.slice(colon + 1)];
  if (platform === 'wecom') {
    const hit = WECOM_RANGES[rest];
    return hit
      ? [`WeCom: ${hit[0]}`, `企业微信：${hit[1]}`]
      : [`WeCom codes ${rest}`, `企业微信 ${rest} 段错误码`];
  }
  if (platform === 'payv3' || platform === 'payv2') {
    const version = platform === 'payv3' ? 'APIv3' : 'APIv2';
    const http = PAY_HTTP[rest];
    if (http) return [`WeChat Pay ${version}, ${http[0]}`, `微信支付 ${version}，${http[1]}`];
    const kind = PAY_KINDS.find((k) => k[1] === rest && k[2]);
    return kind
      ? [`WeChat Pay ${version}: ${kind[2]}`, `微信支付 ${version}：${kind[3]}`]
      : [`WeChat Pay ${version} codes`, `微信支付 ${version} 错误码`];
  }
  if (platform === 'wxapi') {
    const scope = WXAPI_SCOPES[rest];
    return scope
      ? [`client API: ${scope[0]} (${rest})`, `客户端 API：${scope[1]}（${rest}）`]
      : [`client API: ${rest}`, `客户端 API：${rest}`];
  }
  return undefined;
}
