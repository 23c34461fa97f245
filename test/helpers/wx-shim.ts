// A `wx` for Node that does wx.request / uploadFile / downloadFile over real sockets, the way the documented
// API behaves: `success` for any HTTP status ({data, statusCode, header, cookies, errMsg: 'request:ok'}),
// `fail` ({errMsg: 'request:fail …', errno}) only when no response came (timeout, abort, reset, refused, TLS,
// URL not in the domain list, too many tasks), `complete` after either; JSON auto-parse when dataType is json,
// the raw string when the body is not valid JSON; GET data as a query string, other methods' data as JSON.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'http';
import { Agent as HttpsAgent, request as httpsRequest } from 'https';
import { readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';

type Header = Record<string, string>;

interface Callbacks<S> {
  success?(res: S): void;
  fail?(err: { errMsg: string; errno?: number }): void;
  complete?(res: unknown): void;
}

export interface ShimRequestOptions extends Callbacks<unknown> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Header;
  timeout?: number;
  dataType?: string;
  responseType?: string;
}
export interface ShimUploadOptions extends Callbacks<unknown> {
  url: string;
  filePath: string;
  name: string;
  header?: Header;
  formData?: Record<string, unknown>;
  timeout?: number;
}
export interface ShimDownloadOptions extends Callbacks<unknown> {
  url: string;
  header?: Header;
  filePath?: string;
  timeout?: number;
}

export interface ShimProgress {
  progress: number;
  totalBytesSent?: number;
  totalBytesExpectedToSend?: number;
  totalBytesWritten?: number;
  totalBytesExpectedToWrite?: number;
}

export interface ShimTask {
  abort(): void;
  onHeadersReceived(cb: (res: { header: Header; statusCode: number }) => void): void;
  offHeadersReceived(cb?: (res: { header: Header; statusCode: number }) => void): void;
  /** Upload and download tasks: bytes sent (when the body is written) or written (per chunk received). */
  onProgressUpdate(cb: (res: ShimProgress) => void): void;
}

export interface ShimOptions {
  /** Hosts allowed (like the admin console's domain list); unset = any. */
  domains?: string[];
  /** Tasks in flight at once before new ones fail with errno 600007, as older clients do (default 10). */
  maxTasks?: number;
}

export interface RealtimeLogCall {
  level: string;
  args: unknown[];
  /** Bytes of the arguments as JSON: WeChat allows at most 5 KB per call. */
  size: number;
}

export interface WxShim {
  request(o: ShimRequestOptions): ShimTask;
  uploadFile(o: ShimUploadOptions): ShimTask;
  downloadFile(o: ShimDownloadOptions): ShimTask;
  getRealtimeLogManager(): {
    info(...a: unknown[]): void;
    warn(...a: unknown[]): void;
    error(...a: unknown[]): void;
    addFilterMsg(m: string): void;
  };
  readonly stats: { started: number; active: number; maxActive: number };
  readonly logs: RealtimeLogCall[];
  /** Closes kept-alive sockets and deletes the temp files downloads wrote. */
  destroy(): void;
}

const REALTIME_LOG_LIMIT = 5 * 1024;

function query(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data;
  return Object.entries(data as Record<string, unknown>)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`,
    )
    .join('&');
}

function failure(api: string, error: NodeJS.ErrnoException): { errMsg: string; errno: number } {
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || /hang up/.test(error.message))
    return { errMsg: `${api}:fail net::ERR_CONNECTION_RESET`, errno: 600001 };
  if (code === 'ECONNREFUSED') return { errMsg: `${api}:fail net::ERR_CONNECTION_REFUSED`, errno: 600001 };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { errMsg: `${api}:fail net::ERR_NAME_NOT_RESOLVED`, errno: 600001 };
  if (code === 'EPROTO' || /SSL|CERT|TLS/i.test(code + error.message))
    return { errMsg: `${api}:fail ssl hand shake error`, errno: 600001 };
  return { errMsg: `${api}:fail ${error.message}`, errno: 600000 };
}

function flatten(headers: IncomingMessage['headers']): Header {
  const out: Header = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

let downloads = 0;

export function createWxShim(options: ShimOptions = {}): WxShim {
  const httpAgent = new HttpAgent({ keepAlive: true });
  const httpsAgent = new HttpsAgent({ keepAlive: true });
  const stats = { started: 0, active: 0, maxActive: 0 };
  const logs: RealtimeLogCall[] = [];
  const tempFiles: string[] = [];
  const maxTasks = options.maxTasks ?? 10;

  /** One HTTP exchange with wx's callback contract. `done` turns the response into the success object. */
  function exchange(
    api: string,
    o: Callbacks<unknown> & { url: string; header?: Header; timeout?: number },
    method: string,
    body: Buffer | undefined,
    extraHeaders: Header,
    done: (res: IncomingMessage, body: Buffer) => unknown,
  ): ShimTask {
    const headerListeners = new Set<(res: { header: Header; statusCode: number }) => void>();
    const progressListeners = new Set<(res: ShimProgress) => void>();
    const progress = (p: ShimProgress): void => {
      // wx reports progress on the task, asynchronously
      for (const cb of progressListeners) setImmediate(() => cb(p));
    };
    let settled = false;
    let counted = false;
    // Filled in once the socket is opened; settle/abort may run before (bad URL, domain, task limit).
    const live: { timer?: NodeJS.Timeout; req?: ReturnType<typeof httpRequest> } = {};
    const settle = (ok: boolean, result: unknown): void => {
      if (settled) return;
      settled = true;
      if (live.timer) clearTimeout(live.timer);
      if (counted) stats.active--;
      // wx calls back asynchronously, never inside the call that started the task.
      setImmediate(() => {
        if (ok) o.success?.(result);
        else o.fail?.(result as { errMsg: string; errno?: number });
        o.complete?.(result);
      });
    };
    const task: ShimTask = {
      abort() {
        if (settled) return;
        live.req?.destroy();
        settle(false, { errMsg: `${api}:fail abort` });
      },
      onHeadersReceived: (cb) => void headerListeners.add(cb),
      offHeadersReceived: (cb) => (cb ? void headerListeners.delete(cb) : headerListeners.clear()),
      onProgressUpdate: (cb) => void progressListeners.add(cb),
    };
    let url: URL;
    try {
      url = new URL(o.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      settle(false, { errMsg: `${api}:fail invalid url "${o.url}"`, errno: 600009 });
      return task;
    }
    if (options.domains && !options.domains.includes(url.host)) {
      settle(false, { errMsg: `${api}:fail url not in domain list`, errno: 600002 });
      return task;
    }
    if (stats.active >= maxTasks) {
      settle(false, { errMsg: `${api}:fail exceed max task count`, errno: 600007 });
      return task;
    }
    stats.started++;
    stats.active++;
    counted = true;
    stats.maxActive = Math.max(stats.maxActive, stats.active);
    const headers: Header = { ...extraHeaders, ...o.header };
    if (body) headers['content-length'] = String(body.length);
    const https = url.protocol === 'https:';
    const req = (https ? httpsRequest : httpRequest)(url, {
      method,
      headers,
      agent: https ? httpsAgent : httpAgent,
    });
    live.req = req;
    live.timer = setTimeout(() => {
      req.destroy();
      settle(false, { errMsg: `${api}:fail timeout`, errno: 5 });
    }, o.timeout ?? 60000);
    req.on('response', (res) => {
      for (const cb of headerListeners) cb({ header: flatten(res.headers), statusCode: res.statusCode ?? 0 });
      const chunks: Buffer[] = [];
      const expected = Number(res.headers['content-length'] ?? 0);
      let written = 0;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        written += c.length;
        if (api === 'downloadFile')
          progress({
            progress: expected ? Math.round((written / expected) * 100) : 0,
            totalBytesWritten: written,
            totalBytesExpectedToWrite: expected,
          });
      });
      res.on('end', () => settle(true, done(res, Buffer.concat(chunks))));
      res.on('error', (e) => settle(false, failure(api, e)));
      res.on('aborted', () =>
        settle(false, failure(api, Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))),
      );
    });
    req.on('error', (e) => settle(false, failure(api, e)));
    req.end(body, () => {
      if (api === 'uploadFile' && body)
        progress({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length });
    });
    return task;
  }

  return {
    stats,
    logs,
    request(o) {
      const method = (o.method ?? 'GET').toUpperCase();
      const header = { ...o.header };
      const ctKey = Object.keys(header).find((k) => k.toLowerCase() === 'content-type');
      const contentType = ctKey ? header[ctKey] : 'application/json';
      let url = o.url;
      let body: Buffer | undefined;
      if (method === 'GET' || method === 'HEAD') {
        const q = query(o.data);
        if (q) url += (url.includes('?') ? '&' : '?') + q;
      } else if (o.data !== undefined) {
        if (o.data instanceof ArrayBuffer) body = Buffer.from(o.data);
        else if (typeof o.data === 'string') body = Buffer.from(o.data);
        else if (/x-www-form-urlencoded/i.test(contentType)) body = Buffer.from(query(o.data));
        else body = Buffer.from(JSON.stringify(o.data));
      }
      return exchange(
        'request',
        { ...o, url, header },
        method,
        body,
        ctKey ? {} : { 'content-type': contentType },
        (res, raw) => {
          let data: unknown;
          if (o.responseType === 'arraybuffer')
            data = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
          else {
            data = raw.toString('utf8');
            if ((o.dataType ?? 'json') === 'json') {
              try {
                data = JSON.parse(data as string);
              } catch {
                // WeChat hands over the raw text when the body is not JSON
              }
            }
          }
          const setCookie = res.headers['set-cookie'];
          return {
            data,
            statusCode: res.statusCode ?? 0,
            header: flatten(res.headers),
            cookies: setCookie ?? [],
            errMsg: 'request:ok',
          };
        },
      );
    },
    uploadFile(o) {
      const boundary = `----wxshim${Date.now().toString(16)}`;
      const parts: Buffer[] = [];
      for (const [k, v] of Object.entries(o.formData ?? {})) {
        parts.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`),
        );
      }
      let file: Buffer;
      try {
        file = readFileSync(o.filePath);
      } catch {
        const task = { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onProgressUpdate() {} };
        setImmediate(() => o.fail?.({ errMsg: `uploadFile:fail file not found`, errno: 1300002 }));
        return task;
      }
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${o.name}"; filename="${basename(o.filePath)}"\r\n` +
            'Content-Type: application/octet-stream\r\n\r\n',
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      );
      return exchange(
        'uploadFile',
        o,
        'POST',
        Buffer.concat(parts),
        { 'content-type': `multipart/form-data; boundary=${boundary}` },
        (res, raw) => ({
          data: raw.toString('utf8'),
          statusCode: res.statusCode ?? 0,
          errMsg: 'uploadFile:ok',
        }),
      );
    },
    downloadFile(o) {
      return exchange('downloadFile', o, 'GET', undefined, {}, (res, raw) => {
        const target = o.filePath ?? join(tmpdir(), `wxshim-${process.pid}-${++downloads}`);
        writeFileSync(target, raw);
        if (!o.filePath) tempFiles.push(target);
        return o.filePath
          ? { filePath: target, tempFilePath: '', statusCode: res.statusCode ?? 0, errMsg: 'downloadFile:ok' }
          : { tempFilePath: target, statusCode: res.statusCode ?? 0, errMsg: 'downloadFile:ok' };
      });
    },
    getRealtimeLogManager() {
      const record =
        (level: string) =>
        (...args: unknown[]): void => {
          const size = Buffer.byteLength(JSON.stringify(args));
          if (size > REALTIME_LOG_LIMIT) throw new Error(`realtime log call of ${size} bytes exceeds 5 KB`);
          logs.push({ level, args, size });
        };
      return { info: record('info'), warn: record('warn'), error: record('error'), addFilterMsg() {} };
    },
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
      for (const f of tempFiles.splice(0)) rmSync(f, { force: true });
    },
  };
}
