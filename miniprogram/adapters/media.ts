// Picking a screenshot and reading its pixels, for VisionKit OCR: wx.chooseMedia → offscreen 2d canvas →
// getImageData. The image stays on the phone. Every failure is an outcome, never a rejection.
import type { RgbaFrame } from './ocr';

export type PickOutcome =
  | { kind: 'ok'; frame: RgbaFrame }
  | { kind: 'cancelled' }
  | { kind: 'denied'; detail: string }
  | { kind: 'failed'; detail: string };

/** Longest side given to OCR; larger screenshots are scaled down (memory, and VisionKit's own limits). */
export const MAX_OCR_SIDE = 2048;

interface CanvasImage {
  width: number;
  height: number;
  src: string;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}

interface Canvas2D {
  drawImage(image: CanvasImage, x: number, y: number, w: number, h: number): void;
  getImageData(
    x: number,
    y: number,
    w: number,
    h: number,
  ): { data: Uint8ClampedArray; width: number; height: number };
}

interface Offscreen {
  width: number;
  height: number;
  createImage(): CanvasImage;
  getContext(type: '2d'): Canvas2D | null;
}

function errMsg(error: unknown): string {
  if (error && typeof error === 'object' && 'errMsg' in error)
    return String((error as { errMsg: unknown }).errMsg);
  return error instanceof Error ? error.message : String(error);
}

function choose(): Promise<{ path: string } | PickOutcome> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['original'],
      success: (res) => {
        const file = res.tempFiles[0];
        resolve(file ? { path: file.tempFilePath } : { kind: 'cancelled' });
      },
      fail: (error: unknown) => {
        const msg = errMsg(error);
        if (/cancel/i.test(msg)) resolve({ kind: 'cancelled' });
        else if (/auth|permission|denied|privacy/i.test(msg)) resolve({ kind: 'denied', detail: msg });
        else resolve({ kind: 'failed', detail: msg });
      },
    });
  });
}

/** Draws an image file on an offscreen canvas and reads its RGBA pixels (scaled to MAX_OCR_SIDE). */
export function readPixels(path: string): Promise<PickOutcome> {
  return new Promise((resolve) => {
    let canvas: Offscreen;
    try {
      canvas = wx.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as Offscreen;
    } catch (error) {
      resolve({ kind: 'failed', detail: `createOffscreenCanvas: ${errMsg(error)}` });
      return;
    }
    const image = canvas.createImage();
    image.onerror = (error) => resolve({ kind: 'failed', detail: `cannot load the image: ${errMsg(error)}` });
    image.onload = () => {
      try {
        const k = Math.min(1, MAX_OCR_SIDE / Math.max(image.width, image.height));
        const width = Math.max(1, Math.round(image.width * k));
        const height = Math.max(1, Math.round(image.height * k));
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(image, 0, 0, width, height);
        const pixels = ctx.getImageData(0, 0, width, height);
        const frameBuffer = pixels.data.buffer.slice(
          pixels.data.byteOffset,
          pixels.data.byteOffset + pixels.data.byteLength,
        ) as ArrayBuffer;
        resolve({ kind: 'ok', frame: { frameBuffer, width: pixels.width, height: pixels.height } });
      } catch (error) {
        resolve({ kind: 'failed', detail: `cannot read the pixels: ${errMsg(error)}` });
      }
    };
    image.src = path;
  });
}

/** Lets the user pick one screenshot (album or camera) and returns its pixels. */
export async function pickScreenshot(): Promise<PickOutcome> {
  let chosen: { path: string } | PickOutcome;
  try {
    chosen = await choose();
  } catch (error) {
    return { kind: 'failed', detail: `chooseMedia: ${errMsg(error)}` };
  }
  if ('kind' in chosen) return chosen;
  return readPixels(chosen.path);
}
