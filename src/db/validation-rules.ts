import type { Queryable } from './database.js';
import type { ValidationRule } from '../domain/validation/rule-check.js';

/** A stored rule with its version (If-Match) and who changed it last. */
export interface StoredRule extends ValidationRule {
  version: number;
  updatedBy: string | null;
}

const SELECT_RULE = `select code, name_vi as "nameVi", name_en as "nameEn", left_formula as left, operator,
  right_formula as right, importance, tolerance, version, updated_by as "updatedBy" from validation_rule`;

export async function listValidationRules(db: Queryable): Promise<StoredRule[]> {
  return db.query<StoredRule>(`${SELECT_RULE} order by code`);
}

export async function findValidationRule(db: Queryable, code: string, lock = false): Promise<StoredRule | null> {
  const [row] = await db.query<StoredRule>(`${SELECT_RULE} where code = $1${lock ? ' for update' : ''}`, [code]);
  return row ?? null;
}

export async function upsertValidationRule(tx: Queryable, rule: ValidationRule, actor: string): Promise<void> {
  await tx.query(
    `insert into validation_rule (code, name_vi, name_en, left_formula, operator, right_formula, tolerance, importance,
       updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en, left_formula = excluded.left_formula,
       operator = excluded.operator, right_formula = excluded.right_formula, tolerance = excluded.tolerance,
       importance = excluded.importance, updated_by = excluded.updated_by, updated_at = now(),
       version = nextval('row_version_seq')`,
    [
      rule.code,
      rule.nameVi,
      rule.nameEn,
      rule.left,
      rule.operator,
      rule.right,
      rule.tolerance ?? 0,
      rule.importance,
      actor,
    ],
  );
}
