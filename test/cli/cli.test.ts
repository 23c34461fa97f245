import { spawn, spawnSync } from 'child_process';
import { formatCode, isWeChat, painter } from '../../cli/format';
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { PLATFORM_DOCS } from '../../miniprogram/core/view/detail';
import { displayWidth } from '../../cli/text';
import { CLI_BIN, CLI_ENV, fakeIO } from '../helpers/cli-io';
import type { Entry } from '../../miniprogram/core/types';

const lines = (io: { stdout: string[] }) => io.stdout.join('\n').split('\n');

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
    for (const e of entries) expect(e.sources.length).toBeGreaterThan(0);
  });

  it('`wxerr 40001` answers first in ≤ 20 lines: meaning, one advice block, the rest folded', async () => {
    const io = fakeIO();
    expect(await run(['40001'], io)).toBe(0);
    const out = lines(io);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out[0]).toMatch(/^40001 {2}开放平台通用 {2}refresh the access_token$/);
    expect(out[1]).toContain('获取 access_token 时 AppSecret 错误');
    const text = out.join('\n');
    // One advice block, in one language, once.
    expect(text.match(/usually another\s+service fetched a new token/g)).toHaveLength(1);
    expect(text).not.toContain('常见原因是另一处服务刷新了 token');
    // Every other WeChat platform of 40001 is named in the fold line (the catalog may grow).
    const others = bundledCatalog().lookup('40001').filter(isWeChat).slice(1);
    expect(others.length).toBeGreaterThanOrEqual(3);
    const fold = text.slice(text.indexOf(`+${others.length} other platforms: `));
    expect(fold).toMatch(/^\+\d+ other platforms: 公众号, 微信小店, 视频号/);
    for (const e of others) expect(fold).toContain(e.platform);
    expect(text).toMatch(/\(wxerr\s+40001 --all\)/);
    // The non-WeChat platform is only pointed at, never mixed in.
    expect(text).not.toContain('不合法的调用凭证');
    expect(text).toMatch(/not WeChat: 第三方账号平台（非微信）/);
    expect(out.filter((l) => l.includes('from 001 row 4'))).toHaveLength(1);
    // The copyable official page (a URL is never cut): on its own line when "  doc URL" passes the width.
    expect(out[out.indexOf(PLATFORM_DOCS.open) - 1]).toBe('  doc');
    for (const line of out.filter((l) => !l.startsWith('https://')))
      expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('`wxerr -1` fits in 20 lines; --all shows every platform, the non-WeChat one apart and last', async () => {
    const io = fakeIO();
    expect(await run(['-1'], io)).toBe(0);
    expect(lines(io).length).toBeLessThanOrEqual(20);
    expect(io.stdout.join('\n')).toContain('云开发 “通用错误”');
    const all = fakeIO();
    expect(await run(['-1', '--all'], all)).toBe(0);
    const text = all.stdout.join('\n');
    const apart = text.indexOf('── not WeChat ──');
    expect(apart).toBeGreaterThan(text.indexOf('-1  视频号'));
    expect(text.indexOf('-1  第三方账号平台（非微信）')).toBeGreaterThan(apart);
    expect(text.match(/advice \(wxerr\): as above/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('--platform thirdparty shows that platform alone, labelled; --lang zh gives the advice in Chinese', async () => {
    const io = fakeIO();
    expect(await run(['40001', '--platform', 'thirdparty'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(
      /^40001 {2}第三方账号平台（非微信）.*\(not a WeChat platform\)\n {2}不合法的调用凭证/,
    );
    const zh = fakeIO();
    expect(await run(['42001', '--lang', 'zh'], zh)).toBe(0);
    expect(zh.stdout.join('\n')).toContain('access_token expired');
    expect(zh.stdout.join('\n')).toMatch(/wxerr 建议 .*[\u4e00-\u9fff]/); // and its label (walk7)
  });

  it('explains an unknown code with no typo neighbour by family with exit 1', async () => {
    const miss = fakeIO();
    expect(await run(['89999'], miss)).toBe(1);
    expect(miss.stdout.join('\n')).toContain('not in the catalog. 89xxx');
  });

  it('search shows one block per code, WeChat first, the non-WeChat matches counted apart', async () => {
    const io = fakeIO();
    expect(await run(['search', '40001'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text.match(/^40001 /gm)).toHaveLength(1);
    const more = bundledCatalog().lookup('40001').filter(isWeChat).length - 1;
    expect(text).toMatch(new RegExp(`^40001 {2}开放平台通用 {2}\\+${more} platforms$`, 'm'));
    expect(text).toContain('+1 match on a non-WeChat platform (--all)');
    const all = fakeIO();
    expect(await run(['search', '40001', '--all'], all)).toBe(0);
    expect(all.stdout.join('\n')).toMatch(/── not WeChat: 第三方账号平台（非微信） ──\n40001 /);
  });

  it('exits 2 with one line on usage errors, with a did-you-mean for commands, options and platforms', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^wxerr: no command given/],
      [['frobnicate'], /^wxerr: unknown command frobnicate; commands: lookup, search/],
      [['serch', 'x'], /^wxerr: unknown command serch \(did you mean search\?\)$/],
      [['40001', '--jsn'], /^wxerr: unknown option --jsn \(did you mean --json\?\)$/],
      [
        ['scan', '-', '--ocrtext'],
        /^wxerr: unknown option --ocrtext for scan \(did you mean --ocr-text\?\)$/,
      ],
      [
        ['40001', '--platform', 'thirdpart'],
        /^wxerr: unknown platform thirdpart \(did you mean thirdparty\?\)/,
      ],
      [['40001', '-x'], /^wxerr: unknown option -x/],
      [['lookup'], /^wxerr: lookup needs a code/],
      [['search', 'x', '--limit', '0'], /^wxerr: --limit takes a whole number/],
      [['help', 'scna'], /^wxerr: no help for scna \(did you mean scan\?\)$/],
    ];
    for (const [argv, message] of cases) {
      const io = fakeIO();
      expect(await run(argv, io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(message);
    }
  });

  it('--version, help <cmd> and <cmd> --help', async () => {
    const version = fakeIO();
    expect(await run(['--version'], version)).toBe(0);
    expect(version.stdout[0]).toMatch(/^wxerr \d+\.\d+\.\d+$/);
    const help = fakeIO();
    expect(await run(['help', 'scan'], help)).toBe(0);
    const flag = fakeIO();
    expect(await run(['scan', '--help'], flag)).toBe(0);
    expect(flag.stdout).toEqual(help.stdout);
    expect(help.stdout[0]).toMatch(/^wxerr scan FILE\|DIR\|GLOB\|-/);
    for (const line of help.stdout.join('\n').split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('no line of the text views is wider than the terminal (80 columns off a TTY, CJK counting two)', async () => {
    const views = [
      ['--help'],
      ['stats'],
      ['-1', '--all'],
      ['40001', '--all'],
      ['search', 'ip白名单'],
      ['48001'],
    ];
    for (const argv of views) {
      const io = fakeIO();
      await run(argv, io);
      const view = argv.join(' ');
      // A doc link is never cut, so that it stays copyable: past the width it stands alone on its line.
      const tooWide = lines(io).filter((l) => displayWidth(l) > 80 && !/^https?:\/\/\S+$/.test(l));
      expect({ view, tooWide }).toEqual({ view, tooWide: [] });
    }
  });

  it('stats --json accounts for every row of every source; export prints the whole catalog', async () => {
    const io = fakeIO();
    expect(await run(['stats', '--json'], io)).toBe(0);
    const stats = JSON.parse(io.stdout.join('\n')) as {
      sources: { rows: number; kept: number; merged: number }[];
    };
    for (const s of stats.sources) expect(s.kept + s.merged).toBe(s.rows);
    const exported = fakeIO();
    await run(['export', '--jsonl'], exported);
    expect(exported.stdout.length).toBe(stats.sources.reduce((n, s) => n + s.kept, 0));
  });

  it('search --jsonl answers one line per query', async () => {
    const io = fakeIO('40001\nip白名单\n');
    expect(await run(['search', '--jsonl'], io)).toBe(0);
    expect(io.stdout).toHaveLength(2);
    expect((JSON.parse(io.stdout[0]) as Entry[])[0].code).toBe('40001');
  });

  it('runs as a real process through bin/wxerr.js', () => {
    const out = spawnSync(process.execPath, [CLI_BIN, '600002', '--json'], {
      encoding: 'utf8',
      env: CLI_ENV,
    });
    expect((JSON.parse(out.stdout) as Entry[]).map((e) => e.platform)).toEqual([
      '小程序客户端 errno',
      '开放平台通用',
      '企业微信',
    ]);
    const bad = spawnSync(process.execPath, [CLI_BIN, 'lookup'], { encoding: 'utf8', env: CLI_ENV });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('wxerr: lookup needs a code, e.g. `wxerr lookup 40001`\n');
  });
});

describe('a closed pipe (wxerr export | head -c 100)', () => {
  /** Runs the CLI, reads `bytes` of its output, closes the pipe, and waits for the exit. */
  function readThenClose(argv: string[], bytes: number, stdin?: string) {
    return new Promise<{ code: number | null; stderr: string; got: number }>((resolve) => {
      const child = spawn(process.execPath, [CLI_BIN, ...argv], {
        env: CLI_ENV,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let got = 0;
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.stdout.on('data', (c: Buffer) => {
        got += c.length;
        if (got >= bytes) child.stdout.destroy();
      });
      if (stdin !== undefined) child.stdin.end(stdin);
      child.on('close', (code) => resolve({ code, stderr, got }));
    });
  }

  it.each([
    [['export'], 100],
    [['export', '--jsonl'], 100],
    [['-1', '--all'], 10],
  ])(
    '%j exits quietly, without an EPIPE trace',
    async (argv, bytes) => {
      const result = await readThenClose(argv, bytes);
      expect(result.got).toBeGreaterThanOrEqual(bytes);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    },
    20_000,
  );

  it('scan of a long stream | head -1 stops quietly', async () => {
    const log = Array.from({ length: 20000 }, (_, i) => `{"errcode":${40001 + (i % 50)},"errmsg":"x"}`).join(
      '\n',
    );
    const result = await readThenClose(['scan', '-'], 1, log);
    expect(result.stderr).toBe('');
    expect([0, 1]).toContain(result.code);
  }, 30_000);
});

describe('entry fields from other branches', () => {
  it('shows HTTP statuses and aliases on the header line and the official doc link when an entry has them', () => {
    const [base] = bundledCatalog().lookup('40001');
    const rich = {
      ...base,
      http: [401],
      aliases: ['INVALID_CREDENTIAL'],
      doc: 'https://developers.weixin.qq.com/doc/x',
    };
    const out = formatCode([rich], { p: painter(false), width: 80, lang: 'en' });
    expect(out[0]).toBe('40001  开放平台通用  HTTP 401  aka INVALID_CREDENTIAL  refresh the access_token');
    expect(out).toContain('  doc https://developers.weixin.qq.com/doc/x');
    const wecom = { ...base, fix: '检查 secret 是否正确', fixEn: 'check that the secret is right' };
    const lines = formatCode([wecom], { p: painter(false), width: 80, lang: 'en' });
    expect(lines).toContain('  fix 检查 secret 是否正确'); // an English screen's label (walk7)
    expect(lines).toContain('    check that the secret is right (translated by wxerr)');
  });
});

describe('a code in any spelling is a lookup without the word lookup', () => {
  it.each(['NOT_ENOUGH', 'NOTENOUGH', 'notenough'])('wxerr %s → the Pay entry first', async (spelling) => {
    const io = fakeIO();
    expect(await run([spelling, '--json'], io)).toBe(0);
    const entries = JSON.parse(io.stdout.join('\n')) as Entry[];
    expect(entries[0].id).toBe('payv3:NOT_ENOUGH');
  });
  it('an errMsg', async () => {
    const io = fakeIO();
    expect(await run(['requestPayment:fail cancel', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdout.join('\n')) as Entry[])[0].platform).toBe('小程序客户端 API');
  });
  it('a typo of a command is still a typo', async () => {
    const io = fakeIO();
    expect(await run(['lookp', '40001'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('did you mean lookup?');
  });
});
