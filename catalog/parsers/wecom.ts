// 企业微信 全局错误码, two tables of the same official page (catalog/sources/SOURCES.md):
// go-workwx (code, 错误说明, 排查方法 cell, links) and the older WxJava enum ("说明；排查方法" in one cell).
import { meaningful, tsvParser } from './tsv';

const HELP_ONLY = '[查看帮助]';
const URL = /=(https?:\/\/\S+)/;

function wecomCode(code: string, at: string): string {
  if (!/^-?\d+$/.test(code)) throw new Error(`${at}: not a WeCom errcode: ${JSON.stringify(code)}`);
  return code;
}

/** A 排查方法 cell worth showing as the fix: not a placeholder and not just a link to the help text. */
function fixCell(cell: string | undefined): { fix?: string } {
  const fix = meaningful(cell);
  return fix && fix !== HELP_ONLY ? { fix } : {};
}

export const parseWecomGoWorkwx = tsvParser(['code', 'zh_title', 'zh_troubleshooting', 'links'], (c, at) => {
  // links: space-separated "name=url" pairs; the first one is the help for this code.
  const doc = URL.exec(c.links)?.[1];
  return {
    platform: '企业微信',
    code: wecomCode(c.code, at),
    en: '',
    zh: c.zh_title,
    ...fixCell(c.zh_troubleshooting),
    ...(doc ? { doc } : {}),
  };
});

export const parseWecomWxjava = tsvParser(['code', 'zh_msg(title；troubleshooting)'], (c, at) => {
  const cell = c['zh_msg(title；troubleshooting)'];
  const cut = cell.indexOf('；');
  return {
    platform: '企业微信',
    code: wecomCode(c.code, at),
    en: '',
    zh: cut < 0 ? cell : cell.slice(0, cut),
    ...fixCell(cut < 0 ? undefined : cell.slice(cut + 1)),
  };
});

/**
 * The return codes of WeCom's message encryption library (WXBizMsgCrypt, callbacks): the official SDK's
 * ErrorCode file. Negative, so they never collide with the API errcodes; the constant name is kept as the
 * note because logs and exceptions print it (`ValidateSignatureError`).
 */
export const parseWecomMsgCrypt = tsvParser(['code', 'zh_msg', 'constant', 'source'], (c, at) => {
  if (!/^-400\d\d$/.test(c.code)) throw new Error(`${at}: not a WXBizMsgCrypt return code: ${c.code}`);
  return {
    platform: '企业微信',
    code: c.code,
    en: '',
    zh: c.zh_msg,
    note: `WXBizMsgCrypt ErrorCode.${c.constant}`,
  };
});

const FINANCE_SDK_PAGE = 'https://developer.work.weixin.qq.com/document/path/91552';

/**
 * The return values of WeCom's 会话内容存档 SDK (WeWorkFinanceSdk: Init, GetChatData, GetMediaData,
 * DecryptData), the official FAQ page's SDK错误码说明 table: 说明 is the text, 建议 the fix. Nothing else in
 * WeCom uses 10000–10011, so they are entries of the 企业微信 platform; the note names the SDK.
 */
export const parseWecomFinanceSdk = tsvParser(['code', 'zh_msg', 'zh_advice', 'source'], (c, at) => {
  if (!/^100(0\d|1[01])$/.test(c.code))
    throw new Error(`${at}: not a 会话内容存档 SDK return value: ${c.code}`);
  if (c.source !== FINANCE_SDK_PAGE) throw new Error(`${at}: source is not ${FINANCE_SDK_PAGE}: ${c.source}`);
  return {
    platform: '企业微信',
    code: c.code,
    en: '',
    zh: c.zh_msg,
    ...fixCell(c.zh_advice),
    note: '会话内容存档 SDK (WeWorkFinanceSdk) 返回值',
    doc: FINANCE_SDK_PAGE,
  };
});
