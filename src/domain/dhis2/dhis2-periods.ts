import { Invalid } from '../errors.js';
import { isPeriodCode } from '../periods.js';

/**
 * DHIS2 writes months as 202509, where DX Compact writes 2025-09; years (2025) and quarters (2025Q3)
 * are the same in both. Other DHIS2 period types (weeks, days, six-months) have no equivalent here.
 */
export function fromDhis2Period(dhis2: string): string {
  const month = /^(\d{4})(0[1-9]|1[0-2])$/.exec(dhis2);
  if (month) return `${month[1]}-${month[2]}`;
  if (isPeriodCode(dhis2) && !dhis2.includes('-')) return dhis2;
  throw new Invalid(
    'dhis2.period',
    `DHIS2 period "${dhis2}" is not supported: use yearly (2025), quarterly (2025Q3) or monthly (202509) periods`,
  );
}

export function toDhis2Period(code: string): string {
  return code.replace(/^(\d{4})-(\d{2})$/, '$1$2');
}
