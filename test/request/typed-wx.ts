// Type test (checked by `npm run typecheck`, not run by jest): the standard `wx` of miniprogram-api-typings
// is a valid `createClient({ wx })` option, as are its option types for the pass-through fields.
import { createClient } from '../../request';
import { realtimeLog } from '../../request/log';

export const client = createClient({ wx });
export const client2 = createClient({
  wx: wx as WechatMiniprogram.Wx,
  realtimeLog: realtimeLog(wx.getRealtimeLogManager()),
});
