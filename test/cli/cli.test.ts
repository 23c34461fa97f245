import { execFileSync, spawnSync } from 'child_process';
import { join } from 'path';
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { fakeIO } from '../helpers/cli-io';
import type { Entry } from '../../miniprogram/core/types';

describe('wxerr CLI', () => {
  it('`wxerr 40001 --json` lists the 40001 entry of every platform with sources', async () => {
    const io = fakeIO();
    expect(await run(['40001', '--json'], io)).toBe(0);
    const entries = JSON.parse(io.stdout.join('\n')) as Entry[];
    expect(entries.map((e) => e.platform)).toEqual([
      '开放平台通用',
      '公众号',
      '微信小店',
      '视频号',
      '企业微信',
      '第三方账号平台（非微信）',
    ]);
    for (const e of entries) {
      expect(e).toEqual(
        expect.objectContaining({ code: '40001', action: expect.any(String), sources: expect.any(Array) }),
      );
      expect(e.sources.length).toBeGreaterThan(0);
    }
  });

  it('prints a readable layout and explains an unknown code by family with exit 1', async () => {
    const io = fakeIO();
    expect(await run(['lookup', '42001'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('access_token expired');
    const miss = fakeIO();
    expect(await run(['45999'], miss)).toBe(1);
    expect(miss.stdout.join('\n')).toContain('a limit was exceeded');
  });

  it('exits 2 with a message on usage errors', async () => {
    for (const argv of [[], ['frobnicate'], ['lookup'], ['search'], ['search', 'x', '--limit', '0']]) {
      const io = fakeIO();
      expect(await run(argv, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/^wxerr: /);
    }
  });

  it('stats --json accounts for every row of every source', async () => {
    const io = fakeIO();
    expect(await run(['stats', '--json'], io)).toBe(0);
    const stats = JSON.parse(io.stdout.join('\n')) as {
      sources: { id: string; rows: number; kept: number; merged: number; accounted: boolean }[];
    };
    const rows = Object.fromEntries(stats.sources.map((s) => [s.id, s.rows]));
    expect(rows).toMatchObject({ '001': 2030, '000': 51, '002': 154, '003': 79, '004': 70, errno: 295 });
    // The tables of issue 9: WeCom, WeChat Pay, the mini-program codes the seeds lacked, the client API.
    expect(rows).toMatchObject({ 'mp-extra': 31, wecom: 1251, 'wecom-wxjava': 281, 'pay3-common': 4 });
    expect(rows).toMatchObject({ 'pay3-http': 12, 'pay3-senparc': 23, 'pay3-go': 49, 'pay2-wxjava': 57 });
    expect(rows.wxapi).toBeGreaterThan(0);
    for (const s of stats.sources) expect([s.kept + s.merged, s.accounted]).toEqual([s.rows, true]);
  });

  it('search --jsonl answers one line per query', async () => {
    const io = fakeIO('40001\nip白名单\n');
    expect(await run(['search', '--jsonl'], io)).toBe(0);
    expect(io.stdout).toHaveLength(2);
    expect((JSON.parse(io.stdout[0]) as Entry[])[0].code).toBe('40001');
  });

  it('export prints the whole catalog', async () => {
    const io = fakeIO();
    await run(['export', '--jsonl'], io);
    expect(io.stdout.length).toBe(bundledCatalog().entries.length);
    expect(io.stdout.length).toBeGreaterThan(4000);
  });

  it('runs as a real process through bin/wxerr.js', () => {
    const bin = join(__dirname, '..', '..', 'bin', 'wxerr.js');
    const out = execFileSync(process.execPath, [bin, '600002', '--json'], { encoding: 'utf8' });
    // Both meanings; the commonly met one (the wx.request errno, which has specific advice) first.
    expect((JSON.parse(out) as Entry[]).map((e) => e.platform)).toEqual([
      '小程序客户端 errno',
      '开放平台通用',
      '企业微信',
    ]);
    const bad = spawnSync(process.execPath, [bin, 'lookup'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
