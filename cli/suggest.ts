// "Did you mean …?" for mistyped commands, options and platform keys: the closest known name by edit distance.

/** Levenshtein distance (insert, delete, substitute; an adjacent swap counts as one). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  return rows[a.length][b.length];
}

/** The known name closest to `input`, when it is close enough to be a typo (≤ 1 edit for short names, ≤ 2 else). */
export function closest(input: string, known: readonly string[]): string | undefined {
  const wanted = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = name.startsWith(wanted) && wanted.length >= 2 ? 0.5 : editDistance(wanted, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  const allowed = wanted.length <= 3 ? 1 : 2;
  return bestDistance <= allowed ? best : undefined;
}

/** " (did you mean X?)" or "". */
export function didYouMean(input: string, known: readonly string[], prefix = ''): string {
  const match = closest(input, known);
  return match ? ` (did you mean ${prefix}${match}?)` : '';
}
