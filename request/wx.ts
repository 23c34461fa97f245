// The wx APIs the wrapper calls, typed structurally so the published .d.ts needs no mini-program typings,
// tests can pass a shim, and the `wx` of miniprogram-api-typings is accepted as `createClient({ wx })`.

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'CONNECT';
export type Header = Record<string, string>;

/** What every wx.* fail callback gets. `errno` from base library 2.24.0. */
export interface WxFail {
  errMsg: string;
  errno?: number;
}

/** A task's onHeadersReceived event. */
export interface HeadersReceived {
  header: Record<string, string>;
  statusCode?: number;
  cookies?: string[];
}

/** An upload or download task's onProgressUpdate event (Sent fields for uploads, Written for downloads). */
export interface Progress {
  /** 0…100 */
  progress: number;
  totalBytesSent?: number;
  totalBytesExpectedToSend?: number;
  totalBytesWritten?: number;
  totalBytesExpectedToWrite?: number;
}

export interface WxTask {
  abort(): void;
  onHeadersReceived?(cb: (res: HeadersReceived) => void): void;
  onProgressUpdate?(cb: (res: Progress) => void): void;
}

/** wx.request options the wrapper passes through untouched (base library versions in the wx docs). */
export interface WxRequestExtras {
  enableHttp2?: boolean;
  enableQuic?: boolean;
  enableCache?: boolean;
  enableChunked?: boolean;
  enableHttpDNS?: boolean;
  enableHttpDNSFallback?: boolean;
  httpDNSServiceId?: string;
  httpDNSTimeout?: number;
  enableProfile?: boolean;
  forceCellularNetwork?: boolean;
  redirect?: 'follow' | 'manual';
  useHighPerformanceMode?: boolean;
}
/** wx.uploadFile / wx.downloadFile options passed through. */
export interface WxTransferExtras {
  enableHttp2?: boolean;
  enableQuic?: boolean;
  enableProfile?: boolean;
}

/** Request bodies wx.request accepts. */
export type Body = string | object | ArrayBuffer;

interface WxCallbacks<S> {
  success?(res: S): void;
  fail?(err: WxFail): void;
}

export interface WxRequestOptions extends WxRequestExtras, WxCallbacks<WxRequestSuccess> {
  url: string;
  method?: Method;
  data?: Body;
  header?: Header;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
}
export interface WxRequestSuccess {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies?: string[];
}

export interface WxUploadOptions extends WxTransferExtras, WxCallbacks<WxUploadSuccess> {
  url: string;
  filePath: string;
  name: string;
  header?: Header;
  formData?: Record<string, unknown>;
  timeout?: number;
}
export interface WxUploadSuccess {
  data: string;
  statusCode: number;
}

export interface WxDownloadOptions extends WxTransferExtras, WxCallbacks<WxDownloadSuccess> {
  url: string;
  header?: Header;
  timeout?: number;
  filePath?: string;
}
export interface WxDownloadSuccess {
  tempFilePath: string;
  filePath?: string;
  statusCode: number;
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

/** The global wx, or undefined outside a mini-program. */
export function globalWx(): WxLike | undefined {
  return typeof wx === 'undefined' ? undefined : wx;
}
