/**
 * The partner's candidate sites and the province's points of interest, from a CSV or XLSX file, into the
 * shapes a plan's settings take. Every bad cell of every row is reported (file, row, column); nothing is
 * returned unless the whole file is good, so an import is all or nothing.
 */
import { Invalid } from '../../domain/errors.js';
import { foldText } from '../fold-text.js';
import { detectNumberLocale, parseLocalisedNumber } from '../parse-number.js';
import { readUploadedTable, type TableRow } from '../read-table.js';
import { describeSource } from '../uploaded-table.js';

export interface PlanPointError {
  file: string;
  rowNumber: number;
  column: string;
  message: string;
}

interface Column {
  key: string;
  /** Header texts accepted, folded (foldText): Vietnamese and English. */
  names: string[];
  required: boolean;
  kind: 'text' | 'number';
  min?: number;
  max?: number;
}

const LON: Column = {
  key: 'lon',
  names: ['lon', 'kinhdo', 'longitude', 'lng'],
  required: true,
  kind: 'number',
  min: -180,
  max: 180,
};
const LAT: Column = {
  key: 'lat',
  names: ['lat', 'vido', 'latitude'],
  required: true,
  kind: 'number',
  min: -90,
  max: 90,
};

const CANDIDATE_COLUMNS: Column[] = [
  { key: 'code', names: ['code', 'ma', 'matram', 'mavitri', 'sitecode'], required: true, kind: 'text' },
  LON,
  LAT,
  { key: 'cost', names: ['cost', 'chiphi', 'gia'], required: true, kind: 'number', min: 1e-9, max: 1e9 },
  {
    key: 'antennaHeightM',
    names: ['height', 'docao', 'docaoanten', 'antennaheight'],
    required: false,
    kind: 'number',
    min: 1e-9,
    max: 300,
  },
];

const POINT_COLUMNS: Column[] = [
  { key: 'name', names: ['name', 'ten'], required: true, kind: 'text' },
  { key: 'kind', names: ['kind', 'loai', 'type'], required: true, kind: 'text' },
  LON,
  LAT,
  { key: 'weight', names: ['weight', 'trongso'], required: true, kind: 'number', min: 0, max: 1e7 },
  {
    key: 'radiusM',
    names: ['radius', 'bankinh', 'radiusm', 'bankinhm'],
    required: false,
    kind: 'number',
    min: 0,
    max: 20_000,
  },
];

export type PlanPointKind = 'candidates' | 'points';

export type ReadPlanPointsResult =
  { ok: true; rows: Record<string, string | number>[] } | { ok: false; errors: PlanPointError[] };

export function formatPlanPointError(error: PlanPointError): string {
  return `${error.file} row ${error.rowNumber} column ${error.column}: ${error.message}`;
}

/**
 * Reads candidates (code, lon, lat, cost, optional height) or points of interest (name, kind, lon, lat, weight,
 * optional radius in metres; 500 m when blank). Headers in Vietnamese or English, any order; decimal comma or point.
 * Throws Invalid for a file-level problem (unreadable, a required column missing, no rows).
 */
export async function readPlanPoints(
  file: { name: string; bytes: Uint8Array },
  kind: PlanPointKind,
): Promise<ReadPlanPointsResult> {
  const table = await readUploadedTable(file);
  const where = describeSource(table.file, table.sheet);
  const columns = kind === 'candidates' ? CANDIDATE_COLUMNS : POINT_COLUMNS;
  const folded = table.header.map(foldText);
  const at = new Map<string, number>();
  for (const column of columns) {
    const index = folded.findIndex((name) => column.names.includes(name));
    if (index >= 0) at.set(column.key, index);
    else if (column.required)
      throw new Invalid(
        'plan.settings',
        `${where} has no column "${column.names[0]}" (or ${column.names.slice(1).join(', ')})`,
        [{ path: `${where} row ${table.headerRowNumber}`, message: `missing column ${column.names[0]}` }],
      );
  }
  if (table.rows.length === 0) throw new Invalid('plan.settings', `${where} has no rows`);
  const numberTexts = table.rows.flatMap((row) =>
    columns.filter((c) => c.kind === 'number' && at.has(c.key)).map((c) => row.cells[at.get(c.key)!] ?? ''),
  );
  const hint = detectNumberLocale(numberTexts);
  const errors: PlanPointError[] = [];
  const seen = new Map<string, number>();
  const rows = table.rows.map((row: TableRow) => {
    const out: Record<string, string | number> = {};
    for (const column of columns) {
      const index = at.get(column.key);
      const text = (index === undefined ? '' : (row.cells[index] ?? '')).trim();
      const header = index === undefined ? column.names[0]! : table.header[index]!;
      const fail = (message: string) => errors.push({ file: where, rowNumber: row.rowNumber, column: header, message });
      if (text === '') {
        if (column.required) fail('empty');
        continue;
      }
      if (column.kind === 'text') {
        out[column.key] = text;
        continue;
      }
      const value = row.numeric?.[index!] ? Number(text) : parseLocalisedNumber(text, 'auto', hint);
      if (value === null || !Number.isFinite(value)) fail(`"${text}" is not a number`);
      else if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max))
        fail(`${value} is outside ${column.min} … ${column.max}`);
      else out[column.key] = value;
    }
    if (kind === 'points' && out.radiusM === undefined) out.radiusM = 500;
    if (kind === 'candidates' && typeof out.code === 'string') {
      const first = seen.get(out.code);
      if (first !== undefined)
        errors.push({
          file: where,
          rowNumber: row.rowNumber,
          column: 'code',
          message: `${out.code} repeats row ${first}`,
        });
      else seen.set(out.code, row.rowNumber);
    }
    return out;
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
