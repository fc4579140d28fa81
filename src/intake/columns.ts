import { Invalid } from '../domain/errors.js';
import { isPeriodCode } from '../domain/periods.js';
import { foldText } from './fold-text.js';

export type ColumnRole = 'indicator' | 'unit' | 'period' | 'value' | 'comment';

/** One row per value: indicator, unit, period, value (and an optional comment). */
export interface LongMapping {
  layout: 'long';
  indicator: number;
  unit: number;
  period: number;
  value: number;
  comment: number | null;
}

/** One row per unit, one column per indicator; the period comes from a column or once for the file. */
export interface WideMapping {
  layout: 'wide';
  unit: number;
  period: number | null;
  /** Used where the period column is absent or blank. */
  defaultPeriod: string | null;
  comment: number | null;
  indicators: { column: number; code: string }[];
}

export type ColumnMapping = LongMapping | WideMapping;

/** Header spellings per role, folded (see foldText). */
const ALIASES: Record<ColumnRole, readonly string[]> = {
  indicator: ['machitieu', 'indicator', 'indicatorcode'],
  unit: ['madonvi', 'maxa', 'maphuongxa', 'madiaban', 'unit', 'unitcode', 'orgunit', 'orgunitcode'],
  period: ['ky', 'kybaocao', 'period', 'periodcode'],
  value: ['giatri', 'value'],
  comment: ['ghichu', 'comment', 'comments', 'note', 'notes'],
};

export const ROLE_LABELS: Record<ColumnRole, string> = {
  indicator: 'indicator code (Mã chỉ tiêu)',
  unit: 'unit code (Mã đơn vị)',
  period: 'period (Kỳ)',
  value: 'value (Giá trị)',
  comment: 'comment (Ghi chú)',
};

// Columns people keep for their own reading; in the wide layout they must not pass for indicator codes.
const IGNORED = new Set(['stt', 'tt', 'no', 'ten', 'name', 'tendonvi', 'tenxa', 'unitname', 'tenchitieu', 'donvitinh']);

/** `POP_COV_4G` or `POP_COV_4G (Phủ sóng 4G, %)`. */
const INDICATOR_HEADER = /^([A-Z][A-Z0-9_]*)(?:\s*\(.*\))?$/;

/** The role a header names, ignoring case, diacritics, spaces and a trailing ` (…)` explanation. */
export function headerRole(header: string): ColumnRole | null {
  const candidates = [foldText(header), foldText(header.replace(/\s*\(.*\)\s*$/, ''))];
  for (const role of Object.keys(ALIASES) as ColumnRole[]) {
    if (candidates.some((c) => c !== '' && ALIASES[role].includes(c))) return role;
  }
  return null;
}

/** The indicator code a wide-layout header names, or null. */
export function indicatorCodeOf(header: string): string | null {
  const match = INDICATOR_HEADER.exec(header.trim());
  if (!match || IGNORED.has(foldText(match[1]!))) return null;
  return match[1]!;
}

export interface MapColumnsOptions {
  file: string;
  sheet?: string | null;
  /** The period for a wide file without a period column (or with blank period cells). */
  period?: string | null;
}

/** Recognises the layout and where each column is; throws Invalid naming missing or doubled columns. */
export function mapColumns(header: readonly string[], options: MapColumnsOptions): ColumnMapping {
  const where = options.sheet ? `${options.file}, sheet "${options.sheet}"` : options.file;
  const fail = (message: string): never => {
    throw new Invalid('intake.columns', `${where}: ${message}`, [{ path: where, message }]);
  };
  if (options.period != null && !isPeriodCode(options.period)) {
    fail(`"${options.period}" is not a period: use 2025, 2025Q3 or 2025-09`);
  }

  const found = new Map<ColumnRole, number>();
  const wide: { column: number; code: string }[] = [];
  header.forEach((text, column) => {
    const role = headerRole(text);
    if (role) {
      const first = found.get(role);
      if (first !== undefined) fail(`columns "${header[first]}" and "${text}" both hold the ${ROLE_LABELS[role]}`);
      found.set(role, column);
      return;
    }
    const code = indicatorCodeOf(text);
    if (!code) return;
    const twin = wide.find((w) => w.code === code);
    if (twin) fail(`columns "${header[twin.column]}" and "${text}" are both for indicator ${code}`);
    wide.push({ column, code });
  });

  const missing = (roles: ColumnRole[]) => roles.filter((r) => !found.has(r));
  const listFound = () =>
    header
      .filter((h) => h.trim() !== '')
      .map((h) => `"${h}"`)
      .join(', ') || 'none';

  if (!found.has('value') && !found.has('indicator') && wide.length > 0) {
    if (!found.has('unit')) fail(`missing column ${ROLE_LABELS.unit}; columns found: ${listFound()}`);
    if (!found.has('period') && options.period == null) {
      fail(`no period: add a ${ROLE_LABELS.period} column or choose the period when uploading`);
    }
    return {
      layout: 'wide',
      unit: found.get('unit')!,
      period: found.get('period') ?? null,
      defaultPeriod: options.period ?? null,
      comment: found.get('comment') ?? null,
      indicators: wide,
    };
  }

  const absent = missing(['indicator', 'unit', 'period', 'value']);
  if (absent.length > 0) {
    fail(
      `missing column${absent.length > 1 ? 's' : ''} ${absent.map((r) => ROLE_LABELS[r]).join(', ')}; columns found: ${listFound()}`,
    );
  }
  return {
    layout: 'long',
    indicator: found.get('indicator')!,
    unit: found.get('unit')!,
    period: found.get('period')!,
    value: found.get('value')!,
    comment: found.get('comment') ?? null,
  };
}
