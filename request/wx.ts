// The few wx APIs the wrapper calls, typed structurally so the published .d.ts needs no mini-program typings
// and tests can pass a shim. In a mini-program the global `wx` is used.

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'CONNECT';
export type Header = Record<string, string>;

export interface WxTask {
  abort(): void;
}

/** What every wx.* fail callback gets. `errno` from base library 2.24.0. */
export interface WxFail {
  errMsg: string;
  errno?: number;
}

export interface WxCallbacks<S> {
  success?(res: S): void;
  fail?(err: WxFail): void;
}

export interface WxRequestOptions extends WxCallbacks<WxRequestSuccess> {
  url: string;
  method?: Method;
  data?: unknown;
  header?: Header;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  [extra: string]: unknown;
}
export interface WxRequestSuccess {
  data: unknown;
  statusCode: number;
  header: Header;
  cookies?: string[];
  errMsg?: string;
}

export interface WxUploadOptions extends WxCallbacks<WxUploadSuccess> {
  url: string;
  filePath: string;
  name: string;
  header?: Header;
  formData?: Record<string, unknown>;
  timeout?: number;
  [extra: string]: unknown;
}
export interface WxUploadSuccess {
  data: string;
  statusCode: number;
  errMsg?: string;
}

export interface WxDownloadOptions extends WxCallbacks<WxDownloadSuccess> {
  url: string;
  header?: Header;
  timeout?: number;
  filePath?: string;
  [extra: string]: unknown;
}
export interface WxDownloadSuccess {
  tempFilePath: string;
  filePath?: string;
  statusCode: number;
  errMsg?: string;
}

export interface RealtimeLogger {
  error(...args: unknown[]): void;
  addFilterMsg?(msg: string): void;
}

export interface WxLike {
  request(o: WxRequestOptions): WxTask;
  uploadFile(o: WxUploadOptions): WxTask;
  downloadFile(o: WxDownloadOptions): WxTask;
  getRealtimeLogManager?(): RealtimeLogger;
}

// Module-scoped declaration: resolves to the mini-program's global at run time without clashing with
// miniprogram-api-typings where those are loaded.
declare const wx: WxLike | undefined;

export function globalWx(): WxLike {
  if (typeof wx === 'undefined' || !wx) throw new Error('wxerr: no global wx; pass createClient({ wx })');
  return wx;
}
