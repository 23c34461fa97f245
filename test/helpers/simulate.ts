// Reusable miniprogram-simulate helpers for page and component tests.
// - loadPage/render: load a page or component by its path under miniprogram/ (rootPath = miniprogram, so
//   absolute usingComponents such as "/components/entry-cell/index" resolve) and attach it to a parent.
// - meterSetData: wraps a rendered component's setData and records the serialized size of every call.
// - countNodes: counts the real WXML element nodes of a rendered tree (custom components included).
// - installWx: replaces the global `wx` with a strict stub: every API a test did not stub throws, so a test
//   can never pass on simulate's canned mock by accident.
import * as path from 'path';
import simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.join(__dirname, '..', '..', 'miniprogram');

export type Rendered = ReturnType<typeof simulate.render>;

/**
 * Loads `pages/search/index` (a path relative to miniprogram/, no extension) and renders it attached to a
 * parent node, so lifetimes run. A path may be loaded once per test file (or after jest.resetModules()).
 */
export function render(componentPath: string, props?: Record<string, unknown>): Rendered {
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, componentPath), { rootPath: MINIPROGRAM_ROOT });
  const comp = simulate.render(id, props);
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

/** Loads a component once and returns a factory that renders fresh instances of it. */
export function loader(componentPath: string): (props?: Record<string, unknown>) => Rendered {
  const id = simulate.load(path.join(MINIPROGRAM_ROOT, componentPath), { rootPath: MINIPROGRAM_ROOT });
  return (props) => {
    const comp = simulate.render(id, props);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  };
}

/** Methods of a page built with Component(): lifecycle hooks (onLoad, onShow…) and handlers. */
export type PageMethods = Record<string, (...args: never[]) => unknown>;

/** The component instance, typed loosely enough to call page methods such as onLoad. */
export function instanceOf(comp: Rendered): WechatMiniprogram.Component.TrivialInstance & PageMethods {
  return comp.instance as unknown as WechatMiniprogram.Component.TrivialInstance & PageMethods;
}

export interface SetDataMeter {
  /** Serialized size (UTF-8 bytes of JSON.stringify) of every setData call since the last reset. */
  readonly sizes: number[];
  /** Keys passed to every call since the last reset. */
  readonly keys: string[][];
  max(): number;
  total(): number;
  reset(): void;
}

/** Wraps the instance's setData to measure what it sends to the view layer. */
export function meterSetData(comp: Rendered): SetDataMeter {
  const instance = comp.instance as unknown as {
    setData: (data: Record<string, unknown>, cb?: () => void) => void;
  };
  const original = instance.setData.bind(instance);
  const sizes: number[] = [];
  const keys: string[][] = [];
  instance.setData = (data, cb) => {
    sizes.push(Buffer.byteLength(JSON.stringify(data), 'utf8'));
    keys.push(Object.keys(data));
    original(data, cb);
  };
  return {
    sizes,
    keys,
    max: () => (sizes.length ? Math.max(...sizes) : 0),
    total: () => sizes.reduce((a, b) => a + b, 0),
    reset: () => {
      sizes.length = 0;
      keys.length = 0;
    },
  };
}

/** Number of WXML element nodes rendered (view, text, input…, and every custom component and its content). */
export function countNodes(comp: Rendered): number {
  return comp.dom?.querySelectorAll('*').length ?? 0;
}

/** Text content of a rendered tree with whitespace collapsed. */
export function textOf(node: { dom?: Element } | Element | undefined | null): string {
  if (!node) return '';
  const el: Element | undefined = node instanceof Element ? node : node.dom;
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A WXML attribute as written in the template (e.g. "aria-label"), read from the node's virtual tree: the
 * simulated DOM keeps only class names, not aria-* or data-* attributes.
 */
export function attrOf(node: Rendered | undefined, name: string): unknown {
  const vt = (node as unknown as { _exparserNode?: { _vt?: { attrs?: { name: string; value: unknown }[] } } })
    ?._exparserNode?._vt;
  const camel = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  return vt?.attrs?.find((a) => a.name === camel || a.name === name)?.value;
}

/** Dispatches an event on the first node matching selector and lets the handlers run. */
export async function fire(
  comp: Rendered,
  selector: string,
  eventName: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const node = comp.querySelector(selector);
  if (!node) throw new Error(`no node matches ${selector}`);
  node.dispatchEvent(eventName, { detail });
  await simulate.sleep(0);
}

/** Types into an input: one input event per prefix of `text`, as a user typing key by key. */
export async function typeInto(comp: Rendered, selector: string, text: string): Promise<void> {
  const chars = Array.from(text);
  for (let i = 1; i <= chars.length; i++)
    await fire(comp, selector, 'input', { value: chars.slice(0, i).join('') });
}

// ---- wx stub -------------------------------------------------------------------------------------------

export interface WxStub {
  /** The in-memory storage behind get/set/removeStorageSync (raw values, as wx keeps them). */
  storage: Map<string, unknown>;
  /** Storage writes fail with this error when set (e.g. to simulate a full storage). */
  failWrites?: Error;
  setClipboardData: jest.Mock;
  showToast: jest.Mock;
  navigateTo: jest.Mock;
  switchTab: jest.Mock;
  /** The object installed as global wx. */
  api: Record<string, unknown>;
}

type AsyncOptions = { success?: (res: unknown) => void; complete?: (res: unknown) => void };

function asyncOk(result: Record<string, unknown> = {}): jest.Mock {
  return jest.fn((options: AsyncOptions = {}) => {
    const res = { errMsg: 'ok', ...result };
    options.success?.(res);
    options.complete?.(res);
    return Promise.resolve(res);
  });
}

/**
 * Installs a strict global `wx`: storage (in memory), clipboard, toast, navigation, window info. Any other
 * wx API throws "wx.X is not stubbed", so a test only passes on behaviour it set up. `extra` adds more APIs.
 */
export function installWx(extra: Record<string, unknown> = {}): WxStub {
  const storage = new Map<string, unknown>();
  const stub: WxStub = {
    storage,
    setClipboardData: asyncOk(),
    showToast: asyncOk(),
    navigateTo: asyncOk(),
    switchTab: asyncOk(),
    api: {},
  };
  const api: Record<string, unknown> = {
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      if (stub.failWrites) throw stub.failWrites;
      // wx storage keeps JSON-serialisable values; a copy, as a real round trip would give.
      storage.set(key, JSON.parse(JSON.stringify(value)));
    }),
    removeStorageSync: jest.fn((key: string) => storage.delete(key)),
    setClipboardData: stub.setClipboardData,
    showToast: stub.showToast,
    navigateTo: stub.navigateTo,
    switchTab: stub.switchTab,
    setNavigationBarTitle: asyncOk(),
    getWindowInfo: jest.fn(() => ({ windowHeight: 700, windowWidth: 375, pixelRatio: 2, screenHeight: 800 })),
    ...extra,
  };
  stub.api = api;
  const strict = new Proxy(api, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop in target) return target[prop as string];
      // exparser/j-component probe a few properties; only real API names are refused.
      if (prop === 'then' || prop.startsWith('__') || prop === 'toJSON') return undefined;
      throw new Error(`wx.${prop} is not stubbed in this test`);
    },
  });
  (globalThis as unknown as { wx: unknown }).wx = strict;
  return stub;
}
