// The explicit action classes of codes (from the shared notes) and the range defaults, without the wording
// rules: the request client ships this file to every mini-program, so the tables are kept compact.
import type { Action, Platform } from './types';

/** Space-separated codes per action, expanded once into a lookup table. */
export function table<A extends string = Action>(groups: Partial<Record<A, string>>): Record<string, A> {
  const out: Record<string, A> = {};
  for (const a in groups) for (const c of (groups[a] as string).split(' ')) out[c] = a;
  return out;
}

/** API errcodes whose class WeChat's docs and the big SDKs state. */
export const EXPLICIT_ACTIONS = /* @__PURE__ */ table({
  none: '0',
  'retry-later': '-1 45011 89401 -501002 102002',
  quota: '45009 48006',
  'refresh-token': '40001 40014 42001',
  're-login': '40029 40163 42007 42002 40030 61023',
  'fix-config': '40164 61004 45035 48001 61007 40013 40125',
  'fix-request': '41001 41002 41018 43002 43003 44002 47001 40097 40066',
  'account-state': '48004 50002 40226 89506 89507',
});

/** Client errno (wx.* fail callbacks), from the network rows of the errno table. */
// Pure call: a bundle that never reads it (the request client) drops it.
export const ERRNO_ACTIONS = /* @__PURE__ */ table({
  none: '0',
  'retry-later': '5 600000 600001 600003 600007',
  'fix-config': '600002',
  'fix-request': '600005 600008 600009',
});

const THIRD_PARTY: Platform = '第三方账号平台（非微信）';
const ERRNO: Platform = '小程序客户端 errno';

/** The explicit class of a code on a platform, if listed. */
export function explicitAction(code: string, platform: Platform): Action | undefined {
  return platform === ERRNO
    ? ERRNO_ACTIONS[code]
    : platform === THIRD_PARTY
      ? undefined
      : EXPLICIT_ACTIONS[code];
}

/** The class of a five-digit WeChat code by its range (40/41/43/44/47 request, 48 config, 50 account). */
export function familyDefault(code: string, platform: Platform): Action | undefined {
  return platform === ERRNO || platform === THIRD_PARTY ? undefined : rangeAction(code);
}

/** familyDefault for an Open Platform code (the request client's case, without the platform names). */
export function rangeAction(code: string): Action | undefined {
  const m = /^(4[01347]|48|50)\d{3}$/.exec(code);
  return !m ? undefined : m[1] === '48' ? 'fix-config' : m[1] === '50' ? 'account-state' : 'fix-request';
}

/** Whether an error of this class is worth retrying automatically (used by the request wrapper). */
export function isRetryableAction(action: Action): boolean {
  return action === 'retry-later';
}
