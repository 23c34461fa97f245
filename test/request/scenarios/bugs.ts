// The faults issue 11 found by probing the built package as a consumer would. Each test here failed before its
// fix (see the commit messages); they run against the sources and against the packed, 构建 npm'd package.
import type { WxRequestOptions } from '../../../request/wx';
import { createWxShim } from '../../helpers/wx-shim';
import { delay, json, type Ctx } from './context';

type WxArg = WxRequestOptions;

export function bugScenarios(ctx: Ctx): void {
  describe('dedupe', () => {
    beforeEach(() =>
      ctx.server.on('/who', async (req, res) => {
        await delay(20);
        if (req.headers.authorization) json(res, { user: 'u', lang: req.headers['x-lang'] ?? null });
        else json(res, { message: 'login required', lang: req.headers['x-lang'] ?? null }, 401);
      }),
    );

    test('GETs that differ in auth, headers or timeout are not merged', async () => {
      const { client } = ctx.fast({
        dedupe: ctx.lib.dedupe,
        auth: ctx.lib.session({ getToken: () => 't', refreshToken: () => undefined }),
      });
      const [withToken, without] = await Promise.allSettled([
        client.get('/who'),
        client.get('/who', { auth: false }),
      ]);
      expect(withToken).toEqual({ status: 'fulfilled', value: { user: 'u', lang: null } });
      expect(without.status).toBe('rejected');
      const langs = await Promise.all([
        client.get('/who', { header: { 'X-Lang': 'zh' } }),
        client.get('/who', { header: { 'X-Lang': 'en' } }),
        client.get('/who', { header: { 'X-Lang': 'en' }, timeout: 5000 }),
      ]);
      expect(langs).toEqual([
        { user: 'u', lang: 'zh' },
        { user: 'u', lang: 'en' },
        { user: 'u', lang: 'en' },
      ]);
      expect(ctx.server.hits('/who')).toBe(5);
    });

    test("a caller's own retry policy is used, not the first caller's", async () => {
      ctx.server.on('/flaky', (_req, res) => json(res, { error: 'busy' }, 503));
      const { client } = ctx.fast({ dedupe: ctx.lib.dedupe });
      const once = ctx.failure(client.get('/flaky', { retry: false }));
      const thrice = ctx.failure(client.get('/flaky', { retry: { attempts: 3 } }));
      expect((await once).attempts).toBe(1);
      expect((await thrice).attempts).toBe(3);
      expect(ctx.server.hits('/flaky')).toBe(4);
    });

    test('an already-aborted signal never starts a wx.request', async () => {
      const shim = createWxShim();
      const client = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: shim, dedupe: ctx.lib.dedupe });
      const ctl = ctx.lib.createAbortController();
      ctl.abort();
      const err = await ctx.failure(client.get('/who', { signal: ctl.signal }));
      expect(err.kind).toBe('abort');
      expect(shim.stats.started).toBe(0);
      shim.destroy();
    });

    test('each deduped caller gets its own copy of the data', async () => {
      const { client } = ctx.fast({
        dedupe: ctx.lib.dedupe,
        auth: ctx.lib.session({ getToken: () => 't', refreshToken: () => undefined }),
      });
      const [a, b] = await Promise.all([
        client.get<{ user: string }>('/who'),
        client.get<{ user: string }>('/who'),
      ]);
      expect(ctx.server.hits('/who')).toBe(1);
      a.user = 'changed';
      expect(b.user).toBe('u');
    });
  });

  describe('options and types', () => {
    test('enableHttp2, enableCache, enableChunked and the other wx options reach wx.request', async () => {
      ctx.server.on('/opts', (_req, res) => json(res, { ok: true }));
      const seen: WxArg[] = [];
      const spy = {
        ...ctx.shim,
        request: (o: WxArg) => (seen.push({ ...o }), ctx.shim.request(o)),
      };
      const client = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: spy });
      const wxOptions = {
        enableHttp2: true,
        enableCache: true,
        enableChunked: true,
        enableQuic: true,
        forceCellularNetwork: false,
        redirect: 'manual',
      } as const;
      await client.request({ url: '/opts', ...wxOptions });
      expect(seen[0]).toMatchObject(wxOptions);
    });

    test("wx's own `header` spelling is sent (client and call), `headers` stays an alias", async () => {
      ctx.server.on('/h', (req, res) =>
        json(res, {
          a: req.headers['x-a'] ?? null,
          b: req.headers['x-b'] ?? null,
          c: req.headers['x-c'] ?? null,
        }),
      );
      const { client } = ctx.fast({ header: { 'X-A': 'client' } });
      expect(await client.get('/h', { header: { 'X-B': 'call' }, headers: { 'X-C': 'alias' } })).toEqual({
        a: 'client',
        b: 'call',
        c: 'alias',
      });
    });
  });

  describe('refresh', () => {
    test('a refreshToken that calls the same client fails fast with a clear error; the client lives on', async () => {
      let token = 'old';
      ctx.server.on('/login', (_req, res) => json(res, { token: 'new' }));
      ctx.server.on('/me', (req, res) =>
        req.headers.authorization === 'Bearer new' ? json(res, { me: 1 }) : json(res, {}, 401),
      );
      const holder: { client?: ReturnType<Ctx['lib']['createClient']> } = {};
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: async () => {
            // forgot `auth: false`: this call would wait for the refresh it is part of
            const r = await (holder.client as NonNullable<typeof holder.client>).post<{ token: string }>(
              '/login',
            );
            token = r.token;
          },
        }),
      });
      holder.client = client;
      const err = await ctx.failure(client.get('/me'));
      expect(err.kind).toBe('auth');
      expect(err.message).toMatch(/auth: false/);
      token = 'new';
      await expect(client.get('/me')).resolves.toEqual({ me: 1 });
    }, 5000);
  });

  describe('queue', () => {
    test('a small GET does not wait behind 10 downloads', async () => {
      ctx.server.on('/big', async (_req, res) => {
        await delay(150);
        res.end('x'.repeat(1000));
      });
      ctx.server.on('/small', (_req, res) => json(res, { small: true }));
      const { client } = ctx.fast();
      const order: string[] = [];
      const downloads = Array.from({ length: 10 }, () =>
        ctx.lib.download(client, { url: '/big' }).then(() => void order.push('download')),
      );
      await delay(10);
      await client.get('/small').then(() => void order.push('get'));
      await Promise.all(downloads);
      expect(order[0]).toBe('get');
    });

    test("two clients together stay within wx's 10 tasks (no errno 600007)", async () => {
      ctx.server.on('/slow', async (_req, res) => {
        await delay(20);
        json(res, { ok: 1 });
      });
      const strict = createWxShim({ maxTasks: 10 });
      // retry: false, so a 600007 is not hidden by a retry that happens to find a free slot
      const a = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: strict, retry: false });
      const b = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: strict, retry: false });
      const all = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).get('/slow', { params: { i } })),
      );
      expect(all.filter((s) => s.status === 'rejected')).toEqual([]);
      expect(strict.stats.maxActive).toBe(10);
      strict.destroy();
    });
  });

  describe('smaller faults', () => {
    test('baseURL joining: one slash between base and path', async () => {
      ctx.server.on('/api/me', (_req, res) => json(res, { ok: 1 }));
      const withSlash = ctx.lib.createClient({ baseURL: `${ctx.server.origin}/api/`, wx: ctx.shim });
      const without = ctx.lib.createClient({ baseURL: `${ctx.server.origin}/api`, wx: ctx.shim });
      await withSlash.get('/me');
      await without.get('me');
      await withSlash.get('me');
      await without.get('/me');
      expect(ctx.server.seen().map((r) => r.path)).toEqual(['/api/me', '/api/me', '/api/me', '/api/me']);
    });

    test('an abort during backoff clears its timer', async () => {
      ctx.server.on('/down', (_req, res) => json(res, {}, 503));
      const timers = new Map<unknown, number>();
      const realSet = global.setTimeout;
      const realClear = global.clearTimeout;
      const set = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
        const h = realSet(fn, ms);
        timers.set(h, ms ?? 0);
        return h;
      }) as typeof setTimeout);
      const cleared: unknown[] = [];
      const clear = jest.spyOn(global, 'clearTimeout').mockImplementation((h) => {
        cleared.push(h);
        realClear(h);
      });
      try {
        const client = ctx.lib.createClient({
          baseURL: ctx.server.origin,
          wx: ctx.shim,
          retry: { baseDelay: 29999, maxDelay: 29999, jitter: 0 },
        });
        const ctl = ctx.lib.createAbortController();
        const p = ctx.failure(client.get('/down', { signal: ctl.signal }));
        for (let i = 0; i < 100 && ![...timers.values()].includes(29999); i++) await delay(5);
        ctl.abort();
        expect((await p).kind).toBe('abort');
        const backoff = [...timers].find(([, ms]) => ms === 29999);
        expect(backoff).toBeDefined();
        expect(cleared).toContain(backoff?.[0]);
      } finally {
        set.mockRestore();
        clear.mockRestore();
      }
    });

    test('a wx that calls back synchronously leaves no abort listener behind', async () => {
      const listeners = new Set<() => void>();
      const signal = {
        aborted: false,
        addEventListener: (_t: 'abort', fn: () => void) => void listeners.add(fn),
        removeEventListener: (_t: 'abort', fn: () => void) => void listeners.delete(fn),
      };
      const syncWx = {
        request: (o: WxArg) => (
          o.success?.({ data: { ok: 1 }, statusCode: 200, header: {} }),
          { abort() {} }
        ),
        uploadFile: () => ({ abort() {} }),
        downloadFile: () => ({ abort() {} }),
      };
      const client = ctx.lib.createClient({ wx: syncWx, baseURL: 'http://local' });
      for (let i = 0; i < 5; i++) await client.get('/x', { signal });
      expect(listeners.size).toBe(0);
    });

    test('a throwing onRequest, or no wx at all, rejects with a WxerrError that reaches onError', async () => {
      ctx.server.on('/ok', (_req, res) => json(res, { ok: 1 }));
      const seen: string[] = [];
      const boom = new Error('hook bug');
      const { client } = ctx.fast({
        onRequest: () => {
          throw boom;
        },
        onError: (e) => void seen.push(e.kind),
      });
      const err = await ctx.failure(client.get('/ok'));
      expect(err.cause).toBe(boom);
      expect(err.message).toContain('hook bug');
      const noWx = ctx.lib.createClient({
        baseURL: ctx.server.origin,
        onError: (e) => void seen.push(e.kind),
      });
      const err2 = await ctx.failure(noWx.get('/ok'));
      expect(err2.message).toContain('createClient({ wx })');
      expect(seen).toEqual([err.kind, err2.kind]);
      expect(ctx.server.hits('/ok')).toBe(0);
    });

    test("a client-level retry: false gives way to a call's own retry", async () => {
      ctx.server.on('/down', (_req, res) => json(res, {}, 503));
      const { client } = ctx.fast({ retry: false });
      expect((await ctx.failure(client.get('/down', { retry: { attempts: 3 } }))).attempts).toBe(3);
      expect((await ctx.failure(client.get('/down'))).attempts).toBe(1);
      expect(ctx.server.hits('/down')).toBe(4);
    });

    test('the realtime log redacts token, secret and phone values in the URL', async () => {
      ctx.server.on('/log', (_req, res) => json(res, { errcode: 40013, errmsg: 'invalid appid' }));
      const logShim = createWxShim();
      const client = ctx.lib.createClient({
        baseURL: ctx.server.origin,
        wx: logShim,
        realtimeLog: ctx.lib.realtimeLog(),
      });
      await ctx.failure(
        client.get('/log', {
          params: {
            access_token: 'ACCESS123',
            app_secret: 'S3CR3T',
            phone: '13800138000',
            q: 'kept',
            n: '13912345678',
          },
        }),
      );
      const url = String((logShim.logs[0].args[1] as { url: string }).url);
      expect(url).toContain('/log?');
      expect(url).toContain('q=kept');
      for (const secret of ['ACCESS123', 'S3CR3T', '13800138000', '13912345678'])
        expect(url).not.toContain(secret);
      logShim.destroy();
    });
  });

  describe('session versus backend', () => {
    test('a relayed 40001 / 42001 is the backend’s access_token: api error, no refresh, no retry', async () => {
      let refreshes = 0;
      ctx.server.on('/relay', (req, res) =>
        json(res, {
          errcode: Number(req.query.get('c')),
          errmsg: 'access_token expired rid: 65bb65b7-402cd2bc-0d97216b',
        }),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({ getToken: () => 't', refreshToken: () => void refreshes++ }),
      });
      for (const code of ['40001', '42001', '40014']) {
        const err = await ctx.failure(client.get('/relay', { params: { c: code } }));
        expect(err.kind).toBe('api');
        expect(err.code).toBe(code);
        expect(err.action).toBe('refresh-token');
        expect(err.retryable).toBe(false);
        expect(err.message).toMatch(/getStableAccessToken/);
        expect(err.message).toMatch(/backend/);
      }
      expect(refreshes).toBe(0);
      expect(ctx.server.hits('/relay')).toBe(3);
    });

    test("HTTP 401 from the consumer's backend refreshes the session and replays once", async () => {
      let token = 'stale';
      let refreshes = 0;
      ctx.server.on('/me401', (req, res) =>
        req.headers.authorization === 'Bearer fresh' ? json(res, { me: 1 }) : json(res, {}, 401),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: () => void (refreshes++, (token = 'fresh')),
        }),
      });
      await expect(client.get('/me401')).resolves.toEqual({ me: 1 });
      expect(refreshes).toBe(1);
    });
  });
}
