// A fake VisionKit that behaves as the documented VKSession does for static OCR: createVKSession returns a
// session; start(cb) calls back asynchronously with a status (0 = ok); runOCR({frameBuffer,width,height})
// later emits 'updateAnchors' with VKOCRAnchor objects ({id, type: 6, text}) — or never, for a timeout.
// Also a fake offscreen canvas and chooseMedia for the screenshot picker.

export interface VkBehaviour {
  /** Status passed to start's callback. */
  startStatus?: number;
  /** start() itself throws (seen on some devices). */
  startThrows?: boolean;
  /** Texts of the anchors emitted after runOCR; undefined = never emit (timeout). */
  anchors?: string[];
  /** Delay before start's callback and before the anchors (ms). */
  delayMs?: number;
}

export interface VkStub {
  api: Record<string, unknown>;
  sessions: FakeSession[];
}

export class FakeSession {
  readonly handlers = new Map<string, ((arg: unknown) => void)[]>();
  readonly ocrCalls: { width: number; height: number; bytes: number }[] = [];
  destroyed = false;
  started = false;

  constructor(private readonly b: VkBehaviour) {}

  start(cb: (status: number) => void): void {
    if (this.b.startThrows) throw new Error('start:fail internal error');
    setTimeout(() => {
      this.started = this.b.startStatus === undefined || this.b.startStatus === 0;
      cb(this.b.startStatus ?? 0);
    }, this.b.delayMs ?? 1);
  }

  on(event: string, fn: (arg: unknown) => void): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
  }

  off(event: string, fn: (arg: unknown) => void): void {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== fn),
    );
  }

  runOCR(options: { frameBuffer: ArrayBuffer; width: number; height: number }): void {
    if (!this.started) throw new Error('runOCR: session not running');
    if (!(options.frameBuffer instanceof ArrayBuffer))
      throw new TypeError('frameBuffer must be an ArrayBuffer');
    this.ocrCalls.push({
      width: options.width,
      height: options.height,
      bytes: options.frameBuffer.byteLength,
    });
    const anchors = this.b.anchors;
    if (anchors === undefined) return;
    setTimeout(() => {
      const list = anchors.map((text, id) => ({ id, type: 6, text }));
      for (const h of this.handlers.get('updateAnchors') ?? []) h(list);
    }, this.b.delayMs ?? 1);
  }

  stop(): void {}

  destroy(): void {
    this.destroyed = true;
  }
}

/** wx APIs for VisionKit: createVKSession (omitted when `supported` is false), version, isVKSupport. */
export function vkApi(
  behaviour: VkBehaviour,
  env: { supported?: boolean; sdk?: string; isVKSupport?: boolean } = {},
): VkStub {
  const sessions: FakeSession[] = [];
  const api: Record<string, unknown> = {
    getAppBaseInfo: () => ({ SDKVersion: env.sdk ?? '3.4.0' }),
    getSystemInfoSync: () => ({ SDKVersion: env.sdk ?? '3.4.0' }),
    isVKSupport: (version: string) => version === 'v1' && (env.isVKSupport ?? true),
  };
  // An old client has no createVKSession at all: present as undefined, as wx shows a missing API.
  api.createVKSession = undefined;
  if (env.supported !== false) {
    api.createVKSession = (config: { track?: { OCR?: { mode?: number } } }) => {
      if (config.track?.OCR?.mode !== 2) throw new Error('createVKSession: expected track.OCR.mode 2');
      const s = new FakeSession(behaviour);
      sessions.push(s);
      return s;
    };
  }
  return { api, sessions };
}

/** A picked screenshot of width×height, drawn on a fake offscreen canvas that returns RGBA pixels. */
export function mediaApi(
  pick: { width: number; height: number } | { fail: string },
): Record<string, unknown> {
  return {
    chooseMedia: (options: { success?: (res: unknown) => void; fail?: (err: unknown) => void }) => {
      setTimeout(() => {
        if ('fail' in pick) options.fail?.({ errMsg: pick.fail });
        else options.success?.({ tempFiles: [{ tempFilePath: 'wxfile://tmp/shot.png', fileType: 'image' }] });
      }, 1);
    },
    createOffscreenCanvas: () => {
      const canvas = {
        width: 1,
        height: 1,
        createImage: () => {
          const image = {
            width: 0,
            height: 0,
            onload: null as null | (() => void),
            onerror: null as null | ((e: unknown) => void),
            set src(_path: string) {
              setTimeout(() => {
                if ('fail' in pick) return;
                image.width = pick.width;
                image.height = pick.height;
                image.onload?.();
              }, 1);
            },
          };
          return image;
        },
        getContext: () => ({
          drawImage: () => undefined,
          getImageData: (_x: number, _y: number, w: number, h: number) => ({
            width: w,
            height: h,
            data: new Uint8ClampedArray(w * h * 4),
          }),
        }),
      };
      return canvas;
    },
  };
}
