import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline-path.js';

describe('sparklineGeometry', () => {
  it('draws the lowest value at the bottom and the highest at the top, inside the padding', () => {
    const g = sparklineGeometry([1, 2, 3], 40);
    expect(g.line).toBe('M3 37 L50 20 L97 3');
    expect(g.last).toEqual({ x: 97, y: 3 });
  });

  it('leaves a gap where no unit reported', () => {
    const g = sparklineGeometry([1, null, 3, 4], 40);
    expect(g.line.match(/M/g)).toHaveLength(2);
    expect(g.last).toEqual({ x: 97, y: 3 });
  });

  it('puts a flat series in the middle and has nothing to draw without values', () => {
    expect(sparklineGeometry([5, 5], 40).line).toBe('M3 20 L97 20');
    expect(sparklineGeometry([null, null], 40)).toEqual({ line: '', area: '', last: null });
  });

  it('closes the area of each run down to the bottom edge', () => {
    expect(sparklineGeometry([1, 2], 40).area).toBe('M3 37 L97 3 L97 40 L3 40 Z');
  });
});
