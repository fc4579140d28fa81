import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../db/database.js';
import { loadCatalogue, type Catalogue } from '../db/catalogue.js';
import { insertImportBatch } from '../db/import-batches.js';
import { lockWriters, type WriteContext } from '../db/audit-log.js';
import { approvedAbove } from '../db/approvals.js';
import { findStoredValues, type ValueKey } from '../db/stored-values.js';
import { listValidationRules } from '../db/validation-rules.js';
import { writeValues, type ValueChange } from '../db/value-writes.js';
import {
  DIFF_ROW_LIMIT,
  ERROR_ROW_LIMIT,
  type DiffRow,
  type ImportReport,
  type ImportRowError,
  type WriteSummary,
} from '../intake/import-report.js';
import type { Actor } from '../domain/auth/actor.js';
import { lockingApproval } from '../domain/approval/approval-workflow.js';
import type { Language } from '../domain/messages/language.js';
import { parsePeriod } from '../domain/periods.js';
import { readUploadedTable } from '../intake/read-table.js';
import { mapColumns } from '../intake/columns.js';
import { checkRows, formatRowError, type ImportRow, type RowError } from '../intake/check-rows.js';
import { classifyRows, lockedChanges, valueKey, type Lock } from '../intake/classify-rows.js';
import { checkCrossRules, ruleReferences } from '../intake/check-cross-rules.js';
import type { NumberLocale } from '../intake/parse-number.js';
import { Conflict, DomainError, Invalid } from '../domain/errors.js';
import { requireParty, requireUnits } from './authorize.js';
import { transactionAs } from './transaction-as.js';

export interface ImportOptions {
  /** The period of a wide file (one column per indicator) without a period column. */
  period?: string | null;
  locale?: NumberLocale | 'auto';
  mode: 'preview' | 'commit';
  /** Replace stored values of another period type that the file's values overlap. */
  replaceOverlapping?: boolean;
  /** Aborted when the client has gone away: the import stops and leaves nothing. */
  signal?: AbortSignal | undefined;
  /** The language of each row error's `message` (its code and parameters serve any other). */
  language?: Language;
}

export type { ImportReport } from '../intake/import-report.js';

const locationOf = (e: RowError) =>
  [e.file, e.sheet ? `sheet "${e.sheet}"` : null, `row ${e.row}`, e.column ? `column "${e.column}"` : null]
    .filter(Boolean)
    .join(', ');

/** Re-raises a refusal of some values (overlapping, out of bounds) with the file's row numbers instead of batch positions. */
function withRowNumbers(error: unknown, rows: readonly ImportRow[], file: string): unknown {
  if (!(error instanceof DomainError) || !['value.overlap', 'value.invalid'].includes(error.code)) return error;
  const details = (error.details ?? []).map((detail) => {
    const row = rows[Number(/\d+/.exec(detail.path)?.[0] ?? -1)];
    return { path: row ? `${file} row ${row.rowNumber}` : file, message: detail.message };
  });
  if (error.code === 'value.invalid')
    return new Invalid('value.invalid', `${file}: ${error.message}; nothing was imported`, details);
  return new Conflict(
    'value.overlap',
    `${file}: ${details.length} value(s) overlap stored values of another period type; nothing was imported. ${details[0]?.message ?? ''}`,
    details,
  );
}

/** The stored values a check of `rows` needs: their own, and those of the indicators a rule reads beside them. */
function neededKeys(rows: readonly ImportRow[], referenced: ReadonlySet<string>, catalogue: Catalogue): ValueKey[] {
  const keys = new Map<string, ValueKey>();
  const add = (key: ValueKey) => keys.set(valueKey(key.indicator, key.unit, key.period), key);
  const slots = new Map<string, ImportRow>();
  for (const row of rows) {
    add(row);
    if (referenced.has(row.indicator)) slots.set(`${row.unit}\u0000${row.period}`, row);
  }
  const stored = [...referenced].filter((code) => catalogue.indicators.get(code)?.formula === null);
  for (const { unit, period } of slots.values()) for (const indicator of stored) add({ indicator, unit, period });
  return [...keys.values()];
}

/** The first `limit` lines of each kind, in file order. */
function capDiff(diff: readonly DiffRow[], limit: number): ImportReport['diff'] {
  const capped: ImportReport['diff'] = { new: [], changed: [], unchanged: [] };
  for (const line of diff) if (capped[line.status].length < limit) capped[line.status].push(line);
  return capped;
}

function summarise(diff: readonly DiffRow[]): WriteSummary {
  const count = (status: DiffRow['status']) => diff.filter((line) => line.status === status).length;
  return { inserted: count('new'), updated: count('changed'), deleted: 0, unchanged: count('unchanged') };
}

const byPlace = (a: RowError, b: RowError) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row;

/**
 * Reads a CSV or XLSX upload, checks every row, and compares each value with the stored one (new, changed,
 * unchanged). Changes to approved periods and high-importance rule failures (on the file's values merged with the
 * stored ones) are row errors too. A preview reports all of it; a commit writes the new and changed values in one
 * transaction, or nothing when any row is bad.
 */
export async function importFile(
  db: Database,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions,
  context: WriteContext,
): Promise<ImportReport> {
  const language = options.language ?? 'en';
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const table = await readUploadedTable(file);
  const mapping = mapColumns(table.header, { file: table.file, sheet: table.sheet, period: options.period ?? null });
  const catalogue = await loadCatalogue(db);
  const checked = checkRows(table, mapping, catalogue, options.locale ?? 'auto');
  const rows = checked.rows;
  const units = [...new Set(rows.map((row) => row.unit))].map((code) => catalogue.units.get(code)!);
  await requireUnits(db, actor, 'value.import', units);
  requireParty(
    actor,
    [...new Set(rows.map((row) => row.indicator))].map((code) => catalogue.indicators.get(code)!),
  );
  const site = { file: table.file, sheet: table.sheet };
  const localise = (e: RowError): ImportRowError => ({
    ...e,
    code: e.code!,
    params: e.params ?? {},
    message: formatRowError(e, language),
  });

  // Stored values, approvals and the write are read and done under one lock: what the preview compares against
  // stays true until the commit's transaction ends.
  const work = async (tx: Queryable): Promise<ImportReport> => {
    await lockWriters(tx);
    const rules = await listValidationRules(tx);
    const stored = new Map(
      (await findStoredValues(tx, neededKeys(rows, ruleReferences(rules), catalogue))).map((v) => [
        valueKey(v.indicator, v.unit, v.period),
        v,
      ]),
    );
    const diff = classifyRows(rows, stored);
    const approvals = await approvedAbove(
      tx,
      units.map((u) => u.id),
    );
    const lockOf = (unit: string, period: string): Lock | null => {
      const lock = lockingApproval(approvals.get(catalogue.units.get(unit)!.id) ?? [], parsePeriod(period));
      return lock ? { lockUnit: lock.unitCode, lockPeriod: lock.period.code } : null;
    };
    const storedValue = (indicator: string, unit: string, period: string) =>
      stored.get(valueKey(indicator, unit, period))?.value ?? null;
    const rulesFound = checkCrossRules(site, rows, diff, rules, storedValue);
    const errors = [...(checked.ok ? [] : checked.errors), ...lockedChanges(site, rows, diff, lockOf)]
      .concat(rulesFound.errors)
      .sort(byPlace);
    const report: ImportReport = {
      file: file.name,
      sha256,
      format: table.format,
      sheet: table.sheet,
      rowsRead: table.rows.length,
      valuesFound: rows.length,
      errors: errors.slice(0, ERROR_ROW_LIMIT).map(localise),
      errorCount: errors.length,
      warnings: rulesFound.warnings.slice(0, ERROR_ROW_LIMIT).map(localise),
      changes: summarise(diff),
      diff: capDiff(diff, DIFF_ROW_LIMIT),
      committed: false,
      batchId: null,
    };
    if (errors.length > 0) {
      if (options.mode === 'preview') return report;
      const first = formatRowError(errors[0]!, language);
      throw new Invalid(
        'import.rows',
        `${file.name}: ${errors.length} problem(s); nothing was imported. First: ${formatRowError(errors[0]!)}`,
        errors.map((e) => ({ ...localise(e), path: locationOf(e), message: localise(e).message })),
        { file: file.name, count: errors.length, first },
      );
    }

    // Unchanged values are not written: they need no audit record, and an approval does not stop them.
    const written = rows.filter((_, i) => diff[i]!.status !== 'unchanged');
    const changes: ValueChange[] = written.map((row) => ({
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
    let summary: WriteSummary;
    try {
      summary = await writeValues(tx, changes, importContext, {
        replaceOverlapping: options.replaceOverlapping ?? false,
        signal: options.signal,
      });
    } catch (error) {
      throw withRowNumbers(error, written, file.name);
    }
    summary = { ...summary, unchanged: summary.unchanged + (rows.length - written.length) };
    if (options.mode === 'preview') return { ...report, changes: summary };
    const batchId = await insertImportBatch(tx, {
      fileName: file.name,
      sha256,
      rowCount: rows.length,
      summary,
      importedBy: context.actor,
      requestId: context.requestId,
    });
    return { ...report, changes: summary, committed: true, batchId };
  };
  // A preview runs the whole write, then rolls it back: what it reports is what a commit would do.
  return transactionAs(db, actor, work, { rollback: options.mode === 'preview' });
}
