import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { loadCatalogue } from '../db/catalogue.js';
import { insertImportBatch } from '../db/import-batches.js';
import type { ImportReport } from '../intake/import-report.js';
import type { WriteContext } from '../db/audit-log.js';
import type { Actor } from '../domain/auth/actor.js';
import { writeValuesAs } from './write-values.js';
import { readUploadedTable } from '../intake/read-table.js';
import { mapColumns } from '../intake/columns.js';
import { checkRows, formatRowError, type ImportRow, type RowError } from '../intake/check-rows.js';
import type { NumberLocale } from '../intake/parse-number.js';
import { Conflict, DomainError, Invalid } from '../domain/errors.js';

export interface ImportOptions {
  /** The period of a wide file (one column per indicator) without a period column. */
  period?: string | null;
  locale?: NumberLocale | 'auto';
  mode: 'preview' | 'commit';
  /** Replace stored values of another period type that the file's values overlap. */
  replaceOverlapping?: boolean;
  /** Aborted when the client has gone away: the import stops and leaves nothing. */
  signal?: AbortSignal | undefined;
}

export type { ImportReport } from '../intake/import-report.js';

const locationOf = (e: RowError) =>
  [e.file, e.sheet ? `sheet "${e.sheet}"` : null, `row ${e.row}`, e.column ? `column "${e.column}"` : null]
    .filter(Boolean)
    .join(', ');

/** Re-raises a refusal of some values (locked, overlapping) with the file's row numbers instead of batch positions. */
function withRowNumbers(error: unknown, rows: readonly ImportRow[], file: string): unknown {
  if (!(error instanceof DomainError) || !['value.locked', 'value.overlap'].includes(error.code)) return error;
  const details = (error.details ?? []).map((detail) => {
    const row = rows[Number(/\d+/.exec(detail.path)?.[0] ?? -1)];
    return { path: row ? `${file} row ${row.rowNumber}` : file, message: detail.message };
  });
  if (error.code === 'value.overlap')
    return new Conflict(
      'value.overlap',
      `${file}: ${details.length} value(s) overlap stored values of another period type; nothing was imported. ${details[0]?.message ?? ''}`,
      details,
    );
  return new Conflict(
    'import.locked',
    `${file}: ${details.length} value(s) are locked by an approval; nothing was imported. ${details[0]?.message ?? ''}`,
    details,
  );
}

/**
 * Reads a CSV or XLSX upload and checks every row. A preview reports every bad row and what the file
 * would change; a commit writes the whole file in one transaction, or nothing when any row is bad.
 */
export async function importFile(
  db: Database,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions,
  context: WriteContext,
): Promise<ImportReport> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const table = await readUploadedTable(file);
  const mapping = mapColumns(table.header, { file: table.file, sheet: table.sheet, period: options.period ?? null });
  const catalogue = await loadCatalogue(db);
  const checked = checkRows(table, mapping, catalogue, options.locale ?? 'auto');
  const errors = checked.ok ? [] : checked.errors.map((e) => ({ ...e, message: formatRowError(e) }));
  const report: ImportReport = {
    file: file.name,
    sha256,
    format: table.format,
    sheet: table.sheet,
    rowsRead: table.rows.length,
    valuesFound: checked.rows.length,
    errors,
    changes: null,
    committed: false,
    batchId: null,
  };
  if (errors.length > 0) {
    if (options.mode === 'preview') return report;
    throw new Invalid(
      'import.rows',
      `${file.name}: ${errors.length} problem(s); nothing was imported. First: ${errors[0]!.message}`,
      errors.map((e) => ({ ...e, path: locationOf(e), message: e.reason })),
    );
  }
  const changes = checked.rows.map((row) => ({
    indicator: catalogue.indicators.get(row.indicator)!,
    unit: catalogue.units.get(row.unit)!,
    period: row.period,
    value: row.value,
    comment: row.comment,
  }));
  const importContext = {
    ...context,
    source: 'import',
    reason: context.reason ?? `import of ${file.name} (sha256 ${sha256.slice(0, 12)})`,
  };
  try {
    // A preview runs the whole write, then rolls it back: what it reports is what a commit would do.
    return await writeValuesAs(
      db,
      actor,
      changes,
      importContext,
      {
        action: 'value.import',
        dryRun: options.mode === 'preview',
        replaceOverlapping: options.replaceOverlapping ?? false,
      },
      async (tx, write) => {
        const summary = await write();
        if (options.mode === 'preview') return { ...report, changes: summary };
        const batchId = await insertImportBatch(tx, {
          fileName: file.name,
          sha256,
          rowCount: checked.rows.length,
          summary,
          importedBy: context.actor,
          requestId: context.requestId,
        });
        return { ...report, changes: summary, committed: true, batchId };
      },
    );
  } catch (error) {
    throw withRowNumbers(error, checked.rows, file.name);
  }
}
