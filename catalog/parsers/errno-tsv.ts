// data/errno_miniprogram.tsv: the mini-program client errno table (errno, errMsg, 含义, category).
import { tsvParser } from './tsv';

export const parseErrnoTsv = tsvParser(['errno', 'errMsg', 'meaning_zh', 'cat1'], (c, at) => {
  if (!/^-?\d+$/.test(c.errno)) throw new Error(`${at}: not an errno: ${c.errno}`);
  return {
    platform: '小程序客户端 errno',
    ...(c.cat1 ? { section: c.cat1 } : {}),
    code: c.errno,
    en: c.errMsg,
    zh: c.meaning_zh,
  };
});
