/**
 * @jest-environment node
 */
// The wrapper against a real HTTP server on 127.0.0.1, through a wx shim that talks real sockets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  createAbortController,
  createClient,
  isAbortError,
  isApiError,
  isAuthError,
  isHttpError,
  isNetworkError,
  isWxerrError,
  WxerrError,
  type Client,
  type ClientOptions,
} from '../../request';
import { delay, json, startServer, type TestServer } from '../helpers/http-server';
import { createWxShim, type WxShim } from '../helpers/wx-shim';

let server: TestServer;
let shim: WxShim;

beforeAll(async () => {
  server = await startServer();
  shim = createWxShim();
});
afterAll(async () => {
  shim.destroy();
  await server.close();
});
beforeEach(() => server.reset());

/** Sleeps are recorded and skipped: no test waits for a backoff or a minute boundary. */
function fastClient(extra: ClientOptions = {}): { client: Client; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = createClient({
    baseURL: server.origin,
    wx: shim,
    retry: { baseDelay: 5, maxDelay: 40, jitter: 0 },
    clock: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    ...extra,
  });
  return { client, sleeps };
}

async function failure(p: Promise<unknown>): Promise<WxerrError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof WxerrError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('success', () => {
  test('GET with baseURL, default headers, params and typed data', async () => {
    server.on('/echo', (req, res) =>
      json(res, { errcode: 0, q: req.query.get('q'), lang: req.headers['x-lang'], method: req.method }),
    );
    const { client } = fastClient({ headers: { 'X-Lang': 'zh_CN' } });
    const data = await client.get<{ q: string; lang: string; method: string }>('/echo', {
      params: { q: '白名单 & x', skip: undefined },
    });
    expect(data).toEqual({ errcode: 0, q: '白名单 & x', lang: 'zh_CN', method: 'GET' });
  });

  test('POST sends JSON; request() resolves status, headers and cookies', async () => {
    server.on('/post', (req, res) =>
      json(res, { got: JSON.parse(req.body.toString()) }, 201, { 'set-cookie': 'sid=1; Path=/' }),
    );
    const { client } = fastClient();
    const res = await client.request<{ got: unknown }>({ url: '/post', method: 'POST', data: { a: 1 } });
    expect(res.statusCode).toBe(201);
    expect(res.data.got).toEqual({ a: 1 });
    expect(res.header['content-type']).toBe('application/json');
    expect(res.cookies?.[0]).toContain('sid=1');
  });

  test('put / delete / head / options use their methods', async () => {
    server.on('/m', (req, res) => (req.method === 'HEAD' ? res.end() : json(res, { m: req.method })));
    const { client } = fastClient();
    expect(await client.put('/m', { x: 1 })).toEqual({ m: 'PUT' });
    expect(await client.delete('/m')).toEqual({ m: 'DELETE' });
    expect(await client.options('/m')).toEqual({ m: 'OPTIONS' });
    await client.head('/m');
    expect(server.seen('/m').map((r) => r.method)).toEqual(['PUT', 'DELETE', 'OPTIONS', 'HEAD']);
  });

  test('malformed JSON with 200 resolves the raw text, as wx.request does', async () => {
    server.on('/bad-json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items": [1, 2');
    });
    const { client } = fastClient();
    expect(await client.get('/bad-json')).toBe('{"items": [1, 2');
  });
});

describe('API errors (errcode ≠ 0)', () => {
  const cases: Array<[string, string, string]> = [
    ['45009', 'reach max api daily quota limit', 'quota'],
    ['40029', 'invalid code', 're-login'],
    ['40164', 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist', 'fix-config'],
    ['41001', 'access_token missing', 'fix-request'],
    ['48004', 'api forbidden for irregularities', 'account-state'],
    ['40001', 'invalid credential, access_token is invalid or not latest', 'refresh-token'],
    ['-1', 'system error', 'retry-later'],
    ['9300999', 'something specific', 'unknown'],
  ];
  test.each(cases)('errcode %s (%s) → %s', async (code, errmsg, action) => {
    server.on('/api', (_req, res) =>
      json(res, { errcode: Number(code), errmsg: `${errmsg} rid: 65bb65b7-402cd2bc-0d97216b` }),
    );
    const { client } = fastClient({ retry: false });
    const err = await failure(client.post('/api', {}));
    expect(isApiError(err)).toBe(true);
    if (!isApiError(err)) return;
    expect(err.code).toBe(code);
    expect(err.action).toBe(action);
    expect(err.errmsg).toBe(errmsg);
    expect(err.rid).toBe('65bb65b7-402cd2bc-0d97216b');
    expect(err.retryable).toBe(action === 'retry-later');
    expect(err.message).toContain(`errcode ${code}`);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/); // says what to do in Chinese…
    expect(err.message).toMatch(/ \/ [a-z]/); // …and in English
  });

  test('errcode as a string, and inside base_resp', async () => {
    server.on('/str', (_req, res) => json(res, { errcode: '61003', errmsg: 'component is not authorized' }));
    server.on('/base', (_req, res) =>
      json(res, { base_resp: { errcode: 45011, errmsg: 'api minute-quota reach limit' } }),
    );
    const { client } = fastClient({ retry: false });
    const a = await failure(client.get('/str'));
    expect(isApiError(a) && a.code).toBe('61003');
    const b = await failure(client.get('/base'));
    expect(isApiError(b) && b.code).toBe('45011');
    expect(b.action).toBe('retry-later');
  });

  test('errcode 0 and "0" are success', async () => {
    server.on('/ok', (req, res) => json(res, { errcode: req.query.get('s') ? '0' : 0, errmsg: 'ok' }));
    const { client } = fastClient();
    await expect(client.get('/ok')).resolves.toEqual({ errcode: 0, errmsg: 'ok' });
    await expect(client.get('/ok', { params: { s: 1 } })).resolves.toEqual({ errcode: '0', errmsg: 'ok' });
  });

  test('a malformed JSON body that still carries an errcode is an API error', async () => {
    server.on('/trunc', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":40013,"errmsg":"invalid appid hint: [KJZfAa0644e575]"');
    });
    const { client } = fastClient();
    const err = await failure(client.get('/trunc'));
    expect(isApiError(err) && err.code).toBe('40013');
    expect(err.rid).toBe('KJZfAa0644e575');
    expect(err.action).toBe('fix-config');
  });
});

describe('HTTP errors', () => {
  test.each([
    [404, 'fix-request'],
    [401, 're-login'],
    [403, 'fix-config'],
    [500, 'retry-later'],
  ])('status %d → %s', async (status, action) => {
    server.on('/status', (_req, res) => json(res, { message: 'nope' }, status));
    const { client } = fastClient({ retry: false });
    const err = await failure(client.get('/status'));
    expect(isHttpError(err)).toBe(true);
    expect(err.statusCode).toBe(status);
    expect(err.action).toBe(action);
    expect(err.data).toEqual({ message: 'nope' });
  });

  test('an HTML error page: status, title in the message, body kept, retried for GET', async () => {
    server.on('/html', (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    });
    const { client } = fastClient();
    const err = await failure(client.get('/html'));
    expect(isHttpError(err) && err.statusCode).toBe(502);
    expect(err.message).toContain('HTTP 502 502 Bad Gateway');
    expect(String(err.data)).toContain('nginx');
    expect(server.hits('/html')).toBe(3);
    expect(err.attempts).toBe(3);
  });
});

describe('network failures', () => {
  test('slow body past the timeout → timeout, retried within the attempt bound', async () => {
    server.on('/slow', async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      await delay(400);
      if (!res.destroyed) res.end('1}');
    });
    const { client } = fastClient({ timeout: 60, retry: { attempts: 2, baseDelay: 1, jitter: 0 } });
    const err = await failure(client.get('/slow'));
    expect(isNetworkError(err) && err.reason).toBe('timeout');
    expect(err.errno).toBe(5);
    expect(err.action).toBe('retry-later');
    expect(server.hits('/slow')).toBe(2);
  });

  test('connection reset → reset (errno 600001); GET retried, POST not', async () => {
    server.on('/reset', (_req, _res, raw) => raw.socket.destroy());
    const { client } = fastClient();
    const get = await failure(client.get('/reset'));
    expect(isNetworkError(get) && get.reason).toBe('reset');
    expect(get.errno).toBe(600001);
    expect(server.hits('/reset')).toBe(3);
    server.reset();
    const post = await failure(client.post('/reset', { x: 1 }));
    expect(post.reason).toBe('reset');
    expect(server.hits('/reset')).toBe(1);
  });

  test('TLS to a plain HTTP port → ssl, fix-config, not retried', async () => {
    const { client } = fastClient();
    const err = await failure(client.get(`https://127.0.0.1:${server.port}/x`));
    expect(isNetworkError(err) && err.reason).toBe('ssl');
    expect(err.action).toBe('fix-config');
    expect(err.retryable).toBe(false);
  });

  test('refused connection and a URL outside the domain list', async () => {
    const closed = await startServer();
    const port = closed.port;
    await closed.close();
    const { client } = fastClient({ retry: false });
    const refused = await failure(client.get(`http://127.0.0.1:${port}/`));
    expect(refused.reason).toBe('refused');
    const strict = createWxShim({ domains: ['api.example.com'] });
    const c2 = createClient({ wx: strict, baseURL: server.origin });
    const domain = await failure(c2.get('/anything'));
    expect(isNetworkError(domain) && domain.reason).toBe('domain');
    expect(domain.errno).toBe(600002);
    expect(domain.action).toBe('fix-config');
    expect(domain.message).toContain('合法域名');
    strict.destroy();
  });
});

describe('retry policy', () => {
  test('5xx storm: exactly `attempts` sends, exponential backoff, then the last error', async () => {
    server.on('/storm', (_req, res) => json(res, { error: 'busy' }, 503));
    const { client, sleeps } = fastClient({ retry: { attempts: 5, baseDelay: 5, maxDelay: 40, jitter: 0 } });
    const err = await failure(client.get('/storm'));
    expect(server.hits('/storm')).toBe(5);
    expect(err.attempts).toBe(5);
    expect(sleeps).toEqual([5, 10, 20, 40]);
  });

  test('jitter shortens delays by up to its fraction', async () => {
    server.on('/storm', (_req, res) => json(res, {}, 500));
    const { client, sleeps } = fastClient({
      retry: { attempts: 3, baseDelay: 100, jitter: 0.5 },
      clock: { random: () => 1, sleep: async (ms) => void sleeps.push(ms) },
    });
    await failure(client.get('/storm'));
    expect(sleeps).toEqual([50, 100]);
  });

  test('total time bound stops retries before the attempt bound', async () => {
    server.on('/storm', (_req, res) => json(res, {}, 500));
    let now = 0;
    const { client } = fastClient({
      retry: { attempts: 10, baseDelay: 100, maxDelay: 100, jitter: 0, maxTotal: 250 },
      clock: {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
        },
      },
    });
    await failure(client.get('/storm'));
    expect(server.hits('/storm')).toBe(3); // sends at t=0, 100, 200; the next would start past 250
  });

  test('POST is not retried unless opted in', async () => {
    server.on('/busy', (_req, res) => json(res, { errcode: -1, errmsg: 'system error' }));
    const { client } = fastClient();
    await failure(client.post('/busy', {}));
    expect(server.hits('/busy')).toBe(1);
    server.reset();
    await failure(client.post('/busy', {}, { retry: { methods: ['POST'] } }));
    expect(server.hits('/busy')).toBe(3);
  });

  test('429 with Retry-After waits that long, then succeeds', async () => {
    let n = 0;
    server.on('/limited', (_req, res) =>
      ++n === 1 ? json(res, { error: 'slow down' }, 429, { 'Retry-After': '2' }) : json(res, { ok: true }),
    );
    const { client, sleeps } = fastClient();
    await expect(client.get('/limited')).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([2000]);
  });

  test('45011 waits for the next minute boundary (or Retry-After when given)', async () => {
    let n = 0;
    server.on('/minute', (req, res) =>
      ++n % 2 === 1
        ? json(
            res,
            { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
            200,
            req.query.get('ra') ? { 'retry-after': '7' } : {},
          )
        : json(res, { errcode: 0 }),
    );
    const { client, sleeps } = fastClient({
      clock: { now: () => 1_700_000_025_500, sleep: async (ms) => void sleeps.push(ms) },
    });
    // 1_700_000_025_500 ms is 25.5 s past a minute boundary… of epoch ms: 1_700_000_025_500 % 60000 = 25_500
    await client.get('/minute');
    expect(sleeps).toEqual([60000 - (1_700_000_025_500 % 60000)]);
    await client.get('/minute', { params: { ra: 1 } });
    expect(sleeps[1]).toBe(7000);
  });

  test('a 45011 wait longer than maxTotal is not waited: the error surfaces', async () => {
    server.on('/minute', (_req, res) =>
      json(res, { errcode: 45011, errmsg: 'api minute-quota reach limit' }),
    );
    const { client, sleeps } = fastClient({
      retry: { maxTotal: 1000 },
      clock: { now: () => 30_000, sleep: async (ms) => void sleeps.push(ms) },
    });
    const err = await failure(client.get('/minute'));
    expect(err.code).toBe('45011');
    expect(sleeps).toEqual([]);
    expect(server.hits('/minute')).toBe(1);
  });

  test('quota (45009) and fix-request errors are never retried', async () => {
    server.on('/quota', (_req, res) =>
      json(res, { errcode: 45009, errmsg: 'reach max api daily quota limit' }),
    );
    const { client } = fastClient();
    await failure(client.get('/quota'));
    expect(server.hits('/quota')).toBe(1);
  });
});

describe('token refresh', () => {
  function authServer(): { refreshes: () => number; client: Client; setFail: (e?: Error) => void } {
    let token = 'old';
    let count = 0;
    let failWith: Error | undefined;
    server.on('/me', async (req, res) => {
      await delay(Number(req.query.get('d') ?? 0));
      if (req.headers.authorization === `Bearer new`) json(res, { errcode: 0, user: req.query.get('i') });
      else json(res, { errcode: 42001, errmsg: 'access_token expired rid: 65bb65b7-402cd2bc-0d97216b' });
    });
    const { client } = fastClient({
      auth: {
        getToken: () => token,
        refreshToken: async () => {
          count++;
          await delay(10);
          if (failWith) throw failWith;
          token = 'new';
        },
      },
    });
    return { refreshes: () => count, client, setFail: (e) => (failWith = e) };
  }

  test('10 concurrent 42001s → exactly one refresh, each request replays once', async () => {
    const { client, refreshes } = authServer();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.get<{ user: string }>('/me', { params: { i, d: i * 3 } })),
    );
    expect(results.map((r) => r.user)).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
    expect(refreshes()).toBe(1);
    expect(server.hits('/me')).toBe(20);
    for (let i = 0; i < 10; i++)
      expect(server.seen('/me').filter((r) => r.query.get('i') === String(i))).toHaveLength(2);
  });

  test('a 42001 that arrives after the refresh finished replays without a second refresh', async () => {
    const { client, refreshes } = authServer();
    const fast = client.get('/me', { params: { i: 'fast' } });
    const slow = client.get('/me', { params: { i: 'slow', d: 80 } }); // sent with the old token, answers late
    await Promise.all([fast, slow]);
    expect(refreshes()).toBe(1);
  });

  test('refresh failure → every waiting request rejects with that reason, none hangs', async () => {
    const { client, refreshes, setFail } = authServer();
    const reason = new Error('refresh endpoint down');
    setFail(reason);
    // Staggered answers: some 42001s arrive after the refresh has already failed; they take its outcome too.
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => client.get('/me', { params: { i, d: i * 4 } })),
    );
    expect(refreshes()).toBe(1);
    for (const s of settled) {
      expect(s.status).toBe('rejected');
      const err = (s as PromiseRejectedResult).reason as WxerrError;
      expect(isAuthError(err)).toBe(true);
      expect(err.cause).toBe(reason);
      expect(err.message).toContain('refresh endpoint down');
    }
    expect(server.hits('/me')).toBe(10);
  });

  test('401 after a refresh is surfaced as an auth error, not looped', async () => {
    let refreshes = 0;
    server.on('/always401', (_req, res) => json(res, { message: 'unauthorized' }, 401));
    const { client } = fastClient({
      auth: { getToken: () => 't', refreshToken: () => void refreshes++ },
    });
    const err = await failure(client.get('/always401'));
    expect(isAuthError(err)).toBe(true);
    expect(err.statusCode).toBe(401);
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('still unauthorized');
    expect(refreshes).toBe(1);
    expect(server.hits('/always401')).toBe(2);
  });

  test('a getToken that throws becomes an auth error with that cause', async () => {
    server.on('/me2', (_req, res) => json(res, { errcode: 0 }));
    const boom = new Error('storage unavailable');
    const { client } = fastClient({
      auth: {
        getToken: () => {
          throw boom;
        },
        refreshToken: () => undefined,
      },
    });
    const err = await failure(client.get('/me2'));
    expect(isAuthError(err) && err.cause).toBe(boom);
    expect(server.hits('/me2')).toBe(0);
  });

  test('auth: false skips the token; a custom isAuthExpired and apply are used', async () => {
    server.on('/q', (req, res) =>
      json(res, { token: req.query.get('access_token'), h: req.headers.authorization ?? null }),
    );
    const { client } = fastClient({
      auth: {
        getToken: () => 'abc',
        refreshToken: () => undefined,
        isAuthExpired: (res) => res.statusCode === 419,
        apply: (req, token) => {
          req.url += `${req.url.includes('?') ? '&' : '?'}access_token=${token}`;
        },
      },
    });
    expect(await client.get('/q')).toEqual({ token: 'abc', h: null });
    expect(await client.get('/q', { auth: false })).toEqual({ token: null, h: null });
  });
});

describe('concurrency, abort and dedupe', () => {
  beforeEach(() =>
    server.on('/wait', async (req, res) => {
      await delay(Number(req.query.get('d') ?? 30));
      json(res, { i: req.query.get('i') });
    }),
  );

  test('maxConcurrent caps sends in flight; the default 10 keeps 25 requests within WeChat’s task limit', async () => {
    const limited = createWxShim({ maxTasks: 10 });
    const c3 = createClient({ baseURL: server.origin, wx: limited, maxConcurrent: 3 });
    await Promise.all(Array.from({ length: 9 }, (_, i) => c3.get('/wait', { params: { i, d: 10 } })));
    expect(limited.stats.maxActive).toBe(3);
    const strict = createWxShim({ maxTasks: 10 });
    const cDefault = createClient({ baseURL: server.origin, wx: strict });
    const all = await Promise.all(
      Array.from({ length: 25 }, (_, i) => cDefault.get('/wait', { params: { i, d: 5 } })),
    );
    expect(all).toHaveLength(25);
    expect(strict.stats.maxActive).toBe(10);
    limited.destroy();
    strict.destroy();
  });

  test('abort while queued removes the request: it is never sent', async () => {
    const { client } = fastClient({ maxConcurrent: 1 });
    const first = client.get('/wait', { params: { i: 'first', d: 40 } });
    const ctl = createAbortController();
    const queued = client.get('/wait', { params: { i: 'queued' }, signal: ctl.signal });
    await delay(5);
    ctl.abort();
    const err = await failure(queued);
    expect(isAbortError(err)).toBe(true);
    expect(err.retryable).toBe(false);
    await first;
    await delay(10);
    expect(server.seen('/wait').map((r) => r.query.get('i'))).toEqual(['first']);
  });

  test('abort while running aborts the task and is never retried (standard AbortController too)', async () => {
    const { client } = fastClient();
    const ctl = new AbortController();
    const p = client.get('/wait', { params: { d: 200 }, signal: ctl.signal });
    await delay(30);
    ctl.abort();
    const err = await failure(p);
    expect(isAbortError(err) && err.errMsg).toBe('request:fail abort');
    await delay(10);
    expect(server.hits('/wait')).toBe(1);
  });

  test('an already-aborted signal rejects without sending', async () => {
    const { client } = fastClient();
    const ctl = createAbortController();
    ctl.abort();
    expect(isAbortError(await failure(client.get('/wait', { signal: ctl.signal })))).toBe(true);
    expect(server.hits('/wait')).toBe(0);
  });

  test('dedupe shares one response among identical in-flight GETs', async () => {
    const { client } = fastClient({ dedupe: true });
    const same = await Promise.all(
      Array.from({ length: 5 }, () => client.get('/wait', { params: { i: 1 } })),
    );
    expect(server.hits('/wait')).toBe(1);
    expect(new Set(same).size).toBe(1);
    await Promise.all([client.get('/wait', { params: { i: 2 } }), client.get('/wait', { params: { i: 3 } })]);
    expect(server.hits('/wait')).toBe(3);
    await Promise.all([client.post('/wait', {}), client.post('/wait', {})]);
    expect(server.hits('/wait')).toBe(5);
  });

  test('dedupe: one caller aborting leaves the others; all aborting aborts the send', async () => {
    const { client } = fastClient({ dedupe: true });
    const a = createAbortController();
    const b = createAbortController();
    const pa = client.get('/wait', { params: { d: 60 }, signal: a.signal });
    const pb = client.get('/wait', { params: { d: 60 }, signal: b.signal });
    const pc = client.get('/wait', { params: { d: 60 } });
    await delay(10);
    a.abort();
    expect(isAbortError(await failure(pa))).toBe(true);
    await expect(pc).resolves.toEqual({ i: null });
    await expect(pb).resolves.toEqual({ i: null });
    const x = createAbortController();
    const px = client.get('/wait', { params: { d: 100, k: 'x' }, signal: x.signal });
    await delay(10);
    x.abort();
    expect(isAbortError(await failure(px))).toBe(true);
    expect(server.hits('/wait')).toBe(2);
  });
});

describe('hooks, realtime log, upload, download', () => {
  test('onRequest can change the send; onResponse sees every response; onError is called once', async () => {
    server.on('/h', (req, res) =>
      json(res, { errcode: -1, errmsg: 'system error', trace: req.headers['x-trace'] }),
    );
    const responses: number[] = [];
    const errors: WxerrError[] = [];
    const { client } = fastClient({
      onRequest: (req) => ({ ...req, header: { ...req.header, 'X-Trace': `t${req.attempt}` } }),
      onResponse: (res) => void responses.push(res.statusCode),
      onError: (e) => void errors.push(e),
    });
    await failure(client.get('/h'));
    expect(server.seen('/h').map((r) => r.headers['x-trace'])).toEqual(['t1', 't2', 't3']);
    expect(responses).toEqual([200, 200, 200]);
    expect(errors).toHaveLength(1);
    expect(errors[0].attempts).toBe(3);
  });

  test('realtime log records code, rid and url for failures, under 5 KB even for a huge URL', async () => {
    server.on('/logme', (_req, res) =>
      json(res, { errcode: 40013, errmsg: 'invalid appid rid: 65bb65b7-402cd2bc-0d97216b' }),
    );
    const logShim = createWxShim();
    const client = createClient({ baseURL: server.origin, wx: logShim, realtimeLog: true, retry: false });
    await failure(client.get('/logme', { params: { pad: 'x'.repeat(8000) } }));
    expect(logShim.logs).toHaveLength(1);
    const [, record] = logShim.logs[0].args as [string, Record<string, unknown>];
    expect(record).toMatchObject({ code: '40013', rid: '65bb65b7-402cd2bc-0d97216b', kind: 'api' });
    expect(String(record.url)).toContain('/logme');
    expect(logShim.logs[0].size).toBeLessThan(5 * 1024);
    logShim.destroy();
  });

  test('upload sends the file and form fields; an errcode in the upload answer is an API error', async () => {
    server.on('/upload', (req, res) => {
      const body = req.body.toString('latin1');
      json(res, {
        errcode: body.includes('name="kind"\r\n\r\navatar') ? 0 : 41005,
        errmsg: 'media data missing',
        size: req.body.length,
        hasFile: body.includes('filename="a.bin"') && body.includes('PNGDATA'),
      });
    });
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-up-'));
    const file = join(dir, 'a.bin');
    writeFileSync(file, 'PNGDATA');
    const { client } = fastClient();
    const ok = await client.upload<{ hasFile: boolean }>({
      url: '/upload',
      filePath: file,
      name: 'file',
      formData: { kind: 'avatar' },
    });
    expect(ok.data.hasFile).toBe(true);
    const err = await failure(
      client.upload({ url: '/upload', filePath: file, name: 'file', formData: { kind: 'x' } }),
    );
    expect(isApiError(err) && err.code).toBe('41005');
    expect(server.hits('/upload')).toBe(2); // uploads count as POST: not retried
    rmSync(dir, { recursive: true, force: true });
  });

  test('download writes the body to a temp file; a 404 is an HTTP error', async () => {
    server.on('/file', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([1, 2, 3, 255]));
    });
    const { client } = fastClient({ retry: false });
    const res = await client.download({ url: '/file' });
    expect(res.statusCode).toBe(200);
    expect([...readFileSync(res.tempFilePath)]).toEqual([1, 2, 3, 255]);
    rmSync(res.tempFilePath);
    const err = await failure(client.download({ url: '/missing' }));
    expect(isHttpError(err) && err.statusCode).toBe(404);
  });

  test('errors from another copy of the module are recognised by name', () => {
    const foreign = Object.assign(new Error('x'), { name: 'WxerrError', kind: 'api' });
    expect(isWxerrError(foreign)).toBe(true);
    expect(isApiError(foreign)).toBe(true);
    expect(isWxerrError(new Error('x'))).toBe(false);
  });
});
