// Shared data model of the catalog. Pure TypeScript: used by the pages, the request wrapper and the CLI.

/** Where a code comes from. One number can mean different things on different platforms. */
export type Platform =
  | '开放平台通用'
  | '公众号'
  | '小程序客户端 errno'
  | '云开发'
  | '第三方平台代小程序'
  | '微信小店'
  | '视频号'
  | '云托管'
  | '微信网关'
  | '商业能力'
  | '腾讯小微'
  | '企业微信'
  | '微信支付 APIv3'
  | '微信支付 APIv2'
  | '小程序客户端 API'
  | '第三方账号平台（非微信）';

/** What a developer should do about a code (see shared notes: action classes). */
export type Action =
  | 'retry-later'
  | 'quota'
  | 'refresh-token'
  | 're-login'
  | 'fix-config'
  | 'fix-request'
  | 'account-state'
  | 'user-choice'
  | 'none'
  | 'unknown';

/** One row of one source file. `row` is the ordinal of the data row in that file (1-based); `line` its line. */
export interface SourceRef {
  source: string;
  row: number;
  line: number;
}

/** One wording of a code, exactly as a source gives it (whitespace normalised), with every row that gives it. */
export interface TextVariant {
  en: string;
  zh: string;
  fix?: string;
  /** Text the source attaches to the row that is not its main text: a code comment, a footnote. */
  note?: string;
  /** The API this wording belongs to, when a source words the code per API (`UnifiedOrder`, `refunddomestic`). */
  api?: string;
  /** How these rows spell the code, when not as the entry's `code` (a Pay alias such as `SYSTEMERROR`). */
  spelling?: string;
  sources: SourceRef[];
}

export interface Entry {
  /** Stable id: `${platformKey}:${code}`; on 小程序客户端 API `wxapi:${scope}:${code}` (see entryId). */
  id: string;
  code: string;
  platform: Platform;
  /** Other spellings of this code on its platform (WeChat Pay: `NOTENOUGH` for `NOT_ENOUGH`); lookup finds all. */
  aliases?: string[];
  /** HTTP status(es) a WeChat Pay APIv3 code comes with. */
  http?: number[];
  /** 小程序客户端 API only: the client API family the code belongs to (`bluetooth`, `requestPayment`). */
  scope?: string;
  /** Official documentation page for this code, when a source names one. */
  doc?: string;
  /** Primary English text ('' when no source has one). */
  en: string;
  /** Primary Chinese text ('' when no source has one). */
  zh: string;
  fix?: string;
  /**
   * Source id of `en`/`zh`/`fix` (the variant's first source), or "wxerr" when the text is the project's own
   * translation (no source has that language): such texts must be shown with a mark, never as official.
   */
  enSource?: string;
  zhSource?: string;
  fixSource?: string;
  /** The project's English of a Chinese-only official `fix` (WeCom's 排查方法); always the project's own words. */
  fixEn?: string;
  /** The project's note on a source text that is wrong or contradicts another source (project's own words). */
  noteZh?: string;
  noteEn?: string;
  /** The project's specific advice for this code: what is wrong and the next step (project's own words). */
  adviceZh?: string;
  adviceEn?: string;
  /** Family key from the code's range, e.g. "45xxx", "-404xxx", "errno:06". */
  family: string;
  action: Action;
  /** Every distinct wording, primary first. More than one when sources disagree. */
  texts: TextVariant[];
  /** Every source row merged into this entry. */
  sources: SourceRef[];
}

export interface SourceInfo {
  id: string;
  file: string;
  title: string;
  format: string;
  /** Rows the parser read. */
  rows: number;
  /** Rows that created a new entry. */
  kept: number;
  /** Rows merged into an entry another row had created (same platform and code). */
  merged: number;
}

export interface CatalogData {
  version: number;
  sources: SourceInfo[];
  entries: Entry[];
}
