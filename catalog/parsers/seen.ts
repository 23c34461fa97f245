// Server errmsgs seen verbatim in public issue threads (catalog/sources/*_errmsg_seen.tsv, method in
// docs/errmsg-seen.md): WeCom's English errmsg, 云开发's errMsg, WeChat Pay's err_code_des / message. Each row is
// the wording of one code as a response carried it, with the threads it was seen in. The wording is a text of
// the code's entry (a new entry only where no official table has the code), never a meaning of its own: the
// build does not let it stand in for a missing official language (catalog/project/apply.ts).
import type { Platform } from '../../miniprogram/core/types';
import type { RawRow } from './types';
import { hasCjk } from './text';
import { tsvParser } from './tsv';

/** Source ids of the seen-errmsg tables: their texts are wordings, not meanings. */
export const SEEN_ERRMSG_SOURCES: ReadonlySet<string> = new Set(['wecom-seen', 'cloud-seen', 'pay-seen']);

const THREAD = /^github:[\w.-]+\/[\w.-]+#\d+$/;

/** The row's wording in its language, and the note naming where it was seen. */
function seenText(c: Record<string, string>, at: string): Pick<RawRow, 'en' | 'zh' | 'note'> {
  const threads = c.seen.split(' ').filter(Boolean);
  const bad = threads.find((t) => !THREAD.test(t));
  if (!threads.length || bad)
    throw new Error(`${at}: seen must list github:<owner>/<repo>#<n> threads: ${c.seen}`);
  if (new Set(threads).size !== threads.length) throw new Error(`${at}: a thread is listed twice: ${c.seen}`);
  if (c.threads !== String(threads.length))
    throw new Error(`${at}: threads says ${c.threads}, seen lists ${threads.length}`);
  const more = threads.length > 1 ? ` (+${threads.length - 1} more, see the source row)` : '';
  return {
    en: hasCjk(c.errmsg) ? '' : c.errmsg,
    zh: hasCjk(c.errmsg) ? c.errmsg : '',
    note: `seen verbatim in ${threads[0]}${more}`,
  };
}

function numericCode(code: string, at: string): string {
  if (!/^-?\d+$/.test(code)) throw new Error(`${at}: not a numeric code: ${JSON.stringify(code)}`);
  return code;
}

const numericSeen = (platform: Platform) =>
  tsvParser(['code', 'errmsg', 'threads', 'seen'], (c, at) => {
    if (!c.errmsg) throw new Error(`${at}: a row needs the errmsg it saw`);
    return { platform, code: numericCode(c.code, at), ...seenText(c, at) };
  });

export const parseWecomSeen = numericSeen('企业微信');
export const parseCloudSeen = numericSeen('云开发');

const PAY_VERSIONS: Record<string, Platform> = { v2: '微信支付 APIv2', v3: '微信支付 APIv3' };

/** Pay rows: the code always, the err_code_des / message when the thread quotes one. */
export const parsePaySeen = tsvParser(['version', 'code', 'errmsg', 'threads', 'seen'], (c, at) => {
  const platform = PAY_VERSIONS[c.version];
  if (!platform) throw new Error(`${at}: version must be v2 or v3: ${JSON.stringify(c.version)}`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(c.code)) throw new Error(`${at}: not a Pay code: ${JSON.stringify(c.code)}`);
  return { platform, code: c.code, ...seenText(c, at) };
});
