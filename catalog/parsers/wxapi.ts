// 小程序客户端 API failures (catalog/sources/wxapi_errors.tsv): the errMsg of a wx.* fail callback that carries
// no errno ("requestPayment:fail cancel"), and the per-API errCode tables (Bluetooth 10001, subscription
// messages 20004…) whose numbers clash across APIs, so every row belongs to its scope.
import { hasCjk } from './text';
import { tsvParser } from './tsv';

export const parseWxapiErrors = tsvParser(['scope', 'errCode', 'errMsg', 'zh', 'doc'], (c, at) => {
  if (!/^[A-Za-z][\w.]*$/.test(c.scope))
    throw new Error(`${at}: not an API scope: ${JSON.stringify(c.scope)}`);
  if (c.errCode && !/^-?\d+$/.test(c.errCode)) throw new Error(`${at}: not an errCode: ${c.errCode}`);
  if (!c.errCode && !c.errMsg) throw new Error(`${at}: a row needs an errCode or an errMsg`);
  return {
    platform: '小程序客户端 API',
    scope: c.scope,
    code: c.errCode || c.errMsg,
    // A few official tables (NFC) put the Chinese wording in the errMsg column: it is not an English text.
    en: hasCjk(c.errMsg) ? '' : c.errMsg,
    zh: c.zh || (hasCjk(c.errMsg) ? c.errMsg : ''),
    ...(c.doc ? { doc: c.doc } : {}),
  };
});
