/** The preview's lines as the diff table shows them: each value of the file, and each problem, in file order. */
import type { DiffRow, ImportReport, ImportRowError } from '../../api/types.js';

export type LineStatus = 'new' | 'changed' | 'unchanged' | 'error' | 'warning';
export const LINE_STATUSES: readonly LineStatus[] = ['new', 'changed', 'unchanged', 'error', 'warning'];

export interface DiffLine {
  id: string;
  status: LineStatus;
  row: number;
  column: string;
  indicator: string;
  unit: string;
  period: string;
  oldValue: number | null;
  newValue: number | null;
  commentChanged: boolean;
  /** The problem of an error or warning line. */
  problem: ImportRowError | null;
}

const ORDER: Record<LineStatus, number> = { error: 0, warning: 1, changed: 2, new: 3, unchanged: 4 };

function valueLine(line: DiffRow, index: number): DiffLine {
  return {
    id: `${line.status}:${index}`,
    status: line.status,
    row: line.row,
    column: line.column,
    indicator: line.indicator,
    unit: line.unit,
    period: line.period,
    oldValue: line.oldValue,
    newValue: line.newValue,
    commentChanged: line.status === 'changed' && line.oldComment !== line.newComment,
    problem: null,
  };
}

const text = (value: string | number | undefined) => (value === undefined ? '' : String(value));

function problemLine(problem: ImportRowError, status: 'error' | 'warning', index: number): DiffLine {
  return {
    id: `${status}:${index}`,
    status,
    row: problem.row,
    column: problem.column,
    indicator: text(problem.params?.indicator) || (problem.field === 'indicator' ? problem.value : ''),
    unit: text(problem.params?.unit) || (problem.field === 'unit' ? problem.value : ''),
    period: text(problem.params?.period) || (problem.field === 'period' ? problem.value : ''),
    oldValue: null,
    newValue: null,
    commentChanged: false,
    problem,
  };
}

/** Every line of a preview, by row; within a row, problems first so they are seen next to their values. */
export function diffLines(report: ImportReport): DiffLine[] {
  const lines = [
    ...report.errors.map((e, i) => problemLine(e, 'error', i)),
    ...report.warnings.map((w, i) => problemLine(w, 'warning', i)),
    ...report.diff.changed.map(valueLine),
    ...report.diff.new.map(valueLine),
    ...report.diff.unchanged.map(valueLine),
  ];
  return lines.sort((a, b) => a.row - b.row || ORDER[a.status] - ORDER[b.status]);
}

/** How many lines of each kind the whole file has (the lists are capped; the counts are not). */
export function lineCounts(report: ImportReport): Record<LineStatus, number> {
  return {
    new: report.changes?.inserted ?? report.diff.new.length,
    changed: report.changes?.updated ?? report.diff.changed.length,
    unchanged: report.changes?.unchanged ?? report.diff.unchanged.length,
    error: report.errorCount,
    warning: report.warnings.length,
  };
}

/** True when some kind has more lines than the preview lists. */
export function isCapped(report: ImportReport): boolean {
  const counts = lineCounts(report);
  return (
    counts.new > report.diff.new.length ||
    counts.changed > report.diff.changed.length ||
    counts.unchanged > report.diff.unchanged.length ||
    counts.error > report.errors.length
  );
}
