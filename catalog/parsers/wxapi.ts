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

/**
 * Client failures seen verbatim in public threads (catalog/sources/wxapi_errmsg_observed.tsv): the errMsg as the
 * client returned it, the official page of the API or guide that describes the failure (`doc`), and where the
 * exact string was seen (`seen`, kept as the row's note). The file has no wording of its own beyond the errMsg:
 * its `docSays` column is the project's paraphrase and is not read here (the meanings come from the project's
 * labelled translations, zh-/en-wxapi-observed.tsv).
 */
export const parseWxapiObserved = tsvParser(['scope', 'errMsg', 'doc', 'seen', 'docSays'], (c, at) => {
  if (!/^[A-Za-z][\w.]*$/.test(c.scope))
    throw new Error(`${at}: not an API scope: ${JSON.stringify(c.scope)}`);
  if (!c.errMsg) throw new Error(`${at}: a row needs an errMsg`);
  if (!/^https:\/\/developers\.weixin\.qq\.com\//.test(c.doc))
    throw new Error(`${at}: doc must be an official developers.weixin.qq.com page: ${c.doc}`);
  if (!/^github:[\w.-]+\/[\w.-]+[#:]/.test(c.seen))
    throw new Error(`${at}: seen must name a public source: ${c.seen}`);
  return {
    platform: '小程序客户端 API',
    scope: c.scope,
    code: c.errMsg,
    en: '',
    zh: '',
    doc: c.doc,
    note: `seen verbatim in ${c.seen}`,
  };
});
