// The wx.request wrapper: package sizes (core client ≤ 4 KB min+gzip, the optional explain module, what 构建 npm
// copies into a consumer's miniprogram_npm, the npm tarball) and the wrapper's overhead per request versus the
// bare wx shim, side by side against a real server on 127.0.0.1.
import { execFileSync } from 'child_process';
import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { createClient } from '../../request';
import { ENTRIES, LIB_TARGET, ROOT, bundleLib, main as buildLib } from '../../scripts/build-lib';
import { gz, sizeBreakdown, uploadMinify } from '../../scripts/lib-size';
import { json, startServer } from '../../test/helpers/http-server';
import { createWxShim, type WxShim } from '../../test/helpers/wx-shim';

const CORE_BUDGET = 4 * 1024;
const NPM_BUDGET = 60 * 1024;

function size(entry: string): { raw: number; min: number; gz: number; upload: number; parts: string } {
  const b = sizeBreakdown(entry);
  const raw = bundleLib(entry).code;
  return {
    raw: Buffer.byteLength(raw),
    min: b.min,
    gz: b.gz,
    // What a consumer's upload makes of the shipped file: miniprogram-ci's own minifier and settings.
    upload: gz(uploadMinify(raw)),
    // Per source file: minified bytes / gzip bytes the bundle saves without it; largest first.
    parts: b.files.map((f) => `${f.file} ${f.min}/${f.gz}`).join(', '),
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

function footprint(): void {
  const core = size(ENTRIES.index);
  // The catalog module: whole sizes only (a per-file breakdown and terser of 650 KB would dominate the run).
  const whole = bundleLib(ENTRIES.explain, true).code;
  const explain = {
    raw: Buffer.byteLength(bundleLib(ENTRIES.explain).code),
    min: Buffer.byteLength(whole),
    gz: gz(whole),
  };
  console.log(
    `core client (wxerr, ${LIB_TARGET}): ${kb(core.raw)} bundled, ${kb(core.min)} minified, ` +
      `${kb(core.gz)} minified + gzipped (budget ${kb(CORE_BUDGET)}: ${core.gz <= CORE_BUDGET ? 'within' : 'OVER'}); ` +
      `as miniprogram-ci's upload minifies the shipped file: ${kb(core.upload)} gzipped`,
  );
  console.log(`  by file, minified bytes / gzip bytes saved without it: ${core.parts}`);
  // The opt-in parts of the client, each its own file a consumer requires only when it uses it.
  const gzOf: Record<string, number> = { index: core.gz };
  for (const [name, entry] of Object.entries(ENTRIES)) {
    if (name === 'index' || name === 'explain') continue;
    const m = size(entry);
    gzOf[name] = m.gz;
    console.log(
      `  opt-in wxerr/${name}: ${kb(m.min)} minified, ${kb(m.gz)} minified + gzipped, upload-minified ` +
        `${kb(m.upload)} gzipped (${m.parts})`,
    );
  }
  // What a consumer carries: the core is not the whole cost once modules are required (each file is gzipped on
  // its own, so these are sums of files, as a consumer's package holds them).
  const sum = (names: string[]): string =>
    `${kb(names.reduce((n, m) => n + gzOf[m], 0))} (${names.map((m) => (m === 'index' ? 'wxerr' : `wxerr/${m}`)).join(' + ')})`;
  console.log(`  core + session + transfer, min + gzip: ${sum(['index', 'session', 'transfer'])}`);
  console.log(
    `  core + session + transfer + messages + codes + network + retry-after: ` +
      sum(['index', 'session', 'transfer', 'messages', 'codes', 'network', 'retry-after']),
  );
  console.log(`  core + every module (explain aside): ${kb(Object.values(gzOf).reduce((n, g) => n + g, 0))}`);
  console.log(
    `explain module (wxerr/explain, with the catalog): ${kb(explain.raw)} bundled, ${kb(explain.min)} minified, ` +
      `${kb(explain.gz)} minified + gzipped`,
  );
  // 构建 npm copies the `miniprogram` folder as is: these files are what a consumer's miniprogram_npm/wxerr holds.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.request.json'],
    {
      cwd: ROOT,
    },
  );
  buildLib();
  const dist = join(ROOT, 'miniprogram_dist');
  const files = readdirSync(dist).map((f) => [f, statSync(join(dist, f)).size] as const);
  const client = files.filter(([f]) => f !== 'explain.js').reduce((n, [, b]) => n + b, 0);
  console.log(
    `miniprogram_npm/wxerr after 构建 npm: ${files.map(([f, b]) => `${f} ${kb(b)}`).join(', ')}; ` +
      `the client without explain ${kb(client)} (budget ${kb(NPM_BUDGET)}: ${client <= NPM_BUDGET ? 'within' : 'OVER'})`,
  );
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(out) as Array<{
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  const sources = pack.files.filter((f) => f.path.endsWith('.ts') && !f.path.endsWith('.d.ts')).length;
  const cli = pack.files.some((f) => f.path.startsWith('dist/cli/'));
  console.log(
    `npm tarball: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.files.length} files, ` +
      `${sources} .ts sources${cli ? '' : ' (dist/cli not built here: run `npm run prepare` for the full tarball)'}`,
  );
}

function bare(shim: WxShim, url: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    shim.request({ url, success: (r) => resolve(r), fail: (e) => reject(new Error(e.errMsg)) }),
  );
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Side {
  wall: number[];
  cpu: number;
}

/**
 * Bare and wrapper calls alternate one by one (the order flips every pair), so the load of a shared machine
 * falls on both alike; wall time is the median per call, CPU time (this process: server, shim and wrapper) the
 * total per call.
 */
async function sideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  pairs: number,
): Promise<[Side, Side]> {
  const sides: [Side, Side] = [
    { wall: [], cpu: 0 },
    { wall: [], cpu: 0 },
  ];
  const one = async (fn: () => Promise<unknown>, side: Side): Promise<void> => {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    side.wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    side.cpu += used.user + used.system;
  };
  for (let i = 0; i < pairs; i++) {
    if (i % 2) {
      await one(b, sides[1]);
      await one(a, sides[0]);
    } else {
      await one(a, sides[0]);
      await one(b, sides[1]);
    }
  }
  return sides;
}

export async function run(): Promise<void> {
  footprint();
  const server = await startServer();
  server.on('/bench', (_req, res) => json(res, { errcode: 0, items: [1, 2, 3], name: 'bench' }));
  const shim = createWxShim();
  const url = `${server.origin}/bench`;
  const client = createClient({ wx: shim, baseURL: server.origin });
  try {
    const viaBare = (): Promise<unknown> => bare(shim, url);
    const viaWrapper = (): Promise<unknown> => client.get('/bench');
    await sideBySide(viaBare, viaWrapper, 300); // warm-up: sockets, JIT
    const pairs = 3000;
    const [b, w] = await sideBySide(viaBare, viaWrapper, pairs);
    const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
    console.log(`${pairs} sequential GETs each way to 127.0.0.1, alternating one by one:`);
    console.log(
      `  wall clock (median): bare shim ${us(median(b.wall))}, wrapper ${us(median(w.wall))} per request; ` +
        `ratio ${(median(w.wall) / median(b.wall)).toFixed(3)} (goal ≤ 1.05)`,
    );
    console.log(
      `  CPU time (server + shim + wrapper, this process): bare ${(b.cpu / pairs).toFixed(0)} µs, wrapper ` +
        `${(w.cpu / pairs).toFixed(0)} µs per request; ratio ${(w.cpu / b.cpu).toFixed(3)} (goal ≤ 1.05)`,
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
    await sideBySide(localBare, () => local.get('/x'), 2000);
    const [lb, lw] = await sideBySide(localBare, () => local.get('/x'), 10000);
    console.log(
      `wrapper's own cost per call (instant in-process wx, median): ${((median(lw.wall) - median(lb.wall)) * 1000).toFixed(1)} µs`,
    );
  } finally {
    shim.destroy();
    await server.close();
  }
}
