// Builds the catalog from the source files in catalog/sources: parse every row, merge rows that give the
// same code on the same platform into one entry, and keep every distinct wording with its source rows.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { classifyAction } from '../miniprogram/core/action';
import { applyPrimaryTexts, sortRefs } from '../miniprogram/core/codec';
import { familyOf } from '../miniprogram/core/family';
import { entryId, PAY_PLATFORMS, platformRank } from '../miniprogram/core/platforms';
import type { CatalogData, Entry, SourceInfo, TextVariant } from '../miniprogram/core/types';
import { parseErrnoTsv } from './parsers/errno-tsv';
import { parseFastRegister } from './parsers/fastregister';
import { parseFlatRst } from './parsers/flat-rst';
import { parseHtmlTable } from './parsers/html-table';
import { parseMiniprogramExtra } from './parsers/miniprogram-extra';
import { parseMpOauth } from './parsers/mp-oauth';
import { parseOfficialSections } from './parsers/official-sections';
import { parsePhpArray } from './parsers/php-array';
import { parseFastRegisterSenparc, parseMpMsgCrypt, parsePayV2Map } from './parsers/sdk-copies';
import { parseSpaceSections } from './parsers/space-sections';
import type { Parser, RawRow } from './parsers/types';
import {
  parsePayV2Wxjava,
  parsePayV3Common,
  parsePayV3Go,
  parsePayV3HttpStatus,
  parsePayV3Senparc,
} from './parsers/wechatpay';
import { parseCloudSeen, parsePaySeen, parseWecomSeen } from './parsers/seen';
import {
  parseWecomFinanceSdk,
  parseWecomGoWorkwx,
  parseWecomMsgCrypt,
  parseWecomWxjava,
} from './parsers/wecom';
import { parseWxapiErrors, parseWxapiObserved } from './parsers/wxapi';
import { applyProjectTexts } from './project/apply';
import {
  ALIASES_FILE,
  ProjectTextError,
  readAliases,
  type AliasGroup,
  type ProjectTexts,
} from './project/load';

export const SOURCES_DIR = join(__dirname, 'sources');

interface SourceSpec {
  id: string;
  file: string;
  title: string;
  format: string;
  parse: Parser;
  /** Written by another branch: skipped until the file is there (the build is then non-strict). */
  optional?: boolean;
}

/**
 * Sources in order of authority: when several wordings exist for one entry, the first source's wording is
 * the primary text and the others stay as variants.
 */
export const SOURCE_SPECS: readonly SourceSpec[] = [
  {
    id: '001',
    file: '001_41c214d88feefdf0.txt',
    title: '开放平台 错误码 (official page, all sections)',
    format: 'tab-separated sections',
    parse: parseOfficialSections,
  },
  {
    id: 'errno',
    file: 'errno_miniprogram.tsv',
    title: '小程序 PublicErrno table (official, transcribed)',
    format: 'errno TSV',
    parse: parseErrnoTsv,
  },
  {
    id: '002',
    file: '002_80bf7a5f91bb0bf9.txt',
    title: '公众号 全局返回码 (blog post, HTML table)',
    format: 'HTML table',
    parse: parseHtmlTable,
  },
  {
    id: '004',
    file: '004_5db3eff1bf217294.txt',
    title: '公众号 返回码, old list (flattened reStructuredText)',
    format: 'flattened reStructuredText',
    parse: parseFlatRst,
  },
  {
    id: '000',
    file: '000_365373298a02a830.txt',
    title: '第三方平台代小程序 返回码 (blog post, PHP array)',
    format: 'PHP array',
    parse: parsePhpArray,
  },
  {
    id: '003',
    file: '003_c104c6c75ec3ed17.txt',
    title: 'Non-WeChat third-party account platform codes',
    format: 'space-separated sections with string codes',
    parse: parseSpaceSections,
  },
  {
    id: 'mp-extra',
    file: 'miniprogram_missing_codes.tsv',
    title:
      '小程序 server codes missing from the seeds (WxJava WxMaErrorMsgEnum, checked against official pages)',
    format: 'TSV',
    parse: parseMiniprogramExtra,
  },
  {
    id: 'fastregister',
    file: 'component_fastregister_official.tsv',
    title: '第三方平台 快速注册小程序 错误码 (two official API pages)',
    format: 'TSV, one row per API',
    parse: parseFastRegister,
  },
  {
    id: 'fastregister-senparc',
    file: 'component_fastregister_senparc_Enums.tsv',
    title: '第三方平台 快速注册 errcodes (Senparc status enums, SDK copy)',
    format: 'TSV, one row per API',
    parse: parseFastRegisterSenparc,
  },
  {
    id: 'mp-oauth',
    file: 'mp_oauth_authorize_troubleshooting_official.tsv',
    title: '公众号 网页授权 authorize page codes (official 授权登录常见问题 page)',
    format: 'TSV, one row per code',
    parse: parseMpOauth,
  },
  {
    id: 'wecom',
    file: 'wecom_errcodes_go-workwx.tsv',
    title: '企业微信 全局错误码 (official page via go-workwx)',
    format: 'TSV',
    parse: parseWecomGoWorkwx,
  },
  {
    id: 'wecom-wxjava',
    file: 'wecom_errcodes_wxjava_WxCpErrorMsgEnum.tsv',
    title: '企业微信 错误码, older subset (WxJava WxCpErrorMsgEnum)',
    format: 'TSV, 说明；排查方法 in one cell',
    parse: parseWecomWxjava,
  },
  {
    id: 'wecom-msgcrypt',
    file: 'msgcrypt_wecom_weworkapi_php_errorCode.tsv',
    title: '企业微信 加解密库 (WXBizMsgCrypt) return codes (official SDK sbzhu/weworkapi_php errorCode.php)',
    format: 'TSV',
    parse: parseWecomMsgCrypt,
  },
  {
    id: 'mp-msgcrypt',
    file: 'msgcrypt_mp_senparc_WXBizMsgCrypt.tsv',
    title: '公众号 加解密库 (WXBizMsgCrypt) return codes (Senparc copy of the sample, SDK copy)',
    format: 'TSV',
    parse: parseMpMsgCrypt,
  },
  {
    id: 'wecom-finance',
    file: 'wecom_finance_sdk_errcodes_official.tsv',
    title: '企业微信 会话内容存档 SDK return values (official page, SDK错误码说明)',
    format: 'TSV',
    parse: parseWecomFinanceSdk,
  },
  {
    id: 'pay3-common',
    file: 'wechatpay_v3_common_codes_official.tsv',
    title: '微信支付 APIv3 公共错误码 (official)',
    format: 'TSV',
    parse: parsePayV3Common,
  },
  {
    id: 'pay3-http',
    file: 'wechatpay_v3_http_status_official.tsv',
    title: '微信支付 APIv3 HTTP状态码 (official, zh + en)',
    format: 'TSV',
    parse: parsePayV3HttpStatus,
  },
  {
    id: 'pay3-senparc',
    file: 'wechatpay_v3_errcodes_senparc_TenPayApiResultCode.tsv',
    title: '微信支付 APIv3 result codes (Senparc TenPayApiResultCode)',
    format: 'TSV',
    parse: parsePayV3Senparc,
  },
  {
    id: 'pay3-go',
    file: 'wechatpay_v3_errcodes_wechatpay-go_comments.tsv',
    title: '微信支付 APIv3 per-API codes (official Go SDK doc comments)',
    format: 'TSV, one row per API',
    parse: parsePayV3Go,
  },
  {
    id: 'pay2-wxjava',
    file: 'wechatpay_v2_errcodes_wxjava_WxPayErrorCode.tsv',
    title: '微信支付 APIv2 err_code per API (WxJava WxPayErrorCode)',
    format: 'TSV, one row per API',
    parse: parsePayV2Wxjava,
  },
  {
    id: 'pay2-tradejs',
    file: 'wechatpay_v2_errcodes_wechat-trade-js_WechatApiError.tsv',
    title: '微信支付 APIv2 err_code descriptions (wechat-trade-js WechatApiErrorMessages, SDK copy)',
    format: 'TSV',
    parse: parsePayV2Map,
  },
  {
    id: 'wxapi',
    file: 'wxapi_errors.tsv',
    title: '小程序客户端 API errMsg failures and per-API errCode tables (official API docs)',
    format: 'TSV',
    parse: parseWxapiErrors,
  },
  {
    id: 'wxapi-seen',
    file: 'wxapi_errmsg_observed.tsv',
    title: '小程序客户端 API errMsg failures seen verbatim in public threads (official page named per row)',
    format: 'TSV',
    parse: parseWxapiObserved,
  },
  // Errmsgs seen verbatim in public responses (catalog/parsers/seen.ts): last, so that an official wording
  // stays the primary text; they add wordings to the entries above and create an entry only for a code no
  // official table has.
  {
    id: 'wecom-seen',
    file: 'wecom_errmsg_seen.tsv',
    title: '企业微信 errmsg seen verbatim in public responses (thread named per row)',
    format: 'TSV',
    parse: parseWecomSeen,
  },
  {
    id: 'cloud-seen',
    file: 'cloud_errmsg_seen.tsv',
    title: '云开发 errMsg seen verbatim in public responses (thread named per row)',
    format: 'TSV',
    parse: parseCloudSeen,
  },
  {
    id: 'pay-seen',
    file: 'wechatpay_errmsg_seen.tsv',
    title: '微信支付 err_code / err_code_des seen verbatim in public responses (thread named per row)',
    format: 'TSV',
    parse: parsePaySeen,
  },
];

export interface ParsedSource {
  spec: SourceSpec;
  rows: RawRow[];
}

export function parseSources(dir: string = SOURCES_DIR): ParsedSource[] {
  return SOURCE_SPECS.filter((spec) => !spec.optional || existsSync(join(dir, spec.file))).map((spec) => ({
    spec,
    rows: spec.parse(readFileSync(join(dir, spec.file), 'utf8'), spec.id),
  }));
}

/** The repository's Pay alias groups (catalog/project/aliases.tsv). */
export function defaultAliasGroups(): AliasGroup[] {
  const problems: string[] = [];
  const groups = readAliases(ALIASES_FILE, problems);
  if (problems.length) throw new ProjectTextError(problems);
  return groups;
}

const sameText = (v: TextVariant, r: RawRow, spelling: string | undefined): boolean =>
  v.en === r.en &&
  v.zh === r.zh &&
  (v.fix ?? '') === (r.fix ?? '') &&
  (v.note ?? '') === (r.note ?? '') &&
  v.api === r.api &&
  v.spelling === spelling;

/**
 * Where a row goes: its entry id and the code that entry is listed under. On the Pay platforms a spelling of
 * an alias group joins the entry the group already has there (its code is the first spelling met).
 */
function placeRow(row: RawRow, groupOf: Map<string, AliasGroup>, groupEntry: Map<string, string>) {
  const group = PAY_PLATFORMS.has(row.platform) ? groupOf.get(row.code.toUpperCase()) : undefined;
  const groupKey = group ? `${row.platform}\t${group.spellings[0]}` : '';
  const known = group ? groupEntry.get(groupKey) : undefined;
  const code = known ?? row.code;
  if (group && !known) groupEntry.set(groupKey, code);
  return { id: entryId(row.platform, code, row.scope), code, group };
}

/**
 * Merge parsed rows into entries, then (when given) the project's own translations, notes and advice.
 * Pure: the same rows and texts always give the same catalog.
 */
export function buildCatalog(parsed: ParsedSource[], project?: ProjectTexts): CatalogData {
  const byId = new Map<string, Entry>();
  const sources: SourceInfo[] = [];
  const groupOf = new Map<string, AliasGroup>();
  for (const g of project?.aliases ?? defaultAliasGroups())
    for (const s of g.spellings) groupOf.set(s.toUpperCase(), g);
  const groupEntry = new Map<string, string>();
  const groupsOfEntry = new Map<Entry, AliasGroup>();
  for (const { spec, rows } of parsed) {
    const info: SourceInfo = {
      id: spec.id,
      file: spec.file,
      title: spec.title,
      format: spec.format,
      rows: rows.length,
      kept: 0,
      merged: 0,
    };
    for (const row of rows) {
      const ref = { source: row.source, row: row.row, line: row.line };
      const { id, code, group } = placeRow(row, groupOf, groupEntry);
      let entry = byId.get(id);
      if (entry && entry.scope !== row.scope)
        throw new Error(
          `${row.source}:${row.line}: ${id} is in scope ${entry.scope}, this row in ${row.scope}`,
        );
      if (entry) info.merged += 1;
      else {
        info.kept += 1;
        entry = {
          id,
          code,
          platform: row.platform,
          ...(row.scope ? { scope: row.scope } : {}),
          en: '',
          zh: '',
          family: '',
          action: 'unknown',
          texts: [],
          sources: [],
        };
        byId.set(id, entry);
        if (group) groupsOfEntry.set(entry, group);
      }
      entry.sources.push(ref);
      // A page one API's table names (快速注册小程序's) is the doc of the entries that table brings in, not of
      // a general code (-1, 0) its row merges into: that one keeps its platform's page (view/detail.ts).
      if (row.doc && !entry.doc && (!row.api || entry.sources.length === 1)) entry.doc = row.doc;
      if (row.http !== undefined && !entry.http?.includes(row.http))
        entry.http = [...(entry.http ?? []), row.http].sort((a, b) => a - b);
      const spelling = row.code === code ? undefined : row.code;
      const variant = entry.texts.find((v) => sameText(v, row, spelling));
      if (variant) variant.sources.push(ref);
      else {
        entry.texts.push({
          en: row.en,
          zh: row.zh,
          ...(row.fix ? { fix: row.fix } : {}),
          ...(row.note ? { note: row.note } : {}),
          ...(row.api ? { api: row.api } : {}),
          ...(spelling ? { spelling } : {}),
          sources: [ref],
        });
      }
    }
    sources.push(info);
  }
  const entries = [...byId.values()];
  for (const [entry, group] of groupsOfEntry) {
    const aliases = group.spellings.filter((s) => s !== entry.code);
    if (aliases.length) entry.aliases = aliases;
  }
  for (const entry of entries) finishEntry(entry);
  entries.sort(compareEntries);
  const data = { version: 1, sources, entries };
  if (project) applyProjectTexts(data, project);
  return data;
}

function finishEntry(entry: Entry): void {
  sortRefs(entry.sources);
  applyPrimaryTexts(entry);
  entry.family = familyOf(entry.code, entry.platform, { scope: entry.scope, http: entry.http });
  entry.action = classifyAction(
    entry.code,
    entry.platform,
    entry.texts.flatMap((v) => [v.en, v.zh, v.fix ?? '']),
  );
}

function codeOrder(code: string): number {
  const n = Number(code.replace(/x$/i, '0'));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    platformRank(a.platform) - platformRank(b.platform) ||
    codeOrder(a.code) - codeOrder(b.code) ||
    a.code.localeCompare(b.code)
  );
}
