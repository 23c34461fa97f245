/// <reference lib="dom" />
// Checks run inside the page previews (scripts/preview-pages.ts) in headless Chromium:
//  - text contrast: every element with its own text, its colour composited over the backgrounds behind it,
//    against WCAG 2.1 AA (4.5:1, or 3:1 for large text: ≥ 24 px, or ≥ 18.66 px bold);
//  - clipping at a large font size: with every font size scaled (WeChat's font-size setting scales px text),
//    elements that hide overflow and now cut their content, other than text clamped on purpose (ellipsis);
//  - text off the screen: an element with text whose right edge passes the viewport, outside any container that
//    scrolls or clips sideways (a cell's tags ran off the screen at a large font setting; nothing clipped them).
// The function is serialised and evaluated in the page, so it uses only the DOM and plain JS.

export interface ContrastIssue {
  text: string;
  ratio: number;
  need: number;
  fg: string;
  bg: string;
  cls: string;
}

export interface ClipIssue {
  text: string;
  cls: string;
  overflowPx: number;
}

export interface AuditResult {
  fontScale: number;
  checked: number;
  minRatio: number;
  contrast: ContrastIssue[];
  clipped: ClipIssue[];
  /** Text past the right edge of the screen (overflowPx: by how much). */
  offscreen: ClipIssue[];
}

/** Evaluated in the page: `(${auditInPage.toString()})(scale)`. */
export function auditInPage(fontScale: number): AuditResult {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: Rgba, under: Rgba): Rgba => {
    const a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const lum = (c: Rgba): number => {
    const ch = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
  };
  const background = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let out: Rgba = parse(getComputedStyle(document.body).backgroundColor);
    if (out[3] < 1) out = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) out = over(layers[i], out);
    return out;
  };
  const ownText = (el: Element): string =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity > 0;
  };
  const cls = (el: Element): string => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`;

  const all = Array.from(document.querySelectorAll('body *')) as HTMLElement[];
  if (fontScale !== 1) {
    const sizes = all.map((el) => parseFloat(getComputedStyle(el).fontSize));
    all.forEach((el, i) => (el.style.fontSize = `${sizes[i] * fontScale}px`));
  }
  const contrast: ContrastIssue[] = [];
  let checked = 0;
  let minRatio = Infinity;
  for (const el of all) {
    const text = ownText(el);
    if (!text || !visible(el)) continue;
    const s = getComputedStyle(el);
    const bg = background(el);
    const fg = over(parse(s.color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(s.fontSize);
    const bold = Number(s.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    checked++;
    minRatio = Math.min(minRatio, ratio);
    if (ratio < need)
      contrast.push({
        text: text.slice(0, 40),
        ratio: Math.round(ratio * 100) / 100,
        need,
        fg: `rgb(${fg.slice(0, 3).map(Math.round).join(',')})`,
        bg: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`,
        cls: cls(el),
      });
  }

  const clipped: ClipIssue[] = [];
  if (fontScale !== 1) {
    for (const el of all) {
      const s = getComputedStyle(el);
      // Vertical clipping only (what is measured below): a scroll-y list (overflow: hidden auto) scrolls.
      const hides = /hidden|clip/.test(s.overflowY);
      const clampedOnPurpose =
        s.textOverflow === 'ellipsis' || s.getPropertyValue('-webkit-line-clamp') !== 'none';
      if (!hides || clampedOnPurpose || !visible(el)) continue;
      // Scroll containers scroll: the page scroller and the native textarea are not clipping.
      if (el.classList.contains('wx-scroller') || el.tagName.toLowerCase() === 'wx-textarea') continue;
      const overflowPx = el.scrollHeight - el.clientHeight;
      if (overflowPx > 2)
        clipped.push({ text: (el.textContent ?? '').trim().slice(0, 40), cls: cls(el), overflowPx });
    }
  }
  const offscreen: ClipIssue[] = [];
  const viewport = document.documentElement.clientWidth;
  // A container the user can scroll sideways (the chip rows), or text clamped on purpose (ellipsis); the page's
  // own scroller is no such container.
  const sideways = (el: Element): boolean => {
    for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.textOverflow === 'ellipsis') return true;
      if (n !== el && /auto|scroll/.test(s.overflowX) && !n.classList.contains('wx-scroller')) return true;
    }
    return false;
  };
  for (const el of all) {
    if (!ownText(el) || !visible(el)) continue;
    const overflowPx = Math.round(el.getBoundingClientRect().right - viewport);
    if (overflowPx > 1 && !sideways(el))
      offscreen.push({ text: ownText(el).slice(0, 40), cls: cls(el), overflowPx });
  }
  return { fontScale, checked, minRatio: Math.round(minRatio * 100) / 100, contrast, clipped, offscreen };
}
