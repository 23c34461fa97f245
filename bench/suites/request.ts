// The wx.request wrapper: package sizes (core client ≤ 4 KB min+gzip, the optional explain module) and the
// wrapper's overhead per request versus the bare wx shim, against a real server on 127.0.0.1.
import { buildSync } from 'esbuild';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import { createClient } from '../../request';
import { ENTRIES, LIB_TARGET, libBuildOptions } from '../../scripts/build-lib';
import { json, startServer } from '../../test/helpers/http-server';
import { createWxShim, type WxShim } from '../../test/helpers/wx-shim';

const CORE_BUDGET = 4 * 1024;

function size(entry: string): { raw: number; min: number; gz: number } {
  const build = (minify: boolean): Uint8Array =>
    buildSync({ ...libBuildOptions(entry), minify, write: false }).outputFiles[0].contents;
  const min = build(true);
  return { raw: build(false).length, min: min.length, gz: gzipSync(min, { level: 9 }).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

function bare(shim: WxShim, url: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    shim.request({ url, success: (r) => resolve(r), fail: (e) => reject(new Error(e.errMsg)) }),
  );
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(): Promise<void> {
  const core = size(ENTRIES.index);
  const explain = size(ENTRIES.explain);
  console.log(
    `core client (wxerr, ${LIB_TARGET}): ${kb(core.raw)} bundled, ${kb(core.min)} minified, ` +
      `${kb(core.gz)} minified + gzipped (budget ${kb(CORE_BUDGET)}: ${core.gz <= CORE_BUDGET ? 'within' : 'OVER'})`,
  );
  console.log(
    `explain module (wxerr/explain, with the catalog): ${kb(explain.raw)} bundled, ${kb(explain.min)} minified, ` +
      `${kb(explain.gz)} minified + gzipped`,
  );

  const server = await startServer();
  server.on('/bench', (_req, res) => json(res, { errcode: 0, items: [1, 2, 3], name: 'bench' }));
  const shim = createWxShim();
  const url = `${server.origin}/bench`;
  const client = createClient({ wx: shim, baseURL: server.origin });
  try {
    const blocks = 20;
    const perBlock = 25;
    const wall = { bare: [] as number[], wrap: [] as number[], ratio: [] as number[] };
    const cpu = { bare: [] as number[], wrap: [] as number[], ratio: [] as number[] };
    /** Wall-clock and CPU time (this process: server, shim and wrapper) per request, in ms. */
    const time = async (fn: () => Promise<unknown>, n = perBlock): Promise<[number, number]> => {
      const t = performance.now();
      const c = process.cpuUsage();
      for (let i = 0; i < n; i++) await fn();
      const used = process.cpuUsage(c);
      return [(performance.now() - t) / n, (used.user + used.system) / 1000 / n];
    };
    const viaBare = (): Promise<unknown> => bare(shim, url);
    const viaWrapper = (): Promise<unknown> => client.get('/bench');
    await time(viaBare, 200); // warm-up: sockets, JIT
    await time(viaWrapper, 200);
    for (let b = 0; b < blocks; b++) {
      // Interleaved pairs in alternating order: the machine's load drifts, a pair shares it.
      const wrapFirst = b % 2 === 1;
      const first = await time(wrapFirst ? viaWrapper : viaBare);
      const second = await time(wrapFirst ? viaBare : viaWrapper);
      const [tb, tw] = wrapFirst ? [second, first] : [first, second];
      wall.bare.push(tb[0]);
      wall.wrap.push(tw[0]);
      wall.ratio.push(tw[0] / tb[0]);
      cpu.bare.push(tb[1]);
      cpu.wrap.push(tw[1]);
      cpu.ratio.push(tw[1] / tb[1]);
    }
    const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
    console.log(
      `${blocks * perBlock} sequential GETs each way to 127.0.0.1 (${blocks} interleaved blocks, medians):`,
    );
    console.log(
      `  wall clock: bare shim ${us(median(wall.bare))}, wrapper ${us(median(wall.wrap))} per request; ` +
        `ratio ${median(wall.ratio).toFixed(3)} (goal ≤ 1.05)`,
    );
    console.log(
      `  CPU time (server + shim + wrapper, this process): bare ${us(median(cpu.bare))}, wrapper ` +
        `${us(median(cpu.wrap))} per request; ratio ${median(cpu.ratio).toFixed(3)}`,
    );

    // The wrapper's own cost, without sockets: an in-process wx that answers at once.
    const instant = {
      request(o: { success?(r: unknown): void }) {
        setImmediate(() => o.success?.({ data: { errcode: 0 }, statusCode: 200, header: {} }));
        return { abort() {} };
      },
      uploadFile: () => ({ abort() {} }),
      downloadFile: () => ({ abort() {} }),
    };
    const local = createClient({ wx: instant, baseURL: 'http://local' });
    const localBare = (): Promise<unknown> => new Promise((r) => instant.request({ success: r }));
    await time(localBare, 2000);
    await time(() => local.get('/x'), 2000);
    const [lb] = await time(localBare, 5000);
    const [lw] = await time(() => local.get('/x'), 5000);
    console.log(`wrapper's own cost per call (instant in-process wx): ${((lw - lb) * 1000).toFixed(1)} µs`);
  } finally {
    shim.destroy();
    await server.close();
  }
}
