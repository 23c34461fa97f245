// npm run build: compile the mini-program offline with miniprogram-ci (no appid, no key, no network),
// run its code-quality check, write the compiled package to build/miniprogram and print the main package size.
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import type * as CI from 'miniprogram-ci';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'build', 'miniprogram');
/** The project's goal for the main package (issue 9); over it the build says so. */
const MAIN_PACKAGE_BUDGET = 1024 * 1024;
/** WeChat's hard limit for the main package: over it nothing can be uploaded, so the build fails. */
const MAIN_PACKAGE_LIMIT = 2048 * 1024;

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
  let mainBytes = 0;
  for (const [name, content] of Object.entries(files)) {
    const file = join(OUT, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    mainBytes += Buffer.byteLength(content);
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
  const kb = (mainBytes / 1024).toFixed(1);
  console.log(
    `main package size: ${mainBytes} bytes (${kb} KB; budget ${MAIN_PACKAGE_BUDGET / 1024} KB, WeChat limit 2048 KB)`,
  );
  if (mainBytes > MAIN_PACKAGE_LIMIT) {
    console.error("main package is over WeChat's 2 MB limit");
    process.exitCode = 1;
  } else if (mainBytes > MAIN_PACKAGE_BUDGET) {
    console.log(
      `main package is over the project's ${MAIN_PACKAGE_BUDGET / 1024} KB goal (not WeChat's limit)`,
    );
  }
  if (failed) {
    console.error('code-quality check failed');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  // miniprogram-ci leaves a forked compiler process behind: exit explicitly once done.
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
