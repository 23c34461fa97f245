// What to do about a code: the explicit lists and range defaults of action-codes.ts (what the request client
// ships), then the official wording, so every catalog entry gets a class. Only the catalog build needs the wording.
import { explicitAction, familyDefault } from './action-codes';
import type { Action, Platform } from './types';

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

const STATE_MISMATCH =
  /不存在|not exist|no exist|not found|未找到|冲突|conflict|不能|不可|cannot|can not|can't|不允许|not allowed|超出|超过|上限|exceed|too (long|large|big|short)|过长|过大|过多|reach(ed)? (the )?limit|out of limit|已存在|already|duplicate|重复|not match|不匹配|不一致/i;

/** Action class of a code on a platform, given its official texts. */
export function classifyAction(code: string, platform: Platform, texts: readonly string[] = []): Action {
  const explicit = explicitAction(code, platform);
  if (explicit) return explicit;
  const text = texts.join(' ');
  if (/^(ok|成功|请求成功)$/i.test(text.trim()) || code === '0') return 'none';
  for (const [re, action] of TEXT_RULES) if (re.test(text)) return action;
  const byFamily = familyDefault(code, platform);
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
  return 'unknown';
}

export { isRetryableAction } from './action-codes';
