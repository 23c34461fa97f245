import type { Platform } from '../../miniprogram/core/types';

/** One data row as a parser read it, before merging. Texts are whitespace-normalised source text. */
export interface RawRow {
  source: string;
  /** 1-based ordinal of the data row in its file. */
  row: number;
  /** 1-based line of the row in its file (1 for files that are one long line). */
  line: number;
  platform: Platform;
  /** The heading the row sits under, when the file has sections. */
  section?: string;
  code: string;
  en: string;
  zh: string;
  fix?: string;
  note?: string;
  /** HTTP status the source gives with the code (WeChat Pay APIv3). */
  http?: number;
  /** The API whose table the row comes from, when the source words a code per API. */
  api?: string;
  /** 小程序客户端 API: the wx.* API family the code belongs to (codes are unique per scope). */
  scope?: string;
  /** Official documentation URL the source names for the row. */
  doc?: string;
}

export type Parser = (text: string, source: string) => RawRow[];
