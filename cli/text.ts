// Terminal text layout: display width (CJK and full-width characters take two columns, colour codes none),
// wrapping to a width with an indent, and cutting one line to fit.

import { charWidth } from '../miniprogram/core/width';

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
/** Characters that take two columns, as a regular-expression class body (the BMP ranges of isWide in core/width.ts). */
const WIDE =
  '\\u1100-\\u115f\\u2e80-\\u9fff\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
/** Words, runs of spaces, single wide characters, colour codes. */
const TOKEN = new RegExp(`${ESC}\\[[0-9;]*m|\\s+|[${WIDE}]|[^\\s${WIDE}${ESC}]+|${ESC}`, 'g');

/** Columns the text takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) width += charWidth(ch);
  return width;
}

/** Pieces a line may break between. */
function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Cuts a too-long word into pieces of at most `width` columns. */
function splitWord(word: string, width: number): string[] {
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const ch of word) {
    const w = charWidth(ch);
    if (used + w > width && part) {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += ch;
    used += w;
  }
  if (part) parts.push(part);
  return parts;
}

/**
 * Wraps text to `width` columns. Every line starts with `indent`; lines after the first with `hanging`
 * (default: the indent). Existing newlines are kept.
 */
export function wrap(text: string, width: number, indent = '', hanging = indent): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = indent;
    let used = displayWidth(indent);
    let start = used;
    let pendingSpace = false;
    const flush = () => {
      out.push(line.trimEnd());
      line = hanging;
      used = displayWidth(hanging);
      start = used;
      pendingSpace = false;
    };
    for (const token of tokens(paragraph)) {
      if (token.startsWith(`${ESC}[`)) {
        line += token;
        continue;
      }
      if (/^\s+$/.test(token)) {
        pendingSpace = used > start;
        continue;
      }
      const w = displayWidth(token);
      const space = pendingSpace ? 1 : 0;
      if (used + space + w <= width) {
        line += (pendingSpace ? ' ' : '') + token;
        used += space + w;
        pendingSpace = false;
        continue;
      }
      if (used > start) flush();
      const room = Math.max(1, width - used);
      const pieces = w <= room ? [token] : splitWord(token, room);
      pieces.forEach((piece, i) => {
        if (i > 0) flush();
        line += piece;
        used += displayWidth(piece);
      });
      pendingSpace = false;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** One line cut to `width` columns with "…" when it is longer. */
export function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text.replace(ANSI, '')) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}
