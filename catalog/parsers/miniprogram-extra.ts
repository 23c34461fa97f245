// The 31 mini-program server codes the seeds lack (WxJava's WxMaErrorMsgEnum, checked against the official
// getRidInfo, getApiQuota and 半屏小程序 pages): they join 开放平台通用 like the official page's codes.
import { tsvParser } from './tsv';

const DOC_COLUMN = 'official_doc_page(on developers.weixin.qq.com)';

export const parseMiniprogramExtra = tsvParser(
  ['code', 'zh_msg_wxjava', 'zh_msg_official_if_different', 'en_errmsg_official', DOC_COLUMN],
  (c, at) => {
    if (!/^\d+$/.test(c.code)) throw new Error(`${at}: not an errcode: ${JSON.stringify(c.code)}`);
    // The first page path named; "(not seen in stored docs; WxJava only)" names none.
    const path = /^(\/doc\/[^\s;,()]+)/.exec(c[DOC_COLUMN])?.[1];
    const official = c.zh_msg_official_if_different;
    return {
      platform: '开放平台通用',
      code: c.code,
      en: c.en_errmsg_official,
      // Where the official page words it differently, its wording is the text and WxJava's the note.
      zh: official || c.zh_msg_wxjava,
      ...(official ? { note: `WxJava: ${c.zh_msg_wxjava}` } : {}),
      ...(path ? { doc: `https://developers.weixin.qq.com${path}` } : {}),
    };
  },
);
