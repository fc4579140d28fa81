import { describe, expect, it } from 'vitest';
import { labelAnchor, placeLabels, shortUnitName, type LabelCandidate } from './labels.js';

describe('labelAnchor', () => {
  it('is the centre of a square, and of the larger part of a multipolygon', () => {
    const square = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    expect(labelAnchor({ type: 'Polygon', coordinates: [square(0, 0, 2)] })).toEqual([1, 1]);
    expect(labelAnchor({ type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]] })).toEqual([
      2, 2,
    ]);
    expect(labelAnchor(null)).toBeNull();
  });
});

describe('shortUnitName', () => {
  it('drops the unit type in both languages', () => {
    expect(shortUnitName('Xã Ia O')).toBe('Ia O');
    expect(shortUnitName('Phường Quy Nhơn')).toBe('Quy Nhơn');
    expect(shortUnitName('Ia O Commune')).toBe('Ia O');
    expect(shortUnitName('Xã')).toBe('Xã');
  });
});

describe('placeLabels', () => {
  const label = (code: string, x: number, priority = 0): LabelCandidate => ({
    code,
    text: code,
    x,
    y: 50,
    width: 40,
    height: 12,
    priority,
  });
  it('keeps the higher priority of two overlapping names and drops those off screen', () => {
    const kept = placeLabels([label('a', 50), label('b', 60, 1), label('c', 150), label('d', 5)], {
      width: 200,
      height: 100,
    });
    expect(kept.map((k) => k.code)).toEqual(['b', 'c']);
  });
});
