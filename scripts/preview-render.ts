// One rendered page state as a standalone HTML document, for scripts/preview-pages.ts: the page's DOM with
// the WXML attributes simulate keeps aside copied on, native components drawn, the page's, its components'
// and app.wxss as CSS, framed by a status bar, a navigation bar and (on tab pages) the tab bar.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { ExNode } from './preview-sim';
import { stub } from './preview-sim';
import {
  BUILTIN_CSS,
  chromeCss,
  MP,
  NAV_BAR,
  SAFE_BOTTOM,
  STATUS_BAR,
  TAB_BAR,
  VIEW,
  wxssToCss,
} from './preview-theme';

const ICONS: Record<string, (size: number) => string> = {
  search: (s) =>
    `<svg width="${s}" height="${s}" viewBox="0 0 24 24"><circle cx="10.5" cy="10.5" r="7" fill="none" stroke="rgba(128,128,128,0.9)" stroke-width="2.2"/><path d="M16 16l5 5" stroke="rgba(128,128,128,0.9)" stroke-width="2.2" stroke-linecap="round"/></svg>`,
  clear: (s) =>
    `<svg width="${s}" height="${s}" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="rgba(128,128,128,0.6)"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>`,
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Copies the WXML attributes simulate keeps only in its virtual tree onto the DOM (as wx-<name>), and draws
 * what native components show: an input's value or placeholder, a textarea's text, an icon.
 */
export function annotate(node: ExNode): void {
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
      const value = String(attrs.get('value') ?? '') || (stub.typed.get(cls) ?? '');
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

export interface PageDef {
  path: string;
  tab: boolean;
  /** Custom components the page uses (their tag = simulate's class prefix). */
  components: string[];
}

export const PAGES: Record<string, PageDef> = {
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

export function pageTitle(page: PageDef): string {
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

export function html(current: string, page: PageDef, body: string, title: string): string {
  const windowHeight = VIEW.height - STATUS_BAR - NAV_BAR - (page.tab ? TAB_BAR + SAFE_BOTTOM : 0);
  const tabbar = page.tab
    ? `<div class="wx-tabbar">${TABS.map((t) => tabHtml(t.page, t.text, t.page === current)).join('')}</div>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${VIEW.width}, initial-scale=1">
<style>${BUILTIN_CSS}${chromeCss()}</style>
<style>${pageCss(page, windowHeight)}</style></head>
<body>
<div class="wx-status">9:41</div>
<div class="wx-nav"><span class="wx-nav__title">${escapeHtml(title)}</span><div class="wx-capsule"></div></div>
<div class="wx-scroller" style="top:${STATUS_BAR + NAV_BAR}px; height:${windowHeight}px">
<div class="wx-page" style="min-height:${windowHeight}px; padding-bottom:${page.tab ? 0 : SAFE_BOTTOM}px">${body}</div>
</div>
${tabbar}
</body></html>`;
}
