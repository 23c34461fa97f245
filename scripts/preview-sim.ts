// The pages as the page tests render them, for scripts/preview-pages.ts: jsdom as the global DOM,
// miniprogram-simulate with the official WXML compiler, and a small in-memory wx stub (storage, clipboard,
// title, window and font-size setting) whose state the preview states drive and read.
import { createRequire } from 'module';
import { NAV_BAR, SAFE_BOTTOM, STATUS_BAR, TAB_BAR, VIEW } from './preview-theme';

export const load = createRequire(__filename);

/** The few DOM members this script touches (the node tsconfig has no DOM lib). */
export interface DomEl {
  tagName: string;
  outerHTML: string;
  innerHTML: string;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}
export interface DomDocument {
  createElement(tag: string): DomEl;
}
/** An exparser node as j-component builds it: `$$` is its DOM element, `_vt` its WXML attributes. */
export interface ExNode {
  $$?: DomEl;
  is?: string;
  _vt?: { attrs?: { name: string; value: unknown }[] };
  childNodes?: ExNode[];
  shadowRoot?: { childNodes?: ExNode[] };
}
export interface Rendered {
  dom: DomEl;
  instance: { data: Record<string, unknown> } & Record<string, (...args: never[]) => unknown>;
  querySelector(sel: string): { dispatchEvent(name: string, opts: { detail: unknown }): void } | undefined;
  querySelectorAll(sel: string): { dispatchEvent(name: string, opts: { detail: unknown }): void }[];
  attach(parent: DomEl): void;
  _exparserNode: ExNode;
}
export interface Simulate {
  load(path: string, options: { rootPath: string }): string;
  render(id: string, props?: Record<string, unknown>): Rendered | undefined;
  sleep(ms: number): Promise<void>;
}

/** jsdom's window as the global scope, as jest's jsdom environment sets it up. */
export function installDom(): DomDocument {
  const { JSDOM } = load('jsdom') as { JSDOM: new (html: string, o: object) => { window: object } };
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
  });
  const g = globalThis as unknown as Record<string, unknown>;
  const w = window as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(window)) {
    // Node has its own Event/EventTarget; the DOM must use jsdom's, as jest's jsdom environment does.
    if (key in g && !/Event|Node|Element|Document/.test(key)) continue;
    try {
      g[key] = w[key];
    } catch {
      // a few window getters refuse to be read outside the window; simulate does not need them
    }
  }
  g.window = window;
  g.document = w.document;
  // simulate requires `pages/x/index` without an extension: make Node try .ts before index.json (jest's
  // moduleFileExtensions does the same in the tests).
  const exts = (load('module') as { _extensions: Record<string, unknown> })._extensions;
  for (const ext of ['.js', '.json', '.node']) {
    const handler = exts[ext];
    delete exts[ext];
    exts[ext] = handler;
  }
  return w.document as DomDocument;
}

/** What the wx stub holds: calls the pages made, typed text, storage, the font setting being rendered. */
export const stub = {
  calls: { title: '', clipboard: '' },
  /** Text typed into native fields whose value the page keeps out of setData, by the field's first class. */
  typed: new Map<string, string>(),
  storage: new Map<string, unknown>(),
  /** WeChat's font-size setting of the state being rendered, as a multiple of the default 17 px. */
  fontScale: 1,
  /** Texts a stubbed VisionKit reads from a picked screenshot; undefined: a client without VisionKit. */
  ocrAnchors: undefined as string[] | undefined,
  /** simulate.sleep(0) once simulate is loaded: lets setData and timers settle. */
  sleep: async (): Promise<void> => undefined,
};

/** The wx APIs the pages call, with real in-memory storage; anything else is simulate's own mock. */
export function installWx(): void {
  const ok = (options: { success?: (r: unknown) => void; complete?: (r: unknown) => void } = {}) => {
    const res = { errMsg: 'ok' };
    options.success?.(res);
    options.complete?.(res);
  };
  (globalThis as unknown as { wx: unknown }).wx = {
    getStorageSync: (key: string) => (stub.storage.has(key) ? stub.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => stub.storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => stub.storage.delete(key),
    setClipboardData: ok,
    getClipboardData: (o: { success?: (r: { data: string }) => void }) =>
      o.success?.({ data: stub.calls.clipboard }),
    showToast: ok,
    navigateTo: ok,
    switchTab: ok,
    setNavigationBarTitle: (o: { title: string }) => {
      stub.calls.title = o.title;
    },
    getWindowInfo: () => ({
      windowWidth: VIEW.width,
      windowHeight: VIEW.height - STATUS_BAR - NAV_BAR - TAB_BAR - SAFE_BOTTOM,
      pixelRatio: 3,
      screenHeight: VIEW.height,
    }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', fontSizeSetting: 17 * stub.fontScale }),
    isVKSupport: () => !!stub.ocrAnchors,
    // VisionKit as documented for static OCR: start(cb) with status 0, then 'updateAnchors' after runOCR.
    createVKSession: () => {
      let emit: (anchors: unknown) => void = () => undefined;
      return {
        start: (cb: (status: number) => void) => setTimeout(() => cb(0), 0),
        on: (_event: string, fn: (anchors: unknown) => void) => void (emit = fn),
        off: () => undefined,
        runOCR: () => setTimeout(() => emit((stub.ocrAnchors ?? []).map((text) => ({ text }))), 0),
        destroy: () => undefined,
      };
    },
    // A picked screenshot (walk7): read through an offscreen canvas, then OCR meets a client without VisionKit.
    chooseMedia: (o: { success?: (r: { tempFiles: { tempFilePath: string }[] }) => void }) =>
      o.success?.({ tempFiles: [{ tempFilePath: 'wxfile://tmp/shot.png' }] }),
    createOffscreenCanvas: () => ({
      width: 1,
      height: 1,
      createImage() {
        const image = { width: 2, height: 2, onload: () => undefined, onerror: () => undefined };
        return Object.defineProperty(image, 'src', { set: () => setTimeout(() => image.onload(), 0) });
      },
      getContext: () => ({
        drawImage: () => undefined,
        getImageData: (_x: number, _y: number, width: number, height: number) => ({
          data: new Uint8ClampedArray(width * height * 4),
          width,
          height,
        }),
      }),
    }),
  };
}
