import { expect, it } from 'vitest';
import { CandidateHeap } from './candidate-heap.js';
import { seededRandom } from './seeded-random.js';

it('pops the largest key first and the lower candidate among equal keys', () => {
  const random = seededRandom(4);
  const heap = new CandidateHeap(200);
  const entries = Array.from({ length: 200 }, (_, c) => ({ c, key: Math.floor(random() * 20) }));
  for (const { c, key } of entries) heap.push(c, key);
  const popped: number[] = [];
  while (heap.size > 0) popped.push(heap.pop());
  const expected = [...entries].sort((a, b) => b.key - a.key || a.c - b.c).map((e) => e.c);
  expect(popped).toEqual(expected);
});
