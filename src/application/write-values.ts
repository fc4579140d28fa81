import type { Database, Queryable } from '../db/database.js';
import { loadCatalogue, type Catalogue } from '../db/catalogue.js';
import { writeValues, type ValueChange, type WriteOptions, type WriteSummary } from '../db/value-writes.js';
import type { WriteContext } from '../db/audit-log.js';
import type { Actor } from '../domain/auth/actor.js';
import { Invalid, type FieldError } from '../domain/errors.js';
import { parsePeriod } from '../domain/periods.js';
import { requireParty, requireUnits } from './authorize.js';
import { transactionAs } from './transaction-as.js';

/** A value as a request names it: codes, not ids. */
export interface ValueEntry {
  indicator: string;
  unit: string;
  period: string;
  value: number | null;
  comment?: string | null | undefined;
  /** The version the client read (If-Match); 0: it expects no stored value. */
  version?: number | undefined;
}

/** Resolves a batch's codes, reporting every unknown code with its position (`at[i].field`). */
export function resolveEntries(catalogue: Catalogue, entries: readonly ValueEntry[], at: string): ValueChange[] {
  const errors: FieldError[] = [];
  const changes: ValueChange[] = [];
  entries.forEach((entry, i) => {
    const indicator = catalogue.indicators.get(entry.indicator);
    const unit = catalogue.units.get(entry.unit);
    if (!indicator) errors.push({ path: `${at}[${i}].indicator`, message: `unknown indicator "${entry.indicator}"` });
    if (!unit) errors.push({ path: `${at}[${i}].unit`, message: `unknown unit "${entry.unit}"` });
    if (indicator && unit)
      changes.push({
        indicator,
        unit,
        period: parsePeriod(entry.period).code,
        value: entry.value,
        comment: entry.comment ?? null,
        ...(entry.version !== undefined ? { expectedVersion: entry.version } : {}),
      });
  });
  if (errors.length > 0)
    throw new Invalid('value.unknown_code', `${errors.length} unknown code(s): ${errors[0]!.message}`, errors);
  return changes;
}

export interface ValueWriteOptions extends WriteOptions {
  /** `value.write` for one value in a form, `value.import` for batches and files. */
  action: 'value.write' | 'value.import';
  /** Check and compute everything, then roll back: a preview or a dry run. */
  dryRun?: boolean;
}

/**
 * Checks that the actor may write every value (the action, the units, the party's indicators), then writes them
 * in one transaction under row-level security. `inside` runs extra work in the same transaction (an idempotency
 * record, an import batch row).
 */
export async function writeValuesAs<T = WriteSummary>(
  db: Database,
  actor: Actor,
  changes: readonly ValueChange[],
  context: WriteContext,
  options: ValueWriteOptions,
  inside?: (tx: Queryable, write: () => Promise<WriteSummary>) => Promise<T>,
): Promise<T> {
  await requireUnits(
    db,
    actor,
    options.action,
    changes.map((c) => c.unit),
  );
  requireParty(
    actor,
    changes.map((c) => c.indicator),
  );
  const writeOptions = { replaceOverlapping: options.replaceOverlapping ?? false, signal: options.signal };
  return transactionAs(
    db,
    actor,
    async (tx) => {
      const write = () => writeValues(tx, changes, context, writeOptions);
      return inside ? inside(tx, write) : ((await write()) as T);
    },
    { rollback: options.dryRun ?? false },
  );
}

/** Convenience for routes: the catalogue, the codes resolved, then writeValuesAs. */
export async function writeEntriesAs(
  db: Database,
  actor: Actor,
  entries: readonly ValueEntry[],
  context: WriteContext,
  options: ValueWriteOptions & { at: string },
): Promise<WriteSummary> {
  const changes = resolveEntries(await loadCatalogue(db), entries, options.at);
  return writeValuesAs(db, actor, changes, context, options);
}
