import type { Queryable } from './database.js';
import type { WriteSummary } from '../intake/import-report.js';

/** Records a committed file import; returns its id. */
export async function insertImportBatch(
  tx: Queryable,
  batch: {
    fileName: string;
    sha256: string;
    rowCount: number;
    summary: WriteSummary;
    importedBy: string;
    requestId: string | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into import_batch (file_name, sha256, row_count, inserted, updated, unchanged, imported_by, request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      batch.fileName,
      batch.sha256,
      batch.rowCount,
      batch.summary.inserted,
      batch.summary.updated,
      batch.summary.unchanged,
      batch.importedBy,
      batch.requestId,
    ],
  );
  return row!.id;
}
