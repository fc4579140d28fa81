import { expect, it } from 'vitest';
import { mulberry32, randomIndex, uniform } from './seeded-random.js';

it('repeats the same sequence for the same seed and differs for another seed', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const c = mulberry32(43);
  const seqA = Array.from({ length: 20 }, () => a());
  const seqB = Array.from({ length: 20 }, () => b());
  const seqC = Array.from({ length: 20 }, () => c());
  expect(seqA).toEqual(seqB);
  expect(seqA).not.toEqual(seqC);
});

it('stays in [0, 1) and spreads over the interval', () => {
  const random = mulberry32(7);
  const buckets = new Array<number>(10).fill(0);
  for (let i = 0; i < 10_000; i++) {
    const x = random();
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    buckets[Math.floor(x * 10)]! += 1;
  }
  for (const count of buckets) expect(count).toBeGreaterThan(800);
});

it('maps to ranges and indices', () => {
  const random = mulberry32(1);
  for (let i = 0; i < 1000; i++) {
    const u = uniform(random, -3, 5);
    expect(u).toBeGreaterThanOrEqual(-3);
    expect(u).toBeLessThan(5);
    const k = randomIndex(random, 4);
    expect(Number.isInteger(k) && k >= 0 && k < 4).toBe(true);
  }
});
