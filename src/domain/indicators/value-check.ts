import type { ValueType } from './indicator-rule.js';

/** Why a value does not fit its indicator's type, or null when it fits. A percent is 0–100. */
export function checkValue(valueType: ValueType, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  switch (valueType) {
    case 'percent':
      return value >= 0 && value <= 100 ? null : `a percent must be between 0 and 100, got ${value}`;
    case 'count':
      return Number.isInteger(value) && value >= 0 ? null : `a count must be a whole number ≥ 0, got ${value}`;
    case 'boolean':
      return value === 0 || value === 1 ? null : `a yes/no value must be 1 (yes) or 0 (no), got ${value}`;
    case 'number':
      return null;
  }
}
