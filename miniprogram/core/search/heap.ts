// A binary max-heap of ranked hits in rank order (score, then catalog order): the best hits one at a time,
// without sorting all of them. A broad query ("in", "invalid") has a thousand hits and shows twenty; a full
// sort without a JIT costs more than everything else the query does. Each hit is ordered by its score when
// it went in: a pending hit settled while in the heap keeps its place (the caller skips it).
import type { Ranked } from './rank';

/** Rank order: higher score first, then lower entry index. */
export const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || a.index - b.index;

/** True when a comes before b in rank order (byScore(a, b) < 0). */
export function before(a: Ranked, b: Ranked): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

export class RankHeap {
  private readonly items: Ranked[];
  /** items[i]'s score when it went in. */
  private readonly keys: number[];

  /** Takes the array (heapified in place, O(n)). */
  constructor(items: Ranked[]) {
    this.items = items;
    this.keys = items.map((r) => r.score);
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  /** The first hit in rank order (by the scores they went in with), or undefined. */
  peek(): Ranked | undefined {
    return this.items[0];
  }

  /** The score the first hit had when it went in. */
  peekKey(): number {
    return this.keys[0];
  }

  pop(): Ranked | undefined {
    const { items, keys } = this;
    const top = items[0];
    const last = items.pop();
    const lastKey = keys.pop();
    if (items.length && last && lastKey !== undefined) {
      items[0] = last;
      keys[0] = lastKey;
      this.down(0);
    }
    return top;
  }

  push(r: Ranked): void {
    const { items, keys } = this;
    const key = r.score;
    let i = items.length;
    items.push(r);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!precedes(key, r.index, keys[parent], items[parent].index)) break;
      items[i] = items[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    items[i] = r;
    keys[i] = key;
  }

  /** What is left, in no order. */
  rest(): readonly Ranked[] {
    return this.items;
  }

  private down(start: number): void {
    const { items, keys } = this;
    const n = items.length;
    const r = items[start];
    const key = keys[start];
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && precedes(keys[right], items[right].index, keys[child], items[child].index))
        child = right;
      if (!precedes(keys[child], items[child].index, key, r.index)) break;
      items[i] = items[child];
      keys[i] = keys[child];
      i = child;
    }
    items[i] = r;
    keys[i] = key;
  }
}

/** Rank order on (score, entry index) pairs. */
function precedes(key: number, index: number, otherKey: number, otherIndex: number): boolean {
  return key > otherKey || (key === otherKey && index < otherIndex);
}
