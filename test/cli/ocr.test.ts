/**
 * @jest-environment node
 */
// CLI OCR: a committed screenshot (Chinese, dark theme, phone-size) through ocrImage + extractCodes with the
// real tesseract.js and the npm language data (no network), preprocessing steps, and clear errors for files
// that are not images or are broken.
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeImage, isImage, ocrImage, preprocess, upscale } from '../../cli/ocr';
import { extractCodes } from '../../miniprogram/core/extract';

const SHOTS = join(__dirname, '..', '..', 'bench', 'ocr', 'shots');

interface Shot {
  file: string;
  codes: string[];
  theme: string;
  small: boolean;
  lang: string;
}

const manifest = JSON.parse(readFileSync(join(SHOTS, 'manifest.json'), 'utf8')) as Shot[];

describe('ocrImage on a committed screenshot', () => {
  test('dark, Chinese, phone-size screenshot → the expected code', async () => {
    const shot = manifest.find(
      (s) => s.theme === 'dark' && s.small && s.lang === 'zh' && s.file.endsWith('.png'),
    );
    if (!shot) throw new Error('manifest has no small dark Chinese PNG');
    const text = await ocrImage(readFileSync(join(SHOTS, shot.file)));
    const codes = [...new Set(extractCodes(text).codes.map((c) => c.code))];
    expect(codes).toEqual(shot.codes);
  }, 60_000);
});

describe('bad input', () => {
  test('a text file is not an image', async () => {
    const bytes = Buffer.from('{"errcode":40001}');
    expect(isImage(bytes)).toBe(false);
    await expect(ocrImage(bytes)).rejects.toThrow('not a PNG or JPEG image');
  });

  test('a truncated PNG gets a decode error naming the format', async () => {
    const png = readFileSync(join(SHOTS, manifest.find((s) => s.file.endsWith('.png'))!.file));
    const broken = png.subarray(0, 200);
    expect(isImage(broken)).toBe(true);
    await expect(ocrImage(broken)).rejects.toThrow(/cannot decode the image \(PNG\)/);
  });

  test('a JPEG header with garbage after it gets a decode error', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    expect(() => decodeImage(bytes)).toThrow(/cannot decode the image \(JPEG\)/);
  });
});

describe('preprocessing', () => {
  function rgba(width: number, height: number, fill: (x: number, y: number) => number): Uint8Array {
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const v = fill(x, y);
        data.set([v, v, v, 255], (y * width + x) * 4);
      }
    return data;
  }

  test('dark theme is inverted to dark text on white; small images are upscaled ×3', () => {
    // Light "text" stripe on a dark background.
    const img = preprocess(
      100,
      20,
      rgba(100, 20, (_x, y) => (y >= 8 && y < 12 ? 220 : 30)),
    );
    expect(img.inverted).toBe(true);
    expect(img.scale).toBe(3);
    expect([img.width, img.height]).toEqual([300, 60]);
    expect(img.data[5 * 300 + 150]).toBeGreaterThan(200); // background → white
    expect(img.data[30 * 300 + 150]).toBeLessThan(60); // text → dark
  });

  test('text on a coloured bubble keeps contrast (background flattened)', () => {
    // Grey panel (180) with dark text (20) inside, on a white page.
    const img = preprocess(
      2000,
      40,
      rgba(2000, 40, (x, y) => (x > 500 && x < 1500 ? (y === 20 && x % 4 === 0 ? 20 : 180) : 250)),
    );
    expect(img.inverted).toBe(false);
    expect(img.data[10 * 2000 + 1000]).toBeGreaterThan(230); // panel → white like the page
    expect(img.data[20 * 2000 + 1000]).toBeLessThan(60); // text stays dark
  });

  test('upscale is bilinear and keeps flat areas flat', () => {
    const out = upscale({ width: 2, height: 1, data: new Uint8Array([0, 200]) }, 2);
    expect(out.width).toBe(4);
    expect(Array.from(out.data.subarray(0, 4))).toEqual([0, 50, 150, 200]);
  });
});
