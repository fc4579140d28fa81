import { describe, expect, it } from 'vitest';
import {
  COUNT_MATERIALITY,
  NUMBER_MATERIALITY,
  PERCENT_MATERIALITY,
  isMaterialChange,
  materialityFor,
} from './materiality.js';

describe('isMaterialChange', () => {
  it('does not alarm on a market count going from 0 to 1', () => {
    expect(isMaterialChange('count', 1, 0)).toBe(false);
    expect(isMaterialChange('count', 2, 0)).toBe(false);
    expect(isMaterialChange('count', 3, 0)).toBe(true);
  });
  it('needs both the absolute and the relative step for counts', () => {
    // 100 → 103 is 3 but only 3 %; 100 → 125 is both
    expect(isMaterialChange('count', 103, 100)).toBe(false);
    expect(isMaterialChange('count', 125, 100)).toBe(true);
    expect(isMaterialChange('count', 75, 100)).toBe(true);
    // 8 → 10 is 25 % but only 2
    expect(isMaterialChange('count', 10, 8)).toBe(false);
  });
  it('measures percentages in percentage points and share of the level', () => {
    expect(isMaterialChange('percent', 99.5, 99.2)).toBe(false);
    expect(isMaterialChange('percent', 10, 8)).toBe(true); // 2 points, 25 %
    expect(isMaterialChange('percent', 92, 95)).toBe(false); // 3 points but 3,2 %
    expect(isMaterialChange('percent', 80, 95)).toBe(true);
  });
  it('uses 1 and 10 % for other numbers', () => {
    expect(isMaterialChange('number', 0.5, 0)).toBe(false);
    expect(isMaterialChange('number', 1, 0)).toBe(true);
    expect(isMaterialChange('number', 105, 100)).toBe(false);
    expect(isMaterialChange('number', 110, 100)).toBe(true);
  });
  it('names its thresholds by kind', () => {
    expect(materialityFor('count')).toBe(COUNT_MATERIALITY);
    expect(materialityFor('percent')).toBe(PERCENT_MATERIALITY);
    expect(materialityFor('number')).toBe(NUMBER_MATERIALITY);
  });
});
