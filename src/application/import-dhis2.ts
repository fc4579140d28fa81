import type { Database } from '../db/database.js';
import { loadCatalogue } from '../db/catalogue.js';
import { loadMappingTables } from '../db/dhis2-mappings.js';
import type { ValueChange, WriteSummary } from '../db/value-writes.js';
import type { WriteContext } from '../db/audit-log.js';
import type { Actor } from '../domain/auth/actor.js';
import { readDataValueSet, type Dhis2Conflict, type Dhis2DataValueSet } from '../domain/dhis2/data-value-set.js';
import { valueChangeErrors } from '../domain/indicators/value-change.js';
import { DomainError } from '../domain/errors.js';
import { writeValuesAs } from './write-values.js';

export type Dhis2ImportResult = { ok: true; counts: WriteSummary } | { ok: false; conflicts: Dhis2Conflict[] };

/** DHIS2's conflict codes for refusals of ours that DHIS2 has an equivalent for. */
const DHIS2_ERROR_CODES: Partial<Record<DomainError['code'], string>> = {
  'value.locked': 'E7641', // period locked by an approval
  'value.overlap': 'E7619', // not a valid value for the period
  'auth.unit_scope': 'E7617', // org unit not in the user's hierarchy
  'auth.party_scope': 'E7610', // data element not assigned to the user
};

/**
 * Imports a DHIS2 data value set on behalf of an actor, all or nothing: ids are translated through the mapping
 * table; any conflict (unknown id, bad value, locked or overlapping period, a unit or indicator outside the
 * actor's) imports nothing and is reported as DHIS2 reports conflicts. A dry run rolls back.
 */
export async function importDataValueSet(
  db: Database,
  actor: Actor,
  payload: Dhis2DataValueSet,
  options: { dryRun: boolean; replaceOverlapping: boolean; signal?: AbortSignal | undefined },
  context: WriteContext,
): Promise<Dhis2ImportResult> {
  const catalogue = await loadCatalogue(db);
  const tables = await loadMappingTables(db);
  const { entries, conflicts } = readDataValueSet(payload, {
    ...tables,
    hasIndicator: (code) => catalogue.indicators.has(code),
    hasUnit: (code) => catalogue.units.has(code),
  });
  const changes: ValueChange[] = [];
  for (const entry of entries) {
    const change = {
      indicator: catalogue.indicators.get(entry.indicator)!,
      unit: catalogue.units.get(entry.unit)!,
      period: entry.period,
      value: entry.value,
      comment: entry.comment,
    };
    for (const error of valueChangeErrors(change, change.value, `dataValues[${entry.index}]`))
      conflicts.push({
        object: payload.dataValues[entry.index]!.dataElement,
        value: error.message,
        errorCode: 'E7619',
        indexes: [entry.index],
      });
    changes.push(change);
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  try {
    const counts = await writeValuesAs(db, actor, changes, context, {
      action: 'value.import',
      dryRun: options.dryRun,
      replaceOverlapping: options.replaceOverlapping,
      signal: options.signal,
    });
    return { ok: true, counts };
  } catch (error) {
    const errorCode = error instanceof DomainError ? DHIS2_ERROR_CODES[error.code] : undefined;
    if (!errorCode || !(error instanceof DomainError)) throw error;
    const details = error.details?.length ? error.details : [{ path: '', message: error.message }];
    return {
      ok: false,
      conflicts: details.map((d) => {
        const index = /values\[(\d+)\]/.exec(d.path)?.[1];
        const entry = index === undefined ? undefined : entries[Number(index)];
        return {
          object: entry ? payload.dataValues[entry.index]!.dataElement : d.path,
          value: d.message,
          errorCode,
          indexes: entry ? [entry.index] : [],
        };
      }),
    };
  }
}
