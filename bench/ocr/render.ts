// Regenerates the OCR bench screenshots: every snippet of snippets.ts rendered as a terminal, DevTools
// console, JSON editor or chat screenshot, light or dark, some at phone size scaled down, with headless
// Chromium and the Noto CJK fonts (apt-get install -y chromium fonts-noto-cjk). Writes bench/ocr/shots/*.png
// (and a few .jpg) plus shots/manifest.json. The bench and tests only read the committed files.
//
//   npx ts-node --transpile-only bench/ocr/render.ts [--chromium /usr/bin/chromium]
import { mkdirSync, readdirSync, rmSync, writeFileSync, statSync } from 'fs';
import { join } from 'path';
import { chromiumPath, launchChromium } from '../../scripts/chromium';
import { SNIPPETS, type Snippet, type SnippetStyle } from './snippets';

export interface Shot {
  file: string;
  snippet: string;
  lang: 'en' | 'zh';
  style: SnippetStyle;
  theme: 'light' | 'dark';
  small: boolean;
  codes: string[];
}

const OUT = join(__dirname, 'shots');

interface Palette {
  bg: string;
  text: string;
  dim: string;
  error: string;
  errorBg: string;
  bubble: string;
  bubbleMine: string;
  key: string;
  num: string;
  str: string;
}

export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: {
    bg: '#ffffff',
    text: '#1f1f1f',
    dim: '#8a8a8a',
    error: '#d93025',
    errorBg: '#fdecea',
    bubble: '#ffffff',
    bubbleMine: '#95ec69',
    key: '#a31515',
    num: '#098658',
    str: '#0451a5',
  },
  dark: {
    bg: '#1e1e1e',
    text: '#d4d4d4',
    dim: '#7a7a7a',
    error: '#f28b82',
    errorBg: '#2d1a1a',
    bubble: '#2c2c2c',
    bubbleMine: '#3eb575',
    key: '#9cdcfe',
    num: '#b5cea8',
    str: '#ce9178',
  },
};

/** Lines a DevTools console would show as errors (red). */
export const ERROR_LINE = /fail|error|失败|errno|errCode|errcode/i;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Light syntax colouring for JSON-ish lines, as editors and consoles show them. */
export function colourJson(line: string, p: Palette): string {
  return escapeHtml(line)
    .replace(/("[^"]*")(\s*:)/g, `<span style="color:${p.key}">$1</span>$2`)
    .replace(/(:\s*)("[^"]*")/g, `$1<span style="color:${p.str}">$2</span>`)
    .replace(/(:\s*)(-?\d+)/g, `$1<span style="color:${p.num}">$2</span>`);
}

function body(s: Snippet, theme: 'light' | 'dark'): string {
  const p = PALETTES[theme];
  const lines = s.text.split('\n');
  switch (s.style) {
    case 'terminal':
      return `<div class="term">${lines.map((l) => `<div>${escapeHtml(l) || '&nbsp;'}</div>`).join('')}</div>`;
    case 'json':
      return `<div class="editor">${lines
        .map((l, i) => `<div><span class="ln">${i + 1}</span>${colourJson(l, p)}</div>`)
        .join('')}</div>`;
    case 'devtools':
      return `<div class="console">${lines
        .map((l) => {
          const err = ERROR_LINE.test(l);
          return `<div class="row${err ? ' err' : ''}">${colourJson(l, p)}</div>`;
        })
        .join('')}</div>`;
    case 'chat':
      return `<div class="chat">${lines
        .map((l, i) => `<div class="bubble${i % 2 ? ' mine' : ''}">${escapeHtml(l)}</div>`)
        .join('')}</div>`;
  }
}

function html(s: Snippet, theme: 'light' | 'dark', small: boolean): string {
  const p = PALETTES[theme];
  const size = small ? 11 : 15;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; background: ${p.bg}; color: ${p.text}; font-size: ${size}px; }
  #shot { display: inline-block; padding: ${small ? 8 : 16}px; background: ${p.bg};
    max-width: ${small ? 360 : 1000}px; }
  .term, .editor, .console { font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace;
    white-space: pre-wrap; word-break: break-all; line-height: 1.45; }
  .ln { display: inline-block; width: 2.5em; color: ${p.dim}; }
  .console .row { padding: 2px 6px; border-bottom: 1px solid ${theme === 'dark' ? '#333' : '#eee'}; }
  .console .row.err { color: ${p.error}; background: ${p.errorBg}; }
  .chat { font-family: 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif; display: flex; flex-direction: column;
    gap: ${small ? 6 : 10}px; background: ${theme === 'dark' ? '#111' : '#ededed'}; padding: 10px; }
  .bubble { align-self: flex-start; max-width: 92%; padding: 8px 12px; border-radius: 6px;
    background: ${p.bubble}; word-break: break-all; }
  .bubble.mine { align-self: flex-end; background: ${p.bubbleMine}; color: ${theme === 'dark' ? '#111' : '#111'}; }
  </style></head><body><div id="shot">${body(s, theme)}</div></body></html>`;
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (/\.(png|jpg)$/.test(f)) rmSync(join(OUT, f));
  const browser = await launchChromium(executablePath);
  const shots: Shot[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
    for (const [i, s] of SNIPPETS.entries()) {
      const theme = i % 2 ? 'dark' : 'light';
      const small = i % 8 === 3 || i % 8 === 6;
      const jpeg = i % 11 === 5;
      const file = `${String(i + 1).padStart(2, '0')}-${s.id}-${theme}${small ? '-small' : ''}.${jpeg ? 'jpg' : 'png'}`;
      await page.setContent(html(s, theme, small));
      await page.locator('#shot').screenshot({
        path: join(OUT, file),
        type: jpeg ? 'jpeg' : 'png',
        ...(jpeg ? { quality: 80 } : {}),
      });
      shots.push({ file, snippet: s.id, lang: s.lang, style: s.style, theme, small, codes: s.codes });
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(shots, null, 2) + '\n');
  const bytes = shots.reduce((n, s) => n + statSync(join(OUT, s.file)).size, 0);
  console.log(`${shots.length} screenshots, ${(bytes / 1024).toFixed(0)} KB in ${OUT}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
