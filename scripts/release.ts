// npm run upload / npm run preview: need a real appid, its private key and an IP whitelist on WeChat's side.
// WXERR_APPID and WXERR_PRIVATE_KEY_PATH come from the environment; nothing secret lives in the repo.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as ci from 'miniprogram-ci';

const ROOT = join(__dirname, '..');

export function releaseConfig(env: NodeJS.ProcessEnv): { appid: string; privateKeyPath: string } {
  const appid = env.WXERR_APPID ?? '';
  const privateKeyPath = env.WXERR_PRIVATE_KEY_PATH ?? '';
  const missing = [!appid && 'WXERR_APPID', !privateKeyPath && 'WXERR_PRIVATE_KEY_PATH'].filter(Boolean);
  if (missing.length) {
    throw new Error(
      `${missing.join(' and ')} not set. Upload and preview need your mini-program's appid and the code-upload key ` +
        "from mp.weixin.qq.com → 开发管理 → 开发设置 → 小程序代码上传 (with this machine's IP whitelisted there).",
    );
  }
  if (!existsSync(privateKeyPath))
    throw new Error(`WXERR_PRIVATE_KEY_PATH points at ${privateKeyPath}, which does not exist`);
  if (!/^wx[0-9a-f]{16}$/.test(appid))
    throw new Error(`WXERR_APPID=${appid} does not look like an appid (wx + 16 hex digits)`);
  return { appid, privateKeyPath };
}

async function main(mode: string): Promise<void> {
  if (mode !== 'upload' && mode !== 'preview') throw new Error('usage: release.ts upload|preview');
  const { appid, privateKeyPath } = releaseConfig(process.env);
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (mode === 'upload') {
    const result = await ci.upload({
      project,
      version,
      desc: `wxerr ${version}`,
      setting: { es6: true, minify: true },
    });
    console.log(JSON.stringify(result, null, 2));
  } else {
    const result = await ci.preview({
      project,
      version,
      desc: `wxerr ${version} preview`,
      setting: { es6: true, minify: true },
      qrcodeFormat: 'terminal',
    });
    console.log(JSON.stringify(result, null, 2));
  }
}

if (require.main === module) {
  main(process.argv[2] ?? '').then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(
        `wxerr ${process.argv[2] ?? 'release'}: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
