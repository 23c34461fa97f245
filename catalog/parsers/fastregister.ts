// 第三方平台 快速注册小程序: the 错误码说明 tables of two official API pages (快速注册企业小程序,
// fastregisterweapp; 复用公众号主体快速注册小程序, account/fastregister). Their codes are the open platform's
// common numbers, so the rows join the 开放平台通用 entries of seed 001 as API-specific wordings.
import { meaningful, tsvParser } from './tsv';

/** The API each page documents, and the page. */
const PAGES: Readonly<Record<string, string>> = {
  fastregisterweapp:
    'https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/Fast_Registration_Interface_document.html',
  'account/fastregister':
    'https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/fast_registration_of_mini_program.html',
};

export const parseFastRegister = tsvParser(['code', 'zh_msg', 'en_msg', 'api', 'source'], (c, at) => {
  if (!/^-?\d+$/.test(c.code)) throw new Error(`${at}: not an errcode: ${JSON.stringify(c.code)}`);
  if (PAGES[c.api] !== c.source) throw new Error(`${at}: ${c.source} is not the page of API ${c.api}`);
  return {
    platform: '开放平台通用',
    code: c.code,
    // 提示语 is the errmsg the API returns (English); the 复用公众号主体 page has no such column.
    en: meaningful(c.en_msg) ?? '',
    zh: c.zh_msg,
    api: c.api,
    doc: c.source,
  };
});
