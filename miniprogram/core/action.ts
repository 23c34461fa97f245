// What to do about a code. Explicit lists come from the shared notes (what WeChat's docs and the big SDKs
// do); the rest is inferred from the range and the official wording, so every entry gets a class.
import type { Action, Platform } from './types';

const EXPLICIT: Record<string, Action> = {
  '0': 'none',
  '-1': 'retry-later',
  '45011': 'retry-later',
  '89401': 'retry-later',
  '-501002': 'retry-later',
  '102002': 'retry-later',
  '45009': 'quota',
  '48006': 'quota',
  '40001': 'refresh-token',
  '40014': 'refresh-token',
  '42001': 'refresh-token',
  '40029': 're-login',
  '40163': 're-login',
  '42007': 're-login',
  '42002': 're-login',
  '40030': 're-login',
  '61023': 're-login',
  '40164': 'fix-config',
  '61004': 'fix-config',
  '45035': 'fix-config',
  '48001': 'fix-config',
  '61007': 'fix-config',
  '40013': 'fix-config',
  '40125': 'fix-config',
  '41001': 'fix-request',
  '41002': 'fix-request',
  '41018': 'fix-request',
  '43002': 'fix-request',
  '43003': 'fix-request',
  '44002': 'fix-request',
  '47001': 'fix-request',
  '40097': 'fix-request',
  '40066': 'fix-request',
  '48004': 'account-state',
  '50002': 'account-state',
  '40226': 'account-state',
  '89506': 'account-state',
  '89507': 'account-state',
};

/** Client errno (wx.* fail callbacks), from the network rows of the errno table. */
const ERRNO: Record<string, Action> = {
  '0': 'none',
  '5': 'retry-later',
  '600000': 'retry-later',
  '600001': 'retry-later',
  '600002': 'fix-config',
  '600003': 'retry-later',
  '600005': 'fix-request',
  '600007': 'retry-later',
  '600008': 'fix-request',
  '600009': 'fix-request',
};

// Wording rules, checked in order; the first match wins. Chinese and English as the official tables word them.
const TEXT_RULES: Array<[RegExp, Action]> = [
  [/白名单|whitelist|white-list|white list|not in domain list|合法域名/i, 'fix-config'],
  [/每日|每天|daily|quota|配额/i, 'quota'],
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

function familyDefault(code: string): Action | undefined {
  if (!/^\d{5}$/.test(code)) return undefined;
  const head = code.slice(0, 2);
  if (head === '41' || head === '44' || head === '47') return 'fix-request';
  if (head === '40' || head === '43') return 'fix-request';
  if (head === '48') return 'fix-config';
  if (head === '50') return 'account-state';
  return undefined;
}

/** Action class of a code on a platform, given its official texts. */
export function classifyAction(code: string, platform: Platform, texts: readonly string[] = []): Action {
  if (platform === '小程序客户端 errno') {
    const hit = ERRNO[code];
    if (hit) return hit;
  } else if (platform !== '第三方账号平台（非微信）' && EXPLICIT[code]) {
    return EXPLICIT[code];
  }
  const text = texts.join(' ');
  if (/^(ok|成功|请求成功)$/i.test(text.trim()) || code === '0') return 'none';
  for (const [re, action] of TEXT_RULES) if (re.test(text)) return action;
  if (platform !== '第三方账号平台（非微信）' && platform !== '小程序客户端 errno') {
    const byFamily = familyDefault(code);
    if (byFamily) return byFamily;
  }
  if (/不合法|非法|错误|缺少|缺失|为空|invalid|illegal|missing|empty|error|wrong|格式/i.test(text))
    return 'fix-request';
  return 'unknown';
}

/** Whether an error of this class is worth retrying automatically (used by the request wrapper). */
export function isRetryableAction(action: Action): boolean {
  return action === 'retry-later';
}
