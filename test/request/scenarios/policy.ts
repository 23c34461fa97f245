// Retry policy and session refresh. Registered against a Lib: the sources or the built package.
import { delay, json, type Client, type Ctx, type WxerrError } from './context';

export function policyScenarios(ctx: Ctx): void {
  describe('retry policy', () => {
    test('5xx storm: exactly `attempts` sends, exponential backoff, then the last error', async () => {
      ctx.server.on('/storm', (_req, res) => json(res, { error: 'busy' }, 503));
      const { client, sleeps } = ctx.fast({ retry: { attempts: 5, baseDelay: 5, maxDelay: 40, jitter: 0 } });
      const err = await ctx.failure(client.get('/storm'));
      expect(ctx.server.hits('/storm')).toBe(5);
      expect(err.attempts).toBe(5);
      expect(sleeps).toEqual([5, 10, 20, 40]);
    });

    test('jitter shortens delays by up to its fraction', async () => {
      ctx.server.on('/storm', (_req, res) => json(res, {}, 500));
      const { client, sleeps } = ctx.fast({
        retry: { attempts: 3, baseDelay: 100, jitter: 0.5 },
        clock: { random: () => 1, sleep: async (ms) => void sleeps.push(ms) },
      });
      await ctx.failure(client.get('/storm'));
      expect(sleeps).toEqual([50, 100]);
    });

    test('total time bound stops retries before the attempt bound', async () => {
      ctx.server.on('/storm', (_req, res) => json(res, {}, 500));
      let now = 0;
      const { client } = ctx.fast({
        retry: { attempts: 10, baseDelay: 100, maxDelay: 100, jitter: 0, maxTotal: 250 },
        clock: {
          now: () => now,
          sleep: async (ms) => {
            now += ms;
          },
        },
      });
      await ctx.failure(client.get('/storm'));
      expect(ctx.server.hits('/storm')).toBe(3); // sends at t=0, 100, 200; the next would start past 250
    });

    test('POST is not retried unless opted in', async () => {
      ctx.server.on('/busy', (_req, res) => json(res, { errcode: -1, errmsg: 'system error' }));
      const { client } = ctx.fast();
      await ctx.failure(client.post('/busy', {}));
      expect(ctx.server.hits('/busy')).toBe(1);
      ctx.server.reset();
      await ctx.failure(client.post('/busy', {}, { retry: { methods: ['POST'] } }));
      expect(ctx.server.hits('/busy')).toBe(3);
    });

    test('429 with Retry-After: wxerr/retry-after waits that long; without it, the backoff', async () => {
      let n = 0;
      ctx.server.on('/limited', (_req, res) =>
        n++ % 2 === 0
          ? json(res, { error: 'slow down' }, 429, { 'Retry-After': '2' })
          : json(res, { ok: true }),
      );
      const { client, sleeps } = ctx.fast({ retry: { baseDelay: 5, jitter: 0, wait: ctx.lib.retryAfter } });
      await expect(client.get('/limited')).resolves.toEqual({ ok: true });
      expect(sleeps).toEqual([2000]);
      const plain = ctx.fast();
      await expect(plain.client.get('/limited')).resolves.toEqual({ ok: true });
      expect(plain.sleeps).toEqual([5]);
    });

    test('45011 waits for the next minute boundary (or Retry-After when given)', async () => {
      let n = 0;
      ctx.server.on('/minute', (req, res) =>
        ++n % 2 === 1
          ? json(
              res,
              { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' },
              200,
              req.query.get('ra') ? { 'retry-after': '7' } : {},
            )
          : json(res, { errcode: 0 }),
      );
      const { client, sleeps } = ctx.fast({
        retry: { wait: ctx.lib.retryAfter },
        clock: { now: () => 1_700_000_025_500, sleep: async (ms) => void sleeps.push(ms) },
      });
      // 1_700_000_025_500 ms is 25.5 s past a minute boundary… of epoch ms: 1_700_000_025_500 % 60000 = 25_500
      await client.get('/minute');
      expect(sleeps).toEqual([60000 - (1_700_000_025_500 % 60000)]);
      await client.get('/minute', { params: { ra: 1 } });
      expect(sleeps[1]).toBe(7000);
    });

    test('a 45011 wait longer than maxTotal is not waited: the error surfaces', async () => {
      ctx.server.on('/minute', (_req, res) =>
        json(res, { errcode: 45011, errmsg: 'api minute-quota reach limit' }),
      );
      const { client, sleeps } = ctx.fast({
        retry: { maxTotal: 1000, wait: ctx.lib.retryAfter },
        clock: { now: () => 30_000, sleep: async (ms) => void sleeps.push(ms) },
      });
      const err = await ctx.failure(client.get('/minute'));
      expect(err.code).toBe('45011');
      expect(sleeps).toEqual([]);
      expect(ctx.server.hits('/minute')).toBe(1);
    });

    test('quota (45009) and fix-request errors are never retried', async () => {
      ctx.server.on('/quota', (_req, res) =>
        json(res, { errcode: 45009, errmsg: 'reach max api daily quota limit' }),
      );
      const { client } = ctx.fast();
      await ctx.failure(client.get('/quota'));
      expect(ctx.server.hits('/quota')).toBe(1);
    });
  });

  describe('session refresh', () => {
    function authServer(): { refreshes: () => number; client: Client; setFail: (e?: Error) => void } {
      let token = 'old';
      let count = 0;
      let failWith: Error | undefined;
      ctx.server.on('/me', async (req, res) => {
        await delay(Number(req.query.get('d') ?? 0));
        if (req.headers.authorization === `Bearer new`) json(res, { errcode: 0, user: req.query.get('i') });
        else json(res, { message: 'session expired' }, 401); // the consumer's backend: its session, not WeChat's token
      });
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: async () => {
            count++;
            await delay(10);
            if (failWith) throw failWith;
            token = 'new';
          },
        }),
      });
      return { refreshes: () => count, client, setFail: (e) => (failWith = e) };
    }

    test('10 concurrent 401s → exactly one refresh, each request replays once', async () => {
      const { client, refreshes } = authServer();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.get<{ user: string }>('/me', { params: { i, d: i * 3 } }),
        ),
      );
      expect(results.map((r) => r.user)).toEqual(Array.from({ length: 10 }, (_, i) => String(i)));
      expect(refreshes()).toBe(1);
      expect(ctx.server.hits('/me')).toBe(20);
      for (let i = 0; i < 10; i++)
        expect(ctx.server.seen('/me').filter((r) => r.query.get('i') === String(i))).toHaveLength(2);
    });

    test('a 401 that arrives after the refresh finished replays without a second refresh', async () => {
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
      // Staggered answers: some 401s arrive after the refresh has already failed; they take its outcome too.
      const settled = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => client.get('/me', { params: { i, d: i * 4 } })),
      );
      expect(refreshes()).toBe(1);
      for (const s of settled) {
        expect(s.status).toBe('rejected');
        const err = (s as PromiseRejectedResult).reason as WxerrError;
        expect(ctx.lib.isAuthError(err)).toBe(true);
        expect(err.cause).toBe(reason);
        expect(err.message).toContain('refresh endpoint down');
      }
      expect(ctx.server.hits('/me')).toBe(10);
    });

    test('401 after a refresh is surfaced as an auth error, not looped', async () => {
      let refreshes = 0;
      ctx.server.on('/always401', (_req, res) => json(res, { message: 'unauthorized' }, 401));
      const { client } = ctx.fast({
        auth: ctx.lib.session({ getToken: () => 't', refreshToken: () => void refreshes++ }),
      });
      const err = await ctx.failure(client.get('/always401'));
      expect(ctx.lib.isAuthError(err)).toBe(true);
      expect(err.statusCode).toBe(401);
      expect(err.retryable).toBe(false);
      expect(err.message).toContain('still unauthorized');
      expect(refreshes).toBe(1);
      expect(ctx.server.hits('/always401')).toBe(2);
    });

    test('a getToken that throws becomes an auth error with that cause', async () => {
      ctx.server.on('/me2', (_req, res) => json(res, { errcode: 0 }));
      const boom = new Error('storage unavailable');
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => {
            throw boom;
          },
          refreshToken: () => undefined,
        }),
      });
      const err = await ctx.failure(client.get('/me2'));
      expect(ctx.lib.isAuthError(err) && err.cause).toBe(boom);
      expect(ctx.server.hits('/me2')).toBe(0);
    });

    test('auth: false skips the token; a custom isAuthExpired and apply are used', async () => {
      ctx.server.on('/q', (req, res) =>
        json(res, { token: req.query.get('access_token'), h: req.headers.authorization ?? null }),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => 'abc',
          refreshToken: () => undefined,
          isAuthExpired: (res) => res.statusCode === 419,
          apply: (req, token) => {
            req.url += `${req.url.includes('?') ? '&' : '?'}access_token=${token}`;
          },
        }),
      });
      expect(await client.get('/q')).toEqual({ token: 'abc', h: null });
      expect(await client.get('/q', { auth: false })).toEqual({ token: null, h: null });
    });
  });
}
