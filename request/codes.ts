// `wxerr/codes`: every errcode class WeChat's docs and the big SDKs state, and the number ranges (40/41/43/44/47
// request, 48 configuration, 50 account), opt in: `createClient({ platform: wechat })`. Without it the core knows
// the classes that change what it does (retried codes, quota, the backend's access_token codes) and calls the
// rest 'unknown' (not retried either way); `explain(err)` from wxerr/explain gives the catalog's class too.
import { EXPLICIT_ACTIONS, rangeAction } from '../miniprogram/core/action-codes';
import type { CodeTable } from './classify';

export const wechat: CodeTable = { id: 'wechat', label: '', actions: EXPLICIT_ACTIONS, range: rangeAction };
