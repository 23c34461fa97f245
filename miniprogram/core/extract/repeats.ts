// Repeated lines of a text. A log repeats lines word for word (a health check, a retried call): passes that
// look no further than a line can then read each distinct line once and share the answer with its repeats.
// Only a speed path: every pass that uses it gives the answers it gives without it (test/core/extract-repeats).
import type { LineIndex } from './text';

/** Texts with fewer lines are never treated as repeats. */
const MIN_LINES = 200;

/**
 * For each line, the first line with the same text, when the text is mostly repeats: its distinct lines hold
 * at most a quarter of it. Given up on (undefined) as soon as they hold more, so a log whose lines all differ
 * (each stamped with its time) pays for a quarter of a pass and nothing else.
 */
export function findRepeats(text: string, lines: LineIndex): Int32Array | undefined {
  const count = lines.count;
  if (count < MIN_LINES) return undefined;
  const firstWith = new Map<string, number>();
  const same = new Int32Array(count);
  const most = text.length / 4;
  let distinct = 0;
  for (let l = 0; l < count; l++) {
    const lineText = lines.lineText(l);
    const first = firstWith.get(lineText);
    if (first === undefined) {
      firstWith.set(lineText, l);
      distinct += lineText.length + 1;
      if (distinct > most) return undefined;
    }
    same[l] = first ?? l;
  }
  return same;
}
