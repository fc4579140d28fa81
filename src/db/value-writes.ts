import type { Queryable } from './database.js';
import type { Indicator } from './indicators.js';
import { ensurePeriodRows } from './periods.js';
import { copyRow } from './copy-text.js';
import type { WriteSummary } from '../intake/import-report.js';
import { appendAudit, lockWriters, type NewAuditEntry, type WriteContext } from './audit-log.js';
import { approvedAbove } from './approvals.js';
import { valueChangeErrors } from '../domain/indicators/value-change.js';
import { describeOverlap, findOverlaps, type ValueSlot } from '../domain/indicators/period-overlap.js';
import { lockingApproval } from '../domain/approval/approval-workflow.js';
import { parsePeriod, type Period } from '../domain/periods.js';
import { Conflict, Invalid, PreconditionFailed, type FieldError } from '../domain/errors.js';

export interface UnitRef {
  id: number;
  code: string;
  level: 'nation' | 'province' | 'commune';
}

export interface ValueChange {
  indicator: Indicator;
  unit: UnitRef;
  period: string;
  /** null deletes the stored value. */
  value: number | null;
  comment?: string | null;
  /**
   * The version the writer read (If-Match): the change is refused when the stored one differs. 0 means "not
   * stored yet". Absent: no check.
   */
  expectedVersion?: number | undefined;
}

export interface WriteOptions {
  /**
   * Replace stored values of another period type that overlap an incoming one (2025Q3 replaces 2025-07…09);
   * without it such a write is refused, naming both.
   */
  replaceOverlapping?: boolean;
  /**
   * For the coverage engine's computed indicators only: a model run's output, with its provenance, is not
   * reported data, and an approval of the reported figures does not freeze it.
   */
  computedOutput?: boolean;
  /** Stops between chunks (the transaction then rolls back) when the client that asked has gone away. */
  signal?: AbortSignal | undefined;
}

/** What a stale write answers with: the value as stored now, and who changed it. */
import type { CurrentValue } from '../domain/values-contract.js';

export type { CurrentValue };

export type { WriteSummary } from '../intake/import-report.js';

const CHUNK = 10_000;

/** A change with its period's id and its key, as the batch will apply it. */
interface Pending {
  change: ValueChange;
  periodId: number;
  key: string;
  /** Position in the batch, for error paths. */
  index: number;
}

const VALUE_COLUMNS = ['indicator_id', 'org_unit_id', 'period_id', 'value', 'comment', 'source', 'updated_by'];

const keyOf = (i: number, u: number, p: number) => `${i}:${u}:${p}`;

interface StoredOverlap {
  indicatorId: number;
  unitId: number;
  periodId: number;
  period: string;
  value: number;
  comment: string | null;
}

/**
 * Stored values of the batch's indicators and units at another period type whose period overlaps one of the
 * batch's: first the few periods that can overlap, then those values by primary key.
 */
async function storedOverlaps(tx: Queryable, wanted: readonly Pending[]): Promise<StoredOverlap[]> {
  const periods = [...new Map(wanted.map((w) => [w.change.period, parsePeriod(w.change.period)])).values()];
  const candidates = await tx.query<{ id: number; code: string }>(
    `select distinct p.id, p.code from period p
     join unnest($1::date[], $2::date[], $3::text[]) as b(starts, ends, type)
       on p.start_date <= b.ends and p.end_date >= b.starts and p.period_type <> b.type`,
    [periods.map((p) => p.startDate), periods.map((p) => p.endDate), periods.map((p) => p.type)],
  );
  if (candidates.length === 0) return [];
  const pairs = [...new Map(wanted.map((w) => [`${w.change.indicator.id}:${w.change.unit.id}`, w])).values()];
  const found: StoredOverlap[] = [];
  for (let start = 0; start < pairs.length; start += CHUNK) {
    const chunk = pairs.slice(start, start + CHUNK);
    found.push(
      ...(await tx.query<StoredOverlap>(
        `select v.indicator_id as "indicatorId", v.org_unit_id as "unitId", v.period_id as "periodId", p.code as period,
                v.value, v.comment
         from unnest($1::int[], $2::int[]) as k(i, u)
         join indicator_value v on v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = any($3::int[])
         join period p on p.id = v.period_id`,
        [chunk.map((w) => w.change.indicator.id), chunk.map((w) => w.change.unit.id), candidates.map((c) => c.id)],
      )),
    );
  }
  return found;
}

/** Refuses the batch when a value, or a stored value it would replace, lies in an approved period. */
async function refuseLocked(
  tx: Queryable,
  items: readonly { unit: UnitRef; period: Period; what: string; at: string }[],
) {
  if (items.length === 0) return;
  const approvals = await approvedAbove(tx, [...new Set(items.map((item) => item.unit.id))]);
  if (approvals.size === 0) return;
  const locked: FieldError[] = [];
  for (const item of items) {
    const lock = lockingApproval(approvals.get(item.unit.id) ?? [], item.period);
    if (lock)
      locked.push({
        path: item.at,
        message: `${item.what} is locked: ${lock.unitCode} ${lock.period.code} is approved`,
      });
  }
  if (locked.length > 0)
    throw new Conflict(
      'value.locked',
      `${locked.length} value(s) are locked by an approval; reopen it first. ${locked[0]!.message}`,
      locked,
    );
}

/**
 * The one way values change: checks every change (type, bounds, level, formula), refuses the whole batch if a
 * value is locked by an approval, overlaps stored values of another period type (unless told to replace them)
 * or was changed since the writer read it, writes only what differs, and appends one audit record per change —
 * all inside the caller's transaction, so a batch lands whole or not at all.
 */
export async function writeValues(
  tx: Queryable,
  changes: readonly ValueChange[],
  context: WriteContext,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const summary: WriteSummary = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  if (changes.length === 0) return summary;

  const errors: FieldError[] = changes.flatMap((c, i) => valueChangeErrors(c, c.value, `values[${i}]`));
  if (errors.length > 0)
    throw new Invalid('value.invalid', `${errors.length} value(s) cannot be stored: ${errors[0]!.message}`, errors);

  // What is read below (stored values, versions, approvals) stays true until this transaction commits.
  await lockWriters(tx);
  const { ids: periodIds, created: newPeriods } = await ensurePeriodRows(
    tx,
    changes.map((c) => c.period),
  );

  // Last write wins within a batch, as it would have sequentially.
  const byKey = new Map<string, Pending>();
  changes.forEach((change, index) => {
    const periodId = periodIds.get(change.period)!;
    const key = keyOf(change.indicator.id, change.unit.id, periodId);
    byKey.set(key, { change, periodId, key, index });
  });
  const wanted = [...byKey.values()];

  // Values at two period types over the same months would be counted twice (flows) or hide each other (stocks).
  const overlapping = await storedOverlaps(tx, wanted);
  const slotOf = (w: Pending): ValueSlot => ({
    indicator: w.change.indicator.code,
    unit: w.change.unit.code,
    period: parsePeriod(w.change.period),
  });
  const codes = new Map(wanted.map((w) => [`${w.change.indicator.id}:${w.change.unit.id}`, w.change]));
  const overlaps = findOverlaps(
    wanted.filter((w) => w.change.value !== null).map(slotOf),
    options.replaceOverlapping
      ? []
      : overlapping.map((o) => {
          const change = codes.get(`${o.indicatorId}:${o.unitId}`)!;
          return { indicator: change.indicator.code, unit: change.unit.code, period: parsePeriod(o.period) };
        }),
  );
  if (overlaps.length > 0) {
    const entering = wanted.filter((w) => w.change.value !== null);
    const details = overlaps.map((o) => ({
      path: `values[${entering[o.index]!.index}]`,
      message: describeOverlap(o, entering[o.index]!.change.indicator.periodType),
    }));
    throw new Conflict(
      'value.overlap',
      `${details.length} value(s) overlap values of another period type; send them at one period type, or ask to replace the stored ones. ${details[0]!.message}`,
      details,
    );
  }
  // Asked to replace: the stored values of another type that an incoming value overlaps are deleted.
  const incomingByPair = new Map<string, Period[]>();
  for (const w of wanted) {
    if (w.change.value === null) continue;
    const pair = `${w.change.indicator.id}:${w.change.unit.id}`;
    incomingByPair.set(pair, [...(incomingByPair.get(pair) ?? []), parsePeriod(w.change.period)]);
  }
  const replaced = options.replaceOverlapping
    ? overlapping.filter((o) => {
        const stored = parsePeriod(o.period);
        return (incomingByPair.get(`${o.indicatorId}:${o.unitId}`) ?? []).some(
          (p) => p.type !== stored.type && p.startDate <= stored.endDate && stored.startDate <= p.endDate,
        );
      })
    : [];

  if (!options.computedOutput)
    await refuseLocked(tx, [
      ...wanted.map((w) => ({
        unit: w.change.unit,
        period: parsePeriod(w.change.period),
        what: `${w.change.indicator.code} for ${w.change.unit.code} in ${w.change.period}`,
        at: `values[${w.index}]`,
      })),
      ...replaced.map((o) => {
        const change = codes.get(`${o.indicatorId}:${o.unitId}`)!;
        return {
          unit: change.unit,
          period: parsePeriod(o.period),
          what: `the stored ${change.indicator.code} for ${change.unit.code} in ${o.period} (to be replaced)`,
          at: `values`,
        };
      }),
    ]);

  // What is stored now. A period this transaction created holds nothing yet (the usual monthly import).
  const old = new Map<string, StoredRow>();
  const toLookUp = newPeriods.size === 0 ? wanted : wanted.filter((w) => !newPeriods.has(w.change.period));
  for (let start = 0; start < toLookUp.length; start += CHUNK) {
    options.signal?.throwIfAborted();
    const chunk = toLookUp.slice(start, start + CHUNK);
    const existing = await tx.query<StoredRow & { i: number; u: number; p: number }>(
      `select v.indicator_id as i, v.org_unit_id as u, v.period_id as p, v.value, v.comment, v.version,
              v.updated_by as "updatedBy", to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
       from indicator_value v
       join unnest($1::int[], $2::int[], $3::int[]) as k(i, u, p) on v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = k.p`,
      [chunk.map((w) => w.change.indicator.id), chunk.map((w) => w.change.unit.id), chunk.map((w) => w.periodId)],
    );
    for (const row of existing) old.set(keyOf(row.i, row.u, row.p), row);
  }
  refuseStale(wanted, old);

  const upserts: Pending[] = [];
  const deletes: { indicatorId: number; unitId: number; periodId: number }[] = [];
  const audit: NewAuditEntry[] = [];
  for (const o of replaced) {
    const change = codes.get(`${o.indicatorId}:${o.unitId}`)!;
    deletes.push({ indicatorId: o.indicatorId, unitId: o.unitId, periodId: o.periodId });
    summary.deleted += 1;
    audit.push({
      action: 'value.delete',
      entity: 'indicator_value',
      entityKey: { indicator: change.indicator.code, unit: change.unit.code, period: o.period },
      oldValue: { value: o.value, comment: o.comment },
      newValue: { replacedBy: (incomingByPair.get(`${o.indicatorId}:${o.unitId}`) ?? []).map((p) => p.code) },
    });
  }
  for (const pending of wanted) {
    const { change } = pending;
    const before = old.get(pending.key);
    const entityKey = { indicator: change.indicator.code, unit: change.unit.code, period: change.period };
    const comment = change.comment ?? null;
    const oldValue = before ? { value: before.value, comment: before.comment } : null;
    if (change.value === null) {
      if (!before) {
        summary.unchanged += 1;
        continue;
      }
      deletes.push({ indicatorId: change.indicator.id, unitId: change.unit.id, periodId: pending.periodId });
      summary.deleted += 1;
      audit.push({ action: 'value.delete', entity: 'indicator_value', entityKey, oldValue, newValue: null });
      continue;
    }
    if (before && before.value === change.value && before.comment === comment) {
      summary.unchanged += 1;
      continue;
    }
    upserts.push(pending);
    if (before) summary.updated += 1;
    else summary.inserted += 1;
    audit.push({
      action: before ? 'value.update' : 'value.insert',
      entity: 'indicator_value',
      entityKey,
      oldValue,
      newValue: { value: change.value, comment },
    });
  }

  for (let start = 0; start < deletes.length; start += CHUNK) {
    const chunk = deletes.slice(start, start + CHUNK);
    await tx.query(
      `delete from indicator_value v using unnest($1::int[], $2::int[], $3::int[]) as k(i, u, p)
       where v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = k.p`,
      [chunk.map((d) => d.indicatorId), chunk.map((d) => d.unitId), chunk.map((d) => d.periodId)],
    );
  }
  // Values of periods this transaction created are all new: copied in. The rest are upserted.
  const fresh = newPeriods.size === 0 ? [] : upserts.filter((w) => newPeriods.has(w.change.period));
  const existingPeriods = fresh.length === 0 ? upserts : upserts.filter((w) => !newPeriods.has(w.change.period));
  for (let start = 0; start < fresh.length; start += CHUNK) {
    options.signal?.throwIfAborted();
    let rows = '';
    for (const w of fresh.slice(start, start + CHUNK)) {
      rows += copyRow([
        w.change.indicator.id,
        w.change.unit.id,
        w.periodId,
        w.change.value,
        w.change.comment ?? null,
        context.source,
        context.actor,
      ]);
    }
    // COPY cannot write a table with row-level security: rows go through a staging table, and the insert from it
    // is checked against the policies like any other.
    await tx.exec(
      'create temp table if not exists value_staging (like indicator_value including defaults) on commit delete rows',
    );
    await tx.copyIn('value_staging', VALUE_COLUMNS, rows);
    await tx.exec(`insert into indicator_value (${VALUE_COLUMNS.join(', ')}, version)
      select ${VALUE_COLUMNS.join(', ')}, version from value_staging;
      truncate value_staging`);
  }
  for (let start = 0; start < existingPeriods.length; start += CHUNK) {
    options.signal?.throwIfAborted();
    const chunk = existingPeriods.slice(start, start + CHUNK);
    await tx.query(
      `insert into indicator_value (indicator_id, org_unit_id, period_id, value, comment, source, updated_by)
       select k.i, k.u, k.p, k.v, k.c, $6::text, $7::text
       from unnest($1::int[], $2::int[], $3::int[], $4::float8[], $5::text[]) as k(i, u, p, v, c)
       on conflict (indicator_id, org_unit_id, period_id) do update
         set value = excluded.value, comment = excluded.comment, source = excluded.source,
             updated_by = excluded.updated_by, updated_at = now(), is_demo = false,
             version = nextval('row_version_seq')`,
      [
        chunk.map((w) => w.change.indicator.id),
        chunk.map((w) => w.change.unit.id),
        chunk.map((w) => w.periodId),
        chunk.map((w) => w.change.value),
        chunk.map((w) => w.change.comment ?? null),
        context.source,
        context.actor,
      ],
    );
  }
  options.signal?.throwIfAborted();
  await appendAudit(tx, context, audit);
  return summary;
}

interface StoredRow {
  value: number;
  comment: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** Refuses the batch when a change names a version that is no longer the stored one (a lost update). */
function refuseStale(wanted: readonly Pending[], old: ReadonlyMap<string, StoredRow>): void {
  for (const w of wanted) {
    if (w.change.expectedVersion === undefined) continue;
    const stored = old.get(w.key);
    if ((stored?.version ?? 0) === w.change.expectedVersion) continue;
    const current: CurrentValue = {
      indicator: w.change.indicator.code,
      unit: w.change.unit.code,
      period: w.change.period,
      value: stored?.value ?? null,
      comment: stored?.comment ?? null,
      version: stored?.version ?? 0,
      updatedBy: stored?.updatedBy ?? null,
      updatedAt: stored?.updatedAt ?? null,
    };
    const what = `${current.indicator} for ${current.unit} in ${current.period}`;
    throw new PreconditionFailed(
      'version.stale',
      stored
        ? `${what} was changed by ${stored.updatedBy} at ${stored.updatedAt} (now ${stored.value}); reload it and try again`
        : `${what} was deleted since you read it; reload it and try again`,
      current,
      [{ path: `values[${w.index}]`, message: 'changed since it was read' }],
      { indicator: current.indicator, unit: current.unit, period: current.period, by: current.updatedBy ?? '' },
    );
  }
}
