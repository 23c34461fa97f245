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
  /** The API a per-API wording belongs to (e.g. WeChat Pay's `UnifiedOrder`). */
  api?: string;
  sources: SourceRef[];
}

export interface Entry {
  /** Stable id: `${platformKey}:${code}`. */
  id: string;
  code: string;
  platform: Platform;
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
  /** Other spellings of the code on the same platform (WeChat Pay's NOTENOUGH / NOT_ENOUGH). */
  aliases?: string[];
  /** HTTP status(es) the code comes with (WeChat Pay APIv3). */
  http?: number[];
  /** The client API family of a wx.* API code (`bluetooth`, `requestPayment`). */
  scope?: string;
  /** The official doc the entry comes from, when a source names one. */
  doc?: string;
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
