import type { Period } from '../src/domain/periods.js';
import type { LoadedDataset } from './load-dataset.js';
import { monthNumber, monthsFrom, valueOf, type CommuneSpec } from './national-dataset.js';
import type { IndicatorSpec } from './indicator-specs.js';

export interface ImportCell {
  spec: IndicatorSpec;
  /** Position of the indicator in the dataset (the key of its synthetic values). */
  i: number;
  commune: CommuneSpec;
  month: Period;
  value: number;
}

/**
 * The first `rows` values from `firstMonth` on, as a province would report them: month by month,
 * every indicator for every commune. All of them new (months after the loaded ones), so inserts.
 */
export function importCells(loaded: LoadedDataset, firstMonth: Period, rows: number): ImportCell[] {
  const { communes, indicators } = loaded.dataset;
  const perMonth = communes.length * indicators.length;
  const cells: ImportCell[] = [];
  for (const month of monthsFrom(firstMonth, Math.ceil(rows / perMonth))) {
    const t = monthNumber(month);
    for (const [i, spec] of indicators.entries()) {
      for (const commune of communes) {
        if (cells.length === rows) return cells;
        cells.push({ spec, i, commune, month, value: valueOf(spec, i, commune, t) });
      }
    }
  }
  return cells;
}

/** The long layout of the app's import template: indicator, unit, period, value. */
export function toCsv(cells: readonly ImportCell[]): Uint8Array {
  const lines = ['indicator,unit,period,value'];
  for (const c of cells) lines.push(`${c.spec.code},${c.commune.code},${c.month.code},${c.value}`);
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The same values resolved to ids, as COPY text lines, into `periodIds` (the reference's own months). */
export function toCopyText(
  cells: readonly ImportCell[],
  loaded: LoadedDataset,
  periodOf: (month: Period) => number,
): string {
  let text = '';
  for (const c of cells) {
    text += `${loaded.indicatorIds.get(c.spec.code)!}\t${loaded.unitIds.get(c.commune.code)!}\t${periodOf(c.month)}\t${c.value}\timport\tbench\n`;
  }
  return text;
}

export const periodSpan = (cells: readonly ImportCell[]) => `${cells[0]!.month.code}…${cells.at(-1)!.month.code}`;
