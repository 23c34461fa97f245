// The API issue 11 asked for: session vs backend token semantics, lanes and the app-wide cap, progress and
// header events, transform / isError, shouldRetry / onRetry, userMessage, redaction, Pay v3 and WeCom bodies.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createWxShim } from '../../helpers/wx-shim';
import { delay, json, type Ctx, type WxerrError } from './context';

export function featureScenarios(ctx: Ctx): void {
  describe('session versus backend token', () => {
    test('refreshOnAccessTokenCodes: a relayed 42001 re-logs the user in only when configured', async () => {
      let token = 'old';
      let refreshes = 0;
      ctx.server.on('/relayed', (req, res) =>
        req.headers.authorization === 'Bearer new'
          ? json(res, { errcode: 0, ok: true })
          : json(res, { errcode: 42001, errmsg: 'access_token expired' }),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: () => void (refreshes++, (token = 'new')),
          refreshOnAccessTokenCodes: true,
        }),
      });
      await expect(client.get('/relayed')).resolves.toEqual({ errcode: 0, ok: true });
      expect(refreshes).toBe(1);
    });

    test('a custom isAuthExpired replaces the 401 signal (a business code of your backend)', async () => {
      let token = 'old';
      ctx.server.on('/biz', (req, res) =>
        req.headers.authorization === 'Bearer new' ? json(res, { code: 0 }) : json(res, { code: 1001 }),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: () => void (token = 'new'),
          isAuthExpired: (res) => (res.data as { code?: number }).code === 1001,
        }),
      });
      await expect(client.get('/biz')).resolves.toEqual({ code: 0 });
    });

    test('a refresh that never settles fails after its timeout; the client is usable afterwards', async () => {
      let hang = true;
      ctx.server.on('/t', (req, res) =>
        req.headers.authorization ? json(res, { ok: 1 }) : json(res, {}, 401),
      );
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => (hang ? undefined : 'tok'),
          refreshToken: () => (hang ? new Promise(() => undefined) : undefined),
          timeout: 50,
        }),
      });
      const err = await ctx.failure(client.get('/t'));
      expect(err.kind).toBe('auth');
      expect(err.message).toMatch(/did not settle within 50 ms/);
      hang = false;
      await expect(client.get('/t')).resolves.toEqual({ ok: 1 });
    });

    test('a refreshToken that calls the client back after an await (no auth: false) ends at its timeout', async () => {
      let token = 'old';
      ctx.server.on('/login2', (_req, res) => json(res, { token: 'new' }));
      ctx.server.on('/me2', (req, res) =>
        req.headers.authorization === 'Bearer new' ? json(res, { me: 2 }) : json(res, {}, 401),
      );
      const holder: { client?: ReturnType<Ctx['lib']['createClient']> } = {};
      const { client } = ctx.fast({
        auth: ctx.lib.session({
          getToken: () => token,
          refreshToken: async () => {
            await delay(1); // wx.login, say: the call below is no longer inside refreshToken's first turn
            const r = await (holder.client as NonNullable<typeof holder.client>).post<{ token: string }>(
              '/login2',
            );
            token = r.token;
          },
          timeout: 80,
        }),
      });
      holder.client = client;
      const err = await ctx.failure(client.get('/me2'));
      expect(err.kind).toBe('auth');
      expect(err.message).toMatch(/did not settle within 80 ms.*auth: false/);
      token = 'new';
      await expect(client.get('/me2')).resolves.toEqual({ me: 2 });
    });

    test('a relayed Pay 401 (SIGN_ERROR) is the backend’s signing, not the user’s session', async () => {
      let refreshes = 0;
      ctx.server.on('/pay401', (_req, res) => json(res, { code: 'SIGN_ERROR', message: '签名错误' }, 401));
      const { client } = ctx.fast({
        auth: ctx.lib.session({ getToken: () => 't', refreshToken: () => void refreshes++ }),
        classifiers: [ctx.lib.pay],
      });
      const err = await ctx.failure(client.post('/pay401', {}));
      expect(err).toMatchObject({ kind: 'api', platform: 'payv3', code: 'SIGN_ERROR', action: 'fix-config' });
      expect(refreshes).toBe(0);
    });
  });

  describe('lanes and the app-wide cap', () => {
    afterEach(() => ctx.lib.configureConcurrency({ maxConcurrent: 10, maxTransfers: 5 }));

    test('configureConcurrency caps every client together; transfers keep to their lane', async () => {
      ctx.lib.configureConcurrency({ maxConcurrent: 4, maxTransfers: 2 });
      ctx.server.on('/w', async (_req, res) => {
        await delay(15);
        json(res, { ok: 1 });
      });
      const shim = createWxShim({ maxTasks: 100 });
      const a = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: shim });
      const b = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: shim });
      let transfersSeen = 0;
      const states: number[] = [];
      const downloads = Array.from({ length: 6 }, () =>
        ctx.lib.download(a, { url: '/w' }).then(() => {
          transfersSeen++;
          states.push(ctx.lib.concurrencyState().transfers);
        }),
      );
      const gets = Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).get('/w', { params: { i } }));
      await Promise.all([...downloads, ...gets]);
      expect(shim.stats.maxActive).toBe(4);
      expect(transfersSeen).toBe(6);
      expect(Math.max(...states)).toBeLessThanOrEqual(2);
      expect(ctx.lib.concurrencyState()).toEqual({ active: 0, transfers: 0, waiting: 0 });
      shim.destroy();
    });
  });

  describe('events, transform, isError, retry hooks', () => {
    test('upload and download progress; onHeadersReceived before the body', async () => {
      ctx.server.on('/dl', (_req, res) => {
        res.writeHead(200, { 'content-length': '3000', 'x-kind': 'file' });
        res.end(Buffer.alloc(3000, 7));
      });
      ctx.server.on('/up', (_req, res) => json(res, { errcode: 0 }));
      const dir = mkdtempSync(join(tmpdir(), 'wxerr-progress-'));
      const file = join(dir, 'f.bin');
      writeFileSync(file, Buffer.alloc(2048, 1));
      const { client } = ctx.fast();
      const down: number[] = [];
      const heads: string[] = [];
      const dl = await ctx.lib.download(client, {
        url: '/dl',
        onProgress: (p) => void down.push(p.totalBytesWritten ?? -1),
        onHeadersReceived: (h) => void heads.push(h.header['x-kind']),
      });
      await delay(5);
      expect(heads).toEqual(['file']);
      expect(down[down.length - 1]).toBe(3000);
      const up: number[] = [];
      await ctx.lib.upload(client, {
        url: '/up',
        filePath: file,
        name: 'f',
        onProgress: (p) => void up.push(p.progress),
      });
      await delay(5);
      expect(up).toContain(100);
      rmSync(dl.tempFilePath, { force: true });
      rmSync(dir, { recursive: true, force: true });
    });

    test('transform shapes every successful body; isError turns a business code into an api error', async () => {
      ctx.server.on('/biz', (req, res) =>
        json(res, req.query.get('fail') ? { code: 2001, msg: '库存不足' } : { code: 0, data: { n: 1 } }),
      );
      const { client } = ctx.fast({
        transform: (d) => (d as { data?: unknown }).data,
        isError: (res) => {
          const d = res.data as { code: number; msg?: string };
          return d.code !== 0 && { code: d.code, message: d.msg, action: 'fix-request' };
        },
      });
      await expect(client.get('/biz')).resolves.toEqual({ n: 1 });
      const err = await ctx.failure(client.get('/biz', { params: { fail: 1 } }));
      expect(err).toMatchObject({ kind: 'api', platform: 'backend', code: '2001', errmsg: '库存不足' });
      expect(err.action).toBe('fix-request');
    });

    test('shouldRetry decides first; onRetry sees each retry with its delay', async () => {
      ctx.server.on('/nope', (_req, res) => json(res, { error: 'x' }, 404));
      const retries: Array<[number, number]> = [];
      const { client } = ctx.fast({
        retry: {
          attempts: 3,
          baseDelay: 7,
          jitter: 0,
          shouldRetry: (e) => e.statusCode === 404 || undefined,
        },
        onRetry: (_e, attempt, ms) => void retries.push([attempt, ms]),
      });
      const err = await ctx.failure(client.post('/nope', {}));
      expect(err.attempts).toBe(3);
      expect(retries).toEqual([
        [1, 7],
        [2, 14],
      ]);
    });

    test('every rejection passes onError once, a dedupe caller’s own abort included', async () => {
      ctx.server.on('/slowish', async (_req, res) => {
        await delay(40);
        json(res, { ok: 1 });
      });
      const kinds: string[] = [];
      const { client } = ctx.fast({ dedupe: ctx.lib.dedupe, onError: (e) => void kinds.push(e.kind) });
      const ctl = ctx.lib.createAbortController();
      const a = ctx.failure(client.get('/slowish', { signal: ctl.signal }));
      const b = client.get('/slowish');
      await delay(5);
      ctl.abort();
      await a;
      await b;
      expect(kinds).toEqual(['abort']);
    });
  });

  describe('userMessage (wxerr/messages) and the realtime log', () => {
    test.each<[string, string, string]>([
      ['timeout', '网络不给力，请稍后再试', 'network'],
      ['quota', '服务繁忙，请稍后再试', 'api'],
      ['whitelist', '服务出了点问题，请稍后再试', 'api'],
      ['banned', '当前帐号暂时无法使用此功能', 'api'],
    ])('%s → a message safe for the end user', async (name, zh, kind) => {
      ctx.server.on('/um', async (req, res) => {
        const which = req.query.get('w');
        if (which === 'timeout') await delay(200);
        if (res.destroyed) return;
        const bodies: Record<string, unknown> = {
          timeout: { ok: 1 },
          quota: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
          whitelist: { errcode: 40164, errmsg: 'invalid ip 1.2.3.4, not in whitelist' },
          banned: { errcode: 48004, errmsg: 'api forbidden' },
        };
        json(res, bodies[which ?? '']);
      });
      const { client } = ctx.fast({ retry: false, timeout: 50, platform: ctx.lib.wechat });
      const err: WxerrError = await ctx.failure(client.get('/um', { params: { w: name } }));
      expect(err.kind).toBe(kind);
      const words = ctx.lib.userMessage(err);
      expect(words.zh).toBe(zh);
      expect(words.en.length).toBeGreaterThan(5);
      expect(words.zh).not.toContain('errcode');
    });

    test('a custom logger and redact function are used', async () => {
      ctx.server.on('/rl', (_req, res) => json(res, {}, 500));
      const lines: unknown[][] = [];
      const client = ctx.lib.createClient({
        baseURL: ctx.server.origin,
        wx: ctx.shim,
        retry: false,
        realtimeLog: ctx.lib.realtimeLog({
          logger: { error: (...a: unknown[]) => void lines.push(a) },
          redact: () => '/hidden',
        }),
      });
      await ctx.failure(client.get('/rl', { params: { q: 1 } }));
      expect(lines).toHaveLength(1);
      expect(lines[0][1]).toMatchObject({ kind: 'http', code: '500', url: '/hidden' });
      expect(ctx.lib.redactUrl('https://a.b/p?token=1&x=2&mobile=3')).toBe(
        'https://a.b/p?token=***&x=2&mobile=***',
      );
    });
  });

  describe('Pay v3 and WeCom bodies relayed by your backend', () => {
    test.each<[number, string, string, boolean]>([
      [400, 'PARAM_ERROR', 'fix-request', false],
      [500, 'SYSTEM_ERROR', 'retry-later', true],
      [429, 'FREQUENCY_LIMITED', 'retry-later', true],
      [500, 'BANK_ERROR', 'retry-later', true],
      [202, 'USERPAYING', 'poll', false],
      [401, 'SIGN_ERROR', 'fix-config', false],
      [403, 'NOT_ENOUGH', 'account-state', false],
      [503, 'SOMETHING_NEW', 'retry-later', true],
      [404, 'RESOURCE_NOT_EXISTS', 'fix-request', false],
    ])('HTTP %d {"code": "%s"} → %s', async (status, code, action, retryable) => {
      ctx.server.on('/pay', (_req, res) => json(res, { code, message: `msg of ${code}` }, status));
      const { client } = ctx.fast({ retry: false, classifiers: [ctx.lib.pay] });
      const err = await ctx.failure(client.post('/pay', { out_trade_no: 'T1' }));
      expect(err).toMatchObject({
        kind: 'api',
        platform: 'payv3',
        code,
        action,
        retryable,
        statusCode: status,
      });
      expect(err.errmsg).toBe(`msg of ${code}`);
      if (retryable) expect(err.message).toContain('same out_trade_no');
    });

    test('without wxerr/pay a Pay v3 body is its HTTP status only (the documented core behaviour)', async () => {
      ctx.server.on('/pay', (_req, res) => json(res, { code: 'NOT_ENOUGH', message: '余额不足' }, 403));
      const { client } = ctx.fast({ retry: false });
      const err = await ctx.failure(client.post('/pay', {}));
      expect(err).toMatchObject({ kind: 'http', code: '403', action: 'fix-config', statusCode: 403 });
      expect(err.platform).toBeUndefined();
    });

    test('Pay SYSTEM_ERROR is retried, with the same body, when POST is opted in', async () => {
      ctx.server.on('/pay', (_req, res) => json(res, { code: 'SYSTEM_ERROR', message: '系统繁忙' }, 500));
      const { client } = ctx.fast({ retry: { methods: ['POST'] }, classifiers: [ctx.lib.pay] });
      await ctx.failure(client.post('/pay', { out_trade_no: 'T9' }));
      expect(ctx.server.seen('/pay').map((r) => JSON.parse(r.body.toString()).out_trade_no)).toEqual([
        'T9',
        'T9',
        'T9',
      ]);
    });

    test("platform: wecom (wxerr/wecom) reads errcodes with WeCom's meanings (client option or per call)", async () => {
      ctx.server.on('/wecom', (req, res) =>
        json(res, { errcode: Number(req.query.get('c')), errmsg: `wecom ${req.query.get('c')}` }),
      );
      const { client } = ctx.fast({ platform: ctx.lib.wecom, retry: false });
      const secret = await ctx.failure(client.get('/wecom', { params: { c: 40001 } }));
      expect(secret).toMatchObject({ kind: 'api', platform: 'wecom', action: 'fix-config' });
      const ip = await ctx.failure(client.get('/wecom', { params: { c: 60020 } }));
      expect(ip.action).toBe('fix-config');
      const expired = await ctx.failure(client.get('/wecom', { params: { c: 42001 } }));
      expect(expired.action).toBe('refresh-token');
      const wechat = await ctx.failure(client.get('/wecom', { params: { c: 40001 }, platform: 'wechat' }));
      expect(wechat).toMatchObject({ platform: 'wechat', action: 'refresh-token' });
      const { client: perCall } = ctx.fast({ retry: false });
      const w = await ctx.failure(perCall.get('/wecom', { params: { c: 40001 }, platform: ctx.lib.wecom }));
      expect(w.action).toBe('fix-config');
    });
  });
}
