// Highlights of a hit (ranking, last step): the code matched, and the spans of the entry's en / zh / fix texts
// whose units hold a key the query marked (search/rank.ts `marked`), merged, per field the passage came from.
import type { Catalog } from '../catalog';
import type { HighlightRange } from '../search';
import { ORIGINS } from './passages';
import type { Ranked, Ranker } from './rank';

/** Scratch: start, end pairs of one passage (no pair allocated per unit). */
const RANGES: number[] = [];

/** The highlight ranges of hit r, after the ranking that made it (the ranker's marks are that query's). */
export function highlightsOf(catalog: Catalog, ranker: Ranker, r: Ranked): HighlightRange[] {
  const code = catalog.codeAt(r.index);
  const out: HighlightRange[] = [];
  if (r.kind === 'code' || r.kind === 'prefix')
    out.push({ field: 'code', start: 0, end: r.kind === 'code' ? code.length : r.codeLength });
  const marked = ranker.marked;
  if (!marked.size) return out;
  const text = ranker.text(r.index);
  for (let p = 0; p < text.field.length; p++) {
    const origins = text.origins[p];
    if (!origins) continue;
    // Merged ranges as start, end pairs in one reused array (no pair allocated per unit).
    const ranges = RANGES;
    ranges.length = 0;
    for (let u = text.first[p]; u < text.first[p] + text.count[p]; u++) {
      let hit = false;
      for (let k = text.start[u]; k < text.start[u + 1] && !hit; k++) hit = marked.has(text.keys[k]);
      if (!hit) continue;
      const start = text.span[2 * u];
      const end = text.span[2 * u + 1];
      const n = ranges.length;
      if (n && start <= ranges[n - 1]) ranges[n - 1] = Math.max(ranges[n - 1], end);
      else ranges.push(start, end);
    }
    for (let bit = 0; bit < ORIGINS.length; bit++)
      if (origins & (1 << bit))
        for (let i = 0; i < ranges.length; i += 2)
          out.push({ field: ORIGINS[bit], start: ranges[i], end: ranges[i + 1] });
  }
  return out;
}
