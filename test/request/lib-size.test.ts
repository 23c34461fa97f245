/**
 * @jest-environment node
 */
// scripts/lib-size.ts, which the request bench prints: the per-file breakdown accounts for the bundle's bytes,
// and the upload minifier (miniprogram-ci's terser) gives code that still works.
import { ENTRIES, bundleLib } from '../../scripts/build-lib';
import { gz, sizeBreakdown, uploadMinify } from '../../scripts/lib-size';

describe('lib-size', () => {
  test('the files of an entry account for its minified bytes; each one costs gzip bytes', () => {
    const b = sizeBreakdown(ENTRIES.wecom);
    const shipped = bundleLib(ENTRIES.wecom, true).code;
    expect(b.min).toBe(Buffer.byteLength(shipped));
    expect(b.gz).toBe(gz(shipped));
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
    const raw = bundleLib(ENTRIES.wecom).code;
    const min = uploadMinify(raw);
    expect(min.length).toBeLessThan(raw.length);
    const load = (code: string): { wecom: { id: string; actions: Record<string, string> } } => {
      const module = { exports: {} };
      new Function('module', code)(module);
      return module.exports as ReturnType<typeof load>;
    };
    expect(load(min).wecom).toEqual(load(raw).wecom);
    expect(load(min).wecom.actions['45009']).toBe('retry-later');
  });
});
