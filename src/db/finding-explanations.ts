import type { Queryable } from './database.js';

/** What identifies a data-check finding: the rule that fired, its indicator (null for a multi-indicator rule), unit and period. */
export interface FindingKey {
  ruleCode: string;
  indicator: string | null;
  unit: string;
  period: string;
}

export interface FindingExplanation extends FindingKey {
  comment: string;
  explainedBy: string;
  /** ISO 8601, UTC. */
  explainedAt: string;
}

interface ExplanationRow {
  [key: string]: unknown;
  rule_code: string;
  indicator_code: string;
  unit: string;
  period_code: string;
  comment: string;
  explained_by: string;
  explained_at: string;
}

const SELECT_EXPLANATION = `select e.rule_code, e.indicator_code, u.code as unit, e.period_code, e.comment, e.explained_by,
    to_char(e.explained_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as explained_at
  from finding_explanation e join org_unit u on u.id = e.org_unit_id`;

const toExplanation = (row: ExplanationRow): FindingExplanation => ({
  ruleCode: row.rule_code,
  indicator: row.indicator_code === '' ? null : row.indicator_code,
  unit: row.unit,
  period: row.period_code,
  comment: row.comment,
  explainedBy: row.explained_by,
  explainedAt: row.explained_at,
});

/** The key a finding is stored and looked up by; '' stands for "no single indicator". */
export const findingKeyOf = (key: FindingKey) =>
  [key.ruleCode, key.indicator ?? '', key.unit, key.period].join('\u0000');

export async function findExplanation(db: Queryable, key: FindingKey): Promise<FindingExplanation | null> {
  const [row] = await db.query<ExplanationRow>(
    `${SELECT_EXPLANATION} where e.rule_code = $1 and e.indicator_code = $2 and u.code = $3 and e.period_code = $4`,
    [key.ruleCode, key.indicator ?? '', key.unit, key.period],
  );
  return row ? toExplanation(row) : null;
}

/** Explanations of findings in units at or below `rootId` for periods within the dates, keyed by findingKeyOf. */
export async function explanationsBelow(
  db: Queryable,
  rootId: number,
  fromDate: string,
  toDate: string,
): Promise<Map<string, FindingExplanation>> {
  const rows = await db.query<ExplanationRow>(
    `${SELECT_EXPLANATION} join org_unit_closure c on c.unit_id = e.org_unit_id join period p on p.code = e.period_code
     where c.ancestor_id = $1 and p.start_date >= $2::date and p.end_date <= $3::date`,
    [rootId, fromDate, toDate],
  );
  return new Map(rows.map((row) => [findingKeyOf(toExplanation(row)), toExplanation(row)]));
}

export async function upsertExplanation(
  db: Queryable,
  key: FindingKey,
  unitId: number,
  comment: string,
  actor: string,
): Promise<void> {
  await db.query(
    `insert into finding_explanation (rule_code, indicator_code, org_unit_id, period_code, comment, explained_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (rule_code, indicator_code, org_unit_id, period_code)
     do update set comment = excluded.comment, explained_by = excluded.explained_by, explained_at = now()`,
    [key.ruleCode, key.indicator ?? '', unitId, key.period, comment, actor],
  );
}

export async function deleteExplanation(db: Queryable, key: FindingKey, unitId: number): Promise<void> {
  await db.query(
    `delete from finding_explanation
     where rule_code = $1 and indicator_code = $2 and org_unit_id = $3 and period_code = $4`,
    [key.ruleCode, key.indicator ?? '', unitId, key.period],
  );
}
