// `wxerr/transfer`: wx.uploadFile and wx.downloadFile under a client's policy, opt in:
// `upload(api, { url, filePath, name })`, `download(api, { url })`. They run in the transfer lane of the
// app-wide cap (configureConcurrency's maxTransfers), so requests always find a slot; an upload counts as POST
// for the retry policy. `onProgress` gets the task's progress, `onHeadersReceived` its headers.
import type {
  CallOptions,
  Client,
  DownloadOptions,
  DownloadResponse,
  RequestOptions,
  UploadOptions,
  UploadResponse,
} from './options';

export type { DownloadOptions, DownloadResponse, UploadOptions, UploadResponse } from './options';

/**
 * A transfer through the client's request(): every field that is not the client's own option goes to wx as
 * given, so `type` (the wx method) makes the wire request an upload or a download, in the transfer lane.
 */
const run = (
  client: Client,
  type: 'uploadFile' | 'downloadFile',
  o: CallOptions & { url: string },
): Promise<unknown> =>
  client.request({ ...o, type, method: type === 'uploadFile' ? 'POST' : 'GET' } as RequestOptions);

/** wx.uploadFile: resolves with wx's success object, `data` parsed when it is JSON. */
export const upload = <T = unknown>(client: Client, o: UploadOptions): Promise<UploadResponse<T>> =>
  run(client, 'uploadFile', o) as Promise<UploadResponse<T>>;

/** wx.downloadFile: resolves with wx's success object (`tempFilePath`, `filePath`, `statusCode`). */
export const download = (client: Client, o: DownloadOptions): Promise<DownloadResponse> =>
  run(client, 'downloadFile', o) as Promise<DownloadResponse>;
