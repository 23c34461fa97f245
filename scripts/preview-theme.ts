// The phone frame and its styles for scripts/preview-pages.ts: the 375×812 viewport and its bars, WXSS
// converted to CSS (rpx at 375 px, `page` → the page wrapper, classes prefixed as simulate prefixes them),
// base-library-like CSS for the built-in components, and the light/dark chrome from theme.json.
import { readFileSync } from 'fs';
import { join } from 'path';

export const ROOT = join(__dirname, '..');
export const MP = join(ROOT, 'miniprogram');
export const VIEW = { width: 375, height: 812 };
export const STATUS_BAR = 44;
export const NAV_BAR = 44;
export const TAB_BAR = 50;
export const SAFE_BOTTOM = 34;

export /** rpx at a 375 px wide screen; `page` → the page wrapper; classes prefixed as simulate does. */
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

export /** Base-library-like defaults for the built-in components (style v2), drawn with CSS. */
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
/* A long title kept clear of the capsule, cut with "…" (assumed: the native bar never draws text under it). */
.wx-nav__title { max-width: calc(100% - 2 * 101px); overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
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

export function chromeCss(): string {
  const themes = JSON.parse(readFileSync(join(MP, 'theme.json'), 'utf8')) as Record<'light' | 'dark', Theme>;
  const rules = (t: Theme) => `
  .wx-status, .wx-nav { background: ${t.navBg}; color: ${t.navText}; }
  body { background: ${t.bg}; }
  .wx-tabbar { background: ${t.tabBg};
    border-top: 0.5px solid ${t.tabBorder === 'black' ? 'rgba(0,0,0,0.15)' : 'rgba(255,255,255,0.15)'}; }
  .wx-tab { color: ${t.tabColor}; } .wx-tab--on { color: ${t.tabSelected}; }`;
  return `${rules(themes.light)}\n@media (prefers-color-scheme: dark) {${rules(themes.dark)}\n}`;
}
