// npm run build: compile the mini-program offline with miniprogram-ci (no appid, no key, no network),
// run its code-quality check, write the compiled package to build/miniprogram and print the main package size.
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import * as ci from 'miniprogram-ci';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'build', 'miniprogram');
/** Main package budget of the lookup issue (WeChat's hard limit is 2 MB). */
const MAIN_PACKAGE_BUDGET = 1024 * 1024;

export function offlineProject(): ci.Project {
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

interface QualityItem {
  name: string;
  success: boolean;
  text?: string;
  detail?: unknown;
}

async function main(): Promise<void> {
  const project = offlineProject();
  const started = Date.now();
  const files = (await ci.getCompiledResult({
    project,
    version: '0.0.0-local',
    setting: { es6: true, minify: true },
  })) as Record<string, string | Buffer>;
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

  const quality = (await ci.checkCodeQuality(project)) as unknown as QualityItem[];
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
  if (mainBytes > MAIN_PACKAGE_BUDGET) {
    console.error('main package is over budget');
    process.exitCode = 1;
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
