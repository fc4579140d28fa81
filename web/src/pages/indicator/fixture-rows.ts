import type { UnitRow } from './indicator-api.js';

const row = (
  code: string,
  nameVi: string,
  value: number | null,
  target: number | null,
  targetSource: UnitRow['targetSource'] = 'own',
): UnitRow => ({
  code,
  nameVi,
  nameEn: null,
  value,
  target,
  targetSource,
  status: value === null ? 'no_data' : 'on_track',
  reported: value !== null,
  approval: 'approved',
  updatedAt: null,
  updatedBy: null,
  source: null,
});

/** Three communes for the table's tests: one not reported (with the province's target), names with diacritics and đ. */
export const ROWS: UnitRow[] = [
  row('60309134', 'Xã Ia O', 98.5, 99),
  row('60309001', 'Phường Đống Đa', 1234.56, 1500),
  row('60309002', 'Xã Ia Grai', null, 90, 'split_from_province'),
];
