import { expect, it } from 'vitest';
import { fromDhis2Period, toDhis2Period } from './dhis2-periods.js';

it('converts months both ways and keeps years and quarters', () => {
  expect(fromDhis2Period('202509')).toBe('2025-09');
  expect(toDhis2Period('2025-09')).toBe('202509');
  for (const code of ['2025', '2025Q3']) expect(fromDhis2Period(toDhis2Period(code))).toBe(code);
});
it.each(['2025W36', '20250901', '2025S2', '202513', '2025-09'])('refuses %s', (period) => {
  expect(() => fromDhis2Period(period)).toThrow(/not supported/);
});
