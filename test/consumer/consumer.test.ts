/**
 * @jest-environment node
 */
// The package as a mini-program consumer gets it: `npm pack` this repo, install the tarball
// into a fixture mini-program, run miniprogram-ci's packNpmManually ("构建 npm"), then load the built module
// from the consumer's miniprogram_npm and make a request through it against a local server.
import { execFileSync } from 'child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { json, startServer, type TestServer } from '../helpers/http-server';
import { createWxShim, type WxShim } from '../helpers/wx-shim';
import { bugScenarios } from '../request/scenarios/bugs';
import { MODULES, loadLib, useContext } from '../request/scenarios/context';
import { featureScenarios } from '../request/scenarios/features';
import { policyScenarios } from '../request/scenarios/policy';
import { responseScenarios } from '../request/scenarios/responses';
import { transportScenarios } from '../request/scenarios/transport';

const root = join(__dirname, '..', '..');
const fixture = join(__dirname, 'fixture');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let work: string;
let server: TestServer;
let shim: WxShim;
let packed: PackResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'wxerr-consumer-'));
  server = await startServer();
  shim = createWxShim();
  // What `prepare` does for the library (tsc declarations + esbuild bundles), then pack without scripts: the
  // full prepare also recompiles dist/ for the CLI, which other test files run at the same time.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.request.json'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/build-lib.ts'], {
    cwd: root,
    stdio: 'pipe',
  });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  packed = (JSON.parse(out) as PackResult[])[0];

  const app = join(work, 'app');
  cpSync(fixture, app, { recursive: true });
  renameSync(join(app, 'consumer.ts.fixture'), join(app, 'consumer.ts'));
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<string, unknown>;
  pkg.dependencies = { wxerr: `file:${join(work, packed.filename)}` };
  writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: app,
    stdio: 'pipe',
  });

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as {
    packNpmManually(o: { packageJsonPath: string; miniprogramNpmDistDir: string }): Promise<unknown>;
  };
  await ci.packNpmManually({
    packageJsonPath: join(app, 'package.json'),
    miniprogramNpmDistDir: join(app, 'miniprogram'),
  });
}, 240000);

afterAll(async () => {
  shim?.destroy();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  delete (globalThis as { wx?: unknown }).wx;
});

const npmDir = (): string => join(work, 'app', 'miniprogram', 'miniprogram_npm');

test('the tarball holds the built library, its declarations and the CLI: no .ts sources, tests or catalog typings', () => {
  const paths = packed.files.map((f) => f.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      'miniprogram_dist/index.js',
      'miniprogram_dist/explain.js',
      ...MODULES.map((m) => `miniprogram_dist/${m}.js`),
      ...MODULES.map((m) => `dist/types/request/${m}.d.ts`),
      'dist/types/request/index.d.ts',
      'dist/types/request/explain.d.ts',
      'package.json',
    ]),
  );
  expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
  expect(paths.filter((p) => /^(test|request|miniprogram\/)/.test(p))).toEqual([]);
  expect(paths.filter((p) => p.includes('catalog-data.d.ts'))).toEqual([]);
});

test('构建 npm puts only wxerr, and only its bundles, in miniprogram_npm: the client within 60 KB', () => {
  expect(readdirSync(npmDir())).toEqual(['wxerr']);
  const dir = join(npmDir(), 'wxerr');
  const files = filesUnder(dir).map((p) => relative(dir, p));
  expect(files.sort()).toEqual([...MODULES.map((m) => `${m}.js`), 'explain.js'].sort());
  const clientBytes = files
    .filter((f) => f !== 'explain.js')
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  expect(clientBytes).toBeLessThanOrEqual(60 * 1024);
  // nothing from devDependencies or the CLI was installed for the consumer either
  expect(existsSync(join(work, 'app', 'node_modules', 'tesseract.js'))).toBe(false);
});

test('the built module from miniprogram_npm makes a request through the global wx', async () => {
  server.on('/me', (req, res) =>
    req.headers.authorization === 'Bearer fresh'
      ? json(res, { errcode: 0, name: 'consumer' })
      : json(res, { message: 'session expired' }, 401),
  );
  server.on('/busy', (_req, res) => json(res, { errcode: 45009, errmsg: 'reach max api daily quota limit' }));
  (globalThis as { wx?: unknown }).wx = shim;
  try {
    await globalWxRequest();
  } finally {
    delete (globalThis as { wx?: unknown }).wx;
  }
});

async function globalWxRequest(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(join(npmDir(), 'wxerr', 'index.js')) as typeof import('../../request');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ex = require(join(npmDir(), 'wxerr', 'explain.js')) as typeof import('../../request/explain');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { session } = require(
    join(npmDir(), 'wxerr', 'session.js'),
  ) as typeof import('../../request/session');
  let token = 'stale';
  const api = lib.createClient({
    baseURL: server.origin,
    auth: session({ getToken: () => token, refreshToken: () => void (token = 'fresh') }),
  });
  await expect(api.get('/me')).resolves.toEqual({ errcode: 0, name: 'consumer' });
  const err: unknown = await api.get('/busy').catch((e: unknown) => e);
  expect(lib.isApiError(err)).toBe(true);
  if (!lib.isApiError(err)) return;
  expect(err.action).toBe('quota');
  const x = ex.explain(err);
  expect(x.zh.length).toBeGreaterThan(0);
  expect(x.action).toBe('quota');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const words = require(join(npmDir(), 'wxerr', 'messages.js')) as typeof import('../../request/messages');
  expect(words.userMessage(err).zh).toBe('服务繁忙，请稍后再试');
}

/** One entry of the installed package, required from its own file in miniprogram_npm (as `require('wxerr/x')`). */
function entry<T>(name: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(npmDir(), 'wxerr', `${name}.js`)) as T;
}

// The modules of the split, each required alone beside the core (no merged Lib), over real sockets.
describe('each opt-in module from its own file in miniprogram_npm', () => {
  const core = (): typeof import('../../request') => entry('index');
  const client = (o: NonNullable<Parameters<ReturnType<typeof core>['createClient']>[0]> = {}) =>
    core().createClient({ baseURL: server.origin, wx: shim, ...o });
  const failure = (p: Promise<unknown>): Promise<InstanceType<ReturnType<typeof core>['WxerrError']>> =>
    p.then(
      () => Promise.reject(new Error('expected a rejection')),
      (e: unknown) => (core().isWxerrError(e) ? e : Promise.reject(e)),
    );

  test('wxerr/transfer: upload parses the JSON answer, download writes a temp file', async () => {
    const { upload, download } = entry<typeof import('../../request/transfer')>('transfer');
    server.on('/up', (req, res) => json(res, { size: req.body.length }));
    server.on('/file', (_req, res) => res.end('hello'));
    const file = join(work, 'up.txt');
    writeFileSync(file, 'a file');
    const up = await upload<{ size: number }>(client(), { url: '/up', filePath: file, name: 'f' });
    expect(up.data.size).toBeGreaterThan(0);
    const dl = await download(client(), { url: '/file' });
    expect(readFileSync(dl.tempFilePath, 'utf8')).toBe('hello');
  });

  test('wxerr/network: a refused connection has its reason; the core alone says unknown', async () => {
    const { network } = entry<typeof import('../../request/network')>('network');
    const closed = await startServer();
    const url = `http://127.0.0.1:${closed.port}/`;
    await closed.close();
    expect((await failure(client({ network, retry: false }).get(url))).reason).toBe('refused');
    expect((await failure(client({ retry: false }).get(url))).reason).toBe('unknown');
  });

  test('wxerr/codes: 40029 is re-login with it, unknown without', async () => {
    const { wechat } = entry<typeof import('../../request/codes')>('codes');
    server.on('/code', (_req, res) => json(res, { errcode: 40029, errmsg: 'invalid code' }));
    expect((await failure(client({ platform: wechat }).get('/code'))).action).toBe('re-login');
    expect((await failure(client().get('/code'))).action).toBe('unknown');
  });

  test('wxerr/retry-after: a 429 with Retry-After waits what it says', async () => {
    const { retryAfter } = entry<typeof import('../../request/retry-after')>('retry-after');
    let n = 0;
    server.on('/ra', (_req, res) =>
      n++ % 2 ? json(res, { ok: 1 }) : json(res, {}, 429, { 'Retry-After': '3' }),
    );
    const sleeps: number[] = [];
    const api = client({ retry: { wait: retryAfter }, clock: { sleep: async (ms) => void sleeps.push(ms) } });
    await expect(api.get('/ra')).resolves.toEqual({ ok: 1 });
    expect(sleeps).toEqual([3000]);
  });

  test('wxerr/abort: its controller aborts a call in flight', async () => {
    const { createAbortController } = entry<typeof import('../../request/abort')>('abort');
    server.on('/slow', async (_req, res) => {
      await new Promise((r) => setTimeout(r, 200));
      if (!res.destroyed) json(res, { ok: 1 });
    });
    const ctl = createAbortController();
    const p = client().get('/slow', { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    expect((await failure(p)).kind).toBe('abort');
  });

  test('wxerr/session and wxerr/messages: a 401 refreshes once; the end user reads the class', async () => {
    const { session } = entry<typeof import('../../request/session')>('session');
    const { userMessage } = entry<typeof import('../../request/messages')>('messages');
    let token = 'old';
    let refreshes = 0;
    server.on('/s', (req, res) =>
      req.headers.authorization === 'Bearer new' ? json(res, { ok: 1 }) : json(res, {}, 401),
    );
    const api = client({
      auth: session({ getToken: () => token, refreshToken: () => void (refreshes++, (token = 'new')) }),
    });
    await expect(api.get('/s')).resolves.toEqual({ ok: 1 });
    expect(refreshes).toBe(1);
    // A refresh that does not help: still 401 after the replay, kind auth; the end user is told to log in.
    const stuck = client({ auth: session({ getToken: () => 'old', refreshToken: () => undefined }) });
    const err = await failure(stuck.get('/s'));
    expect(err).toMatchObject({ kind: 'auth', action: 're-login', statusCode: 401 });
    expect(userMessage(err).zh).toBe('登录已过期，请重新登录');
  });
});

// Every scenario of test/request, on the package as the consumer got it.
describe('scenarios on the built package', () => {
  // Each entry from miniprogram_npm, as `require('wxerr/pay')` resolves it there (wxerr/pay.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ctx = useContext(() => loadLib((m) => require(join(npmDir(), 'wxerr', `${m}.js`)) as object));
  bugScenarios(ctx);
  responseScenarios(ctx);
  policyScenarios(ctx);
  transportScenarios(ctx);
  featureScenarios(ctx);
});

/** Compiles the consumer as an upload would (offline, see scripts/build.ts) and returns bytes per output file. */
function compiledFiles(ignoreUploadUnusedFiles: boolean): Record<string, number> {
  const app = join(work, 'app');
  const configPath = join(app, 'project.config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as { setting: Record<string, unknown> };
  config.setting.ignoreUploadUnusedFiles = ignoreUploadUnusedFiles;
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  // miniprogram-ci's file watcher keeps a process alive, so the compile runs in a child process that exits.
  const script = `
    const ci = require(${JSON.stringify(join(root, 'node_modules', 'miniprogram-ci'))});
    (async () => {
      const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: process.argv[1],
        privateKey: 'offline', ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
      const files = await ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: true, minify: true } });
      const sizes = {};
      for (const [k, v] of Object.entries(files)) sizes[k] = Buffer.byteLength(v);
      process.stdout.write('@@' + JSON.stringify(sizes));
      process.exit(0);
    })().catch((e) => { console.error(e); process.exit(1); });`;
  // Run in the scratch dir: miniprogram-ci leaves an empty cache dir (32 hex characters) in its working directory.
  const out = execFileSync(process.execPath, ['-e', script, app], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120000,
  });
  return JSON.parse(out.slice(out.lastIndexOf('@@') + 2)) as Record<string, number>;
}

test('the compiled consumer carries wxerr/index.js and the required wxerr/pay and wxerr/messages; unrequired modules only without the unused-file filter', () => {
  // DevTools "上传时过滤无依赖文件" (setting.ignoreUploadUnusedFiles) drops the modules nothing requires.
  const filtered = compiledFiles(true);
  expect(filtered['miniprogram_npm/wxerr/index.js']).toBeGreaterThan(0);
  expect(filtered['miniprogram_npm/wxerr/pay.js']).toBeGreaterThan(0);
  expect(filtered['miniprogram_npm/wxerr/messages.js']).toBeGreaterThan(0);
  expect(
    Object.keys(filtered).filter(
      (f) =>
        /wxerr\/(explain|wecom|log|dedupe|session|network|abort|transfer|retry-after|codes)\.js$/.test(f) ||
        f.endsWith('.d.ts'),
    ),
  ).toEqual([]);
  const unfiltered = compiledFiles(false);
  expect(unfiltered['miniprogram_npm/wxerr/explain.js']).toBeGreaterThan(100000);
}, 240000);

test('a TypeScript consumer type-checks against the installed package (node10, node16, bundler resolution)', () => {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [mod, resolution] of [
    ['commonjs', 'node'],
    ['node16', 'node16'],
    ['esnext', 'bundler'],
  ]) {
    try {
      execFileSync(
        process.execPath,
        [tsc, '-p', 'tsconfig.json', '--module', mod, '--moduleResolution', resolution],
        {
          cwd: join(work, 'app'),
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      throw new Error(`tsc (${resolution}): ${String((error as { stdout?: string }).stdout)}`);
    }
  }
});

// walk8: hovering the error in an editor showed `action: ErrorAction` and `code: string` with no word on what they
// are or where the meaning and the next step are; the installed declarations now say it.
test("hovering a caught error's kind, action and code in the installed package's types says what they are", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const app = join(work, 'app');
  const file = join(app, 'hover.ts');
  const text = [
    "import { isWxerrError } from 'wxerr';",
    'export function f(e: unknown): string {',
    "  return isWxerrError(e) ? `${e.kind} ${e.action} ${e.code ?? ''}` : '';",
    '}',
  ].join('\n');
  writeFileSync(file, text);
  const options: import('typescript').CompilerOptions = {
    strict: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
  };
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) =>
      existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined,
    getCurrentDirectory: () => app,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
  });
  const hover = (field: string): string => {
    const info = service.getQuickInfoAtPosition(file, text.indexOf(`e.${field}`) + 2);
    return ts.displayPartsToString(info?.documentation ?? []);
  };
  expect(hover('kind')).toMatch(/network.*http.*api/);
  expect(hover('action')).toMatch(/ACTION_HINT\[action\].*explain\(err\)/s);
  expect(hover('code')).toMatch(/errcode.*errno.*status.*explain\(err\)/s);
});
