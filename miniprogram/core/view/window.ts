// Windowing of a long list of fixed-height rows: which rows to render around the scroll position and how tall
// the spacers above and below must be so the scroll bar stays true. Pure, no wx.

export interface ListWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Row after the last rendered one (exclusive). */
  end: number;
  /** Height of the spacer above the rendered rows. */
  top: number;
  /** Height of the spacer below the rendered rows. */
  bottom: number;
}

export interface WindowOptions {
  /** Height of one row, in the same unit as scrollTop. */
  rowHeight: number;
  /** Height of the visible area. */
  viewport: number;
  /** Rows rendered in all (the window size), e.g. 50. */
  size?: number;
  /** The start snaps to multiples of this, so small scrolls do not change the window. */
  step?: number;
}

/** The window of rows to render for a scroll offset. Always valid, even for odd inputs (negative, NaN). */
export function listWindow(total: number, scrollTop: number, options: WindowOptions): ListWindow {
  const { rowHeight, viewport } = options;
  const size = Math.max(1, options.size ?? 50);
  const step = Math.max(1, options.step ?? 10);
  const rowsInView = Math.max(1, Math.ceil(viewport / rowHeight));
  const firstVisible = Number.isFinite(scrollTop) ? Math.max(0, Math.floor(scrollTop / rowHeight)) : 0;
  // Keep the visible rows in the middle third of the window.
  const before = Math.max(0, Math.floor((size - rowsInView) / 2));
  let start = Math.floor(Math.max(0, firstVisible - before) / step) * step;
  // Near the end, the window ends at the last row (so it is never left unrendered).
  if (start + size > total) start = Math.max(0, total - size);
  const end = Math.min(total, start + size);
  return { start, end, top: start * rowHeight, bottom: (total - end) * rowHeight };
}

export function sameWindow(a: ListWindow | undefined, b: ListWindow): boolean {
  return !!a && a.start === b.start && a.end === b.end;
}
