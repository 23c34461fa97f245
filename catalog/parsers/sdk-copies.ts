// Tables copied from SDK source files, for codes whose official table could not be read here
// (catalog/sources/SOURCES.md, "SDK copies of official tables"): every row names its file at a pinned
// commit (`github:owner/repo@commit:path`), and the parser rejects a row that does not.
import { tsvParser } from './tsv';

const FILE_AT_COMMIT = /^github:[\w.-]+\/[\w.-]+@[0-9a-f]{40}:\S+$/;

function pinned(source: string, at: string): void {
  if (!FILE_AT_COMMIT.test(source))
    throw new Error(`${at}: source is not github:owner/repo@commit:path: ${JSON.stringify(source)}`);
}

/**
 * 公众号 WXBizMsgCrypt return codes, from the 公众号 sample of the library (-40005 is "appid 校验错误", WeCom's
 * copy says corpid). The constant name is the note because logs and exceptions print it.
 */
export const parseMpMsgCrypt = tsvParser(['code', 'zh_msg', 'constant', 'source'], (c, at) => {
  if (!/^-400(0[1-9]|1[01])$/.test(c.code))
    throw new Error(`${at}: not a WXBizMsgCrypt return code: ${c.code}`);
  pinned(c.source, at);
  return { platform: '公众号', code: c.code, en: '', zh: c.zh_msg, note: `WXBizMsgCrypt ${c.constant}` };
});

/** The Senparc enum each 快速注册 API's codes sit in, and the API (as the fastregister source names APIs). */
const FAST_REGISTER_ENUMS: Readonly<Record<string, string>> = {
  FastRegisterEnterpriseWeApp_Status: 'fastregisterweapp',
  FastRegisterPersonalWeApp_Status: 'fastregisterpersonalweapp',
};

/**
 * 第三方平台 快速注册 errcodes from Senparc's status enums. A C# identifier holds no punctuation or space, so
 * Senparc writes `_` where the wording has one; it is read back as a space.
 */
export const parseFastRegisterSenparc = tsvParser(['code', 'enum_member', 'enum', 'source'], (c, at) => {
  if (!/^\d{5}$/.test(c.code)) throw new Error(`${at}: not a five-digit errcode: ${c.code}`);
  const api = FAST_REGISTER_ENUMS[c.enum];
  if (!api) throw new Error(`${at}: not a 快速注册 status enum: ${c.enum}`);
  pinned(c.source, at);
  return { platform: '开放平台通用', code: c.code, en: '', zh: c.enum_member.replace(/_/g, ' '), api };
});

/** 微信支付 APIv2 err_code descriptions, one flat map (no API named). */
export const parsePayV2Map = tsvParser(['err_code', 'zh_desc', 'source'], (c, at) => {
  if (!/^[A-Z][A-Z0-9_]*$/.test(c.err_code)) throw new Error(`${at}: not a Pay err_code: ${c.err_code}`);
  pinned(c.source, at);
  return { platform: '微信支付 APIv2', code: c.err_code, en: '', zh: c.zh_desc };
});
