// A log written on Chinese Windows is GBK / GB18030, not UTF-8: walk8 found `错误码：45009` in such a file gave
// "not valid UTF-8" and no code. Its Chinese is read as GB18030 (said on stderr, exit unchanged), wherever in the
// file it starts and wherever a chunk cuts a character; Latin-1 bytes are still reported as invalid UTF-8.
import { readLines, looksGb2312 } from '../../cli/scan/lines';
import { run } from '../../cli/index';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TextDecoder, TextEncoder } from 'util';
import { fakeIO } from '../helpers/cli-io';
import type { ScanJson } from '../../cli/commands/scan';

/** GBK bytes of a string (Node's TextEncoder writes only UTF-8, so the table is built from a decoder). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0xa1; lead <= 0xf7; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++)
      table.set(decoder.decode(Uint8Array.from([lead, trail])), [lead, trail]);
  const out: number[] = [];
  for (const ch of text) {
    const pair = table.get(ch);
    if (pair) out.push(...pair);
    else out.push(...new TextEncoder().encode(ch)); // ASCII
  }
  return Buffer.from(out);
}

async function linesOf(chunks: Buffer[]) {
  const lines: string[] = [];
  const outcome = await readLines(
    (async function* () {
      yield* chunks;
    })(),
    (text) => lines.push(text),
  );
  return { lines, outcome };
}

describe('GB18030 logs', () => {
  const line = '错误码：45009 接口调用超过限制';

  it('reads Chinese GBK after ASCII chunks, with a character cut between two chunks', async () => {
    const bytes = Buffer.concat([Buffer.from('boot ok\n'.repeat(10)), gbk(`${line}\n`)]);
    const cut = 80 + 1; // inside the first Chinese character's two bytes
    const { lines, outcome } = await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(lines.at(-1)).toBe(line);
    expect(outcome).toMatchObject({ kind: 'text', gb18030: true });
    expect(outcome).not.toHaveProperty('invalidUtf8At');
  });

  it('still calls Latin-1 invalid UTF-8 (é before a space is no GB2312 pair)', async () => {
    const { outcome } = await linesOf([Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x34])]);
    expect(outcome).toMatchObject({ kind: 'text', invalidUtf8At: 3 });
    expect(looksGb2312(Uint8Array.from([0xe9, 0x20]))).toBe('no');
    expect(looksGb2312(gbk('调用'))).toBe('yes');
    expect(looksGb2312(Uint8Array.from([0x61, 0xb4]))).toBe('undecided');
  });

  it('wxerr scan finds the code in a GBK file, says how it read it, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-gbk-'));
    try {
      const file = join(dir, 'win.log');
      writeFileSync(file, Buffer.concat([Buffer.from('x\n'.repeat(40000)), gbk(`${line}\r\n`)]));
      const io = fakeIO();
      const code = await run(['scan', file, '--json'], io);
      expect(code).toBe(0);
      const json = JSON.parse(io.stdout.join('\n')) as ScanJson;
      expect(json.codes.map((c) => c.code)).toEqual(['45009']);
      expect(io.stderr.join('\n')).toMatch(/win\.log: not UTF-8; read as GB18030/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a lone byte ≥ 0x80 at a chunk’s end', () => {
  it('Latin-1 é that ends a chunk is still invalid UTF-8 at its offset, and nothing is lost', async () => {
    const { lines, outcome } = await linesOf([
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      Buffer.from(' 40001\n'),
    ]);
    expect(outcome).toMatchObject({ kind: 'text', invalidUtf8At: 3 });
    expect(outcome).not.toHaveProperty('gb18030');
    expect(lines).toEqual(['caf\ufffd 40001']);
  });

  it('at the end of the file it is invalid UTF-8 too', async () => {
    const { lines, outcome } = await linesOf([Buffer.from([0x61, 0xb4])]);
    expect(outcome).toMatchObject({ kind: 'text', invalidUtf8At: 1 });
    expect(lines).toEqual(['a\ufffd']);
  });
});
