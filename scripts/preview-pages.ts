// Screenshots of the mini-program pages for a human look, light and dark: `npm run preview:pages`.
//
// Each page is rendered the way the page tests do it (miniprogram-simulate + the official WXML compiler, in
// jsdom, with a small in-memory wx stub), driven into a few meaningful states, and its DOM is wrapped in an
// HTML page with the page's, the component's and app.wxss converted to CSS (rpx at 375 px: 1rpx = 0.5px;
// `page` → the page wrapper; classes prefixed as simulate prefixes them, keeping component style isolation;
// built-in tags such as wx-view/wx-input/wx-button given base-library-like defaults). A fake status bar,
// navigation bar and tab bar frame it in a 375×812 phone viewport, then headless Chromium takes
// build/preview/<state>-<light|dark>.png (and -full.png for long pages).
//
// THIS IS AN APPROXIMATION of WeChat's renderer, not WeChat: native components (input, textarea, button,
// icon) are drawn with CSS stand-ins, fonts are the Linux system's (Noto CJK), hover states, safe areas and
// the real navigation/tab bars are imitated. Use it to catch layout, contrast and overflow problems; check
// the final look in WeChat DevTools or on a phone.
//
//   npm run preview:pages [-- --only search] [--chromium /usr/bin/chromium]
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { chromiumPath, launchChromium } from './chromium';
import { auditInPage, type AuditResult } from './preview-audit';

const ROOT = join(__dirname, '..');
const MP = join(ROOT, 'miniprogram');
const OUT = join(ROOT, 'build', 'preview');
const VIEW = { width: 375, height: 812 };
const STATUS_BAR = 44;
const NAV_BAR = 44;
const TAB_BAR = 50;
const SAFE_BOTTOM = 34;

const load = createRequire(__filename);

// ---- jsdom + simulate --------------------------------------------------------------------------------

/** The few DOM members this script touches (the node tsconfig has no DOM lib). */
interface DomEl {
  tagName: string;
  outerHTML: string;
  innerHTML: string;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}
interface DomDocument {
  createElement(tag: string): DomEl;
}
/** An exparser node as j-component builds it: `$$` is its DOM element, `_vt` its WXML attributes. */
interface ExNode {
  $$?: DomEl;
  is?: string;
  _vt?: { attrs?: { name: string; value: unknown }[] };
  childNodes?: ExNode[];
  shadowRoot?: { childNodes?: ExNode[] };
}
interface Rendered {
  dom: DomEl;
  instance: { data: Record<string, unknown> } & Record<string, (...args: never[]) => unknown>;
  querySelector(sel: string): { dispatchEvent(name: string, opts: { detail: unknown }): void } | undefined;
  querySelectorAll(sel: string): { dispatchEvent(name: string, opts: { detail: unknown }): void }[];
  attach(parent: DomEl): void;
  _exparserNode: ExNode;
}
interface Simulate {
  load(path: string, options: { rootPath: string }): string;
  render(id: string, props?: Record<string, unknown>): Rendered | undefined;
  sleep(ms: number): Promise<void>;
}

function installDom(): DomDocument {
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

const calls: { title: string; clipboard: string } = { title: '', clipboard: '' };
/** Text typed into native fields whose value the page keeps out of setData, by the field's first class. */
const typed = new Map<string, string>();
const storage = new Map<string, unknown>();

/** The wx APIs the pages call, with real in-memory storage; anything else is simulate's own mock. */
function installWx(): void {
  const ok = (options: { success?: (r: unknown) => void; complete?: (r: unknown) => void } = {}) => {
    const res = { errMsg: 'ok' };
    options.success?.(res);
    options.complete?.(res);
  };
  (globalThis as unknown as { wx: unknown }).wx = {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => storage.delete(key),
    setClipboardData: ok,
    getClipboardData: (o: { success?: (r: { data: string }) => void }) =>
      o.success?.({ data: calls.clipboard }),
    showToast: ok,
    navigateTo: ok,
    switchTab: ok,
    setNavigationBarTitle: (o: { title: string }) => {
      calls.title = o.title;
    },
    getWindowInfo: () => ({
      windowWidth: VIEW.width,
      windowHeight: VIEW.height - STATUS_BAR - NAV_BAR - TAB_BAR - SAFE_BOTTOM,
      pixelRatio: 3,
      screenHeight: VIEW.height,
    }),
    getAppBaseInfo: () => ({ SDKVersion: '3.4.0', fontSizeSetting: 17 * fontScale }),
    isVKSupport: () => false,
  };
}

// ---- WXSS → CSS ----------------------------------------------------------------------------------------

/** rpx at a 375 px wide screen; `page` → the page wrapper; classes prefixed as simulate does. */
function wxssToCss(wxss: string, prefix: string, windowHeight: number): string {
  const noComments = wxss.replace(/\/\*[\s\S]*?\*\//g, '');
  const body = (decls: string) =>
    decls
      .replace(/(-?\d*\.?\d+)rpx/g, (_m, n: string) => `${+n / 2}px`)
      .replace(/(\d*\.?\d+)vh/g, (_m, n: string) => `${(+n * windowHeight) / 100}px`);
  const selector = (sel: string) =>
    sel
      .split(',')
      .map((s) =>
        s
          .trim()
          .replace(/(^|[\s>+~(])page(?=$|[\s.:[>+~,)])/g, '$1.wx-page')
          .replace(/\.(?!wx-page\b)([-_a-zA-Z][-_a-zA-Z0-9]*)/g, `.${prefix}--$1`),
      )
      .join(', ');
  let out = '';
  let i = 0;
  const src = noComments;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) break;
    const head = src.slice(i, open).trim();
    if (head.startsWith('@media')) {
      // find the matching brace of the block
      let depth = 1;
      let j = open + 1;
      while (j < src.length && depth) {
        if (src[j] === '{') depth++;
        else if (src[j] === '}') depth--;
        j++;
      }
      out += `${head} {\n${wxssToCss(src.slice(open + 1, j - 1), prefix, windowHeight)}}\n`;
      i = j;
      continue;
    }
    const close = src.indexOf('}', open);
    out += `${selector(head)} {${body(src.slice(open + 1, close))}}\n`;
    i = close + 1;
  }
  return out;
}

/** Base-library-like defaults for the built-in components (style v2), drawn with CSS. */
const BUILTIN_CSS = `
html, body { margin: 0; padding: 0; }
body { width: ${VIEW.width}px; -webkit-font-smoothing: antialiased; }
::-webkit-scrollbar { display: none; }
wx-view, wx-scroll-view, wx-textarea, wx-input, wx-button, wx-form { display: block; }
wx-text { display: inline; }
wx-scroll-view { position: relative; }
wx-scroll-view[wx-scroll-x] { overflow-x: auto; overflow-y: hidden; }
wx-scroll-view[wx-scroll-y] { overflow-y: auto; overflow-x: hidden; }
wx-icon { display: inline-block; font-size: 0; line-height: 0; vertical-align: middle; }
wx-input { display: flex; align-items: center; min-height: 1.4em; overflow: hidden; white-space: nowrap; }
wx-textarea { width: 300px; height: 150px; overflow: hidden; white-space: pre-wrap; word-break: break-all; }
.wx-placeholder { color: rgba(128, 128, 128, 0.9); }
wx-button { position: relative; box-sizing: border-box; padding: 8px 24px;
  font-size: 17px; font-weight: 700; line-height: 1.41176471; text-align: center; border-radius: 8px;
  color: #06ae56; background: #f2f2f2; overflow: hidden; }
wx-button:not([wx-size=mini]) { width: 184px; margin-left: auto; margin-right: auto; }
wx-button::after { content: ''; position: absolute; top: 0; left: 0; width: 200%; height: 200%;
  border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 16px; transform: scale(0.5); transform-origin: 0 0;
  box-sizing: border-box; }
wx-button[wx-disabled="true"] { opacity: 0.6; }
.wx-status { position: fixed; top: 0; left: 0; right: 0; height: ${STATUS_BAR}px; z-index: 10;
  display: flex; align-items: center; padding: 0 28px; font: 600 15px -apple-system, sans-serif; }
.wx-nav { position: fixed; top: ${STATUS_BAR}px; left: 0; right: 0; height: ${NAV_BAR}px; z-index: 10;
  display: flex; align-items: center; justify-content: center; font: 600 17px sans-serif; }
.wx-capsule { position: absolute; right: 7px; top: 6px; width: 87px; height: 32px; box-sizing: border-box;
  border-radius: 16px; border: 0.5px solid rgba(128,128,128,0.3); }
.wx-tabbar { position: fixed; bottom: 0; left: 0; right: 0; height: ${TAB_BAR + SAFE_BOTTOM}px; z-index: 10;
  display: flex; align-items: flex-start; box-sizing: border-box; padding-top: 0; }
.wx-tab { flex: 1; height: ${TAB_BAR}px; display: flex; flex-direction: column; align-items: center;
  justify-content: center; gap: 2px; font: 10px sans-serif; }
.wx-tab picture, .wx-tab img { display: block; width: 24px; height: 24px; }
.wx-scroller { position: fixed; left: 0; right: 0; overflow-y: auto; }
.full .wx-scroller { position: static; height: auto !important; overflow: visible;
  padding-top: ${STATUS_BAR + NAV_BAR}px; }
.full .wx-status, .full .wx-nav { position: absolute; }
.full .wx-tabbar { display: none; }
`;

interface Theme {
  navBg: string;
  navText: string;
  bg: string;
  tabColor: string;
  tabSelected: string;
  tabBg: string;
  tabBorder: string;
}

function chromeCss(): string {
  const themes = JSON.parse(readFileSync(join(MP, 'theme.json'), 'utf8')) as Record<'light' | 'dark', Theme>;
  const rules = (t: Theme) => `
  .wx-status, .wx-nav { background: ${t.navBg}; color: ${t.navText}; }
  body { background: ${t.bg}; }
  .wx-tabbar { background: ${t.tabBg};
    border-top: 0.5px solid ${t.tabBorder === 'black' ? 'rgba(0,0,0,0.15)' : 'rgba(255,255,255,0.15)'}; }
  .wx-tab { color: ${t.tabColor}; } .wx-tab--on { color: ${t.tabSelected}; }`;
  return `${rules(themes.light)}\n@media (prefers-color-scheme: dark) {${rules(themes.dark)}\n}`;
}

// ---- DOM → HTML ----------------------------------------------------------------------------------------

const ICONS: Record<string, (size: number) => string> = {
  search: (s) =>
    `<svg width="${s}" height="${s}" viewBox="0 0 24 24"><circle cx="10.5" cy="10.5" r="7" fill="none" stroke="rgba(128,128,128,0.9)" stroke-width="2.2"/><path d="M16 16l5 5" stroke="rgba(128,128,128,0.9)" stroke-width="2.2" stroke-linecap="round"/></svg>`,
  clear: (s) =>
    `<svg width="${s}" height="${s}" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="rgba(128,128,128,0.6)"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>`,
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Copies the WXML attributes simulate keeps only in its virtual tree onto the DOM (as wx-<name>), and draws
 * what native components show: an input's value or placeholder, a textarea's text, an icon.
 */
function annotate(node: ExNode): void {
  const el = node.$$;
  const attrs = new Map((node._vt?.attrs ?? []).map((a) => [a.name, a.value]));
  if (el && typeof el.tagName === 'string') {
    for (const [name, value] of attrs) {
      if (name === 'class' || name.startsWith('data-')) continue;
      if (name === 'style') {
        if (!el.hasAttribute('style') && value) el.setAttribute('style', String(value));
        continue;
      }
      el.setAttribute(`wx-${kebab(name)}`, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'wx-input' || tag === 'wx-textarea') {
      const cls = String(attrs.get('class') ?? '').split(' ')[0];
      const value = String(attrs.get('value') ?? '') || (typed.get(cls) ?? '');
      const placeholder = String(attrs.get('placeholder') ?? '');
      // placeholder-class is a page class: give it the prefix simulate gave the element's own classes.
      const prefix = /^(\S+--)/.exec(el.getAttribute('class') ?? '')?.[1] ?? '';
      const own = attrs.get('placeholderClass') ?? attrs.get('placeholder-class');
      const extra = own ? ` ${prefix}${String(own)}` : '';
      el.innerHTML = value
        ? `<span>${escapeHtml(value)}</span>`
        : `<span class="wx-placeholder${extra}">${escapeHtml(placeholder)}</span>`;
    } else if (tag === 'wx-icon') {
      const draw = ICONS[String(attrs.get('type'))];
      const size = Number(attrs.get('size') ?? 23);
      if (draw) el.innerHTML = draw(size);
    }
  }
  for (const child of node.childNodes ?? []) annotate(child);
  for (const child of node.shadowRoot?.childNodes ?? []) annotate(child);
}

// ---- pages and states ----------------------------------------------------------------------------------

interface PageDef {
  path: string;
  tab: boolean;
  /** Custom components the page uses (their tag = simulate's class prefix). */
  components: string[];
}

const PAGES: Record<string, PageDef> = {
  search: { path: 'pages/search/index', tab: true, components: ['entry-cell'] },
  categories: { path: 'pages/categories/index', tab: true, components: ['entry-cell'] },
  detail: { path: 'pages/detail/index', tab: false, components: ['entry-cell'] },
  scan: { path: 'pages/scan/index', tab: true, components: [] },
};

const TABS = [
  { page: 'search', text: '搜索' },
  { page: 'categories', text: '分类' },
  { page: 'scan', text: '扫描' },
];

/** A tab with app.json's icon for it, resolved through theme.json for each colour scheme. */
function tabHtml(page: string, text: string, on: boolean): string {
  const themes = JSON.parse(readFileSync(join(MP, 'theme.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const icon = (scheme: string) => `file://${join(MP, themes[scheme][`${page}Icon${on ? 'On' : ''}`])}`;
  return `<div class="wx-tab ${on ? 'wx-tab--on' : ''}"><picture>
<source media="(prefers-color-scheme: dark)" srcset="${icon('dark')}"><img src="${icon('light')}" width="24" height="24"></picture>
<span>${text}</span></div>`;
}

/** WeChat's font-size setting of the state being rendered, as a multiple of the default 17 px. */
let fontScale = 1;

interface State {
  name: string;
  page: keyof typeof PAGES;
  /** Rendered as with a larger WeChat font setting: fonts scaled, and checked for clipped content. */
  fontScale?: number;
  /** Also take a full-length screenshot. */
  full?: boolean;
  drive: (comp: Rendered) => Promise<void> | void;
}

const SCAN_LOG = [
  '2024-03-12 09:41:22.118 INFO  [wx-api] POST /cgi-bin/token grant_type=client_credential',
  '2024-03-12 09:41:22.301 ERROR [wx-api] get token failed',
  '{"errcode":40164,"errmsg":"invalid ip 47.96.121.18 ipv6 ::ffff:47.96.121.18, not in whitelist rid: 65efb3a2-1c0e5d7a-3f1b2c44"}',
  '2024-03-12 09:41:25.004 WARN  [wx-api] retry in 300s',
  '2024-03-12 09:46:25.550 ERROR [wx-api] sendMessage {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 65efb4d1-5a2b9c3e-71d04f8a"}',
  '2024-03-12 09:46:26.010 ERROR [mp] {"errcode":45009,"errmsg":"reach max api daily quota limit"}',
  '2024-03-12 09:46:27.777 ERROR [pay] {"errcode":45999,"errmsg":"something new"}',
].join('\n');

async function event(comp: Rendered, selector: string, name: string, detail: unknown = {}): Promise<void> {
  const value = (detail as { value?: unknown }).value;
  if (name === 'input' && typeof value === 'string') typed.set(selector.slice(1), value);
  const node = comp.querySelector(selector);
  if (!node) throw new Error(`no node matches ${selector}`);
  node.dispatchEvent(name, { detail });
  await simulateSleep();
}
let simulateSleep: () => Promise<void> = async () => undefined;

function searchFor(query: string): State['drive'] {
  return (comp) => event(comp, '.search-bar__input', 'input', { value: query });
}

const STATES_BASE: State[] = [
  {
    name: 'search-home',
    page: 'search',
    full: true,
    drive: () => undefined, // storage seeded by seedUser() before rendering
  },
  { name: 'search-40001', page: 'search', full: true, drive: searchFor('40001') },
  { name: 'search-ip-whitelist', page: 'search', drive: searchFor('ip白名单') },
  { name: 'search-invalid-credential', page: 'search', drive: searchFor('invalid credential') },
  { name: 'search-no-match-45999', page: 'search', drive: searchFor('45999') },
  {
    name: 'categories-chip',
    page: 'categories',
    drive: async (comp) => {
      const chips = comp.querySelectorAll('.family-chip');
      chips[1]?.dispatchEvent('tap', { detail: {} });
      await simulateSleep();
    },
  },
  {
    name: 'detail-40001',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40001' } as never),
  },
  {
    name: 'detail-40125-note',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40125' } as never),
  },
  {
    name: 'detail-40034-translated',
    page: 'detail',
    full: true,
    drive: (c) => void c.instance.onLoad({ id: 'open%3A40034' } as never),
  },
  {
    name: 'detail-not-found',
    page: 'detail',
    drive: (c) => void c.instance.onLoad({ id: 'open%3A99999999' } as never),
  },
  { name: 'scan-empty', page: 'scan', drive: () => undefined },

  {
    name: 'scan-results',
    page: 'scan',
    full: true,
    drive: async (comp) => {
      await event(comp, '.paste', 'input', { value: SCAN_LOG });
      await event(comp, '.scan-text', 'tap');
    },
  },
];

/** The same states again as with WeChat's largest usual font setting (about 1.3× the default 17 px). */
function LARGE_FONT_STATES(): State[] {
  const again = ['search-ip-whitelist', 'categories-chip', 'detail-40001', 'scan-results'];
  return again.map((name) => {
    const base = STATES_BASE.find((s) => s.name === name) as State;
    return { ...base, name: `${name}-large-font`, full: false, fontScale: 1.3 };
  });
}

const STATES: State[] = [...STATES_BASE, ...LARGE_FONT_STATES()];

function pageTitle(page: PageDef): string {
  const json = JSON.parse(readFileSync(join(MP, `${page.path}.json`), 'utf8')) as {
    navigationBarTitleText?: string;
  };
  return json.navigationBarTitleText ?? '';
}

function pageCss(page: PageDef, windowHeight: number): string {
  const read = (p: string) => readFileSync(join(MP, p), 'utf8');
  const app = read('app.wxss');
  const own = read(`${page.path}.wxss`);
  let css = wxssToCss(app, 'main', windowHeight) + wxssToCss(own, 'main', windowHeight);
  for (const tag of page.components) {
    const isolation =
      read(`components/${tag}/index.ts`).match(/styleIsolation:\s*'([-a-z]+)'/)?.[1] ?? 'isolated';
    // apply-shared: app and page styles reach into the component; isolated: only its own.
    if (isolation !== 'isolated')
      css += wxssToCss(app, tag, windowHeight) + wxssToCss(own, tag, windowHeight);
    css += wxssToCss(read(`components/${tag}/index.wxss`), tag, windowHeight);
  }
  return css;
}

function html(state: State, page: PageDef, body: string, title: string): string {
  const windowHeight = VIEW.height - STATUS_BAR - NAV_BAR - (page.tab ? TAB_BAR + SAFE_BOTTOM : 0);
  const tabbar = page.tab
    ? `<div class="wx-tabbar">${TABS.map((t) => tabHtml(t.page, t.text, t.page === state.page)).join('')}</div>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${VIEW.width}, initial-scale=1">
<style>${BUILTIN_CSS}${chromeCss()}</style>
<style>${pageCss(page, windowHeight)}</style></head>
<body>
<div class="wx-status">9:41</div>
<div class="wx-nav">${escapeHtml(title)}<div class="wx-capsule"></div></div>
<div class="wx-scroller" style="top:${STATUS_BAR + NAV_BAR}px; height:${windowHeight}px">
<div class="wx-page" style="min-height:${windowHeight}px; padding-bottom:${page.tab ? 0 : SAFE_BOTTOM}px">${body}</div>
</div>
${tabbar}
</body></html>`;
}

/** Favourites, recent views and recent searches, made through the pages as a user would. */
async function seedUser(render: (page: keyof typeof PAGES) => Rendered): Promise<void> {
  for (const id of ['open:45009', 'open:40164', 'open:40001']) {
    const detail = render('detail');
    detail.instance.onLoad({ id: encodeURIComponent(id) } as never);
    if (id !== 'open:45009') detail.instance.toggleFavourite();
  }
  for (const q of ['ip白名单', '40001']) {
    const search = render('search');
    search.instance.run(q as never);
    search.instance.onOpen({ currentTarget: { dataset: { id: 'open:40001' } } } as never);
  }
  await simulateSleep();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
  const executablePath = chromiumPath(args);

  const document = installDom();
  installWx();
  const simulate = load('miniprogram-simulate') as Simulate;
  simulateSleep = () => simulate.sleep(0);
  const ids = new Map<string, string>();
  const render = (name: keyof typeof PAGES): Rendered => {
    const page = PAGES[name];
    if (!ids.has(name)) ids.set(name, simulate.load(join(MP, page.path), { rootPath: MP }));
    const comp = simulate.render(ids.get(name) as string);
    if (!comp) throw new Error(`simulate could not render ${page.path}`);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  };

  const pages: { file: string; html: string; full: boolean; fontScale: number }[] = [];
  for (const state of STATES) {
    if (only && !state.name.startsWith(only)) continue;
    storage.clear();
    typed.clear();
    if (state.page === 'search') await seedUser(render);
    calls.title = '';
    fontScale = state.fontScale ?? 1;
    const comp = render(state.page);
    await state.drive(comp);
    await simulate.sleep(0);
    annotate(comp._exparserNode);
    const page = PAGES[state.page];
    const title = calls.title || pageTitle(page);
    pages.push({
      file: state.name,
      html: html(state, page, comp.dom.outerHTML, title),
      full: !!state.full,
      fontScale: fontScale,
    });
  }

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium(executablePath);
  const audits: { page: string; scheme: string; audit: AuditResult }[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: VIEW, deviceScaleFactor: 2, colorScheme: scheme });
      const tab = await context.newPage();
      for (const p of pages) {
        const file = join(OUT, `${p.file}.html`);
        writeFileSync(file, p.html);
        await tab.goto(`file://${file}`);
        // Contrast always; at a larger font setting, fonts are scaled (and clipping checked) before the shot.
        const audit = (await tab.evaluate(`(${auditInPage.toString()})(${p.fontScale})`)) as AuditResult;
        audits.push({ page: p.file, scheme, audit });
        await tab.screenshot({ path: join(OUT, `${p.file}-${scheme}.png`) });
        if (p.full) {
          // The whole page, cut into phone-screen slices (a 4000 px strip is unreadable when scaled down).
          await tab.evaluate('document.body.classList.add("full")');
          const height = Number(await tab.evaluate('document.documentElement.scrollHeight'));
          await tab.screenshot({ path: join(OUT, `${p.file}-${scheme}-full.png`), fullPage: true });
          for (let y = 0, n = 1; y < height; y += VIEW.height, n++) {
            const clip = { x: 0, y, width: VIEW.width, height: Math.min(VIEW.height, height - y) };
            await tab.screenshot({
              path: join(OUT, `${p.file}-${scheme}-full${n}.png`),
              fullPage: true,
              clip,
            });
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`${pages.length} states × light/dark → ${OUT}`);
  reportAudits(audits);
}

/** One line per theme, then each problem; the whole result in build/preview/audit.json. */
function reportAudits(audits: { page: string; scheme: string; audit: AuditResult }[]): void {
  writeFileSync(join(OUT, 'audit.json'), JSON.stringify(audits, null, 2));
  for (const scheme of ['light', 'dark']) {
    const mine = audits.filter((a) => a.scheme === scheme);
    const checked = mine.reduce((n, a) => n + a.audit.checked, 0);
    const failing = mine.flatMap((a) => a.audit.contrast.map((c) => ({ page: a.page, ...c })));
    const min = Math.min(...mine.map((a) => a.audit.minRatio));
    const large = mine.filter((a) => a.audit.fontScale !== 1).length;
    const clipped = mine.flatMap((a) => a.audit.clipped.map((c) => ({ page: a.page, ...c })));
    console.log(
      `${scheme}: ${checked} text elements, min contrast ${min}:1, ${failing.length} below WCAG AA; ` +
        `${large} states at a large font setting, ${clipped.length} clipped elements`,
    );
    for (const f of failing)
      console.log(`  contrast ${f.ratio} < ${f.need} ${f.page} ${f.cls} "${f.text}" ${f.fg} on ${f.bg}`);
    for (const c of clipped) console.log(`  clipped ${c.overflowPx}px ${c.page} ${c.cls} "${c.text}"`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
