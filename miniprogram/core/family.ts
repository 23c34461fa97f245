// A code's family comes from its range ("45xxx": a limit was exceeded). It explains codes the catalog
// does not list, and groups codes into filter chips. Labels are the project's own wording, built from the
// ranges in the official tables (see shared notes: code families).
import type { Platform } from './types';

export interface FamilyLabel {
  key: string;
  en: string;
  zh: string;
}

const WECHAT_SERVER_RANGES: Record<string, [string, string]> = {
  '40xxx': ['invalid parameter', '参数不合法'],
  '41xxx': ['missing parameter', '缺少参数'],
  '42xxx': ['expired (token, code or ticket)', '已过期（凭证、code 或票据）'],
  '43xxx': [
    'a requirement is not met (method, https, subscription…)',
    '条件不满足（请求方法、https、关注关系等）',
  ],
  '44xxx': ['empty data', '数据为空'],
  '45xxx': ['a limit was exceeded', '超出限制（频率、大小、数量）'],
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
export function familyOf(code: string, platform: Platform): string {
  if (platform === '小程序客户端 errno') return `errno:${errnoCategory(code)}`;
  if (code === '0') return 'ok';
  if (code === '-1') return 'busy';
  if (platform === '第三方账号平台（非微信）') return `other:${rangeKey(code)}`;
  return rangeKey(code);
}

/** Human label for a family key, in English and Chinese. Always answers, however unknown the family. */
export function familyLabel(key: string): FamilyLabel {
  const known = (en: string, zh: string): FamilyLabel => ({ key, en, zh });
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
  const hit = WECHAT_SERVER_RANGES[key] ?? CLOUD_RANGES[key];
  if (hit) return known(hit[0], hit[1]);
  if (/^9\d{2}x{4}$/.test(key))
    return known(
      'service-specific code (logistics, payments, devices…)',
      '具体业务的错误码（物流、支付、设备等）',
    );
  if (/^-\d{3}x{3}$/.test(key)) return known('cloud development code', '云开发错误码');
  return known(`codes ${key}`, `${key} 段错误码`);
}

/** Explains a code that may not be in the catalog: "45xxx: a limit was exceeded". */
export function explainFamily(code: string, platform: Platform = '开放平台通用'): FamilyLabel {
  return familyLabel(familyOf(code.trim(), platform));
}
