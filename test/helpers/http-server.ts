// A real HTTP server on 127.0.0.1 (ephemeral port) for the request wrapper's tests and bench. Tests register
// scenario routes with `on(path, handler)`; every request is counted per path and kept (method, headers, body).
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Handler = (req: SeenRequest, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  on(path: string, handler: Handler): void;
  /** Requests seen for a path (all paths when omitted). */
  seen(path?: string): SeenRequest[];
  hits(path: string): number;
  reset(): void;
  close(): Promise<void>;
}

export function json(
  res: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  let log: SeenRequest[] = [];
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: raw.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: raw.headers,
        body: Buffer.concat(chunks),
      };
      log.push(seen);
      const handler = routes.get(url.pathname);
      if (!handler) return json(res, { error: `no route ${url.pathname}` }, 404);
      Promise.resolve(handler(seen, res, raw)).catch((error: unknown) => {
        if (!res.headersSent) json(res, { error: String(error) }, 500);
        else res.destroy();
      });
    });
  });
  // Node's agent drops sockets whose Keep-Alive hint is ≤ 1 s: keep the default 5 s so sockets are reused.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    on: (path, handler) => void routes.set(path, handler),
    seen: (path) => (path ? log.filter((r) => r.path === path) : log.slice()),
    hits: (path) => log.filter((r) => r.path === path).length,
    reset: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
