import type { Database } from '../db/database.js';
import { listChildren, unitIdsByCode, findUnit, type StoredUnit } from '../db/org-units.js';
import { rollUpEach } from '../db/roll-ups.js';
import { approvalStates, lastChanges } from '../db/indicator-table.js';
import { effectiveTargetsOfUnits } from '../db/unit-targets.js';
import { auditHistory } from '../db/audit-log.js';
import { findStoredValue } from '../db/indicator-values.js';
import { monthsOf, parsePeriod } from '../domain/periods.js';
import { reportingTotals, targetForYear, unitPeriodStatus } from '../domain/indicators/indicator-table.js';
import type { Actor } from '../domain/auth/actor.js';
import { publishedFilters, readableIndicator, seesAllData } from './published-view.js';

/**
 * One commune's row of the indicator page's table; values of unpublished periods are withheld from the public.
 * A commune without its own targets is measured against the province's, passed down (as on the overview).
 */
export async function indicatorUnitTable(
  db: Database,
  actor: Actor,
  code: string,
  unitCode: string,
  periodCode: string,
) {
  const indicator = await readableIndicator(db, actor, code);
  const parent = await findUnit(db, unitCode);
  const period = parsePeriod(periodCode);
  const summaries = await listChildren(db, parent.code);
  const ids = await unitIdsByCode(
    db,
    summaries.map((s) => s.code),
  );
  const units: StoredUnit[] = summaries.map((s) => ({ ...s, id: ids.get(s.code)! }));
  const unitIds = units.map((u) => u.id);
  const months = monthsOf(period);
  const [values, published, approvals, changes, targetsByUnit] = await Promise.all([
    rollUpEach(db, indicator, units, period.code),
    publishedFilters(db, actor, unitIds),
    approvalStates(db, unitIds, period.code),
    lastChanges(db, {
      indicatorId: indicator.id,
      unitIds,
      fromDate: months[0]!.startDate,
      toDate: months.at(-1)!.endDate,
    }),
    effectiveTargetsOfUnits(db, indicator, units),
  ]);
  const everything = seesAllData(actor);
  const rows = units.map((unit) => {
    const visible = published(unit.id, period.code);
    const rolled = values.get(unit.id);
    const value = visible ? (rolled?.value ?? null) : null;
    const { targets: effective, source: targetSource } = targetsByUnit.get(unit.id)!;
    const baselineRow = effective.filter((t) => t.kind === 'baseline' && t.year <= period.year).at(-1);
    const baseline = baselineRow ? { year: baselineRow.year, value: baselineRow.value } : null;
    const yearly = effective.filter((t) => t.kind === 'target').map((t) => ({ year: t.year, value: t.value }));
    const change = changes.get(unit.id);
    return {
      code: unit.code,
      nameVi: unit.nameVi,
      nameEn: unit.nameEn,
      value,
      target: targetForYear(yearly, period.year),
      targetSource,
      status: visible
        ? unitPeriodStatus(value, period, { baseline, targets: yearly }, indicator)
        : ('not_published' as const),
      reported: visible && value !== null,
      approval: everything ? (approvals.get(unit.id) ?? ('not_started' as const)) : null,
      updatedAt: everything ? (change?.updatedAt ?? null) : null,
      updatedBy: everything ? (change?.updatedBy ?? null) : null,
      source: everything ? (change?.source ?? null) : null,
    };
  });
  return {
    indicator: indicator.code,
    unit: parent.code,
    period: period.code,
    view: everything ? ('all' as const) : ('published' as const),
    totals: reportingTotals(rows),
    rows,
  };
}

/** Every recorded change to one unit's value of an indicator in a period, oldest first. */
export async function valueHistory(db: Database, actor: Actor, code: string, unitCode: string, period: string) {
  const indicator = await readableIndicator(db, actor, code);
  const unit = await findUnit(db, unitCode);
  const entries = await auditHistory(db, {
    entity: 'indicator_value',
    indicator: indicator.code,
    unit: unit.code,
    period,
  });
  const changes = entries.map((entry) => ({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    oldValue: numberIn(entry.oldValue),
    newValue: numberIn(entry.newValue),
    reason: entry.reason,
  }));
  const current = await findStoredValue(db, { indicatorId: indicator.id, unitId: unit.id, period });
  return {
    indicator: indicator.code,
    unit: unit.code,
    period,
    // Where the stored value came from (entry, import, DHIS2, demo): the audit records who and when, not the channel.
    source: current?.source ?? null,
    changes,
  };
}

function numberIn(recorded: unknown): number | null {
  if (typeof recorded === 'number') return recorded;
  if (recorded && typeof recorded === 'object' && 'value' in recorded && typeof recorded.value === 'number')
    return recorded.value;
  return null;
}
