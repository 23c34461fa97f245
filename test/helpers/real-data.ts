// Shared checks of the real-data loaders' tests: a new harvest must not hold an id or a source an earlier file holds.
import type { RealSnippet } from '../../bench/data/real/load';

/** The snippets of `batch` whose id or source (case-insensitive) an earlier file already holds. */
export function sharedWithEarlier(
  batch: readonly RealSnippet[],
  earlier: readonly RealSnippet[],
): RealSnippet[] {
  const ids = new Set(earlier.map((s) => s.id));
  const sources = new Set(earlier.map((s) => s.source.toLowerCase()));
  return batch.filter((s) => ids.has(s.id) || sources.has(s.source.toLowerCase()));
}
