/**
 * Loads the demo province's 135 commune-level units (Gia Lai after the July 2025 reform) from the CSV
 * fixture in ./data (see ./data/README.md for its source and licence).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoUnitInput } from './province-geometry.js';

export const GIA_LAI_UNITS_HEADER = ['province_code', 'province_name', 'unit_code', 'unit_name', 'unit_type'] as const;

const UNIT_TYPES: Record<string, DemoUnitInput['unitType']> = {
  xa: 'commune',
  phuong: 'ward',
  dac_khu: 'special_zone',
};

/**
 * The CSV sits next to this module in the sources; `tsc` does not copy it into dist/, so from a build
 * fall back to src/demo/data/ under the package root (the nearest directory holding package.json).
 */
export function resolveGiaLaiUnitsCsv(moduleUrl: string = import.meta.url): string {
  const sibling = fileURLToPath(new URL('./data/gia-lai-units.csv', moduleUrl));
  if (existsSync(sibling)) return sibling;
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      const candidate = join(dir, 'src', 'demo', 'data', 'gia-lai-units.csv');
      if (existsSync(candidate)) return candidate;
      throw new Error(`gia-lai-units.csv not found next to ${fileURLToPath(moduleUrl)} nor at ${candidate}`);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`gia-lai-units.csv not found next to ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}

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
  const file = resolveGiaLaiUnitsCsv();
  return parseGiaLaiUnitsCsv(readFileSync(file, 'utf8'), file);
}
