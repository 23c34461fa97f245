// npm run build: compile the mini-program offline with miniprogram-ci (no appid, no key, no network),
// run its code-quality check, write the compiled package to build/miniprogram and print the size of the main
// package and of each subpackage (app.json subPackages; WeChat limits each to 2 MB).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import type * as CI from 'miniprogram-ci';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'build', 'miniprogram');
/** The project's budget for the main package (issue 9; WeChat's own limit is 2 MB): over it the build fails. */
const MAIN_PACKAGE_BUDGET = 1024 * 1024;
/** WeChat's limit for one package, main or sub. */
const PACKAGE_LIMIT = 2048 * 1024;

/** Bytes per package of the compiled files: '' for the main package, else the subpackage root ("a/b/"). */
function packageSizes(files: Record<string, string | Buffer>): Map<string, number> {
  const app = JSON.parse(String(files['app.json'] ?? '{}')) as { subPackages?: { root: string }[] };
  const roots = (app.subPackages ?? []).map((p) => (p.root.endsWith('/') ? p.root : `${p.root}/`));
  const sizes = new Map<string, number>([['', 0], ...roots.map((r): [string, number] => [r, 0])]);
  for (const [name, content] of Object.entries(files)) {
    const root = roots.find((r) => name.startsWith(r)) ?? '';
    sizes.set(root, (sizes.get(root) ?? 0) + Buffer.byteLength(content));
  }
  return sizes;
}

export function offlineProject(ci: typeof CI): CI.Project {
  // `attr` skips the WeChat server round trip that getCompiledResult would otherwise make (toolchain notes).
  const options = {
    appid: 'touristappid',
    type: 'miniProgram' as const,
    projectPath: ROOT,
    privateKey: 'offline-build-needs-no-key',
    ignores: ['node_modules/**/*'],
    attr: async () => (ci as unknown as { DefaultProjectAttr: unknown }).DefaultProjectAttr,
  };
  return new ci.Project(options as ConstructorParameters<typeof ci.Project>[0]);
}

/**
 * miniprogram-ci logs its compiler chatter through console.* and, offline, an `[error] … ENOTFOUND` line for the
 * file-extension whitelist it tries to download before falling back to its built-in list. Collect that chatter
 * while `work` runs and say in one line what was skipped; `--verbose` (or a failure) prints all of it.
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const verbose = process.argv.includes('--verbose');
  const lines: string[] = [];
  const methods = ['log', 'info', 'debug', 'warn', 'error'] as const;
  const saved = methods.map((m) => console[m]);
  if (!verbose)
    for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    return await work();
  } catch (error) {
    for (const line of lines) process.stderr.write(`${line}\n`);
    throw error;
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i]));
    if (lines.some((line) => line.includes('getwhiteextlist') && line.includes('ENOTFOUND')))
      console.log(
        "offline: skipped WeChat's file-extension whitelist download; used miniprogram-ci's built-in list",
      );
  }
}

interface QualityItem {
  name: string;
  success: boolean;
  text?: string;
  detail?: unknown;
}

async function main(): Promise<void> {
  // Loaded inside quietly(): requiring miniprogram-ci already prints a banner.
  const ci = await quietly(async () => import('miniprogram-ci'));
  const project = offlineProject(ci);
  const started = Date.now();
  const files = (await quietly(() =>
    ci.getCompiledResult({ project, version: '0.0.0-local', setting: { es6: true, minify: true } }),
  )) as Record<string, string | Buffer>;
  rmSync(OUT, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = join(OUT, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const count = Object.keys(files).length;
  console.log(`compiled ${count} files in ${Date.now() - started} ms → ${OUT}`);

  const quality = (await quietly(() => ci.checkCodeQuality(project))) as unknown as QualityItem[];
  let failed = false;
  for (const item of quality) {
    console.log(
      `quality ${item.success ? 'ok  ' : 'FAIL'} ${item.name}${item.detail ? ` ${JSON.stringify(item.detail)}` : ''}`,
    );
    if (!item.success) failed = true;
  }
  const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
  const sizes = packageSizes(files);
  const mainBytes = sizes.get('') ?? 0;
  console.log(
    `main package size: ${mainBytes} bytes (${kb(mainBytes)} KB; budget ${MAIN_PACKAGE_BUDGET / 1024} KB, ` +
      `WeChat limit ${PACKAGE_LIMIT / 1024} KB)`,
  );
  if (mainBytes > MAIN_PACKAGE_BUDGET) {
    console.error('main package is over budget');
    process.exitCode = 1;
  }
  for (const [root, bytes] of sizes) {
    if (!root) continue;
    console.log(
      `subpackage ${root} size: ${bytes} bytes (${kb(bytes)} KB; WeChat limit ${PACKAGE_LIMIT / 1024} KB)`,
    );
    if (bytes > PACKAGE_LIMIT) {
      console.error(`subpackage ${root} is over WeChat's limit`);
      process.exitCode = 1;
    }
  }
  if (failed) {
    console.error('code-quality check failed');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  // miniprogram-ci leaves an empty cache dir (32 hex characters) in the working directory: work in a scratch one.
  const scratch = mkdtempSync(join(tmpdir(), 'wxerr-build-'));
  process.chdir(scratch);
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  // miniprogram-ci leaves a forked compiler process behind: exit explicitly once done.
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
