// Concurrency, abort, dedupe, hooks, realtime log, upload and download. Registered against a Lib: the sources or the built package.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createWxShim } from '../../helpers/wx-shim';
import { delay, json, type Ctx, type WxerrError } from './context';

export function transportScenarios(ctx: Ctx): void {
  describe('concurrency, abort and dedupe', () => {
    beforeEach(() =>
      ctx.server.on('/wait', async (req, res) => {
        await delay(Number(req.query.get('d') ?? 30));
        json(res, { i: req.query.get('i') });
      }),
    );

    test('maxConcurrent caps sends in flight; the default 10 keeps 25 requests within WeChat’s task limit', async () => {
      const limited = createWxShim({ maxTasks: 10 });
      const c3 = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: limited, maxConcurrent: 3 });
      await Promise.all(Array.from({ length: 9 }, (_, i) => c3.get('/wait', { params: { i, d: 10 } })));
      expect(limited.stats.maxActive).toBe(3);
      const strict = createWxShim({ maxTasks: 10 });
      const cDefault = ctx.lib.createClient({ baseURL: ctx.server.origin, wx: strict });
      const all = await Promise.all(
        Array.from({ length: 25 }, (_, i) => cDefault.get('/wait', { params: { i, d: 5 } })),
      );
      expect(all).toHaveLength(25);
      expect(strict.stats.maxActive).toBe(10);
      limited.destroy();
      strict.destroy();
    });

    test('abort while queued removes the request: it is never sent', async () => {
      const { client } = ctx.fast({ maxConcurrent: 1 });
      const first = client.get('/wait', { params: { i: 'first', d: 40 } });
      const ctl = ctx.lib.createAbortController();
      const queued = client.get('/wait', { params: { i: 'queued' }, signal: ctl.signal });
      await delay(5);
      ctl.abort();
      const err = await ctx.failure(queued);
      expect(ctx.lib.isAbortError(err)).toBe(true);
      expect(err.retryable).toBe(false);
      await first;
      await delay(10);
      expect(ctx.server.seen('/wait').map((r) => r.query.get('i'))).toEqual(['first']);
    });

    test('abort while running aborts the task and is never retried (standard AbortController too)', async () => {
      const { client } = ctx.fast();
      const ctl = new AbortController();
      const p = client.get('/wait', { params: { d: 200 }, signal: ctl.signal });
      await delay(30);
      ctl.abort();
      const err = await ctx.failure(p);
      expect(ctx.lib.isAbortError(err) && err.errMsg).toBe('request:fail abort');
      await delay(10);
      expect(ctx.server.hits('/wait')).toBe(1);
    });

    test('an already-aborted signal rejects without sending', async () => {
      const { client } = ctx.fast();
      const ctl = ctx.lib.createAbortController();
      ctl.abort();
      expect(ctx.lib.isAbortError(await ctx.failure(client.get('/wait', { signal: ctl.signal })))).toBe(true);
      expect(ctx.server.hits('/wait')).toBe(0);
    });

    test('dedupe shares one response among identical in-flight GETs', async () => {
      const { client } = ctx.fast({ dedupe: ctx.lib.dedupe });
      const same = await Promise.all(
        Array.from({ length: 5 }, () => client.get('/wait', { params: { i: 1 } })),
      );
      expect(ctx.server.hits('/wait')).toBe(1);
      expect(same).toEqual(Array.from({ length: 5 }, () => ({ i: '1' })));
      expect(new Set(same).size).toBe(5); // each caller its own copy
      await Promise.all([
        client.get('/wait', { params: { i: 2 } }),
        client.get('/wait', { params: { i: 3 } }),
      ]);
      expect(ctx.server.hits('/wait')).toBe(3);
      await Promise.all([client.post('/wait', {}), client.post('/wait', {})]);
      expect(ctx.server.hits('/wait')).toBe(5);
    });

    test('dedupe: one caller aborting leaves the others; all aborting aborts the send', async () => {
      const { client } = ctx.fast({ dedupe: ctx.lib.dedupe });
      const a = ctx.lib.createAbortController();
      const b = ctx.lib.createAbortController();
      const pa = client.get('/wait', { params: { d: 60 }, signal: a.signal });
      const pb = client.get('/wait', { params: { d: 60 }, signal: b.signal });
      const pc = client.get('/wait', { params: { d: 60 } });
      await delay(10);
      a.abort();
      expect(ctx.lib.isAbortError(await ctx.failure(pa))).toBe(true);
      await expect(pc).resolves.toEqual({ i: null });
      await expect(pb).resolves.toEqual({ i: null });
      const x = ctx.lib.createAbortController();
      const px = client.get('/wait', { params: { d: 100, k: 'x' }, signal: x.signal });
      await delay(10);
      x.abort();
      expect(ctx.lib.isAbortError(await ctx.failure(px))).toBe(true);
      expect(ctx.server.hits('/wait')).toBe(2);
    });
  });

  describe('hooks, realtime log, upload, download', () => {
    test('onRequest can change the send; onResponse sees every response; onError is called once', async () => {
      ctx.server.on('/h', (req, res) =>
        json(res, { errcode: -1, errmsg: 'system error', trace: req.headers['x-trace'] }),
      );
      const responses: number[] = [];
      const errors: WxerrError[] = [];
      const { client } = ctx.fast({
        onRequest: (req) => ({ ...req, header: { ...req.header, 'X-Trace': `t${req.attempt}` } }),
        onResponse: (res) => void responses.push(res.statusCode),
        onError: (e) => void errors.push(e),
      });
      await ctx.failure(client.get('/h'));
      expect(ctx.server.seen('/h').map((r) => r.headers['x-trace'])).toEqual(['t1', 't2', 't3']);
      expect(responses).toEqual([200, 200, 200]);
      expect(errors).toHaveLength(1);
      expect(errors[0].attempts).toBe(3);
    });

    test('realtime log records code, rid and url for failures, under 5 KB even for a huge URL', async () => {
      ctx.server.on('/logme', (_req, res) =>
        json(res, { errcode: 40013, errmsg: 'invalid appid rid: 65bb65b7-402cd2bc-0d97216b' }),
      );
      const logShim = createWxShim();
      const client = ctx.lib.createClient({
        baseURL: ctx.server.origin,
        wx: logShim,
        realtimeLog: ctx.lib.realtimeLog(),
        retry: false,
      });
      await ctx.failure(client.get('/logme', { params: { pad: 'x'.repeat(8000) } }));
      expect(logShim.logs).toHaveLength(1);
      const [, record] = logShim.logs[0].args as [string, Record<string, unknown>];
      expect(record).toMatchObject({ code: '40013', rid: '65bb65b7-402cd2bc-0d97216b', kind: 'api' });
      expect(String(record.url)).toContain('/logme');
      expect(logShim.logs[0].size).toBeLessThan(5 * 1024);
      logShim.destroy();
    });

    test('upload sends the file and form fields; an errcode in the upload answer is an API error', async () => {
      ctx.server.on('/upload', (req, res) => {
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
      const { client } = ctx.fast();
      const ok = await ctx.lib.upload<{ hasFile: boolean }>(client, {
        url: '/upload',
        filePath: file,
        name: 'file',
        formData: { kind: 'avatar' },
      });
      expect(ok.data.hasFile).toBe(true);
      const err = await ctx.failure(
        ctx.lib.upload(client, { url: '/upload', filePath: file, name: 'file', formData: { kind: 'x' } }),
      );
      expect(ctx.lib.isApiError(err) && err.code).toBe('41005');
      expect(ctx.server.hits('/upload')).toBe(2); // uploads count as POST: not retried
      rmSync(dir, { recursive: true, force: true });
    });

    test('download writes the body to a temp file; a 404 is an HTTP error', async () => {
      ctx.server.on('/file', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from([1, 2, 3, 255]));
      });
      const { client } = ctx.fast({ retry: false });
      const res = await ctx.lib.download(client, { url: '/file' });
      expect(res.statusCode).toBe(200);
      expect([...readFileSync(res.tempFilePath)]).toEqual([1, 2, 3, 255]);
      rmSync(res.tempFilePath);
      const err = await ctx.failure(ctx.lib.download(client, { url: '/missing' }));
      expect(ctx.lib.isHttpError(err) && err.statusCode).toBe(404);
    });

    test('errors from another copy of the module are recognised by name', () => {
      const foreign = Object.assign(new Error('x'), { name: 'WxerrError', kind: 'api' });
      expect(ctx.lib.isWxerrError(foreign)).toBe(true);
      expect(ctx.lib.isApiError(foreign)).toBe(true);
      expect(ctx.lib.isWxerrError(new Error('x'))).toBe(false);
    });
  });
}
