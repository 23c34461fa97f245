// Highlight ranges → text segments a WXML template can render with wx:for. Pure, no wx.
// Segments use one-letter keys: they travel through setData for every visible cell.

/** A run of text; `h: 1` when it is part of a match. */
export interface Segment {
  t: string;
  h?: 1;
}

export interface Span {
  start: number;
  end: number;
}

/** Clamps, sorts and merges overlapping or touching spans. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const clean = spans
    .map((s) => ({
      start: Math.max(0, Math.min(s.start, length)),
      end: Math.max(0, Math.min(s.end, length)),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of clean) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Splits `text` into plain and highlighted segments. Out-of-range spans are clamped, never thrown on. */
export function segments(text: string, spans: readonly Span[] = []): Segment[] {
  const merged = mergeSpans(spans, text.length);
  const out: Segment[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.push({ t: text.slice(at, s.start) });
    out.push({ t: text.slice(s.start, s.end), h: 1 });
    at = s.end;
  }
  if (at < text.length || !out.length) out.push({ t: text.slice(at) });
  return out;
}

/** Display width of a character: 2 for Han, CJK punctuation and full-width forms, 1 for the rest. */
export function charWidth(c: number): number {
  return c >= 0x2e80 && c <= 0xffef && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i));
  return w;
}

const PUNCT = /[\s,.;:!?)\]}，。；：！？）】、」』]/;

/** True when text can be cut before position i: next to a space or punctuation, or between wide characters. */
function isBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  if (before >= 0xd800 && before <= 0xdbff) return false; // never inside a surrogate pair
  if (PUNCT.test(text[i - 1]) || /\s/.test(text[i])) return true;
  return charWidth(before) === 2 || charWidth(after) === 2;
}

/** The last boundary at or before i, not before `floor` (then i itself, at a character boundary). */
function boundaryBefore(text: string, i: number, floor: number): number {
  for (let j = i; j > floor; j--) if (isBoundary(text, j)) return j;
  const c = text.charCodeAt(i - 1);
  return c >= 0xd800 && c <= 0xdbff ? i - 1 : i;
}

/**
 * An excerpt at most `max` wide (see charWidth; a cell's two lines) that keeps the first highlight visible:
 * text before it is cut when the match sits far in. Cuts fall on word or character boundaries, never inside
 * a Latin word when a space is near, and are marked "…". Spans are shifted to the excerpt.
 */
export function excerpt(text: string, spans: readonly Span[], max: number): { text: string; spans: Span[] } {
  const flat = text.replace(/\s+/g, ' ');
  // Whitespace collapsing can move offsets; only collapse when it does not change the length.
  const base = flat.length === text.length ? flat : text;
  if (textWidth(base) <= max) return { text: base, spans: spans.slice() };
  const merged = mergeSpans(spans, base.length);
  const first = merged[0];
  let from = 0;
  if (first && textWidth(base.slice(0, first.end)) > max - 1) {
    // Start a little before the match, on a boundary, leaving room for the match and what follows.
    let w = 0;
    let j = first.start;
    while (j > 0 && w < 8) w += charWidth(base.charCodeAt(--j));
    from = j;
    while (from < first.start && !isBoundary(base, from)) from++;
    while (from < first.start && base[from] === ' ') from++;
  }
  const lead = from > 0 ? '…' : '';
  // Room for the body and a closing "…".
  const room = max - (lead ? 2 : 0) - 1;
  let end = from;
  let w = 0;
  while (end < base.length && w + charWidth(base.charCodeAt(end)) <= room)
    w += charWidth(base.charCodeAt(end++));
  const cut = end < base.length;
  if (cut) {
    // Back to a boundary, but not so far that a third of the room is lost to one long word.
    const floor = Math.max(from, end - Math.ceil((end - from) / 3));
    end = boundaryBefore(base, end, floor);
  }
  let body = base.slice(from, end);
  if (cut) body = body.replace(/[\s,，、;；:：]+$/, '');
  const shown = lead + body + (cut ? '…' : '');
  const shift = lead.length - from;
  // Highlights stay on the visible text, never on the "…" marks.
  const last = lead.length + body.length;
  return {
    text: shown,
    spans: merged
      .map((s) => ({ start: Math.max(s.start + shift, lead.length), end: Math.min(s.end + shift, last) }))
      .filter((s) => s.end > s.start),
  };
}
