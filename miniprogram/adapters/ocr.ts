// VisionKit static-image OCR behind one small typed call. The scan page never touches VKSession: it gets an
// explicit outcome and falls back to the paste box for anything but `ok`. Everything runs on the phone.
//
// Documented behaviour relied on: wx.createVKSession({track: {OCR: {mode: 2}}}) (base library ≥ 2.27.0),
// session.start(cb) with a status code (0 = ok), session.on('updateAnchors', anchors) with VKOCRAnchor
// {text}, session.runOCR({frameBuffer, width, height}) with RGBA pixels. Real devices can fail or never
// answer, hence the timeout. Anchors carry text only (no boxes): the core's text-only repair joins what the
// screen wrapped (a rid cut in two, Chinese split mid-word) as the CLI's tesseract path does with boxes.
import { repairOcrPlainText } from '../core/ocr/repair';

export type OcrOutcome =
  | { kind: 'ok'; text: string }
  | { kind: 'unsupported'; detail: string }
  | { kind: 'denied'; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'timeout' }
  | { kind: 'empty' };

/** RGBA pixels, four bytes per pixel, as getImageData gives them. */
export interface RgbaFrame {
  frameBuffer: ArrayBuffer;
  width: number;
  height: number;
}

export const MIN_OCR_SDK = '2.27.0';
export const DEFAULT_OCR_TIMEOUT_MS = 10_000;

/** Start statuses that mean the user or the privacy settings refused the camera/VisionKit. */
const DENIED = new Set([104, 112, 1025, 2003001, 2003002]);
/** Start statuses that mean this device or system cannot do it. */
const UNSUPPORTED = new Set([2000002, 2000003, 2000004]);

/** -1, 0, 1 like the official compareVersion sample: "2.27.0" vs "2.9.1" compares numerically. */
export function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d > 0 ? 1 : -1;
  }
  return 0;
}

function sdkVersion(): string {
  try {
    if (typeof wx.getAppBaseInfo === 'function') return wx.getAppBaseInfo().SDKVersion;
    return wx.getSystemInfoSync().SDKVersion;
  } catch {
    return '0';
  }
}

/** Whether static OCR can be tried here; `detail` says why not. */
export function ocrSupport(): { ok: true } | { ok: false; detail: string } {
  if (typeof wx.createVKSession !== 'function') return { ok: false, detail: 'VisionKit is not available' };
  const sdk = sdkVersion();
  if (compareVersion(sdk, MIN_OCR_SDK) < 0) {
    return { ok: false, detail: `base library ${sdk} is older than ${MIN_OCR_SDK}` };
  }
  if (typeof wx.isVKSupport === 'function' && !wx.isVKSupport('v1')) {
    return { ok: false, detail: 'this device does not support VisionKit' };
  }
  return { ok: true };
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'errMsg' in error)
    return String((error as { errMsg: unknown }).errMsg);
  return String(error);
}

/** Runs static OCR on one image. Never rejects: every way it can go wrong is an outcome. */
export function recognizeText(frame: RgbaFrame, options: { timeoutMs?: number } = {}): Promise<OcrOutcome> {
  const support = ocrSupport();
  if (!support.ok) return Promise.resolve({ kind: 'unsupported', detail: support.detail });
  if (!frame.width || !frame.height || frame.frameBuffer.byteLength < frame.width * frame.height * 4) {
    return Promise.resolve({ kind: 'failed', detail: 'the image has no pixels' });
  }
  return new Promise<OcrOutcome>((resolve) => {
    let session: WechatMiniprogram.VKSession | undefined;
    let done = false;
    const onAnchors = (anchors: unknown): void => {
      const texts = (Array.isArray(anchors) ? anchors : [])
        .map((a: unknown) => (a && typeof a === 'object' ? (a as { text?: unknown }).text : undefined))
        .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
      const text = repairOcrPlainText(texts.join('\n')).trim();
      finish(text ? { kind: 'ok', text } : { kind: 'empty' });
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS);
    function finish(outcome: OcrOutcome): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        session?.off('updateAnchors', onAnchors);
        session?.destroy();
      } catch {
        // A session that failed to start may refuse to be destroyed; nothing is left to release.
      }
      resolve(outcome);
    }
    try {
      // The typings mark track.plane as required; OCR sessions are documented without it.
      const track = { OCR: { mode: 2 } } as unknown as WechatMiniprogram.Track;
      session = wx.createVKSession({ track });
    } catch (error) {
      finish({ kind: 'failed', detail: `createVKSession: ${message(error)}` });
      return;
    }
    if (!session) {
      finish({ kind: 'unsupported', detail: 'createVKSession returned nothing' });
      return;
    }
    const started = session;
    try {
      started.start((status: number) => {
        if (done) return;
        if (status !== 0) {
          const detail = `VKSession.start status ${status}`;
          if (DENIED.has(status)) finish({ kind: 'denied', detail });
          else if (UNSUPPORTED.has(status)) finish({ kind: 'unsupported', detail });
          else finish({ kind: 'failed', detail });
          return;
        }
        try {
          started.on('updateAnchors', onAnchors);
          started.runOCR({ frameBuffer: frame.frameBuffer, width: frame.width, height: frame.height });
        } catch (error) {
          finish({ kind: 'failed', detail: `runOCR: ${message(error)}` });
        }
      });
    } catch (error) {
      finish({ kind: 'failed', detail: `VKSession.start: ${message(error)}` });
    }
  });
}
