/**
 * @jest-environment node
 */
// scripts/lib-size.ts, which the request bench prints: the per-file breakdown accounts for the bundle's bytes,
// and the upload minifier (miniprogram-ci's terser) gives code that still works. Run as a script, as people run
// it (scripts are Node code; this test's typings are the mini-program's).
import { execFileSync } from 'child_process';
import { join } from 'path';
import { gzipSync } from 'zlib';

interface Breakdown {
  min: number;
  gz: number;
  files: Array<{ file: string; min: number; gz: number }>;
  shipped: string;
  upload: string;
}

const ROOT = join(__dirname, '..', '..');
const run = (): Record<string, Breakdown> =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/lib-size.ts', '--json', 'wecom'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    ),
  ) as Record<string, Breakdown>;

const load = (
  code: string,
): { wecom: { id: string; actions: Record<string, string>; range(code: string): string | undefined } } => {
  const module = { exports: {} };
  new Function('module', code)(module);
  return module.exports as ReturnType<typeof load>;
};

describe('lib-size', () => {
  const { wecom: b } = run();

  test('the files of an entry account for its minified bytes; each one costs gzip bytes', () => {
    expect(b.files.map((f) => f.file).sort()).toEqual([
      'miniprogram/core/action-codes.ts',
      'request/wecom.ts',
    ]);
    const mapped = b.files.reduce((n, f) => n + f.min, 0);
    // What no file owns is the module.exports glue and the bundle's punctuation: a few dozen bytes.
    expect(mapped).toBeLessThanOrEqual(b.min);
    expect(b.min - mapped).toBeLessThan(100);
    for (const f of b.files) {
      expect(f.gz).toBeGreaterThan(0);
      expect(f.gz).toBeLessThan(b.gz);
    }
  });

  test("the upload minifier's output is smaller and exports the same working module", () => {
    expect(b.upload.length).toBeLessThan(b.shipped.length);
    expect(gzipSync(b.upload).length).toBeLessThan(gzipSync(b.shipped).length);
    const [up, shipped] = [load(b.upload).wecom, load(b.shipped).wecom];
    expect({ ...up, range: undefined }).toEqual({ ...shipped, range: undefined });
    expect(['48001', '50002', '41005', '99999'].map(up.range)).toEqual(
      ['48001', '50002', '41005', '99999'].map(shipped.range),
    );
    expect(load(b.upload).wecom.actions['45009']).toBe('retry-later');
  });
});
