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

/**
 * A one-line excerpt of at most `max` characters that keeps the first highlight visible: text before it is
 * cut and replaced by "…" when the match sits far in. Spans are shifted to the excerpt.
 */
export function excerpt(text: string, spans: readonly Span[], max: number): { text: string; spans: Span[] } {
  const flat = text.replace(/\s+/g, ' ');
  // Whitespace collapsing can move offsets; only collapse when it does not change the length.
  const base = flat.length === text.length ? flat : text;
  if (base.length <= max) return { text: base, spans: spans.slice() };
  const merged = mergeSpans(spans, base.length);
  const first = merged[0];
  let from = 0;
  if (first && first.end > max - 1) from = Math.max(0, Math.min(first.start - 8, base.length - (max - 1)));
  const lead = from > 0 ? '…' : '';
  const room = max - lead.length;
  const body = base.slice(from, from + room);
  const cut = from + room < base.length;
  const shown = cut ? body.slice(0, body.length - 1) + '…' : body;
  const shift = lead.length - from;
  // Highlights stay on the visible text, never on the "…" marks (a cut match shows as "i…", not "i…" lit).
  const last = lead.length + shown.length - (cut ? 1 : 0);
  return {
    text: lead + shown,
    spans: merged
      .map((s) => ({ start: Math.max(s.start + shift, lead.length), end: Math.min(s.end + shift, last) }))
      .filter((s) => s.end > s.start),
  };
}
