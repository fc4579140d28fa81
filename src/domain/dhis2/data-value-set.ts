import { Invalid } from '../errors.js';
import { fromDhis2Period } from './dhis2-periods.js';

/** A DHIS2 dataValueSets payload (the fields DX Compact reads; others are ignored). */
export interface Dhis2DataValueSet {
  dataSet?: string;
  completeDate?: string;
  period?: string;
  orgUnit?: string;
  dataValues: {
    dataElement: string;
    period?: string;
    orgUnit?: string;
    categoryOptionCombo?: string;
    attributeOptionCombo?: string;
    value?: string | number | boolean | null;
    comment?: string | null;
    deleted?: boolean;
  }[];
}

export interface Dhis2Conflict {
  object: string;
  value: string;
  errorCode: string;
  indexes: number[];
}

export interface Dhis2Entry {
  index: number;
  indicator: string;
  unit: string;
  period: string;
  value: number | null; // null: delete
  comment: string | null;
}

export interface Dhis2Lookups {
  indicatorCode(dhis2Id: string): string;
  unitCode(dhis2Id: string): string;
  hasIndicator(code: string): boolean;
  hasUnit(code: string): boolean;
}

// DHIS2's own value strings: numbers with a dot, booleans as true/false.
function readValue(raw: string | number | boolean | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  const text = raw.trim().toLowerCase();
  if (text === 'true') return 1;
  if (text === 'false') return 0;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Translates a DHIS2 payload into values keyed by DX Compact codes, collecting every conflict
 * (unknown data element or org unit, unsupported period, non-numeric value) the way DHIS2 reports them.
 */
export function readDataValueSet(
  set: Dhis2DataValueSet,
  lookups: Dhis2Lookups,
): { entries: Dhis2Entry[]; conflicts: Dhis2Conflict[] } {
  const entries: Dhis2Entry[] = [];
  const conflicts: Dhis2Conflict[] = [];
  const conflict = (object: string, value: string, errorCode: string, index: number) =>
    conflicts.push({ object, value, errorCode, indexes: [index] });
  set.dataValues.forEach((dv, index) => {
    const orgUnitId = dv.orgUnit ?? set.orgUnit;
    const periodId = dv.period ?? set.period;
    const indicator = lookups.indicatorCode(dv.dataElement);
    let ok = true;
    if (!lookups.hasIndicator(indicator)) {
      conflict(dv.dataElement, 'Data element not found or not mapped', 'E7610', index);
      ok = false;
    }
    const unit = orgUnitId ? lookups.unitCode(orgUnitId) : '';
    if (!orgUnitId || !lookups.hasUnit(unit)) {
      conflict(orgUnitId ?? '(none)', 'Organisation unit not found or not mapped', 'E7612', index);
      ok = false;
    }
    let period = '';
    try {
      if (!periodId) throw new Invalid('dhis2.period', 'Period missing');
      period = fromDhis2Period(periodId);
    } catch (error) {
      conflict(periodId ?? '(none)', error instanceof Error ? error.message : 'Invalid period', 'E7611', index);
      ok = false;
    }
    const value = dv.deleted ? null : readValue(dv.value);
    if (value === undefined) {
      conflict(String(dv.value), `Value is not a number for data element ${dv.dataElement}`, 'E7619', index);
      ok = false;
    }
    if (ok) entries.push({ index, indicator, unit, period, value: value ?? null, comment: dv.comment ?? null });
  });
  return { entries, conflicts };
}
