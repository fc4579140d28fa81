import { Invalid } from '../errors.js';

/**
 * Rejects a zero, negative or non-finite radio parameter by name: a log10 of it would quietly turn a
 * whole coverage run into NaN or −Infinity. Called once per run or per direct call, never per grid cell.
 */
export function requirePositive(fields: Readonly<Record<string, number | undefined>>): void {
  for (const [path, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!(Number.isFinite(value) && value > 0)) {
      const message = `${path} must be a positive finite number, got ${value}`;
      throw new Invalid('radio.input', message, [{ path, message }]);
    }
  }
}
