// `wxerr/pay`: WeChat Pay v3 error bodies relayed by your backend (HTTP status + {"code", "message"}), opt in:
// `createClient({ classifiers: [pay] })`. Without it the core reads such a body as its HTTP status only.
import { table } from '../miniprogram/core/action-codes';
import type { Classifier } from './classify';
import type { ErrorAction } from './errors';
import { httpAction } from './status';

// SYSTEM_ERROR, FREQUENCY_LIMITED and BANK_ERROR are retried with the same out_trade_no; USERPAYING means
// query the order until it settles.
const PAY = table<ErrorAction>({
  'retry-later': 'SYSTEM_ERROR FREQUENCY_LIMITED BANK_ERROR',
  poll: 'USERPAYING',
  'fix-config': 'SIGN_ERROR NO_AUTH MCH_NOT_EXISTS APPID_MCHID_NOT_MATCH',
  'fix-request':
    'PARAM_ERROR INVALID_REQUEST OUT_TRADE_NO_USED ORDER_NOT_EXIST ORDER_CLOSED OPENID_MISMATCH INVALID_TRANSACTIONID',
  'account-state': 'NOT_ENOUGH TRADE_ERROR RULE_LIMIT ACCOUNT_ERROR',
});

/** A Pay v3 error body: `{"code": "PARAM_ERROR", "message": …}` on a 4xx/5xx (USERPAYING comes with 202). */
export const pay: Classifier = (res) => {
  const d = res.data as { code?: unknown; message?: unknown } | undefined;
  const code = d && typeof d === 'object' ? d.code : undefined;
  if (typeof code !== 'string' || !/^[A-Z][A-Z_]+$/.test(code) || (res.statusCode < 400 && !PAY[code]))
    return undefined;
  const message =
    typeof (d as { message?: unknown }).message === 'string'
      ? String((d as { message: string }).message)
      : '';
  // Pay's rule for codes it does not list: 5xx is retried with the same parameters, 4xx is the request's.
  const action = PAY[code] || httpAction(res.statusCode);
  return {
    code,
    action,
    platform: 'payv3',
    errmsg: message,
    what: `Pay v3 ${code} (HTTP ${res.statusCode})${message ? `: ${message}` : ''}${action === 'retry-later' ? '; retry with the same out_trade_no' : ''}`,
  };
};
