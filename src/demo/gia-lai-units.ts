/**
 * Loads the demo province's 135 commune-level units (Gia Lai after the July 2025 reform) from the CSV
 * fixture in ./data (see ./data/README.md for its source and licence).
 */
import { readFileSync } from 'node:fs';
import { demoDataPath } from './demo-data-file.js';
import type { DemoUnitInput } from './province-geometry.js';

export const GIA_LAI_UNITS_HEADER = ['province_code', 'province_name', 'unit_code', 'unit_name', 'unit_type'] as const;

const UNIT_TYPES: Record<string, DemoUnitInput['unitType']> = {
  xa: 'commune',
  phuong: 'ward',
  dac_khu: 'special_zone',
};

/** Parses the fixture; throws an Error naming the file, the row (1 = header) and the field on bad input. */
export function parseGiaLaiUnitsCsv(text: string, file: string): DemoUnitInput[] {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  GIA_LAI_UNITS_HEADER.forEach((name, i) => {
    if (header[i] !== name) {
      throw new Error(`${file}: row 1 (header), field ${i + 1}: expected "${name}", got "${header[i] ?? ''}"`);
    }
  });
  const units: DemoUnitInput[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < lines.length; r++) {
    const row = r + 1;
    const fields = lines[r]!.split(',').map((f) => f.trim());
    if (fields.length !== GIA_LAI_UNITS_HEADER.length) {
      throw new Error(`${file}: row ${row}: expected ${GIA_LAI_UNITS_HEADER.length} fields, got ${fields.length}`);
    }
    const [, provinceName, code, name, type] = fields as [string, string, string, string, string];
    const fail = (field: string, why: string) => new Error(`${file}: row ${row}, field ${field}: ${why}`);
    if (provinceName === '') throw fail('province_name', 'empty');
    if (!/^[0-9]+$/u.test(code)) throw fail('unit_code', `not a numeric code: "${code}"`);
    if (seen.has(code)) throw fail('unit_code', `duplicate code ${code}`);
    if (name === '') throw fail('unit_name', 'empty');
    const unitType = UNIT_TYPES[type];
    if (!unitType) throw fail('unit_type', `unknown type "${type}" (expected xa, phuong or dac_khu)`);
    seen.add(code);
    units.push({ code, nameVi: name.normalize('NFC'), unitType });
  }
  return units;
}

export function loadGiaLaiUnits(): DemoUnitInput[] {
  const file = demoDataPath('gia-lai-units.csv');
  return parseGiaLaiUnitsCsv(readFileSync(file, 'utf8'), file);
}
