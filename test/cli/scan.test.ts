import { spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Readable } from 'stream';
import { annotateStream } from '../../cli/commands/annotate';
import type { ScanJson } from '../../cli/commands/scan';
import { isWeChat } from '../../cli/format';
import { run } from '../../cli/index';
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { fakeIO } from '../helpers/cli-io';
import { actionAdvice } from '../../miniprogram/core/advice';

const LOG = [
  '2024-03-12 10:21:33.417 ERROR 48213 --- [nio-8080-exec-7] TokenService : refresh failed',
  'WxErrorException: 错误代码：40001, 错误信息：invalid credential, access_token is invalid or not latest rid: 65efc0ad-61c5d4a2-3a6b0a31',
  '10.0.3.17 - - [12/Mar/2024:10:14:22 +0800] "GET /x HTTP/1.1" 200 45011',
  'cloud.callFunction:fail Error: errCode: -404011 cloud function execution error | errMsg: timeout',
].join('\n');

describe('wxerr scan', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wxerr-scan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scan FILE --json prints {codes: [{code, inferred, evidence, rid, entries}], rids}', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, LOG);
    const io = fakeIO();
    expect(await run(['scan', file, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as ScanJson;
    expect(json.codes.map((c) => c.code)).toEqual(['40001', '-404011']);
    // Today's fields stay; the run adds counts and places.
    expect(Object.keys(json.codes[0]).sort()).toEqual(
      ['code', 'count', 'entries', 'evidence', 'first', 'inferred', 'last', 'rid'].sort(),
    );
    expect(json.codes[0]).toEqual(
      expect.objectContaining({ count: 1, first: { file, line: 2 }, last: { file, line: 2 } }),
    );
    expect(json.summary).toEqual({
      files: 1,
      lines: 4,
      bytes: Buffer.byteLength(LOG),
      codes: 2,
      occurrences: 2,
      extracted: 4,
    });
    expect(json.problems).toEqual([]);
    expect(json.codes[0]).toEqual(
      expect.objectContaining({
        inferred: false,
        rid: '65efc0ad-61c5d4a2-3a6b0a31',
        evidence: expect.stringContaining('40001'),
      }),
    );
    expect(json.codes[0].entries[0].code).toBe('40001');
    expect(json.rids).toEqual(['65efc0ad-61c5d4a2-3a6b0a31']);
  });

  it('a WeCom log line: the WeCom meaning first, with the fix filled in from the caller IP', async () => {
    // A line from a public thread (github:zhayujie/CowAgent#1728, in bench/data/real/snippets.txt), its masked
    // "from ip: x.x.x.x" given an address so the fill has one to name.
    const file = join(dir, 'platforms.log');
    const wecom =
      '[ERROR][2024-02-02 12:38:36][chat_channel.py:314] - [WX] sendMsg error: Error code: 60020, message: not allow to access from your ip, hint: [1706848717432011565347844], from ip: 43.155.1.2, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    writeFileSync(file, wecom);
    const io = fakeIO();
    expect(await run(['scan', file, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as ScanJson;
    expect(json.codes[0].entries[0].id).toBe('wecom:60020');
    const text = fakeIO();
    await run(['scan', file], text);
    const out = text.stdout.join('\n');
    expect(out).toContain('企业微信');
    expect(out).toContain('43.155.1.2');
  });

  it('gives the family of a keyed code the catalog lacks, reads stdin with -, exits 1 when nothing is found', async () => {
    const io = fakeIO('{"errcode":45999,"errmsg":"x"}');
    expect(await run(['scan', '-', '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as ScanJson;
    expect(json.codes[0]).toEqual(expect.objectContaining({ code: '45999', entries: [], rid: null }));
    expect(json.codes[0].family?.key).toBe('45xxx');
    const none = fakeIO('GET /healthz 200 1 ms');
    expect(await run(['scan', '-'], none)).toBe(1);
    expect(none.stdout.join('\n')).toContain('no WeChat error code found');
  });

  it('prints a readable explanation by default', async () => {
    const io = fakeIO(LOG);
    expect(await run(['scan', '-'], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('40001');
    expect(out).toContain('rid 65efc0ad-61c5d4a2-3a6b0a31');
    const more = bundledCatalog().lookup('40001').filter(isWeChat).length - 1;
    expect(out).toMatch(new RegExp(`^40001 {2}开放平台通用 {2}\\+${more} platforms$`, 'm'));
    expect(out).toContain('stdin:2: WxErrorException');
    expect(out).toMatch(/^summary: 2 codes, 2 occurrences in 1 file \(4 lines, [\d.]+ KB\)$/m);
  });

  it('--jsonl answers one line per JSON-encoded text, with an error object for a bad line', async () => {
    const stdin = [JSON.stringify('报错 40029'), 'not json', JSON.stringify('nothing here')].join('\n');
    const io = fakeIO(stdin);
    expect(await run(['scan', '--jsonl'], io)).toBe(0);
    expect(io.stdout).toHaveLength(3);
    expect((JSON.parse(io.stdout[0]) as ScanJson).codes[0].code).toBe('40029');
    expect(JSON.parse(io.stdout[1])).toEqual(expect.objectContaining({ line: 2, error: expect.any(String) }));
    expect((JSON.parse(io.stdout[2]) as ScanJson).codes).toEqual([]);
  });

  it('exits 2 with a message for a missing file, a bad image and usage errors', async () => {
    const missing = fakeIO();
    expect(await run(['scan', join(dir, 'nope.log')], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toMatch(/cannot read .*nope\.log: no such file or directory$/);
    const png = join(dir, 'broken.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    const bad = fakeIO();
    expect(await run(['scan', png], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toMatch(
      /broken\.png: could not read text from the image: a truncated or damaged PNG image$/,
    );
    const usage = fakeIO();
    expect(await run(['scan'], usage)).toBe(2);
  });
});

describe('wxerr annotate', () => {
  it('appends an explanation to lines with a code and passes the others through unchanged', async () => {
    const out: string[] = [];
    const n = await annotateStream(Readable.from([LOG + '\n']), (l) => out.push(l));
    expect(n).toBe(2);
    const lines = LOG.split('\n');
    expect(out).toHaveLength(4);
    expect(out[0]).toBe(lines[0]);
    expect(out[1].startsWith(lines[1])).toBe(true);
    expect(out[1]).toMatch(/ {2}⟵ 40001 .*\(刷新 access_token\)$/);
    expect(out[2]).toBe(lines[2]);
    expect(out[3]).toMatch(/⟵ -404011 /);
  });

  // walk7: a WeCom line was annotated with WeChat's 40001 (获取 access_token 时 AppSecret 错误…) while scan said 企业微信.
  it('annotates a code with the platform the extractor attributed, as scan does', async () => {
    const line =
      'GET https://qyapi.weixin.qq.com/cgi-bin/gettoken {"errcode":40001,"errmsg":"invalid credential, hint: [1700000000_1_abc], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"}';
    const out: string[] = [];
    await annotateStream(Readable.from([line + '\n']), (l) => out.push(l));
    const wecom = bundledCatalog()
      .lookup('40001')
      .find((e) => e.platform === '企业微信');
    if (!wecom) throw new Error('catalog has no WeCom 40001');
    expect(out[0]).toContain(`⟵ 40001 ${wecom.zh}`);
    expect(out[0].endsWith(` (${actionAdvice(wecom.action).short.zh})`)).toBe(true);
  });

  it('streams: a line is annotated before the input ends (real child process)', async () => {
    const script = join(__dirname, '..', '..', 'cli', 'commands', 'annotate.ts');
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-e',
        `require(${JSON.stringify(script)}).annotateStream(process.stdin, (l) => process.stdout.write(l + '\\n'))`,
      ],
      { cwd: join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let seen = '';
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('\n')) resolve(seen);
      });
    });
    child.stdin.write('{"errcode":45009,"errmsg":"reach max api daily quota limit"}\n');
    // The stream is still open: the answer must come anyway.
    expect(await firstLine).toMatch(/⟵ 45009 /);
    child.stdin.write('plain line\n');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(seen.trim().split('\n')).toEqual([expect.stringMatching(/45009/), 'plain line']);
  });
});
