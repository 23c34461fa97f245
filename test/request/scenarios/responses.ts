// Successes and every failure class: errcode bodies, HTTP statuses, network failures. Registered against a Lib: the sources or the built package.
import { startServer } from '../../helpers/http-server';
import { createWxShim } from '../../helpers/wx-shim';
import { delay, json, type Ctx } from './context';

export function responseScenarios(ctx: Ctx): void {
  describe('success', () => {
    test('GET with baseURL, default headers, params and typed data', async () => {
      ctx.server.on('/echo', (req, res) =>
        json(res, { errcode: 0, q: req.query.get('q'), lang: req.headers['x-lang'], method: req.method }),
      );
      const { client } = ctx.fast({ headers: { 'X-Lang': 'zh_CN' } });
      const data = await client.get<{ q: string; lang: string; method: string }>('/echo', {
        params: { q: '白名单 & x', skip: undefined },
      });
      expect(data).toEqual({ errcode: 0, q: '白名单 & x', lang: 'zh_CN', method: 'GET' });
    });

    test("POST sends JSON; request() resolves wx's success object: status, headers, cookies", async () => {
      ctx.server.on('/post', (req, res) =>
        json(res, { got: JSON.parse(req.body.toString()) }, 201, { 'set-cookie': 'sid=1; Path=/' }),
      );
      const { client } = ctx.fast();
      const res = await client.request<{ got: unknown }>({ url: '/post', method: 'POST', data: { a: 1 } });
      expect(res.statusCode).toBe(201);
      expect(res.data.got).toEqual({ a: 1 });
      expect(res.header['content-type']).toBe('application/json');
      expect(res.cookies?.[0]).toContain('sid=1');
      // wx's own success object, as wx gave it
      expect((res as { errMsg?: string }).errMsg).toBe('request:ok');
    });

    test('put / delete / head / options use their methods', async () => {
      ctx.server.on('/m', (req, res) => (req.method === 'HEAD' ? res.end() : json(res, { m: req.method })));
      const { client } = ctx.fast();
      expect(await client.put('/m', { x: 1 })).toEqual({ m: 'PUT' });
      expect(await client.delete('/m')).toEqual({ m: 'DELETE' });
      expect(await client.options('/m')).toEqual({ m: 'OPTIONS' });
      await client.head('/m');
      expect(ctx.server.seen('/m').map((r) => r.method)).toEqual(['PUT', 'DELETE', 'OPTIONS', 'HEAD']);
    });

    // walk8: a typed get<T>() resolved a proxy's page or a cut-short body as a string (me.name undefined).
    test('JSON asked, 2xx body wx could not parse (cut short, a portal page): kind http, not JSON, retried', async () => {
      ctx.server.on('/bad-json', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"items": [1, 2');
      });
      ctx.server.on('/portal', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('\n<html><head><title>Wi-Fi login</title></head><body>portal</body></html>');
      });
      const { client } = ctx.fast();
      const cut = await ctx.failure(client.get('/bad-json'));
      expect(ctx.lib.isHttpError(cut) && [cut.statusCode, cut.code, cut.action]).toEqual([
        200,
        '200',
        'retry-later',
      ]);
      expect(cut.message).toContain('HTTP 200: not JSON');
      expect(cut.data).toBe('{"items": [1, 2');
      expect(ctx.server.hits('/bad-json')).toBe(3);
      const portal = await ctx.failure(client.post('/portal', { a: 1 }));
      expect(portal.message).toContain('HTTP 200 Wi-Fi login: not JSON (POST');
      // The end user is told the network, as for a failed connection (a portal's page on a phone's Wi-Fi).
      expect(ctx.lib.userMessage(portal).zh).toBe('网络不给力，请稍后再试');
      expect(ctx.lib.userMessage(await ctx.failure(client.get('/missing'))).zh).not.toBe(
        '网络不给力，请稍后再试',
      );
      expect(ctx.server.hits('/portal')).toBe(1); // POST is not retried
    });

    test("what wx parsed, plain text, an empty body and dataType 'text' resolve as wx gives them", async () => {
      const bodies: Record<string, [number, string, string]> = {
        '/literal': [200, 'application/json', '"ok"'],
        '/plain': [200, 'text/plain', 'OK'],
        '/empty': [204, 'text/plain', ''],
        '/text': [200, 'text/html', '<p>hi</p>'],
      };
      for (const [path, [status, type, body]] of Object.entries(bodies))
        ctx.server.on(path, (_req, res) => {
          res.writeHead(status, { 'content-type': type });
          res.end(body);
        });
      const { client } = ctx.fast();
      expect(await client.get('/literal')).toBe('ok');
      expect(await client.get('/plain')).toBe('OK');
      expect(await client.get('/empty')).toBe('');
      expect(await client.get('/text', { dataType: 'text' })).toBe('<p>hi</p>');
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
    test.each(cases)('errcode %s (%s) → %s with wxerr/codes', async (code, errmsg, action) => {
      ctx.server.on('/api', (_req, res) =>
        json(res, { errcode: Number(code), errmsg: `${errmsg} rid: 65bb65b7-402cd2bc-0d97216b` }),
      );
      const { client } = ctx.fast({ retry: false, platform: ctx.lib.wechat });
      const err = await ctx.failure(client.post('/api', {}));
      expect(ctx.lib.isApiError(err)).toBe(true);
      if (!ctx.lib.isApiError(err)) return;
      expect(err.code).toBe(code);
      expect(err.action).toBe(action);
      expect(err.errmsg).toBe(errmsg);
      expect(err.rid).toBe('65bb65b7-402cd2bc-0d97216b');
      expect(err.retryable).toBe(action === 'retry-later');
      expect(err.message).toContain(`errcode ${code}`);
      // the backend-token semantics are in the core's message; the other hints are wxerr/messages'
      if (action === 'refresh-token')
        expect(err.message).toMatch(/backend’s access_token.*not the user’s session/);
      else expect(err.message).not.toContain(ctx.lib.ACTION_HINT[err.action]);
    });

    test('errcode as a string, and inside base_resp', async () => {
      ctx.server.on('/str', (_req, res) =>
        json(res, { errcode: '61003', errmsg: 'component is not authorized' }),
      );
      ctx.server.on('/base', (_req, res) =>
        json(res, { base_resp: { errcode: 45011, errmsg: 'api minute-quota reach limit' } }),
      );
      const { client } = ctx.fast({ retry: false });
      const a = await ctx.failure(client.get('/str'));
      expect(ctx.lib.isApiError(a) && a.code).toBe('61003');
      const b = await ctx.failure(client.get('/base'));
      expect(ctx.lib.isApiError(b) && b.code).toBe('45011');
      expect(b.action).toBe('retry-later');
    });

    test('errcode 0 and "0" are success', async () => {
      ctx.server.on('/ok', (req, res) => json(res, { errcode: req.query.get('s') ? '0' : 0, errmsg: 'ok' }));
      const { client } = ctx.fast();
      await expect(client.get('/ok')).resolves.toEqual({ errcode: 0, errmsg: 'ok' });
      await expect(client.get('/ok', { params: { s: 1 } })).resolves.toEqual({ errcode: '0', errmsg: 'ok' });
    });

    test('the core alone: retried, quota and access_token codes classed; the other classes unknown, not retried', async () => {
      const bodies: Record<string, { errcode: number; errmsg: string }> = {
        a: { errcode: 40001, errmsg: 'invalid credential' },
        b: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
        c: { errcode: -1, errmsg: 'system error' },
        d: { errcode: 40029, errmsg: 'invalid code' },
        e: { errcode: 48004, errmsg: 'api forbidden for irregularities' },
        f: { errcode: 40999, errmsg: 'too frequent, retry later' },
      };
      ctx.server.on('/core', (req, res) => json(res, bodies[req.query.get('w') ?? '']));
      const { client } = ctx.fast();
      const got: Record<string, [string, number]> = {};
      for (const w of Object.keys(bodies)) {
        ctx.server.reset();
        ctx.server.on('/core', (req, res) => json(res, bodies[req.query.get('w') ?? '']));
        const err = await ctx.failure(client.get('/core', { params: { w } }));
        got[w] = [err.action, ctx.server.hits('/core')];
      }
      expect(got).toEqual({
        a: ['refresh-token', 1],
        b: ['quota', 1],
        c: ['retry-later', 3],
        d: ['unknown', 1],
        e: ['unknown', 1],
        f: ['retry-later', 3], // the retry wording, whatever the code
      });
    });

    test('a malformed JSON body that still carries an errcode is an API error', async () => {
      ctx.server.on('/trunc', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"errcode":40013,"errmsg":"invalid appid hint: [KJZfAa0644e575]"');
      });
      const { client } = ctx.fast({ platform: ctx.lib.wechat });
      const err = await ctx.failure(client.get('/trunc'));
      expect(ctx.lib.isApiError(err) && err.code).toBe('40013');
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
      ctx.server.on('/status', (_req, res) => json(res, { message: 'nope' }, status));
      const { client } = ctx.fast({ retry: false });
      const err = await ctx.failure(client.get('/status'));
      expect(ctx.lib.isHttpError(err)).toBe(true);
      expect(err.statusCode).toBe(status);
      expect(err.action).toBe(action);
      expect(err.data).toEqual({ message: 'nope' });
    });

    test('an HTML error page: status, title in the message, body kept, retried for GET', async () => {
      ctx.server.on('/html', (_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
      });
      const { client } = ctx.fast();
      const err = await ctx.failure(client.get('/html'));
      expect(ctx.lib.isHttpError(err) && err.statusCode).toBe(502);
      expect(err.message).toContain('HTTP 502 502 Bad Gateway');
      expect(String(err.data)).toContain('nginx');
      expect(ctx.server.hits('/html')).toBe(3);
      expect(err.attempts).toBe(3);
    });
  });

  describe('network failures', () => {
    test('slow body past the timeout → timeout, retried within the attempt bound', async () => {
      ctx.server.on('/slow', async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        await delay(400);
        if (!res.destroyed) res.end('1}');
      });
      const { client } = ctx.fast({ timeout: 60, retry: { attempts: 2, baseDelay: 1, jitter: 0 } });
      const err = await ctx.failure(client.get('/slow'));
      expect(ctx.lib.isNetworkError(err) && err.reason).toBe('timeout');
      expect(err.errno).toBe(5);
      expect(err.action).toBe('retry-later');
      expect(ctx.server.hits('/slow')).toBe(2);
    });

    test('without wxerr/network: abort and timeout told apart, the rest is reason unknown and retried', async () => {
      ctx.server.on('/reset', (_req, _res, raw) => raw.socket.destroy());
      const { client } = ctx.fast();
      const get = await ctx.failure(client.get('/reset'));
      expect(get).toMatchObject({ kind: 'network', reason: 'unknown', errno: 600001, action: 'retry-later' });
      expect(ctx.server.hits('/reset')).toBe(3);
      const strict = createWxShim({ domains: ['api.example.com'] });
      const c2 = ctx.lib.createClient({ wx: strict, baseURL: ctx.server.origin, retry: false });
      expect(await ctx.failure(c2.get('/anything'))).toMatchObject({ reason: 'unknown', errno: 600002 });
      strict.destroy();
    });

    test('with wxerr/network: connection reset → reset (errno 600001); GET retried, POST not', async () => {
      ctx.server.on('/reset', (_req, _res, raw) => raw.socket.destroy());
      const { client } = ctx.fast({ network: ctx.lib.network });
      const get = await ctx.failure(client.get('/reset'));
      expect(ctx.lib.isNetworkError(get) && get.reason).toBe('reset');
      expect(get.errno).toBe(600001);
      expect(ctx.server.hits('/reset')).toBe(3);
      ctx.server.reset();
      const post = await ctx.failure(client.post('/reset', { x: 1 }));
      expect(post.reason).toBe('reset');
      expect(ctx.server.hits('/reset')).toBe(1);
    });

    test('with wxerr/network: TLS to a plain HTTP port → ssl, fix-config, not retried', async () => {
      const { client } = ctx.fast({ network: ctx.lib.network });
      const err = await ctx.failure(client.get(`https://127.0.0.1:${ctx.server.port}/x`));
      expect(ctx.lib.isNetworkError(err) && err.reason).toBe('ssl');
      expect(err.action).toBe('fix-config');
      expect(err.retryable).toBe(false);
    });

    test('with wxerr/network: refused connection and a URL outside the domain list', async () => {
      const closed = await startServer();
      const port = closed.port;
      await closed.close();
      const { client } = ctx.fast({ retry: false, network: ctx.lib.network });
      const refused = await ctx.failure(client.get(`http://127.0.0.1:${port}/`));
      expect(refused.reason).toBe('refused');
      const strict = createWxShim({ domains: ['api.example.com'] });
      const c2 = ctx.lib.createClient({ wx: strict, baseURL: ctx.server.origin, network: ctx.lib.network });
      const domain = await ctx.failure(c2.get('/anything'));
      expect(ctx.lib.isNetworkError(domain) && domain.reason).toBe('domain');
      expect(domain.errno).toBe(600002);
      expect(domain.action).toBe('fix-config');
      expect(domain.message).toContain(': domain (GET ');
      strict.destroy();
    });
  });
}
