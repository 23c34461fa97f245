// Screenshots of held-out real snippets (bench/data/real, issue 10) for the `ocr-real` bench suite: each picked
// snippet rendered at phone width in three styles (light terminal, dark DevTools console, WeChat chat bubble),
// each style in two font families taken in turn (snippet 1 the first, snippet 2 the second…), with headless Chromium (scripts/chromium.ts) into a temp dir. Nothing is committed:
// the images are made fresh on each run from the text on disk.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { launchChromium } from '../../scripts/chromium';
import type { RealSnippet } from '../data/real/load';
import { ERROR_LINE, PALETTES, colourJson, escapeHtml } from './render';

export const REAL_STYLES = ['light-terminal', 'dark-console', 'chat-bubble'] as const;
export type RealStyle = (typeof REAL_STYLES)[number];

export interface RealShot {
  file: string;
  snippet: RealSnippet;
  style: RealStyle;
  font: string;
}

/**
 * Installed families (fc-list) per style, taken in turn by snippet: monospaced for the terminal and the console,
 * sans-serif for the chat; Chinese falls back to Noto CJK SC in every one.
 */
export const REAL_FONTS: Record<RealStyle, readonly string[]> = {
  'light-terminal': ['DejaVu Sans Mono', 'Liberation Mono'],
  'dark-console': ['Liberation Mono', 'Noto Sans Mono CJK SC'],
  'chat-bubble': ['Noto Sans CJK SC', 'Liberation Sans'],
};

const fontOf = (style: RealStyle, i: number) => REAL_FONTS[style][i % REAL_FONTS[style].length];

/** CSS width of a phone (iPhone 12–15) and its usual screenshot scale. */
export const PHONE_WIDTH = 390;
export const PHONE_SCALE = 2;

const lineCount = (s: RealSnippet) => s.text.split('\n').length;
const byId = (a: RealSnippet, b: RealSnippet) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The deterministic subset: held snippets of at most `maxLines` lines, sorted by id; the first `positives` that
 * carry explicit codes and the first `negatives` that carry no label at all (implied-only ones are left out:
 * this suite scores explicit codes). `page` 2, 3… takes the next ones in the same order (more tune data to
 * check a change on; the held figure is page 1).
 */
export function pickRealSnippets(
  held: RealSnippet[],
  positives = 16,
  negatives = 4,
  maxLines = 12,
  page = 1,
): RealSnippet[] {
  const short = held.filter((s) => lineCount(s) <= maxLines).sort(byId);
  const at = (n: number) => [(page - 1) * n, page * n] as const;
  return [
    ...short.filter((s) => s.explicit.length > 0).slice(...at(positives)),
    ...short.filter((s) => s.explicit.length + s.implied.length === 0).slice(...at(negatives)),
  ];
}

function body(s: RealSnippet, style: RealStyle): string {
  const lines = s.text.split('\n');
  switch (style) {
    case 'light-terminal':
      return `<div class="term">${lines.map((l) => `<div>${escapeHtml(l) || '&nbsp;'}</div>`).join('')}</div>`;
    case 'dark-console':
      return `<div class="console">${lines
        .map(
          (l) =>
            `<div class="row${ERROR_LINE.test(l) ? ' err' : ''}">${colourJson(l, PALETTES.dark) || '&nbsp;'}</div>`,
        )
        .join('')}</div>`;
    case 'chat-bubble':
      // A pasted message is one bubble, its line breaks kept.
      return `<div class="chat"><div class="avatar"></div><div class="bubble">${escapeHtml(s.text)}</div></div>`;
  }
}

function html(s: RealSnippet, style: RealStyle, font: string): string {
  const light = PALETTES.light;
  const dark = PALETTES.dark;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; }
  #shot { width: ${PHONE_WIDTH}px; }
  /* A terminal hard-wraps at the last column, inside words. */
  .term { background: ${light.bg}; color: ${light.text}; padding: 10px;
    font: 12px/1.4 '${font}', 'Noto Sans Mono CJK SC', monospace; white-space: pre-wrap; word-break: break-all; }
  /* DevTools wraps at spaces and breaks only words longer than the line. */
  .console { background: #242424; color: ${dark.text}; font: 12px/1.5 '${font}', 'Noto Sans Mono CJK SC', monospace;
    white-space: pre-wrap; overflow-wrap: anywhere; }
  .console .row { padding: 3px 8px; border-bottom: 1px solid #3a3a3a; }
  .console .row.err { color: ${dark.error}; background: ${dark.errorBg}; }
  .chat { display: flex; gap: 8px; align-items: flex-start; background: #ededed; padding: 12px 10px; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 4px; background: #9bb0c8; }
  .bubble { max-width: 290px; padding: 9px 11px; border-radius: 5px; background: #ffffff; color: #111;
    font: 16px/1.45 '${font}', 'Noto Sans CJK SC', sans-serif; white-space: pre-wrap; overflow-wrap: anywhere; }
  </style></head><body><div id="shot">${body(s, style)}</div></body></html>`;
}

export interface RenderFilter {
  styles?: readonly RealStyle[];
  /** Which snippets to render, by 0-based place in the subset (a snippet's font depends on its place). */
  include?: (index: number) => boolean;
}

/** Renders the subset's snippets in every style (or those the filter keeps) into a new temp dir; the caller removes `dir`. */
export async function renderRealShots(
  snippets: RealSnippet[],
  filter: RenderFilter = {},
): Promise<{ dir: string; shots: RealShot[] }> {
  const styles = filter.styles ?? REAL_STYLES;
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-ocr-real-'));
  const shots: RealShot[] = [];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: PHONE_WIDTH, height: 844 },
      deviceScaleFactor: PHONE_SCALE,
    });
    for (const [i, snippet] of snippets.entries()) {
      if (filter.include && !filter.include(i)) continue;
      for (const style of styles) {
        const file = `${String(i + 1).padStart(2, '0')}-${style}.png`;
        const font = fontOf(style, i);
        await page.setContent(html(snippet, style, font));
        await page.locator('#shot').screenshot({ path: join(dir, file) });
        shots.push({ file, snippet, style, font });
      }
    }
  } finally {
    await browser.close();
  }
  return { dir, shots };
}
