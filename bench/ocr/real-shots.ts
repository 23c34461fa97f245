// Screenshots of held-out real snippets (bench/data/real, issue 10) for the `ocr-real` bench suite: each picked
// snippet rendered at phone width in three styles (light terminal, dark DevTools console, WeChat chat bubble),
// each in its own font, with headless Chromium (scripts/chromium.ts) into a temp dir. Nothing is committed:
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
}

/** CSS width of a phone (iPhone 12–15) and its usual screenshot scale. */
export const PHONE_WIDTH = 390;
export const PHONE_SCALE = 2;

const lineCount = (s: RealSnippet) => s.text.split('\n').length;
const byId = (a: RealSnippet, b: RealSnippet) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The deterministic subset: held snippets of at most `maxLines` lines, sorted by id; the first `positives` that
 * carry explicit codes and the first `negatives` that carry no label at all (implied-only ones are left out:
 * this suite scores explicit codes).
 */
export function pickRealSnippets(
  held: RealSnippet[],
  positives = 16,
  negatives = 4,
  maxLines = 12,
): RealSnippet[] {
  const short = held.filter((s) => lineCount(s) <= maxLines).sort(byId);
  return [
    ...short.filter((s) => s.explicit.length > 0).slice(0, positives),
    ...short.filter((s) => s.explicit.length + s.implied.length === 0).slice(0, negatives),
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

function html(s: RealSnippet, style: RealStyle): string {
  const light = PALETTES.light;
  const dark = PALETTES.dark;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; }
  body { margin: 0; }
  #shot { width: ${PHONE_WIDTH}px; }
  /* A terminal hard-wraps at the last column, inside words. */
  .term { background: ${light.bg}; color: ${light.text}; padding: 10px;
    font: 12px/1.4 'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace; white-space: pre-wrap; word-break: break-all; }
  /* DevTools wraps at spaces and breaks only words longer than the line. */
  .console { background: #242424; color: ${dark.text}; font: 12px/1.5 'Liberation Mono', 'Noto Sans Mono CJK SC', monospace;
    white-space: pre-wrap; overflow-wrap: anywhere; }
  .console .row { padding: 3px 8px; border-bottom: 1px solid #3a3a3a; }
  .console .row.err { color: ${dark.error}; background: ${dark.errorBg}; }
  .chat { display: flex; gap: 8px; align-items: flex-start; background: #ededed; padding: 12px 10px; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 4px; background: #9bb0c8; }
  .bubble { max-width: 290px; padding: 9px 11px; border-radius: 5px; background: #ffffff; color: #111;
    font: 16px/1.45 'Noto Sans CJK SC', sans-serif; white-space: pre-wrap; overflow-wrap: anywhere; }
  </style></head><body><div id="shot">${body(s, style)}</div></body></html>`;
}

/** Renders every snippet in every style into a new temp dir; the caller removes `dir`. */
export async function renderRealShots(snippets: RealSnippet[]): Promise<{ dir: string; shots: RealShot[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'wxerr-ocr-real-'));
  const shots: RealShot[] = [];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: PHONE_WIDTH, height: 844 },
      deviceScaleFactor: PHONE_SCALE,
    });
    for (const [i, snippet] of snippets.entries())
      for (const style of REAL_STYLES) {
        const file = `${String(i + 1).padStart(2, '0')}-${style}.png`;
        await page.setContent(html(snippet, style));
        await page.locator('#shot').screenshot({ path: join(dir, file) });
        shots.push({ file, snippet, style });
      }
  } finally {
    await browser.close();
  }
  return { dir, shots };
}
