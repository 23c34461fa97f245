// 微信支付 tables (catalog/sources/SOURCES.md): APIv3 string codes with an HTTP status (the official status and
// 公共错误码 tables, Senparc's result codes, the per-API doc comments of the official Go SDK) and APIv2 XML
// err_code per API (WxJava). Every table is Chinese only except the English column of the status table.
import type { RawRow } from './types';
import { meaningful, tsvParser } from './tsv';

const V3 = '微信支付 APIv3' as const;
const V2 = '微信支付 APIv2' as const;

function status(cell: string, at: string): { http?: number } {
  if (!cell) return {};
  if (!/^[1-5]\d\d$/.test(cell)) throw new Error(`${at}: not an HTTP status: ${JSON.stringify(cell)}`);
  return { http: Number(cell) };
}

/** A Pay code as the table spells it (v2 also has return_msg values with spaces: "No Bill Exist"). */
function payCode(cell: string, at: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_ ]*$/.test(cell))
    throw new Error(`${at}: not a Pay code: ${JSON.stringify(cell)}`);
  return cell;
}

/** 描述 / 原因 / 解决方案: the description is the text, the solution the fix, a cause that adds words the note. */
function describe(desc: string, cause: string, solution: string): Pick<RawRow, 'zh' | 'fix' | 'note'> {
  return {
    zh: desc,
    ...(meaningful(solution) ? { fix: solution } : {}),
    ...(meaningful(cause) && cause !== desc ? { note: cause } : {}),
  };
}

/** HTTP状态码: a status with its typical code merges into that code's entry; one without is a status entry. */
export const parsePayV3HttpStatus = tsvParser(
  ['http_status', 'zh_type', 'typical_code', 'en_type', 'note'],
  (c, at) => ({
    platform: V3,
    code: c.typical_code ? payCode(c.typical_code, at) : `HTTP_${c.http_status}`,
    ...status(c.http_status, at),
    en: c.en_type,
    zh: c.zh_type,
    ...(c.note ? { note: c.note } : {}),
  }),
);

/** 公共错误码: the page URL is named once, later rows say "same". */
export const parsePayV3Common = tsvParser(['code', 'zh_desc_official', 'source'], (c, at, previous) => {
  const page = /^([a-z0-9.-]+\.qq\.com\/\S+)/.exec(c.source)?.[1];
  const doc = page ? `https://${page}` : c.source === 'same' ? previous?.doc : undefined;
  return { platform: V3, code: payCode(c.code, at), en: '', zh: c.zh_desc_official, ...(doc ? { doc } : {}) };
});

export const parsePayV3Senparc = tsvParser(
  ['http_status', 'code', 'zh_desc', 'zh_solution', 'note'],
  (c, at) => ({
    platform: V3,
    code: payCode(c.code, at),
    ...status(c.http_status, at),
    en: '',
    ...describe(c.zh_desc, '', c.zh_solution),
    ...(c.note ? { note: c.note } : {}),
  }),
);

/** The Go SDK's per-API tables; the API is the service package (services/refunddomestic/… → refunddomestic). */
export const parsePayV3Go = tsvParser(
  ['source_file', 'code', 'http_status', 'zh_desc', 'zh_cause', 'zh_solution'],
  (c, at) => {
    const api = /^services\/([^/]+)\//.exec(c.source_file)?.[1];
    if (!api) throw new Error(`${at}: not a services/<api>/ file: ${c.source_file}`);
    return {
      platform: V3,
      code: payCode(c.code, at),
      ...status(c.http_status, at),
      api,
      en: '',
      ...describe(c.zh_desc, c.zh_cause, c.zh_solution),
    };
  },
);

export const parsePayV2Wxjava = tsvParser(
  ['api_group', 'err_code', 'zh_desc', 'zh_cause', 'zh_solution'],
  (c, at) => ({
    platform: V2,
    code: payCode(c.err_code, at),
    api: c.api_group,
    en: '',
    ...describe(c.zh_desc, c.zh_cause, c.zh_solution),
  }),
);
