import { describe, expect, it } from 'vitest';
import { buildGridInstance } from './build-instance.js';

describe('grid instance', () => {
  it('keeps the cells with demand that some candidate covers, numbered in grid order', () => {
    const demand = Float64Array.from([0, 5, 3, 0, 7, 2]);
    const candidates = [Uint32Array.from([0, 1, 2]), Uint32Array.from([2, 3, 4]), Uint32Array.from([])];
    const { instance, demandCell, unreachableWeight } = buildGridInstance(
      demand,
      candidates,
      Float64Array.from([1, 2, 3]),
    );
    expect(Array.from(demandCell)).toEqual([1, 2, 4]);
    expect(Array.from(instance.weight)).toEqual([5, 3, 7]);
    expect(Array.from(instance.candStart)).toEqual([0, 2, 4, 4]);
    expect(Array.from(instance.candDemand)).toEqual([0, 1, 1, 2]);
    expect(unreachableWeight).toBe(2);
    expect(instance.demandCount).toBe(3);
  });

  it('refuses costs that do not match the candidates', () => {
    expect(() => buildGridInstance(new Float64Array(2), [new Uint32Array()], new Float64Array(2))).toThrow(
      /2 costs for 1/,
    );
  });
});
