/**
 * @jest-environment node
 */
// wxerr scan on real files in a temp dir: several files, globs, folders, stdin, big inputs in batches, and
// bad input (binary, invalid UTF-8, a folder without text, a missing file, a truncated PNG): one line each,
// exit 2 at the end, the other files still scanned.
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { ScanJson } from '../../cli/commands/scan';
import { run } from '../../cli/index';
import { displayWidth } from '../../cli/text';
import { CLI_BIN, CLI_ENV, fakeIO } from '../helpers/cli-io';

const SHOTS = join(__dirname, '..', '..', 'bench', 'ocr', 'shots');
const body = (code: number, msg: string, rid?: string) =>
  JSON.stringify({ errcode: code, errmsg: rid ? `${msg} rid: ${rid}` : msg });
const rid = (i: number) => `65efc0ad-${String(i).padStart(8, '0')}-3a6b0a31`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wxerr-scan-input-'));
  writeFileSync(
    join(dir, 'a.log'),
    `boot\n${body(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist')}\n`,
  );
  writeFileSync(join(dir, 'b.log'), `x\ny\n${body(40029, 'invalid code')}\n`);
  mkdirSync(join(dir, 'tree', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'tree', 'deep', 'c.txt'), `${body(45009, 'reach max api daily quota limit')}\n`);
  writeFileSync(join(dir, 'tree', 'blob.bin'), Buffer.from([0, 1, 2, 3, 0x34, 0x30, 0x30, 0x30, 0x31]));
  mkdirSync(join(dir, 'bins'));
  writeFileSync(join(dir, 'bins', 'x.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]));
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 0, 0, 1, 0x34, 0x30]));
  // Latin-1 bytes in a UTF-8 log: é as 0xe9, then a code after it.
  writeFileSync(
    join(dir, 'latin1.log'),
    Buffer.concat([
      Buffer.from('caf'),
      Buffer.from([0xe9]),
      Buffer.from(` ${body(42001, 'access_token expired')}\n`),
    ]),
  );
  const png = readFileSync(join(SHOTS, '02-ip-whitelist-dark.png'));
  writeFileSync(join(dir, 'truncated.png'), png.subarray(0, Math.floor(png.length / 3)));
  writeFileSync(
    join(dir, 'utf16.log'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`报错 ${body(40013, 'invalid appid')}\r\n`, 'utf16le'),
    ]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scanJson(argv: string[], stdin = '') {
  const io = fakeIO(stdin);
  const code = await run(['scan', ...argv, '--json'], io);
  return { code, json: JSON.parse(io.stdout.join('\n')) as ScanJson, stderr: io.stderr };
}

describe('sources', () => {
  it('scans several files, a folder recursively (skipping binary files) and stdin, in order', async () => {
    const { code, json, stderr } = await scanJson(
      [join(dir, 'a.log'), join(dir, 'tree'), '-', join(dir, 'b.log')],
      body(-1, 'system error'),
    );
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(json.codes.map((c) => [c.code, c.first.file.replace(dir, ''), c.first.line])).toEqual([
      ['40164', '/a.log', 2],
      ['45009', '/tree/deep/c.txt', 1],
      ['-1', 'stdin', 1],
      ['40029', '/b.log', 3],
    ]);
    expect(json.summary.files).toBe(4);
  });

  it('expands a glob the shell did not expand, ** included', async () => {
    const { json } = await scanJson([join(dir, '*.log')]);
    expect(json.codes.map((c) => c.code).sort()).toEqual(['40013', '40029', '40164', '42001']);
    const deep = await scanJson([join(dir, '**', '*.txt')]);
    expect(deep.json.codes.map((c) => c.code)).toEqual(['45009']);
  });

  it('reads a UTF-16 log with a BOM', async () => {
    const { json, code } = await scanJson([join(dir, 'utf16.log')]);
    expect(code).toBe(0);
    expect(json.codes.map((c) => c.code)).toEqual(['40013']);
  });

  it('fills the fix from the text: the caller IP of a 40164', async () => {
    const { json } = await scanJson([join(dir, 'a.log')]);
    expect(json.codes[0].next?.en).toBe(
      'add 1.2.3.4 to the IP whitelist (开发管理 → 开发设置 → IP白名单), then retry',
    );
    const io = fakeIO();
    await run(['scan', join(dir, 'a.log')], io);
    expect(io.stdout.join('\n')).toContain('next step add 1.2.3.4 to the IP whitelist');
    expect(io.stdout.join('\n')).not.toContain('fix the configuration');
  });
});

describe('bad input: one line naming the file, exit 2 at the end, the rest still scanned', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(dir, 'nope.log'), /nope\.log: no such file or directory$/],
    [
      'binary data',
      () => join(dir, 'blob.bin'),
      /blob\.bin: binary data, not a text log or an image; skipped$/,
    ],
    [
      'invalid UTF-8',
      () => join(dir, 'latin1.log'),
      /latin1\.log: not valid UTF-8 text \(first bad byte near offset 3\)/,
    ],
    [
      'a folder without text files',
      () => join(dir, 'bins'),
      /bins: no text files to scan \(1 file, none of them text\)$/,
    ],
    [
      'a truncated PNG',
      () => join(dir, 'truncated.png'),
      /truncated\.png: could not read text from the image: a truncated or damaged PNG image$/,
    ],
    ['a glob matching nothing', () => join(dir, '*.nothing'), /\*\.nothing: no file matches this pattern$/],
  ];
  it.each(cases)('%s', async (_name, path, message) => {
    const { code, json, stderr } = await scanJson([join(dir, 'a.log'), path(), join(dir, 'b.log')]);
    expect(code).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^wxerr: /);
    expect(stderr[0]).toMatch(message);
    expect(stderr[0]).not.toMatch(/E[A-Z]{3,}|at .*\.ts:\d+|Error:/);
    expect(json.problems).toHaveLength(1);
    // The files around the bad one are still scanned.
    expect(json.codes.map((c) => c.code)).toEqual(expect.arrayContaining(['40164', '40029']));
  });

  // Root reads any folder, so the check needs an ordinary user.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it.skip : it)(
    'a folder it cannot read inside a tree: one line naming it, the rest of the tree scanned',
    async () => {
      const locked = join(dir, 'tree', 'locked');
      mkdirSync(locked, { recursive: true });
      chmodSync(locked, 0);
      try {
        const { code, json, stderr } = await scanJson([join(dir, 'tree')]);
        expect(code).toBe(2);
        expect(stderr).toEqual([`wxerr: cannot read ${locked}: permission denied`]);
        expect(json.codes.map((c) => c.code)).toEqual(['45009']);
      } finally {
        chmodSync(locked, 0o755);
        rmSync(locked, { recursive: true, force: true });
      }
    },
  );

  it('still scans the rest of an invalid UTF-8 file', async () => {
    const { json } = await scanJson([join(dir, 'latin1.log')]);
    expect(json.codes.map((c) => c.code)).toEqual(['42001']);
  });

  it('a real process names a directory it cannot read as a file plainly (no EISDIR)', () => {
    const out = spawnSync(process.execPath, [CLI_BIN, 'scan', join(dir, 'bins', 'x.bin', 'no')], {
      encoding: 'utf8',
      env: CLI_ENV,
    });
    expect(out.status).toBe(2);
    expect(out.stderr.trim()).toMatch(/^wxerr: cannot read .*no: a part of the path is not a directory$/);
  });
});

describe('logs bigger than one batch', () => {
  // 30 000 lines (~2.5 MB): many batches. Each error's rid is on the next line, so context must cross lines.
  const lines: string[] = [];
  for (let i = 0; i < 30000; i++) {
    if (i % 100 === 7) lines.push(`{"errcode":40001,"errmsg":"invalid credential,`, `rid: ${rid(i)}"}`);
    else if (i === 29990)
      lines.push(body(40164, 'invalid ip 9.8.7.6 ipv6 ::ffff:9.8.7.6, not in whitelist', rid(i)));
    else
      lines.push(
        `2024-03-12 10:21:33.417  INFO 48213 --- [exec-${i % 9}] c.e.OrderService : order ${i} paid in ${i % 97} ms`,
      );
  }
  const log = lines.join('\n') + '\n';
  const file = () => join(dir, 'big.log');
  beforeAll(() => writeFileSync(file(), log));

  it('counts every occurrence with first and last line, and lists each rid once', async () => {
    const { json } = await scanJson([file()]);
    const token = json.codes.find((c) => c.code === '40001');
    const expectedLines = lines.flatMap((l, i) => (l.startsWith('{"errcode":40001') ? [i + 1] : []));
    expect(token?.count).toBe(300);
    expect(token?.first.line).toBe(expectedLines[0]);
    expect(token?.last.line).toBe(expectedLines[expectedLines.length - 1]);
    expect(json.rids).toHaveLength(301);
    expect(new Set(json.rids).size).toBe(301);
    expect(json.summary.lines).toBe(lines.length);
    expect(json.summary.bytes).toBe(Buffer.byteLength(log));
  });

  it('caps the rids in the text view, and no line is wider than the terminal', async () => {
    const io = fakeIO();
    expect(await run(['scan', file()], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('… and 291 more rids (--json lists all)');
    expect(out).toMatch(/^40001 +300 +big\.log:8 +big\.log:\d+ +开放平台通用$/m);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('--ocr-text', () => {
  it('prints what OCR read from an image, then scans it', async () => {
    const io = fakeIO();
    expect(await run(['scan', join(SHOTS, '02-ip-whitelist-dark.png'), '--ocr-text'], io)).toBe(0);
    const shown = io.stderr.join('\n');
    expect(shown).toMatch(
      /^── OCR text of .*02-ip-whitelist-dark\.png ──\n[\s\S]*40164[\s\S]*\n── end of OCR text ──$/,
    );
    expect(io.stdout.join('\n')).toMatch(/^40164 /m);
  }, 60_000);
});

test('binary files and images inside a folder are skipped without a message each, and the summary counts them', async () => {
  const folder = join(dir, 'mixed');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'app.log'), `${body(40164, 'invalid ip 5.6.7.8, not in whitelist')}\n`);
  writeFileSync(join(folder, 'core.bin'), Buffer.from([0, 1, 2, 0, 255, 0, 7]));
  writeFileSync(join(folder, 'shot.png'), Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1'));
  const io = fakeIO();
  expect(await run(['scan', folder], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  expect(io.stdout.join('\n')).toContain('2 files in folders skipped: binary data or images');
});
