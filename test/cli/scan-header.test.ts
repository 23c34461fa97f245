// walk8: a scanned code's header says how many other platforms have it in words, as search does
// ("45009 ×2  开放平台通用  +4 platforms"), not a bare "+4" that reads as part of the platform's name.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnSync } from 'child_process';
import { CLI_BIN, CLI_ENV } from '../helpers/cli-io';

describe('wxerr scan: the header of a code on several platforms', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-scan-header-'));
    writeFileSync(join(dir, 'app.log'), '{"errcode":45009,"errmsg":"reach max api daily quota limit"}\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header = (lang: string) =>
    spawnSync(process.execPath, [CLI_BIN, 'scan', join(dir, 'app.log'), '--lang', lang], {
      encoding: 'utf8',
      env: CLI_ENV,
    }).stdout.split('\n')[0];

  it('names the count as platforms, in the screen language', () => {
    const en = header('en');
    const zh = header('zh');
    expect(en).toMatch(/^45009 {2}开放平台通用 {2}\+\d+ platforms$/);
    expect(zh).toMatch(/^45009 {2}开放平台通用 {2}\+\d+ 个平台$/);
  });
});
