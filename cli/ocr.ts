// Image → text for `wxerr scan <image>`: decode (PNG/JPEG, pure JS), preprocess for screenshots (grayscale,
// invert dark themes, stretch contrast, upscale small shots), then tesseract.js (eng+chi_sim) with the
// language data installed from npm. Nothing is downloaded at run time.
//
// tesseract.js, its data packages, pngjs and jpeg-js are optional peer dependencies of the wxerr package (so
// mini-program consumers never get them); they are loaded lazily and a missing one gives a clear message.
import { mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import type { OcrLine } from '../miniprogram/core/ocr/lines';
import { repairOcrText } from '../miniprogram/core/ocr/repair';

export function isImage(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

/** Single-channel image, one byte per pixel. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PreprocessInfo {
  inverted: boolean;
  scale: number;
}

/** Largest image accepted (pixels), so a huge or malicious file cannot exhaust memory. */
export const MAX_IMAGE_PIXELS = 40_000_000;

const OCR_PACKAGES = 'tesseract.js @tesseract.js-data/eng @tesseract.js-data/chi_sim pngjs jpeg-js';

export class OcrUnavailable extends Error {
  constructor(what: string, cause?: unknown) {
    super(
      `image scanning needs ${what}, which is not installed (npm install ${OCR_PACKAGES}); ` +
        'or paste the text instead',
    );
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

function load<T>(name: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    throw new OcrUnavailable(name, error);
  }
}

/** Decodes a PNG or JPEG to RGBA. Throws a clear error for anything else or a broken file. */
export function decodeImage(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  if (!isImage(bytes)) throw new Error('not a PNG or JPEG image');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (bytes[0] === 0x89) {
      const { PNG } = load<typeof import('pngjs')>('pngjs');
      const png = PNG.sync.read(buffer);
      return { width: png.width, height: png.height, rgba: png.data };
    }
    const jpeg = load<typeof import('jpeg-js')>('jpeg-js');
    const img = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
    });
    return { width: img.width, height: img.height, rgba: img.data };
  } catch (error) {
    if (error instanceof OcrUnavailable) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot decode the image (${bytes[0] === 0x89 ? 'PNG' : 'JPEG'}): ${reason}`);
  }
}

/**
 * Screenshot preprocessing: luminance, inverted when the background is dark (tesseract reads dark text on
 * light best), contrast stretched, and upscaled when text is likely small (narrow phone shots).
 */
export function preprocess(width: number, height: number, rgba: Uint8Array): GrayImage & PreprocessInfo {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new Error(`image is ${width}×${height}; wxerr scans at most ${MAX_IMAGE_PIXELS / 1e6} megapixels`);
  }
  const n = width * height;
  const gray = new Uint8Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const a = rgba[o + 3] / 255;
    // Transparent pixels count as white, like a viewer shows them.
    const y = (0.299 * rgba[o] + 0.587 * rgba[o + 1] + 0.114 * rgba[o + 2]) * a + 255 * (1 - a);
    gray[i] = y;
    sum += y;
  }
  const inverted = sum / n < 128;
  if (inverted) for (let i = 0; i < n; i++) gray[i] = 255 - gray[i];
  flattenBackground({ width, height, data: gray }, 6);
  stretch(gray);
  const scale = width < 700 ? 3 : width < 1400 ? 2 : 1;
  const out = scale === 1 ? { width, height, data: gray } : upscale({ width, height, data: gray }, scale);
  return { ...out, inverted, scale };
}

/**
 * Divides every pixel by its local background (the brightest pixel within `radius`), so text on a coloured
 * bubble, a highlighted console row or a grey panel ends up as dark text on white, like the rest.
 */
export function flattenBackground(img: GrayImage, radius: number): void {
  const { width, height, data } = img;
  const rows = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0; x < width; x++) {
      let m = 0;
      const end = Math.min(width - 1, x + radius);
      for (let k = Math.max(0, x - radius); k <= end; k++) if (data[o + k] > m) m = data[o + k];
      rows[o + x] = m;
    }
  }
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      let m = 0;
      const end = Math.min(height - 1, y + radius);
      for (let k = Math.max(0, y - radius); k <= end; k++)
        if (rows[k * width + x] > m) m = rows[k * width + x];
      const i = y * width + x;
      data[i] = m > 0 ? Math.min(255, (data[i] * 255) / m) : 255;
    }
  }
}

/** Maps the 1st..99th percentile of luminance to 0..255, so faint grey text on grey gets contrast. */
function stretch(gray: Uint8Array): void {
  const hist = new Uint32Array(256);
  for (const v of gray) hist[v]++;
  const cut = Math.floor(gray.length * 0.01);
  let lo = 0;
  for (let acc = 0; lo < 255 && acc + hist[lo] <= cut; lo++) acc += hist[lo];
  let hi = 255;
  for (let acc = 0; hi > 0 && acc + hist[hi] <= cut; hi--) acc += hist[hi];
  if (hi - lo < 32) return;
  const k = 255 / (hi - lo);
  for (let i = 0; i < gray.length; i++) {
    const v = (gray[i] - lo) * k;
    gray[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

/** Bilinear upscale by an integer factor. */
export function upscale(img: GrayImage, factor: number): GrayImage {
  const w = img.width * factor;
  const h = img.height * factor;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const fx = sx - x0;
      const a = img.data[y0 * img.width + x0] * (1 - fx) + img.data[y0 * img.width + x1] * fx;
      const b = img.data[y1 * img.width + x0] * (1 - fx) + img.data[y1 * img.width + x1] * fx;
      out[y * w + x] = a * (1 - fy) + b * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Encodes a gray image as a PNG for tesseract.js. */
export function encodeGrayPng(img: GrayImage): Buffer {
  const { PNG } = load<typeof import('pngjs')>('pngjs');
  const png = new PNG({ width: img.width, height: img.height });
  for (let i = 0; i < img.data.length; i++) {
    const o = i * 4;
    png.data[o] = png.data[o + 1] = png.data[o + 2] = img.data[i];
    png.data[o + 3] = 255;
  }
  return PNG.sync.write(png);
}

type Tesseract = typeof import('tesseract.js');
type TesseractWorker = Awaited<ReturnType<Tesseract['createWorker']>>;
type Lang = 'eng' | 'chi_sim';

/** The installed traineddata: LSTM-only "best_int" models, gzip-compressed, from the npm data packages. */
function langFile(lang: Lang): string {
  const pkg = `@tesseract.js-data/${lang}`;
  let root: string;
  try {
    // (cast: the mini-program typings also declare a global `require`, without resolve)
    root = dirname((require as unknown as NodeJS.Require).resolve(`${pkg}/package.json`));
  } catch (error) {
    throw new OcrUnavailable(pkg, error);
  }
  return join(root, '4.0.0_best_int', `${lang}.traineddata.gz`);
}

export interface OcrOptions {
  /** Languages, in tesseract order. Default eng+chi_sim. */
  langs?: Lang[];
  /** Skip preprocessing and normalisation (the bench's baseline). */
  raw?: boolean;
  /**
   * Re-read numbers with English alone. With chi_sim loaded, tesseract misreads digits in monospaced fonts
   * (40164 → 46164); a second English pass reads them right. Default: on when chi_sim is used.
   */
  digitPass?: boolean;
}

/** The lines tesseract found, with their boxes (pixels of the preprocessed image). */
function linesOf(data: { text: string; blocks: import('tesseract.js').Block[] | null }): OcrLine[] {
  if (!data.blocks) return data.text.split('\n').map((text) => ({ text }));
  const out: OcrLine[] = [];
  for (const block of data.blocks)
    for (const para of block.paragraphs)
      for (const line of para.lines) {
        const { x0, x1, y0, y1 } = line.bbox;
        out.push({ text: line.text.replace(/\n+$/, ''), x0, x1, y0, y1 });
      }
  return out;
}

/**
 * tesseract.js workers created on first use and reused; call terminate() when done (the worker threads keep
 * the process alive otherwise).
 */
export class OcrEngine {
  private readonly workers = new Map<string, Promise<TesseractWorker>>();
  private langDir?: string;
  private readonly langs: Lang[];
  private readonly digitPass: boolean;

  constructor(private readonly options: OcrOptions = {}) {
    this.langs = options.langs ?? ['eng', 'chi_sim'];
    this.digitPass = !options.raw && (options.digitPass ?? this.langs.includes('chi_sim'));
  }

  async recognize(bytes: Uint8Array): Promise<string> {
    const { width, height, rgba } = decodeImage(bytes);
    if (this.options.raw) {
      const worker = await this.worker(this.langs);
      return (await worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).data
        .text;
    }
    const image = preprocess(width, height, rgba);
    const input = encodeGrayPng(image);
    const main = await (await this.worker(this.langs)).recognize(input, {}, { text: true, blocks: true });
    const eng = this.digitPass
      ? await (await this.worker(['eng'])).recognize(input, {}, { text: true, blocks: true })
      : undefined;
    return repairOcrText(linesOf(main.data), {
      english: eng && linesOf(eng.data),
      width: image.width,
    });
  }

  async terminate(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers.clear();
    try {
      await Promise.all(workers.map(async (w) => (await w.catch(() => undefined))?.terminate()));
    } finally {
      if (this.langDir) rmSync(this.langDir, { recursive: true, force: true });
      this.langDir = undefined;
    }
  }

  private worker(langs: Lang[]): Promise<TesseractWorker> {
    const key = langs.join('+');
    let worker = this.workers.get(key);
    if (!worker) {
      worker = this.create(langs);
      this.workers.set(key, worker);
      worker.catch(() => this.workers.delete(key));
    }
    return worker;
  }

  /** tesseract.js reads every language from one langPath: link the packages' files into a temp folder. */
  private languageDir(): string {
    if (this.langDir) return this.langDir;
    const files = (['eng', 'chi_sim'] as const).filter((l) => this.langs.includes(l) || l === 'eng');
    const resolved = files.map((lang) => [lang, langFile(lang)] as const);
    const dir = mkdtempSync(join(tmpdir(), 'wxerr-ocr-'));
    this.langDir = dir;
    for (const [lang, file] of resolved) {
      const target = join(dir, `${lang}.traineddata.gz`);
      try {
        symlinkSync(file, target);
      } catch {
        copyFileSync(file, target);
      }
    }
    return dir;
  }

  private async create(langs: Lang[]): Promise<TesseractWorker> {
    const tesseract = load<Tesseract>('tesseract.js');
    const dir = this.languageDir();
    const worker = await tesseract.createWorker(langs.join('+'), tesseract.OEM.LSTM_ONLY, {
      langPath: dir,
      cachePath: dir,
      cacheMethod: 'none',
      gzip: true,
    });
    // Keep runs of spaces so JSON keys stay apart from values.
    // debug_file: tesseract's "Estimating resolution" notes go nowhere instead of stderr.
    await worker.setParameters({ preserve_interword_spaces: '1', debug_file: '/dev/null' });
    return worker;
  }
}

/** OCR one image (PNG/JPEG) with a one-shot engine. */
export async function ocrImage(bytes: Uint8Array): Promise<string> {
  const engine = new OcrEngine();
  try {
    return await engine.recognize(bytes);
  } finally {
    await engine.terminate();
  }
}
