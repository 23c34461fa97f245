// The best-first heap behind a page's first cells: hits come out in rank order (score, then entry index),
// with pushes between pops, each ordered by the score it went in with.
import { RankHeap, byScore } from '../../miniprogram/core/search/heap';
import type { Ranked } from '../../miniprogram/core/search/rank';
import { random } from '../../bench/random';

function hits(count: number, next: () => number): Ranked[] {
  // Scores on a coarse grid, so that ties (broken by index) are common.
  return Array.from({ length: count }, (_, index) => ({
    index,
    score: Math.round(next() * 60) * 2.5,
    kind: 'all-words' as const,
    codeLength: 0,
  }));
}

function drain(heap: RankHeap): Ranked[] {
  const out: Ranked[] = [];
  for (let r = heap.pop(); r; r = heap.pop()) out.push(r);
  return out;
}

describe('RankHeap', () => {
  it('gives every hit in rank order', () => {
    const next = random(7);
    for (const count of [0, 1, 2, 3, 500]) {
      const list = hits(count, next);
      const expected = list.slice().sort(byScore);
      expect(drain(new RankHeap(list.slice()))).toEqual(expected);
    }
  });

  it('keeps rank order with hits pushed between pops', () => {
    const next = random(11);
    const list = hits(300, next);
    const heap = new RankHeap(list.slice(0, 200));
    const out: Ranked[] = [];
    for (const r of list.slice(200)) {
      out.push(heap.pop() as Ranked);
      // Pushed hits score no more than what already came out (as a settled hit never beats its bound).
      heap.push({ ...r, score: Math.min(r.score, out[out.length - 1].score) });
    }
    const rest = drain(heap);
    const all = [...out, ...rest];
    expect(all).toHaveLength(300);
    for (let i = 1; i < rest.length; i++) expect(byScore(rest[i - 1], rest[i])).toBeLessThan(0);
    expect(heap.size).toBe(0);
  });

  it('orders a hit by the score it went in with, though its score changes later', () => {
    const list = hits(50, random(3));
    const heap = new RankHeap(list.slice());
    const first = heap.peek() as Ranked;
    const key = heap.peekKey();
    first.score = -1;
    expect(heap.pop()).toBe(first);
    expect(key).toBe(Math.max(...hits(50, random(3)).map((r) => r.score)));
  });
});
