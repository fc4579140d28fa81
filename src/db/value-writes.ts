import type { Queryable } from './database.js';
import type { Indicator } from './indicators.js';
import { ensurePeriodRows } from './periods.js';
import { copyRow } from './copy-text.js';
import type { WriteSummary } from '../intake/import-report.js';
import { appendAudit, type NewAuditEntry, type WriteContext } from './audit-log.js';
import { valueChangeErrors } from '../domain/indicators/value-change.js';
import { parsePeriod } from '../domain/periods.js';
import { Conflict, Invalid, type FieldError } from '../domain/errors.js';

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
}

export type { WriteSummary } from '../intake/import-report.js';

const CHUNK = 10_000;

/** A change with its period's id and its key, as the batch will apply it. */
interface Pending {
  change: ValueChange;
  periodId: number;
  key: string;
}

const VALUE_COLUMNS = ['indicator_id', 'org_unit_id', 'period_id', 'value', 'comment', 'source', 'updated_by'];

const keyOf = (i: number, u: number, p: number) => `${i}:${u}:${p}`;

/** Approved (unit, period) pairs and every unit below each approved unit: what is locked. */
async function lockedRanges(tx: Queryable) {
  const rows = await tx.query<{
    unitId: number;
    approvedUnit: string;
    approvedPeriod: string;
    startDate: string;
    endDate: string;
  }>(
    `with recursive approved as (
       select a.org_unit_id, u.code as unit_code, p.code as period_code, p.start_date, p.end_date
       from approval a join period p on p.id = a.period_id join org_unit u on u.id = a.org_unit_id
       where a.status = 'approved'
     ), below as (
       select org_unit_id as id, unit_code, period_code, start_date, end_date from approved
       union all
       select u.id, b.unit_code, b.period_code, b.start_date, b.end_date from org_unit u join below b on u.parent_id = b.id
     )
     select id as "unitId", unit_code as "approvedUnit", period_code as "approvedPeriod",
            to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
     from below`,
  );
  const byUnit = new Map<number, typeof rows>();
  for (const row of rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
  return byUnit;
}

/**
 * The one way values change: checks every change (type, bounds, level, formula), refuses the whole
 * batch if any value is locked by an approval, writes only what differs, and appends one audit
 * record per change — all inside the caller's transaction, so a batch lands whole or not at all.
 */
export async function writeValues(
  tx: Queryable,
  changes: readonly ValueChange[],
  context: WriteContext,
): Promise<WriteSummary> {
  const summary: WriteSummary = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  if (changes.length === 0) return summary;

  const errors: FieldError[] = changes.flatMap((c, i) => valueChangeErrors(c, c.value, `values[${i}]`));
  if (errors.length > 0)
    throw new Invalid('value.invalid', `${errors.length} value(s) cannot be stored: ${errors[0]!.message}`, errors);

  const { ids: periodIds, created: newPeriods } = await ensurePeriodRows(
    tx,
    changes.map((c) => c.period),
  );
  const locks = await lockedRanges(tx);
  if (locks.size > 0) {
    const locked: FieldError[] = [];
    changes.forEach((change, i) => {
      const period = parsePeriod(change.period);
      const lock = locks
        .get(change.unit.id)
        ?.find((l) => l.startDate <= period.startDate && l.endDate >= period.endDate);
      if (lock) {
        locked.push({
          path: `values[${i}]`,
          message: `${change.indicator.code} for ${change.unit.code} in ${change.period} is locked: ${lock.approvedUnit} ${lock.approvedPeriod} is approved`,
        });
      }
    });
    if (locked.length > 0)
      throw new Conflict(
        'value.locked',
        `${locked.length} value(s) are locked by an approval; reopen it first. ${locked[0]!.message}`,
        locked,
      );
  }

  // Last write wins within a batch, as it would have sequentially.
  const byKey = new Map<string, Pending>();
  for (const change of changes) {
    const periodId = periodIds.get(change.period)!;
    const key = keyOf(change.indicator.id, change.unit.id, periodId);
    byKey.set(key, { change, periodId, key });
  }
  const wanted = [...byKey.values()];

  // What is stored now. A period this transaction created holds nothing yet (the usual monthly import).
  const old = new Map<string, { value: number; comment: string | null }>();
  const toLookUp = newPeriods.size === 0 ? wanted : wanted.filter((w) => !newPeriods.has(w.change.period));
  for (let start = 0; start < toLookUp.length; start += CHUNK) {
    const chunk = toLookUp.slice(start, start + CHUNK);
    const existing = await tx.query<{ i: number; u: number; p: number; value: number; comment: string | null }>(
      `select v.indicator_id as i, v.org_unit_id as u, v.period_id as p, v.value, v.comment
       from indicator_value v
       join unnest($1::int[], $2::int[], $3::int[]) as k(i, u, p) on v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = k.p`,
      [chunk.map((w) => w.change.indicator.id), chunk.map((w) => w.change.unit.id), chunk.map((w) => w.periodId)],
    );
    for (const row of existing) old.set(keyOf(row.i, row.u, row.p), row);
  }

  const upserts: Pending[] = [];
  const deletes: Pending[] = [];
  const audit: NewAuditEntry[] = [];
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
      deletes.push(pending);
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

  // Values of periods this transaction created are all new: copied in. The rest are upserted.
  const fresh = newPeriods.size === 0 ? [] : upserts.filter((w) => newPeriods.has(w.change.period));
  const existingPeriods = fresh.length === 0 ? upserts : upserts.filter((w) => !newPeriods.has(w.change.period));
  for (let start = 0; start < fresh.length; start += CHUNK) {
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
    await tx.copyIn('indicator_value', VALUE_COLUMNS, rows);
  }
  for (let start = 0; start < existingPeriods.length; start += CHUNK) {
    const chunk = existingPeriods.slice(start, start + CHUNK);
    await tx.query(
      `insert into indicator_value (indicator_id, org_unit_id, period_id, value, comment, source, updated_by)
       select k.i, k.u, k.p, k.v, k.c, $6::text, $7::text
       from unnest($1::int[], $2::int[], $3::int[], $4::float8[], $5::text[]) as k(i, u, p, v, c)
       on conflict (indicator_id, org_unit_id, period_id) do update
         set value = excluded.value, comment = excluded.comment, source = excluded.source,
             updated_by = excluded.updated_by, updated_at = now(), is_demo = false`,
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
  for (let start = 0; start < deletes.length; start += CHUNK) {
    const chunk = deletes.slice(start, start + CHUNK);
    await tx.query(
      `delete from indicator_value v using unnest($1::int[], $2::int[], $3::int[]) as k(i, u, p)
       where v.indicator_id = k.i and v.org_unit_id = k.u and v.period_id = k.p`,
      [chunk.map((w) => w.change.indicator.id), chunk.map((w) => w.change.unit.id), chunk.map((w) => w.periodId)],
    );
  }
  await appendAudit(tx, context, audit);
  return summary;
}
